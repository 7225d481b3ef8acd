/**
 * Who owns the run's token, read from `GET /Me`, and what that means for a run that deprovisions users.
 * Vendors such as Datadog revoke an application key when the user who owns it is deactivated or deleted, so a
 * SCIM integration set up with a person's key breaks for good the day that person leaves; a run that deprovisions
 * the key's owner locks itself out halfway. The harness asks before it changes anything.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.11
 * @see https://docs.datadoghq.com/account_management/scim/
 */
import { isJsonObject } from '../json/json-guards.js';
import { SCHEMA_URNS } from '../scim/urns.js';
import type { ScimClient } from './scim-client.js';

/** The `userType` the reference server (and some vendors) give a service account answering `/Me`. */
export const SERVICE_ACCOUNT_USER_TYPES = ['serviceaccount', 'service account', 'service'] as const;

/**
 * The principal behind a token: a User resource, a non-user principal (a service account, an application), or
 * unknown with the reason (no `/Me`, the token refused, an answer that names no one).
 */
export type TokenOwner =
  | { kind: 'user'; id: string; userName: string; active: boolean | undefined }
  | { kind: 'service-account'; id: string; name: string }
  | { kind: 'unknown'; reason: string };

/** How serious a token-ownership warning is: `danger` when the run will deprovision the owner itself. */
export const TOKEN_RISK_SEVERITIES = ['unverified', 'caution', 'danger'] as const;
export type TokenRiskSeverity = (typeof TOKEN_RISK_SEVERITIES)[number];

export interface TokenRisk {
  severity: TokenRiskSeverity;
  /** One paragraph for a terminal or a report; never contains the token. */
  text: string;
}

/** Attribute names are case-insensitive (RFC 7643 §2.1). */
function memberOf(body: Record<string, unknown>, name: string): unknown {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(body)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function schemasOf(body: Record<string, unknown>): string[] {
  const schemas = memberOf(body, 'schemas');
  return Array.isArray(schemas)
    ? schemas.filter((urn): urn is string => typeof urn === 'string').map((urn) => urn.toLowerCase())
    : [];
}

/** A long or multi-line server text shortened for one line of a warning. */
function shortText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine;
}

/** Reads a `/Me` body: a User resource is a user unless its userType marks a service account. */
function ownerFromBody(body: unknown): TokenOwner {
  if (!isJsonObject(body)) return { kind: 'unknown', reason: 'GET /Me answered 200 without a JSON object' };
  const id = nonEmptyString(memberOf(body, 'id'));
  if (id === undefined) return { kind: 'unknown', reason: 'GET /Me answered a resource without an id' };
  const userType = nonEmptyString(memberOf(body, 'userType'))?.toLowerCase();
  const displayName = nonEmptyString(memberOf(body, 'displayName'));
  const userName = nonEmptyString(memberOf(body, 'userName'));
  const isServiceAccount =
    userType !== undefined && (SERVICE_ACCOUNT_USER_TYPES as readonly string[]).includes(userType);
  const schemas = schemasOf(body);
  // Without schemas, a userName or a userType, nothing says whose token this is: unverified, never "safe".
  if (!isServiceAccount && schemas.length === 0 && userName === undefined) {
    return {
      kind: 'unknown',
      reason: 'GET /Me answered a resource with no schemas, userName or userType',
    };
  }
  // RFC 7644 §3.11 lets /Me alias "the User or other resource": a resource that is not a User is a non-user
  // principal. A body without schemas is read as a User when it has a userName (a lenient server's User).
  const isUser =
    schemas.includes(SCHEMA_URNS.User.toLowerCase()) || (schemas.length === 0 && userName !== undefined);
  if (isServiceAccount || !isUser) {
    return {
      kind: 'service-account',
      id,
      name: displayName ?? nonEmptyString(memberOf(body, 'name')) ?? userName ?? id,
    };
  }
  if (userName === undefined)
    return { kind: 'unknown', reason: 'GET /Me answered a User without a userName' };
  const active = memberOf(body, 'active');
  return { kind: 'user', id, userName, active: typeof active === 'boolean' ? active : undefined };
}

/**
 * Asks `GET /Me` whom the client's token belongs to. Never throws for the target's answer: a transport fault,
 * a refusal, 404 or 501 (RFC 7644 §3.11 allows a provider not to support /Me) is `unknown` with the reason.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.11
 */
