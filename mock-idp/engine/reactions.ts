import type { ScimExchange } from '../../src/http/index.js';
import type { ClientOperation } from '../requests/index.js';

/**
 * What the Entra provisioning service does with a response, as data: one row per kind of outcome.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-quarantine-status
 * @see https://learn.microsoft.com/en-us/entra/identity/monitoring-health/concept-provisioning-logs
 */
export const REACTION_KINDS = [
  'success',
  'unauthorized',
  'queryNotFound',
  'anchorNotFound',
  'conflict',
  'duplicates',
  'throttled',
  'serverError',
  'timeout',
  'networkError',
  'badRequest',
] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/**
 * `quarantine` stops the job; `invalidAnchor` forgets nothing and never re-creates; `retryNextCycle` escrows.
 * Okta's: `notFound` (a lookup's 404 means no match, and the create follows) and `taskFailed` (the operation becomes
 * a failed task in Okta's Dashboard until an admin retries it; nothing is sent for the object again by itself).
 */
export const REACTION_EFFECTS = [
  'none',
  'quarantine',
  'invalidAnchor',
  'retryNextCycle',
  'notFound',
  'taskFailed',
] as const;
export type ReactionEffect = (typeof REACTION_EFFECTS)[number];

export const QUARANTINE_REASONS = [
  'EncounteredQuarantineException',
  'ScimComplianceIssue',
  'EncounteredEscrowProportionThreshold',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export interface Reaction {
  /** The error code the provisioning log shows (Entra's vocabulary). */
  readonly errorCode: string | undefined;
  readonly effect: ReactionEffect;
  readonly quarantineReason?: QuarantineReason;
  readonly explanation: string;
}

/** What a client does with each kind of outcome. */
export type ReactionTable = Readonly<Record<ReactionKind, Reaction>>;

/** The per-status table of research §3.8. */
export const ENTRA_REACTIONS: ReactionTable = {
  success: { errorCode: undefined, effect: 'none', explanation: 'The target accepted the operation.' },
  unauthorized: {
    errorCode: 'Unauthorized',
    effect: 'quarantine',
    quarantineReason: 'EncounteredQuarantineException',
    explanation: 'Invalid credentials (401/403): the job is quarantined regardless of failure counts.',
  },
  queryNotFound: {
    errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
    effect: 'quarantine',
    quarantineReason: 'ScimComplianceIssue',
    explanation: 'SCIM compliance issue: a query answered 404 instead of 200 with an empty ListResponse.',
  },
  anchorNotFound: {
    errorCode: 'InvalidAnchor',
    effect: 'invalidAnchor',
    explanation:
      'A previously provisioned object no longer exists in the target; Entra does not re-create it.',
  },
  conflict: {
    errorCode: 'EntryConflict',
    effect: 'retryNextCycle',
    explanation: 'The target reported a conflict (409); the object is retried in the next cycle.',
  },
  duplicates: {
    errorCode: 'DuplicateTargetEntries',
    effect: 'retryNextCycle',
    explanation: 'More than one target object matched the matching attribute.',
  },
  throttled: {
    errorCode: 'TooManyRequests',
    effect: 'retryNextCycle',
    explanation: 'The target throttled (429) beyond the retries; the object is retried in the next cycle.',
  },
  serverError: {
    errorCode: 'InternalServerError',
    effect: 'retryNextCycle',
    explanation: 'The target failed (5xx); the object is retried in the next cycle.',
  },
  timeout: {
    errorCode: 'Timeout',
    effect: 'retryNextCycle',
    explanation: 'The target took too long to respond; the object is retried in the next cycle.',
  },
  networkError: {
    errorCode: 'WebExceptionProtocolError',
    effect: 'retryNextCycle',
    explanation: 'The connection failed; the object is retried in the next cycle.',
  },
  badRequest: {
    errorCode: 'SystemForCrossDomainIdentityManagementBadRequest',
    effect: 'retryNextCycle',
    explanation: 'The target rejected the request (4xx); the object is retried in the next cycle.',
  },
};

/**
 * Okta's reactions (research okta-scim.md §8). Okta has no cycles and no quarantine: a failed operation becomes a
 * task in Dashboard > Tasks with the target's `detail`, which an admin retries ("Retry Selected"). A 429 is first
 * retried with backoff by the client (CONCEPT: Retry-After if integer seconds, else 5 min, doubling, 10 attempts);
 * automatic retry of anything else is not documented, so none happens. The error codes are the harness's names for
 * Okta's task errors, which Okta does not enumerate.
 * @see https://help.okta.com/oie/en-us/Content/Topics/Provisioning/lcm/troubleshooting.htm
 */
export const OKTA_REACTIONS: ReactionTable = {
  success: { errorCode: undefined, effect: 'none', explanation: 'The target accepted the operation.' },
  unauthorized: {
    errorCode: 'Unauthorized',
    effect: 'taskFailed',
    explanation:
      'Invalid credentials (401/403): the task fails ("Errors reported by remote server: Unauthorized") and waits for an admin to retry it; Okta does not quarantine the app.',
  },
  queryNotFound: {
    errorCode: undefined,
    effect: 'notFound',
    explanation:
      'A lookup answered 404: Okta takes it as "not found" (REF20 allows it) and creates the user.',
  },
  anchorNotFound: {
    errorCode: 'ResourceNotFound',
    effect: 'taskFailed',
    explanation: 'A linked object no longer exists in the target: the task fails until an admin acts.',
  },
  conflict: {
    errorCode: 'Conflict',
    effect: 'taskFailed',
    explanation:
      'The target reported a conflict (409), which "stops the provisioning job" for the object (REF20).',
  },
  duplicates: {
    errorCode: 'DuplicateTargetEntries',
    effect: 'taskFailed',
    explanation: 'More than one target object matched the userName lookup.',
  },
  throttled: {
    errorCode: 'TooManyRequests',
    effect: 'taskFailed',
    explanation:
      'The target kept answering 429 through all of Okta\'s backoff retries: the task "fails permanently".',
  },
  serverError: {
    errorCode: 'InternalServerError',
    effect: 'taskFailed',
    explanation:
      'The target failed (5xx; a 501 to a PATCH gets no PUT fallback): the task waits for a manual retry, since Okta documents no automatic one.',
  },
  timeout: {
    errorCode: 'Timeout',
    effect: 'taskFailed',
    explanation: "No answer within Okta's 60 s: the task waits for a manual retry.",
  },
  networkError: {
    errorCode: 'ConnectionFailed',
    effect: 'taskFailed',
    explanation: 'The connection failed: the task waits for a manual retry.',
  },
  badRequest: {
    errorCode: 'BadRequest',
    effect: 'taskFailed',
    explanation: 'The target rejected the request (4xx): a permanent failure of the task.',
  },
};

const QUERIES: ReadonlySet<ClientOperation> = new Set<ClientOperation>([
  'testConnectionUser',
  'testConnectionGroup',
  'matchUser',
  'matchGroup',
  'checkManagerReference',
  'testConnectionUsers',
  'testConnectionGroups',
  'importUsers',
  'importGroups',
]);

/** Classifies one exchange of an operation into a row of {@link ENTRA_REACTIONS} (or {@link OKTA_REACTIONS}). */
export function classifyExchange(operation: ClientOperation, exchange: ScimExchange): ReactionKind {
  if (exchange.outcome === 'timeout') return 'timeout';
  const status = exchange.response?.status;
  if (exchange.outcome !== 'ok' || status === undefined) return 'networkError';
  if (status < 300) return 'success';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return QUERIES.has(operation) ? 'queryNotFound' : 'anchorNotFound';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'serverError';
  return 'badRequest';
}

/** The `operations` status key of replay.json: the HTTP status, or the network outcome. */
export function statusKey(exchange: ScimExchange): string {
  return exchange.response === undefined ? exchange.outcome : String(exchange.response.status);
}
