/**
 * The options of `replay --scenario leaver`: the revocation budget, the probe interval, which shapes to run, and,
 * against an external tenant, one `--leaver OWNER=VAR` pair per shape: the userName of a disposable user and the
 * NAME of the environment variable holding that user's key (never the key itself, which would show in the process
 * list and the shell history). Each key is registered as a secret the moment it is read.
 * @see https://openid.net/specs/ipsie-al-scim-profile-1_0.html
 */
import type { InferredOptionTypes, Options } from 'yargs';
import type { LeaverPair, LeaverSource } from '../../../mock-idp/engine/index.js';
import { COMMAND_NUMERIC_OPTIONS } from '../../config/index.js';
import { HarnessError } from '../../errors/harness-error.js';
import type { RunningReferenceServer } from '../../reference-server/index.js';
import { LEAVER_SHAPES, type LeaverShapeName } from '../../run-contract/index.js';
import type { CommandContext } from '../command-context.js';
import { numberOption } from '../shared-options.js';

const { revokeBudget, probeInterval } = COMMAND_NUMERIC_OPTIONS;

/**
 * The leaver options. The numbers are checked while parsing against their rows of COMMAND_NUMERIC_OPTIONS; they
 * carry no yargs default, so that one given without `--scenario leaver` can be refused (the rows' defaults apply).
 */
export const LEAVER_OPTIONS = {
  'revoke-budget': numberOption(
    { ...revokeBudget, default: undefined },
    "Seconds a deprovisioned user's credential may keep working (leaver)",
    { defaultDescription: `${revokeBudget.default}, IPSIE's 5 minutes` },
  ),
  'probe-interval': numberOption(
    { ...probeInterval, default: undefined },
    'Seconds between two probes of the credential (leaver)',
    { defaultDescription: String(probeInterval.default) },
  ),
  shape: {
    type: 'string',
    array: true,
    choices: LEAVER_SHAPES,
    requiresArg: true,
    describe: 'Deactivation shapes to run (leaver; default all)',
  },
  leaver: {
    type: 'string',
    array: true,
    requiresArg: true,
    describe:
      "OWNER=VAR: a disposable user's userName and the NAME of the environment variable holding that user's key; one per shape, in order (leaver, external tenant)",
  },
} as const satisfies Record<string, Options>;

export type LeaverArgs = InferredOptionTypes<typeof LEAVER_OPTIONS>;

function usage(message: string, hint?: string): HarnessError {
  return new HarnessError('CONFIG_INVALID', message, hint === undefined ? {} : { hint });
}

/** The scenario's budget, interval and shapes, from the options or the table's defaults. */
export function leaverSettings(args: Partial<LeaverArgs>): {
  budgetMs: number;
  intervalMs: number;
  shapes: LeaverShapeName[] | undefined;
} {
  const budget = args['revoke-budget'] ?? revokeBudget.default;
  const interval = args['probe-interval'] ?? probeInterval.default;
  if (interval > budget)
    throw usage(
      `--probe-interval ${interval} is longer than --revoke-budget ${budget}: the credential would be probed once`,
    );
  const shapes = args.shape?.filter((shape): shape is LeaverShapeName =>
    (LEAVER_SHAPES as readonly string[]).includes(shape),
  );
  return { budgetMs: budget * 1000, intervalMs: interval * 1000, shapes };
}

/** Refuses the leaver options outside `--scenario leaver` (exit 2), so a mistyped scenario is not silently ignored. */
export function checkLeaverOptionsBelong(
  args: Partial<LeaverArgs> & { scenario?: string | undefined },
): void {
  if (args.scenario === 'leaver') return;
  const given = (['revoke-budget', 'probe-interval', 'shape', 'leaver'] as const).filter(
    (name) => args[name] !== undefined,
  );
  if (given.length > 0)
    throw usage(
      `${given.map((name) => `--${name}`).join(', ')} belong${given.length === 1 ? 's' : ''} to --scenario leaver`,
    );
}

/** The owners `--leaver` names (the text before each `=`): the sweep never deletes them. */
export function leaverOwnerNames(given: readonly (string | number)[] | undefined): string[] {
  return (given ?? []).flatMap((text) => {
    const at = String(text).lastIndexOf('=');
    const owner = at < 0 ? '' : String(text).slice(0, at).trim();
    return owner === '' ? [] : [owner];
  });
}

/** Reads one `OWNER=VAR` pair; the key is registered as a secret before anything else looks at it. */
function readPair(text: string, context: CommandContext, runToken: string): LeaverPair {
  const at = text.lastIndexOf('=');
  const owner = at < 0 ? '' : text.slice(0, at).trim();
  const variable = at < 0 ? '' : text.slice(at + 1).trim();
  const hint = 'e.g. --leaver jo@example.com=JO_KEY, with the key in the environment variable JO_KEY';
  if (owner === '' || variable === '') throw usage('--leaver expects OWNER=VAR', hint);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable))
    throw usage(
      `--leaver ${owner}=…: expects the NAME of an environment variable after "=", got something else`,
      hint,
    );
  const key = context.io.env[variable]?.trim() ?? '';
  // The name is not repeated: a key typed in place of the name would otherwise be printed.
  if (key === '')
    throw usage(`--leaver ${owner}=…: the environment variable named after "=" is not set or empty`, hint);
  context.secrets.register(key);
  if (/[\s\p{Cc}]/u.test(key))
    throw usage(`environment variable ${variable} holds whitespace or control characters inside the key`);
  if (key === runToken)
    throw usage(
      `environment variable ${variable} holds the run's own token: the scenario would revoke the token that restores the owners`,
      "give the key of the disposable user, not the run's provisioning token",
    );
  return { owner, key, label: `the key in ${variable}` };
}

/**
 * Where the leaver scenario's owners and keys come from: the embedded server mints them; an external tenant needs
 * at least one `--leaver OWNER=VAR` (the key-revocation scenario's `--owner` and `--owned-token-env` do not apply).
 */
export function resolveLeaverSource(
  args: Partial<LeaverArgs> & { owner?: string | undefined; 'owned-token-env'?: string | undefined },
  input: { context: CommandContext; server: RunningReferenceServer | undefined; runToken: string },
): LeaverSource {
  if (args.owner !== undefined || args['owned-token-env'] !== undefined)
    throw usage(
      '--owner and --owned-token-env belong to the key-revocation scenarios',
      'the leaver scenario takes one --leaver OWNER=VAR per shape',
    );
  const given = args.leaver ?? [];
  if (input.server !== undefined) {
    if (given.length > 0)
      throw usage(
        '--leaver is for an external tenant: the embedded server mints an owner and a key per shape',
        'add --tenant-url, or leave --leaver out',
      );
    return { kind: 'admin-api', origin: input.server.origin, adminToken: input.server.adminToken };
  }
  if (given.length === 0)
    throw usage(
      '--scenario leaver against --tenant-url needs --leaver OWNER=VAR (one per shape)',
      'name a disposable user and the environment variable holding its key, e.g. --leaver jo@example.com=JO_KEY',
    );
  const pairs = given.map((text) => readPair(String(text), input.context, input.runToken));
  const keys = new Set(pairs.map((pair) => pair.key));
  if (keys.size !== pairs.length)
    throw usage('two --leaver pairs hold the same key: each shape needs its own');
  return { kind: 'owned-keys', pairs };
}
