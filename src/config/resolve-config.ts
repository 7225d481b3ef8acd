import path from 'node:path';
import { HarnessError } from '../errors/harness-error.js';
import { isLogLevel, type LogLevel } from '../logging/index.js';
import type { SecretValue } from '../secrets/secret-value.js';
import { type ConfigFs, nodeConfigFs } from './config-fs.js';
import {
  COMMAND_NUMERIC_OPTIONS,
  NUMERIC_OPTIONS,
  type NumericOptionName,
  parseNumericOption,
} from './numeric-options.js';
import { generateRunId, parseRunId, seedFromRunId } from './run-id.js';
import { parseShard, type Shard } from './shard.js';
import { parseTenantUrl, type TenantUrl } from './tenant-url.js';
import { resolveToken, type TokenSource } from './token-source.js';

/** When a run exits non-zero: on a failed MUST, on a failed MUST or SHOULD, or never. */
export const FAIL_ON_LEVELS = ['must', 'should', 'none'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/** Configuration as it arrives from flags, environment or a file: everything optional, numbers maybe text. */
export interface RawConfigInput extends Partial<Record<NumericOptionName, number | string>> {
  tenantUrl?: string;
  tokenEnv?: string;
  tokenFile?: string;
  runId?: string;
  reportDir?: string;
  failOn?: string;
  baseline?: string;
  shard?: string;
  /** A list, or one comma-separated string. */
  profiles?: string | readonly string[];
  grep?: string;
  grepInvert?: string;
  logLevel?: string;
}

/** What the resolution may depend on besides input and environment; all defaulted from the process. */
export interface ResolveContext {
  cwd?: string;
  /** Profiles the suites define; `profiles` must be among them. */
  knownProfiles?: readonly string[];
  now?: Date;
  random?: (size: number) => Uint8Array;
}

/** The embedded reference server: started by the harness, no token needed from the user. */
export interface EmbeddedTarget {
  kind: 'embedded';
}

/** A SCIM tenant reached over the network with a bearer token. */
export interface TenantTarget {
  kind: 'tenant';
  tenant: TenantUrl;
  token: SecretValue;
  tokenSource: TokenSource;
}

export type Target = EmbeddedTarget | TenantTarget;

/** A complete, validated configuration; the single input of a run. */
export interface ResolvedConfig extends Record<Exclude<NumericOptionName, 'rate' | 'seed'>, number> {
  target: Target;
  runId: string;
  /** Absolute. */
  reportDir: string;
  failOn: FailOn;
  /** Absolute path of an earlier report to compare against. */
  baseline: string | undefined;
  shard: Shard | undefined;
  profiles: readonly string[];
  grep: RegExp | undefined;
  grepInvert: RegExp | undefined;
  /** Requests per second; undefined: unthrottled. */
  rate: number | undefined;
  seed: number;
  logLevel: LogLevel;
}

function invalid(message: string, hint?: string): HarnessError {
  return new HarnessError('CONFIG_INVALID', message, hint === undefined ? {} : { hint });
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw invalid(`${flag} "${value}" is not one of: ${allowed.join(', ')}`);
  return found;
}

function regExp(flag: string, source: string | undefined): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source);
  } catch (error) {
    throw invalid(
      `${flag} "${source}" is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** `--fail-on` (or the variable `source` that carries it) → a fail-on level; anything else is refused. */
export function parseFailOn(value: string, source = '--fail-on'): FailOn {
  return oneOf(source, value, FAIL_ON_LEVELS);
}

/**
 * A list of profile names, or one comma-separated string, checked against the profiles the suites define: an unknown
 * name is refused, so a typo never runs fewer checks.
 */
export function parseProfileList(value: RawConfigInput['profiles'], known: readonly string[]): string[] {
  if (value === undefined) return [];
  const list = (typeof value === 'string' ? value.split(',') : value).map((p) => p.trim()).filter(Boolean);
  const unknown = list.filter((p) => !known.includes(p));
  if (unknown.length > 0)
    throw invalid(
      `unknown profile${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      known.length > 0 ? `known profiles: ${known.join(', ')}` : 'no profiles are defined',
    );
  return [...new Set(list)];
}

function numeric(input: RawConfigInput, name: NumericOptionName): number | undefined {
  const value = input[name];
  return value === undefined ? NUMERIC_OPTIONS[name].default : parseNumericOption(name, value);
}

function target(input: RawConfigInput, env: NodeJS.ProcessEnv, fs: ConfigFs, cwd: string): Target {
  if (input.tenantUrl === undefined) {
    const stray =
      input.tokenEnv !== undefined
        ? '--token-env'
        : input.tokenFile !== undefined
          ? '--token-file'
          : undefined;
    if (stray) throw invalid(`${stray} needs --tenant-url: the embedded server issues its own token`);
    return { kind: 'embedded' };
  }
  const tenant = parseTenantUrl(input.tenantUrl);
  const { token, source } = resolveToken(input, env, fs, cwd);
  return { kind: 'tenant', tenant, token, tokenSource: source };
}

/**
 * Turns raw input into a complete configuration, or throws `HarnessError('CONFIG_INVALID' |
 * 'SECRET_EXPOSED')` naming the offending option. Pure apart from reading the token file and
 * checking the baseline exists (through `fs`), and the clock and randomness of a generated run id.
 */
export function resolveConfig(
  input: RawConfigInput,
  env: NodeJS.ProcessEnv,
  fs: ConfigFs = nodeConfigFs,
  context: ResolveContext = {},
): ResolvedConfig {
  const cwd = context.cwd ?? process.cwd();
  const runId =
    input.runId === undefined ? generateRunId(context.now, context.random) : parseRunId(input.runId);
  let baseline: string | undefined;
  if (input.baseline !== undefined) {
    baseline = path.resolve(cwd, input.baseline);
    if (fs.kind(baseline) === 'missing') throw invalid(`--baseline ${baseline} does not exist`);
  }
  const logLevel = input.logLevel ?? 'info';
  if (!isLogLevel(logLevel))
    throw invalid(`--log-level "${logLevel}" is not one of: fatal, error, warn, info, debug, trace, silent`);
  const resolvedTarget = target(input, env, fs, cwd);
  return {
    target: resolvedTarget,
    runId,
    reportDir: path.resolve(cwd, input.reportDir ?? path.join('reports', runId)),
    failOn: input.failOn === undefined ? 'must' : parseFailOn(input.failOn),
    baseline,
    shard: input.shard === undefined ? undefined : parseShard(input.shard),
    profiles: parseProfileList(input.profiles, context.knownProfiles ?? []),
    grep: regExp('--grep', input.grep),
    grepInvert: regExp('--grep-invert', input.grepInvert),
    requestTimeoutMs: numeric(input, 'requestTimeoutMs') ?? NUMERIC_OPTIONS.requestTimeoutMs.default,
    testTimeoutMs: numeric(input, 'testTimeoutMs') ?? NUMERIC_OPTIONS.testTimeoutMs.default,
    concurrency:
      (input.concurrency === undefined ? undefined : numeric(input, 'concurrency')) ??
      (resolvedTarget.kind === 'tenant'
        ? COMMAND_NUMERIC_OPTIONS.tenantRunConcurrency.default
        : NUMERIC_OPTIONS.concurrency.default),
    retries: numeric(input, 'retries') ?? NUMERIC_OPTIONS.retries.default,
    rate: numeric(input, 'rate'),
    seed: numeric(input, 'seed') ?? seedFromRunId(runId),
    logLevel,
  };
}
