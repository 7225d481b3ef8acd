import { createRequire } from 'node:module';
import type yargsModule from 'yargs';
import type { Argv } from 'yargs';

/**
 * yargs loaded through its CommonJS entry on purpose: the ESM entry bundles a cliui that wraps help
 * text at a fixed column in the middle of words ("--list-qu / irks"), while the CommonJS one wraps
 * on word boundaries (wrap-ansi). Same API, same version.
 */
const yargs = createRequire(import.meta.url)('yargs') as typeof yargsModule;

/** A fresh parser over `argv` (no `process.argv`, no process exit). */
export function createParser(argv: readonly string[]): Argv {
  return yargs([...argv]).exitProcess(false);
}
