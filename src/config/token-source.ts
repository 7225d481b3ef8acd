import path from 'node:path';
import { HarnessError } from '../errors/harness-error.js';
import { SecretValue } from '../secrets/secret-value.js';
import { type ConfigFs, describeFsError } from './config-fs.js';

/** The environment variable read for the target's bearer token when nothing else is said. */
export const DEFAULT_TOKEN_ENV = 'SCIM_TOKEN';

const TOKEN_HINT = `put the token in ${DEFAULT_TOKEN_ENV}, or name another variable with --token-env, or a file with --token-file`;

/** Where the token came from; recorded in reports instead of the token itself. */
export type TokenSource = { kind: 'env'; name: string } | { kind: 'file'; path: string };

export interface TokenInput {
  tokenEnv?: string | undefined;
  tokenFile?: string | undefined;
}

function invalid(message: string): HarnessError {
  return new HarnessError('CONFIG_INVALID', message, { hint: TOKEN_HINT });
}

/** A header value cannot hold whitespace or control characters; a token with them was mis-copied. */
function checkShape(token: string, where: string): SecretValue {
  if (token.length === 0) throw invalid(`${where} is empty`);
  if (/[\s\p{Cc}]/u.test(token))
    throw invalid(`${where} holds whitespace or control characters inside the token`);
  return new SecretValue(token);
}

/**
 * Reads the bearer token for a tenant: from `--token-file` (trimmed), from the variable named by
 * `--token-env`, else from `SCIM_TOKEN`. Never from argv: see {@link assertNoSecretsInArgv}.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export function resolveToken(
  input: TokenInput,
  env: NodeJS.ProcessEnv,
  fs: ConfigFs,
  cwd: string,
): { token: SecretValue; source: TokenSource } {
  if (input.tokenEnv !== undefined && input.tokenFile !== undefined)
    throw new HarnessError('CONFIG_INVALID', '--token-env and --token-file are mutually exclusive', {
      hint: 'give one source for the token',
    });
  if (input.tokenFile !== undefined) {
    const file = path.resolve(cwd, input.tokenFile);
    const kind = fs.kind(file);
    if (kind === 'missing') throw invalid(`--token-file ${file} does not exist`);
    if (kind !== 'file') throw invalid(`--token-file ${file} is not a regular file`);
    let text: string;
    try {
      text = fs.readTextFile(file);
    } catch (error) {
      throw invalid(`--token-file ${file} cannot be read (${describeFsError(error)})`);
    }
    return { token: checkShape(text.trim(), `--token-file ${file}`), source: { kind: 'file', path: file } };
  }
  const name = input.tokenEnv ?? DEFAULT_TOKEN_ENV;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw invalid(`--token-env expects the NAME of an environment variable, got something else`);
  const value = env[name];
  if (value === undefined || value.trim() === '')
    throw invalid(`environment variable ${name} is not set or empty`);
  return { token: checkShape(value.trim(), `environment variable ${name}`), source: { kind: 'env', name } };
}

/** Flags that would carry a secret value on the command line (visible in `ps`, shell history, CI logs). */
export const SECRET_FLAGS = [
  'token',
  'bearer',
  'bearer-token',
  'access-token',
  'auth-token',
  'admin-token',
  'api-key',
  'apikey',
  'dd-api-key',
  'dd-application-key',
  'app-key',
  'authorization',
  'client-secret',
  'secret',
  'password',
] as const;

const SECRET_FLAG_SET = new Set<string>(SECRET_FLAGS);

function flagName(arg: string): string | undefined {
  const match = /^--?([A-Za-z][\w-]*)(?:=|$)/.exec(arg);
  if (!match?.[1]) return undefined;
  // yargs accepts camelCase spellings of kebab flags: --adminToken is --admin-token.
  const name = match[1].replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return name.startsWith('no-') ? name.slice(3) : name;
}

/**
 * Refuses argv that carries a secret: `--token=…`, `--token …`, `--bearer`, `--api-key`, camelCase
 * spellings, or any argument holding `Bearer <credentials>`. The message names the flag, never the
 * value. Arguments after `--` are not options and are not inspected.
 */
export function assertNoSecretsInArgv(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') return;
    const name = flagName(arg);
    const offending = name !== undefined && SECRET_FLAG_SET.has(name) ? `--${name}` : undefined;
    if (offending !== undefined || /\b(?:Bearer|Basic)\s+\S/i.test(arg))
      throw new HarnessError(
        'SECRET_EXPOSED',
        offending !== undefined
          ? `${offending} would put a secret on the command line, where ps, shell history and CI logs keep it`
          : 'an argument holds a bearer credential; secrets must not be passed on the command line',
        { hint: TOKEN_HINT },
      );
  }
}
