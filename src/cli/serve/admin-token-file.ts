import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HarnessError } from '../../errors/harness-error.js';

/**
 * Where `serve` puts the admin token when not told: `.scim-harness/` in the working directory
 * (ignored by git), one file per port so several servers can run side by side. A fixed, local
 * place is easy to script against (`SCIM_TOKEN="$(cat .scim-harness/serve-8080.token)"`), unlike
 * a temp directory whose name changes every run.
 */
export function defaultAdminTokenFile(cwd: string, port: number): string {
  return path.join(cwd, '.scim-harness', `serve-${port}.token`);
}

/**
 * Writes the token readable by the owner only (0600, directory 0700). `chmod` after writing
 * because `mode` only applies when the file is created, and a file left by an earlier run may exist.
 */
export async function writeAdminTokenFile(file: string, token: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, `${token}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new HarnessError('IO_FAILED', `cannot write the admin token file ${file} (${reason})`, {
      cause: error,
      hint: 'choose another place with --admin-token-file',
    });
  }
}

/** Removes the token file; already gone is fine. */
export async function removeAdminTokenFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