export async function whoOwnsToken(client: ScimClient): Promise<TokenOwner> {
  const exchange = await client.get('/Me');
  const response = exchange.response;
  if (exchange.outcome !== 'ok' || response === undefined) {
    const detail = exchange.error === undefined ? exchange.outcome : client.redact(exchange.error);
    return { kind: 'unknown', reason: `GET /Me failed: ${shortText(detail)}` };
  }
  const { status } = response;
  if (status === 404 || status === 501) {
    return { kind: 'unknown', reason: `the target does not support /Me (GET /Me answered ${status})` };
  }
  if (status === 401 || status === 403) {
    return { kind: 'unknown', reason: `GET /Me refused the token (${status})` };
  }
  if (status !== 200) return { kind: 'unknown', reason: `GET /Me answered ${status}` };
  return ownerFromBody(response.json);
}

const RECOMMENDATION =
  'Use an application key of a service account dedicated to SCIM: it is not revoked when a person leaves.';

/**
 * The warning to show before a run changes anything, or undefined when the token belongs to a non-user principal.
 * `inScopeUserNames` are the userNames the run may deactivate or delete (compared case-insensitively, as userName is
 * caseExact=false in RFC 7643 §4.1.1); when the token's owner is among them the warning is `danger`.
 * @see https://docs.datadoghq.com/account_management/scim/
 */
export function describeTokenRisk(
  owner: TokenOwner,
  inScopeUserNames?: Iterable<string>,
): TokenRisk | undefined {
  switch (owner.kind) {
    case 'service-account':
      return undefined;
    case 'unknown':
      return {
        severity: 'unverified',
        text: `Could not tell who owns the token (${owner.reason}). Many SCIM services revoke a user's key when that user is deactivated or deleted; if this is a person's key, deprovisioning that person breaks the integration. ${RECOMMENDATION}`,
      };
    case 'user': {
      const wanted = owner.userName.toLowerCase();
      const inScope = [...(inScopeUserNames ?? [])].some((name) => name.toLowerCase() === wanted);
      const who = `user ${owner.userName} (id ${owner.id})`;
      if (inScope) {
        return {
          severity: 'danger',
          text: `The token belongs to ${who}, and this run may deactivate or delete that user. Services such as Datadog revoke a user's keys when the user is deprovisioned: the run would lock itself out partway, and the integration would stay broken. ${RECOMMENDATION}`,
        };
      }
      const inactive = owner.active === false ? ' The user is already inactive.' : '';
      return {
        severity: 'caution',
        text: `The token belongs to ${who}, not to a service account.${inactive} Services such as Datadog revoke a user's keys when the user is deactivated or deleted, which breaks every integration using this key for good. ${RECOMMENDATION}`,
      };
    }
    default: {
      const unreachable: never = owner;
      return unreachable;
    }
  }
}

/** The finding's severity: `none` for a non-user principal, else the risk's. */
export const TOKEN_FINDING_SEVERITIES = ['none', ...TOKEN_RISK_SEVERITIES] as const;
export type TokenFindingSeverity = (typeof TOKEN_FINDING_SEVERITIES)[number];

/** What a report and the console say about the token's owner (replay.json `tokenOwner`). Never holds the token. */
export interface TokenOwnerFinding {
  kind: TokenOwner['kind'];
  userName?: string;
  severity: TokenFindingSeverity;
  message: string;
}

/** The owner and its risk as one finding; a service account is `none`, an unknown owner `unverified`. */
export function tokenOwnerFinding(owner: TokenOwner, inScopeUserNames?: Iterable<string>): TokenOwnerFinding {
  const risk = describeTokenRisk(owner, inScopeUserNames);
  const userName = owner.kind === 'user' ? { userName: owner.userName } : {};
  if (risk !== undefined)
    return { kind: owner.kind, ...userName, severity: risk.severity, message: risk.text };
  const name = owner.kind === 'service-account' ? ` ${owner.name} (id ${owner.id})` : '';
  return {
    kind: owner.kind,
    ...userName,
    severity: 'none',
    message: `The token belongs to the service account${name}, not to a person: deprovisioning users does not revoke it.`,
  };
}

/**
 * Asks `/Me` who owns the client's token and grades the answer against the userNames the run may deprovision.
 * Never throws: whatever goes wrong is an `unverified` finding, so the check never blocks a run.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.11
 */
export async function assessTokenOwner(
  client: ScimClient,
  inScopeUserNames?: Iterable<string>,
): Promise<TokenOwnerFinding> {
  let owner: TokenOwner;
  try {
    owner = await whoOwnsToken(client);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    owner = { kind: 'unknown', reason: `GET /Me failed: ${shortText(client.redact(detail))}` };
  }
  return tokenOwnerFinding(owner, inScopeUserNames);
}
