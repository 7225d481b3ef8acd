/**
 * A target that declines a feature the RFC makes optional is not broken: the check that tests the feature reports
 * `unsupported`, with the exchange that shows it, and fails only the profiles whose client needs the feature
 * (CheckDefinition.neededBy). The signals a target may decline with:
 * - `400 invalidFilter` to a filter that parses: RFC 7644 §3.4.2.2 lets a provider decline "the specified attribute
 *   and filter comparison combination" (§3.12's table);
 * - 501 Not Implemented for an optional endpoint (`/Me` §3.11, `/Bulk` §3.7, `.search` §3.4.3);
 * - an attribute the target's own `/Schemas` does not declare (checked before anything is written).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 */
import { test } from '@playwright/test';
import type { ScimExchange } from '../../src/http/index.js';
import { scimErrorOf } from '../../src/http/index.js';
import { CHECK_ANNOTATION, type Profile, UNSUPPORTED_ANNOTATION } from '../../src/run-contract/index.js';
import { declaresAttribute, type TargetCapabilities } from './capabilities.js';
import { type CheckDefinition, neededByOf } from './check-definition.js';
import { describeExchange } from './matchers.js';

/** What each client profile's users are told when the target declines what that client needs. */
const CLIENT_NEEDS: Record<Exclude<Profile, 'rfc7644'>, string> = {
  entra: 'Microsoft Entra ID provisioning sends this, so Entra cannot provision to this target without it',
  datadog: "Datadog's SCIM API documents this, so a client written against Datadog's API needs it",
  interop:
    'draft-zollner-scim-interop-profile-01 requires this of a provider claiming the profile, so the claim does not hold without it',
  ipsie:
    'the IPSIE AL SCIM 2.0 profile (draft 00) requires this of the Application, so an IPSIE Identity Service relies on it',
  okta: "Okta's SCIM 2.0 provisioning client sends this, so Okta cannot provision to this target without it",
};

function definitionOfRunningCheck(): Pick<CheckDefinition, 'profiles' | 'neededBy'> | undefined {
  const found = test.info().annotations.find((a) => a.type === CHECK_ANNOTATION)?.description;
  if (found === undefined) return undefined;
  try {
    return JSON.parse(found) as CheckDefinition;
  } catch {
    return undefined;
  }
}

/**
 * Ends the running check as `unsupported`: the reason names the feature and, where a client profile needs it, what
 * that client sends. The exchange (when given) is marked decisive.
 */
export function declareUnsupported(reason: string, exchange?: ScimExchange): never {
  if (exchange) exchange.decisive = true;
  const definition = definitionOfRunningCheck();
  const clients = definition
    ? neededByOf(definition).map((profile) => CLIENT_NEEDS[profile as Exclude<Profile, 'rfc7644'>])
    : [];
  const text = [reason, ...clients.map((sentence) => `${sentence}.`)].join(' ');
  test.info().annotations.push({ type: UNSUPPORTED_ANNOTATION, description: text });
  test.skip(true, `unsupported: ${text}`);
  // test.skip throws; this line only satisfies the type checker.
  throw new Error('unreachable');
}

/** The scimType and detail of a `400 invalidFilter` answer, or `undefined` when the exchange is anything else. */
export function invalidFilterAnswer(exchange: ScimExchange): { detail: string } | undefined {
  if (exchange.response?.status !== 400) return undefined;
  const error = scimErrorOf(exchange);
  if (error?.scimType !== 'invalidFilter') return undefined;
  return { detail: error.detail ?? '' };
}

/**
 * When the target answered `400 invalidFilter` to `filter` (a filter that parses), the check ends `unsupported`:
 * `feature` says what the filter asks for ("the `co` operator on userName").
 */
export function unsupportedWhenFilterDeclined(exchange: ScimExchange, feature: string): void {
  const declined = invalidFilterAnswer(exchange);
  if (declined === undefined) return;
  declareUnsupported(
    `The target declines ${feature}: it answered 400 invalidFilter${
      declined.detail ? ` ("${declined.detail.slice(0, 200)}")` : ''
    } to a valid filter (RFC 7644 §3.4.2.2 lets a provider decline filter forms it does not support). ${describeExchange(exchange)}`,
    exchange,
  );
}

/** When the target answered 501 Not Implemented, the check ends `unsupported` for `feature`. */
export function unsupportedWhenNotImplemented(exchange: ScimExchange, feature: string): void {
  if (exchange.response?.status !== 501) return;
  declareUnsupported(
    `The target does not implement ${feature}: it answered 501 Not Implemented. ${describeExchange(exchange)}`,
    exchange,
  );
}

/**
 * Requires that the target's /Schemas declares each attribute path (`nickName`, `name.givenName`,
 * `urn:…:enterprise:2.0:User:department`). One it does not declare ends the check: `skipped` when only the RFC's
 * optional schema names it, `unsupported` when `client` says a client profile sends it (e.g. Datadog documents
 * `title`), so the profiles needing it fail.
 */
export function requireDeclared(
  capabilities: TargetCapabilities,
  resourceType: 'User' | 'Group',
  paths: readonly string[],
  options: { client?: string } = {},
): void {
  const missing = paths.filter((path) => !declaresAttribute(capabilities, resourceType, path));
  if (missing.length === 0) return;
  const what = `The target's /Schemas does not declare ${missing.map((p) => `${resourceType}.${p}`).join(', ')}`;
  if (options.client) declareUnsupported(`${what}, which ${options.client}.`);
  test.skip(
    true,
    `${what}: this check needs ${missing.length === 1 ? 'it' : 'them'} (RFC 7643 makes them optional).`,
  );
}
