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

/** The part of yargs' `getOptions()` the CLI reads; the method exists at runtime but @types/yargs does not declare it. */
interface YargsOptionsView {
  key: Record<string, unknown>;
  alias: Record<string, string[]>;
  boolean: string[];
}

/**
 * The option names and boolean options the parser knows at this moment. After a failed parse, yargs has reset the
 * parser to the command it was in, so these are that command's options: the ones to suggest for a mistyped flag.
 * Empty when the method is missing (another yargs), so suggestions are lost but nothing breaks.
 */
export function currentOptions(parser: Argv): { names: string[]; booleans: string[] } {
  const getOptions = (parser as unknown as { getOptions?: () => YargsOptionsView }).getOptions;
  if (typeof getOptions !== 'function') return { names: [], booleans: [] };
  const view = getOptions.call(parser);
  return {
    names: [...Object.keys(view.key), ...Object.values(view.alias).flat()],
    booleans: [...view.boolean],
  };
}
