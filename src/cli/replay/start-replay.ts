/**
 * What `scim-harness replay` starts once its options are read: a plain replay or a key-revocation scenario, with
 * the token-ownership warning before anything changes. For an external tenant a scenario's key comes from the
 * environment variable named by `--owned-token-env` (never from argv) and is registered as a secret at once.
 * @see https://docs.datadoghq.com/account_management/scim/
 */
import {
  KEY_REVOCATION_SCENARIOS,
  type KeyRevocationScenario,
  type ReplayOptions,
  type ReplayOutcome,
  runKeyRevocation,
  runLeaver,
  runReplay,
  type ScenarioKeySource,
} from '../../../mock-idp/engine/index.js';
import { HarnessError } from '../../errors/harness-error.js';
import type { RunningReferenceServer } from '../../reference-server/index.js';
import type { CommandContext } from '../command-context.js';
import { formatTokenWarning } from '../token-warning.js';
import {
  checkLeaverOptionsBelong,
  type LeaverArgs,
  leaverSettings,
  resolveLeaverSource,
} from './leaver-options.js';

/** The options `startReplay` reads itself; the rest were resolved by replay.ts. */
export interface KeyScenarioArgs extends Partial<LeaverArgs> {
  scenario?: string | undefined;
  'owned-token-env'?: string | undefined;
  owner?: string | undefined;
}

export interface StartReplayInput {
  args: KeyScenarioArgs;
  context: CommandContext;
  /** The replay's options without the cycles and churn a scenario fixes itself. */
  common: Omit<ReplayOptions, 'cycles' | 'churn'>;
  cycles: number;
  churn: number;
  /** The embedded reference server, when the replay targets it. */
  server: RunningReferenceServer | undefined;
  /** Writes a line to stderr without tearing a progress bar. */
  note: (text: string) => void;
}

function usage(message: string, hint?: string): HarnessError {
  return new HarnessError('CONFIG_INVALID', message, hint === undefined ? {} : { hint });
}

function scenarioOf(name: string | undefined): KeyRevocationScenario | undefined {
  return KEY_REVOCATION_SCENARIOS.find((known) => known === name);
}

/** Reads the owned key from the variable `--owned-token-env` names; the key is registered before any check uses it. */
function readOwnedKey(name: string, context: CommandContext, runToken: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw usage(
      '--owned-token-env expects the NAME of an environment variable, got something else',
      'put the key in an environment variable and give its name, e.g. --owned-token-env OWNED_KEY',
    );
  }
  const value = context.io.env[name]?.trim() ?? '';
  // The name is not repeated: a key typed in place of the name would otherwise be printed.
  if (value === '') throw usage('the environment variable --owned-token-env names is not set or empty');
  context.secrets.register(value);
  if (/[\s\p{Cc}]/u.test(value))
    throw usage(`environment variable ${name} holds whitespace or control characters inside the key`);
  if (value === runToken) {
    throw usage(
      `environment variable ${name} holds the run's own token: the scenario would revoke the token that cleans up`,
      'give the key of the user (or service account) under test, not the provisioning token of the run',
    );
  }
  return value;
}

/**
 * The scenario's key source, or a usage error (exit 2) before anything runs: the embedded server mints its own
 * keys; an external tenant needs `--owned-token-env`, and `key-revocation` there needs `--owner`.
 */
export function resolveKeySource(
  scenario: KeyRevocationScenario | undefined,
  input: Pick<StartReplayInput, 'args' | 'context' | 'server'> & { runToken: string },
): ScenarioKeySource | undefined {
  const { args, server } = input;
  const variable = args['owned-token-env'];
  if (scenario === undefined) {
    if (variable !== undefined || args.owner !== undefined)
      throw usage('--owned-token-env and --owner belong to --scenario key-revocation or service-account-key');
    return undefined;
  }
  if (server !== undefined) {
    if (variable !== undefined || args.owner !== undefined)
      throw usage(
        '--owned-token-env and --owner are for an external tenant: the embedded server mints its own keys',
        'add --tenant-url, or leave both out',
      );
    return { kind: 'admin-api', origin: server.origin, adminToken: server.adminToken };
  }
  if (variable === undefined) {
    throw usage(
      `--scenario ${scenario} against --tenant-url needs --owned-token-env VAR`,
      scenario === 'key-revocation'
        ? 'put the application key of the user under test in VAR and name that user with --owner USERNAME'
        : "put a service account's application key in VAR",
    );
  }
  if (scenario === 'key-revocation' && args.owner === undefined)
    throw usage(
      '--scenario key-revocation against --tenant-url needs --owner USERNAME',
      'the userName of the user who owns the key in --owned-token-env',
    );
  if (scenario === 'service-account-key' && args.owner !== undefined)
    throw usage(
      '--scenario service-account-key takes no --owner: its key belongs to a service account',
      'leave out --owner, or run --scenario key-revocation',
    );
  if (args.owner !== undefined && args.owner.trim() === '') throw usage('--owner is empty');
  const key = readOwnedKey(variable, input.context, input.runToken);
  return {
    kind: 'owned-key',
    key,
    label: `the key in ${variable}`,
    ...(args.owner === undefined ? {} : { owner: args.owner.trim() }),
  };
}

/**
 * Runs the replay or the scenario the options ask for, warning on stderr (through `note`) who owns the run's
 * token before the first change; a scenario also says there what became of an external key owner.
 */
export async function startReplay(input: StartReplayInput): Promise<ReplayOutcome> {
  checkLeaverOptionsBelong(input.args);
  if (input.args.scenario === 'leaver') {
    // No provisioning cycles: each shape deprovisions an owner of its own and probes that owner's key.
    const source = resolveLeaverSource(input.args, { ...input, runToken: input.common.token });
    const { common } = input;
    return runLeaver(
      {
        tenantUrl: common.tenantUrl,
        token: common.token,
        runId: common.runId,
        seed: common.seed,
        ...leaverSettings(input.args),
        ...(common.mode === undefined ? {} : { mode: common.mode }),
        ...(common.idp === undefined ? {} : { idp: common.idp }),
        ...(common.oktaApp === undefined ? {} : { oktaApp: common.oktaApp }),
        ...(common.keep === undefined ? {} : { keep: common.keep }),
        ...(common.reportDir === undefined ? {} : { reportDir: common.reportDir }),
        ...(common.timeoutMs === undefined ? {} : { timeoutMs: common.timeoutMs }),
        ...(common.signal === undefined ? {} : { signal: common.signal }),
        ...(common.fetch === undefined ? {} : { fetch: common.fetch }),
        warn: input.note,
      },
      source,
    );
  }
  const scenario = scenarioOf(input.args.scenario);
  const source = resolveKeySource(scenario, { ...input, runToken: input.common.token });
  const options = {
    ...input.common,
    onTokenOwner: (finding: Parameters<typeof formatTokenWarning>[0]) =>
      input.note(formatTokenWarning(finding)),
  };
  if (scenario === undefined || source === undefined)
    return runReplay({ ...options, cycles: input.cycles, churn: input.churn });
  // An external owner's restore is told through `note` by the scenario itself, and recorded in replay.json as
  // `scenario.owner`, on every way out; replay.ts turns a failed one into exit 1.
  return runKeyRevocation(scenario, { ...options, warn: input.note }, source);
}
