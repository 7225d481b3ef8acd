/**
 * How `scim-harness run` starts the conformance suites: Playwright's own CLI in a child process, resolved from the
 * installed package so it works from any working directory, with the target handed over in the environment only
 * (the token never appears in argv, where `ps` and CI logs would show it).
 * @see ../../run-contract/run-env.ts for the environment contract
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ResolvedConfig } from '../../config/index.js';
import { findPackageRoot } from '../../config/package-root.js';
import { DEFAULT_PROFILES, RUN_ENV } from '../../run-contract/index.js';

/**
 * Where the suites' output ends up: the command's stderr (suites-process.ts). The child only ever sees a pipe, so the
 * command says whether that stderr is a terminal, and how wide.
 */
export interface SuitesTerminal {
  tty: boolean;
  columns?: number;
  /** `run --verbose`. */
  verbose: boolean;
}

/** Where the package's own files are: the suites ship as TypeScript beside the compiled CLI. */
export interface PackagePaths {
  root: string;
  playwrightCli: string;
  suitesConfig: string;
  reporter: string;
}

/** The package root's paths the run needs (src/cli/run in a checkout, dist/src/cli/run installed). */
export function packagePaths(from: string = import.meta.url): PackagePaths {
  const { dir, manifest } = findPackageRoot(from);
  return {
    root: dir,
    playwrightCli: createRequire(manifest).resolve('@playwright/test/cli'),
    suitesConfig: path.join(dir, 'suites', 'playwright.config.ts'),
    reporter: path.join(dir, 'suites', 'reporter', 'conformance-reporter.ts'),
  };
}

export interface SuitesInvocation {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Variables a parent shell may have set that would point the suites elsewhere; the run sets its own. */
const INHERITED_TARGET_KEYS = [
  RUN_ENV.url,
  RUN_ENV.token,
  RUN_ENV.adminOrigin,
  RUN_ENV.runId,
  RUN_ENV.runDir,
  RUN_ENV.seed,
  RUN_ENV.serverMode,
];

/** The profiles a run covers: those asked for, else the default ones ({@link DEFAULT_PROFILES}). */
export function selectedProfiles(config: Pick<ResolvedConfig, 'profiles'>): string[] {
  return config.profiles.length > 0 ? [...config.profiles] : [...DEFAULT_PROFILES];
}

/**
 * The child process that runs the suites. Pure. `token` is the tenant's token (absent for the embedded server, whose
 * global setup starts it and issues its own). `terminal` is where its output is shown; without it the suites keep
 * Playwright's `list` reporter.
 */
export function suitesInvocation(
  config: ResolvedConfig,
  paths: PackagePaths,
  env: NodeJS.ProcessEnv,
  cwd: string,
  options: { terminal?: SuitesTerminal; nodePath?: string } = {},
): SuitesInvocation {
  const childEnv: NodeJS.ProcessEnv = { ...env };
  for (const key of [
    ...INHERITED_TARGET_KEYS,
    RUN_ENV.terminal,
    RUN_ENV.columns,
    RUN_ENV.verbose,
    RUN_ENV.profiles,
  ])
    delete childEnv[key];
  const { terminal } = options;
  if (terminal) {
    childEnv[RUN_ENV.terminal] = terminal.tty ? 'tty' : 'plain';
    if (terminal.columns !== undefined) childEnv[RUN_ENV.columns] = String(terminal.columns);
    if (terminal.verbose) childEnv[RUN_ENV.verbose] = '1';
  }
  if (config.target.kind === 'tenant') {
    // The user's own variable is not needed by the suites: the token travels under one name only.
    if (config.target.tokenSource.kind === 'env') delete childEnv[config.target.tokenSource.name];
    childEnv[RUN_ENV.url] = config.target.tenant.href;
    childEnv[RUN_ENV.token] = config.target.token.reveal();
  }
  childEnv[RUN_ENV.runId] = config.runId;
  childEnv[RUN_ENV.runDir] = config.reportDir;
  childEnv[RUN_ENV.seed] = String(config.seed);
  childEnv[RUN_ENV.timeoutMs] = String(config.requestTimeoutMs);
  childEnv[RUN_ENV.reporter] = paths.reporter;
  childEnv[RUN_ENV.failOn] = config.failOn;
  childEnv[RUN_ENV.workers] = String(config.concurrency);
  childEnv[RUN_ENV.profiles] = selectedProfiles(config).join(',');
  const args = [paths.playwrightCli, 'test', '-c', paths.suitesConfig];
  if (config.grep) args.push('--grep', config.grep.source);
  if (config.grepInvert) args.push('--grep-invert', config.grepInvert.source);
  if (config.shard) args.push(`--shard=${config.shard.index}/${config.shard.total}`);
  args.push(`--timeout=${config.testTimeoutMs}`);
  return { command: options.nodePath ?? process.execPath, args, env: childEnv, cwd };
}
