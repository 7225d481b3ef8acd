import { closestNames } from './did-you-mean.js';

/** What the parser knew at the level where it failed: the current command's options, for suggestions. */
export interface ParserOptions {
  /** Option names the command accepts (kebab-case as declared; aliases included). */
  names: readonly string[];
  /** Options that take no value, so a positional after them is not their argument. */
  booleans: readonly string[];
}

/** The command names the CLI declares: top level, and the subcommands of each command that has them. */
export interface CommandTree {
  top: readonly string[];
  sub: Readonly<Record<string, readonly string[]>>;
}

/** A flag as typed: `--grep`, `--grep=x`, `-h`; undefined for anything else (a value, `-1`, `--`). */
function flagName(token: string): string | undefined {
  const match = /^--?([A-Za-z][\w-]*)(=.*)?$/.exec(token);
  return match?.[1];
}

function isKnown(name: string, options: ParserOptions): boolean {
  const known = new Set(options.names);
  return known.has(name) || (name.startsWith('no-') && known.has(name.slice(3)));
}

/**
 * The positional words of `argv`, roughly as yargs sees them: a flag without `=` takes the next word as its value
 * unless it is a boolean. Used only to say which word a parser complaint is about.
 */
export function positionalWords(argv: readonly string[], options: ParserOptions): string[] {
  const words: string[] = [];
  const booleans = new Set(options.booleans);
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === '--') break;
    const name = flagName(token);
    if (name === undefined) {
      words.push(token);
      continue;
    }
    const takesValue = !token.includes('=') && !booleans.has(name) && !booleans.has(name.replace(/^no-/, ''));
    if (takesValue && i + 1 < argv.length && flagName(argv[i + 1] ?? '') === undefined) i++;
  }
  return words;
}

/** `unknown option --grpe (did you mean --grep?)`, or `unexpected argument "x"` for a word that is no flag. */
function describeUnknown(name: string, argv: readonly string[], options: ParserOptions): string {
  const typedAsFlag = argv.some((token) => flagName(token) === name);
  if (!typedAsFlag) return `unexpected argument "${name}"`;
  const dashes = name.length === 1 ? '-' : '--';
  const close = closestNames(
    name,
    options.names.filter((candidate) => candidate.length > 1 && candidate === candidate.toLowerCase()),
  );
  return `unknown option ${dashes}${name}${close.length > 0 ? ` (did you mean ${close.map((c) => `--${c}`).join(', ')}?)` : ''}`;
}

/** Flags in `argv` the current command does not know, as typed (without dashes or value). */
export function unknownFlags(argv: readonly string[], options: ParserOptions): string[] {
  const unknown: string[] = [];
  for (const token of argv) {
    if (token === '--') break;
    const name = flagName(token);
    if (name !== undefined && !isKnown(name, options) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/**
 * Rewrites a yargs complaint so that it says what was wrong and what was probably meant. yargs' `strict()` and
 * `recommendCommands()` find the problems; what they say is completed here:
 * - "Did you mean merge?" does not say which word was unknown: the word nearest to the suggestion is named.
 * - "Unknown argument: grpe" suggests nothing: yargs has no suggestion for options, so did-you-mean.ts proposes the
 *   nearest options of the command, and a stray word is told apart from a flag.
 * - "a command is required" is what yargs reports for `--versoin` (its command check runs before the strict one):
 *   an unknown flag is named instead.
 * - A number option's value that is not a number reaches the option's check as NaN: the word typed is put back.
 */
export function usageMessage(
  message: string,
  argv: readonly string[],
  options: ParserOptions,
  commands: CommandTree,
): string {
  const words = positionalWords(argv, options);
  const recommended = /^Did you mean (\S+)\?$/.exec(message)?.[1];
  if (recommended !== undefined) {
    const parent = Object.entries(commands.sub).find(([, names]) => names.includes(recommended))?.[0];
    const candidates = words.filter((word) => word !== recommended && word !== parent);
    const typed = closestNames(recommended, candidates, 1)[0] ?? candidates[0] ?? '';
    return `unknown ${parent === undefined ? '' : `${parent} `}command "${typed}". Did you mean ${recommended}?`;
  }
  const unknownList = /^Unknown arguments?: (.+)$/.exec(message)?.[1];
  if (unknownList !== undefined) {
    return unknownList
      .split(', ')
      .map((name) => {
        const index = words.indexOf(name);
        if (index === 0) return `unknown command "${name}" (one of: ${commands.top.join(', ')})`;
        const parent = index === 1 ? words[0] : undefined;
        if (parent !== undefined && commands.sub[parent] !== undefined)
          return `unknown ${parent} command "${name}" (one of: ${commands.sub[parent]?.join(', ')})`;
        return describeUnknown(name, argv, options);
      })
      .join('; ');
  }
  if (/command is required$/.test(message)) {
    const unknown = unknownFlags(argv, options);
    if (unknown.length > 0) return unknown.map((name) => describeUnknown(name, argv, options)).join('; ');
  }
  if (/^Not enough non-option arguments/.test(message) && words[0] === 'report' && words[1] === 'merge')
    return 'report merge needs the report folders of the shards, e.g. scim-harness report merge reports/shard-1 reports/shard-2';
  const notANumber = /^(--[a-z][a-z0-9-]*) (must be .*), got something that is not a number$/.exec(message);
  if (notANumber) {
    const [, flag, rule] = notANumber;
    const typed = typedValue(argv, flag ?? '');
    if (typed !== undefined) return `${flag} ${rule}, got "${typed}"`;
  }
  return message;
}

/** The value typed after `--flag` or as `--flag=value` (the last one), if any. */
function typedValue(argv: readonly string[], flag: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === flag) value = argv[i + 1];
    else if (token.startsWith(`${flag}=`)) value = token.slice(flag.length + 1);
  }
  return value;
}
