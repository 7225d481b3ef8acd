import type { ScimExchange } from '../../src/http/index.js';
import type { EntraOperation } from '../requests/index.js';

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

/** `quarantine` stops the job; `invalidAnchor` forgets nothing and never re-creates; `retryNextCycle` escrows. */
export const REACTION_EFFECTS = ['none', 'quarantine', 'invalidAnchor', 'retryNextCycle'] as const;
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

/** The per-status table of research §3.8. */
export const ENTRA_REACTIONS: Readonly<Record<ReactionKind, Reaction>> = {
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

const QUERIES: ReadonlySet<EntraOperation> = new Set([
  'testConnectionUser',
  'testConnectionGroup',
  'matchUser',
  'matchGroup',
  'checkManagerReference',
]);

/** Classifies one exchange of an operation into a row of {@link ENTRA_REACTIONS}. */
export function classifyExchange(operation: EntraOperation, exchange: ScimExchange): ReactionKind {
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
