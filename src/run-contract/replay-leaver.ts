/**
 * The leaver matrix (`replay --scenario leaver`): for each way an identity provider deactivates a user, whether the
 * user's own credential was refused afterwards, how soon, and whether it came back when the user was reactivated.
 * Recorded in replay.json as `scenario.shapes`, shown as a table in report.html and on the terminal, with the same
 * words everywhere (see {@link describeLeaverCells}).
 *
 * The rule it measures is the OpenID IPSIE account-lifecycle SCIM profile, §5.1 (AL1, user deprovisioning).
 * @see https://openid.net/specs/ipsie-al-scim-profile-1_0.html
 */
import { KEY_OWNER_RESTORE_SCHEMA, type ReplayKeyOwnerRestore } from './replay-key-owner.js';

/**
 * The deactivation shapes, in the order the matrix lists them (and `--leaver` pairs are handed out):
 * - `entra-legacy`: Entra's default client, `PATCH` `{"op":"Replace","path":"active","value":"False"}` (a string);
 * - `entra-compliant`: Entra with the `aadOptscim062020` flag, `{"op":"replace","path":"active","value":false}`;
 * - `okta-path-less`: Okta (OIN apps), a path-less `{"op":"replace","value":{"active":false}}`;
 * - `full-put`: a `PUT` of the whole user with `"active": false` (Okta AIW apps);
 * - `delete`: `DELETE /Users/{id}`.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20
 */
export const LEAVER_SHAPES = [
  'entra-legacy',
  'entra-compliant',
  'okta-path-less',
  'full-put',
  'delete',
] as const;
export type LeaverShapeName = (typeof LEAVER_SHAPES)[number];

/**
 * What came of one shape: the credential was refused within the budget (`revoked`) or after it (`late`), was still
 * accepted when the budget ran out (`not-revoked`), the target refused the deactivation itself
 * (`not-deprovisioned`), or the shape did not run (`untested`, with the reason in `note`).
 */
export const LEAVER_SHAPE_OUTCOMES = [
  'revoked',
  'late',
  'not-revoked',
  'not-deprovisioned',
  'untested',
] as const;
export type LeaverShapeOutcome = (typeof LEAVER_SHAPE_OUTCOMES)[number];

/** IPSIE's budget for revocation: "SHOULD occur within 5 minutes of receiving the deactivation request" (§5.1). */
export const IPSIE_REVOKE_BUDGET_SECONDS = 300;

/** What IPSIE §5.1 asks of a deactivation, quoted. */
export const IPSIE_LEAVER_RULE =
  'IPSIE AL SCIM profile §5.1: "When a user account is deactivated, all access mechanisms and authorizations associated with that account MUST also be deactivated" (API tokens and personal access tokens among them), and "Revocation SHOULD occur within 5 minutes of receiving the deactivation request."';

/**
 * What IPSIE says of reactivation, quoted, and what it leaves open. The profile requires that reactivation be
 * allowed and that deactivation deactivate every credential; it does not say that reactivation restores them.
 */
export const IPSIE_REACTIVATION_RULE =
  'IPSIE AL SCIM profile §5.1: "The Application MUST allow reactivation of a deactivated user." It does not say that the credentials deactivated with the account come back: a key that works again after reactivation was never truly revoked, so the expected reading is that it stays revoked and the user is issued a new one (Datadog documents a revoked user key as broken for good).';

/** One row of the leaver matrix. Never holds a credential. */
export interface ReplayLeaverShape {
  shape: LeaverShapeName;
  /** The deactivating request as sent, the user's id written `{id}`: `PATCH /Users/{id} [{"op":"replace",…}]`. */
  request: string;
  /** Milliseconds from sending the deactivation to the first refusal (401/403); null when none came (or untested). */
  revokedAfterMs: number | null;
  /** Whether the refusal came within the budget; null when the shape did not run. */
  withinBudget: boolean | null;
  /**
   * Whether the credential was accepted again after the user was reactivated. Null when that does not apply or could
   * not be seen: DELETE (nothing to reactivate), a credential never refused, a refused reactivation, an untested shape.
   */
  restoredOnReactivation: boolean | null;
  outcome: LeaverShapeOutcome;
  /** Why a value is null or the shape did not run, in words (`untested (no owner/key given)`). */
  note?: string;
  /** The reactivating request as sent; absent for DELETE and for shapes that did not get that far. */
  reactivation?: string;
  /** Probes sent with the credential after the deactivation (the reactivation probe not counted). */
  probes?: number;
  /** Answers to probes that were neither acceptance (2xx) nor refusal (401/403), by status or network outcome. */
  notRefusals?: Record<string, number>;
  /** An external owner (`--leaver OWNER=VAR`): what became of its `active` afterwards. */
  owner?: ReplayKeyOwnerRestore;
}

/** JSON Schema (draft-07) of {@link ReplayLeaverShape}, as replay.json holds it under `scenario.shapes`. */
export const LEAVER_SHAPE_SCHEMA = {
  type: 'object',
  required: ['shape', 'request', 'revokedAfterMs', 'withinBudget', 'restoredOnReactivation', 'outcome'],
  properties: {
    shape: { enum: [...LEAVER_SHAPES] },
    request: { type: 'string' },
    revokedAfterMs: { type: ['number', 'null'], minimum: 0 },
    withinBudget: { type: ['boolean', 'null'] },
    restoredOnReactivation: { type: ['boolean', 'null'] },
    outcome: { enum: [...LEAVER_SHAPE_OUTCOMES] },
    note: { type: 'string' },
    reactivation: { type: 'string' },
    probes: { type: 'integer', minimum: 0 },
    notRefusals: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
    owner: KEY_OWNER_RESTORE_SCHEMA,
  },
} as const;

/** `0.4 s`, `12.3 s`, `5 min`: a duration as the matrix shows it. */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  if (seconds >= 60 && Number.isInteger(seconds / 60)) return `${seconds / 60} min`;
  return `${Number(seconds.toFixed(seconds < 10 ? 1 : 0))} s`;
}

/** The matrix's cells for one row, in words: the same on the terminal and in report.html. */
export interface LeaverCells {
  shape: string;
  request: string;
  revokedAfter: string;
  withinBudget: string;
  restored: string;
}

/** Words for one row, given the budget the run used. */
export function describeLeaverCells(row: ReplayLeaverShape, budgetMs: number): LeaverCells {
  const base = { shape: row.shape, request: row.request };
  if (row.outcome === 'untested')
    return { ...base, revokedAfter: `untested (${row.note ?? 'not run'})`, withinBudget: '—', restored: '—' };
  if (row.outcome === 'not-deprovisioned')
    return {
      ...base,
      revokedAfter: `not deprovisioned (${row.note ?? 'the target refused the deactivation'})`,
      withinBudget: 'no',
      restored: '—',
    };
  const revokedAfter =
    row.revokedAfterMs === null
      ? `still accepted after the budget (${formatSeconds(budgetMs)})`
      : `${formatSeconds(row.revokedAfterMs)}${row.outcome === 'late' ? ' (late)' : ''}`;
  const restored =
    row.restoredOnReactivation === true
      ? 'YES: the old credential works again'
      : row.restoredOnReactivation === false
        ? 'no: it stays revoked'
        : row.shape === 'delete'
          ? 'not applicable (DELETE: nothing to reactivate)'
          : `unknown (${row.note ?? 'not probed'})`;
  return { ...base, revokedAfter, withinBudget: row.withinBudget === true ? 'yes' : 'NO', restored };
}
