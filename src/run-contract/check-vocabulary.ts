/**
 * The words a run is spoken in, shared by whoever defines checks (the suites), runs them (the CLI), grades them and
 * renders the result (src/report): requirement levels, outcomes, verdicts, profiles, categories and the optional
 * features a check may need.
 * @see https://www.rfc-editor.org/rfc/rfc2119
 */
import type { FailOn } from '../config/index.js';

/**
 * RFC 2119 requirement levels, strongest first, as a check's source words them ("MUST", "SHALL" → MUST; "SHOULD",
 * "RECOMMENDED" → SHOULD).
 */
export const REQUIREMENT_LEVELS = ['MUST', 'SHOULD', 'MAY'] as const;
export type RequirementLevel = (typeof REQUIREMENT_LEVELS)[number];

/**
 * Outcome of one check. `error` = the harness could not evaluate it; never a verdict on the target.
 * `unsupported` = the target declined the feature the check tests, as the RFC allows; it fails only the profiles in
 * the check's `neededBy`.
 */
export const CHECK_STATUSES = ['passed', 'failed', 'skipped', 'error', 'unsupported'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/**
 * Which failures fail a profile: `must` counts MUST failures only, `should` counts MUST and SHOULD, `none` never fails
 * (report only). Defined where `--fail-on` is parsed (src/config), one list for the flag, the run environment and
 * conformance.json.
 */
export { FAIL_ON_LEVELS, type FailOn } from '../config/index.js';

/**
 * Verdict of one profile. A profile passes only when every applicable check at or above the fail-on level was
 * evaluated and passed; anything else is `fail`:
 * - a check `failed`: the target broke the requirement;
 * - a check in `error`: the harness could not evaluate it, so it cannot vouch for the profile. The check itself
 *   stays `error` ("could not evaluate"), apart from the failures, and the summaries say
 *   "fail (N could not be evaluated)" so nobody blames the target for it;
 * - a check `unsupported` whose `neededBy` names the profile: the target declined a feature that profile's client
 *   needs. The summaries say "fail (N needed features unsupported)". An `unsupported` check whose `neededBy` does not
 *   name the profile (e.g. `rfc7644`, where the feature is optional) does not count against it.
 * Skipped checks (the target does not claim the feature) are not applicable and do not count.
 * A run that was interrupted ({@link ConformanceResult.interrupted}) fails every profile whatever its checks say: it
 * vouches only for the checks that ran, so it must not pass a CI gate. The summaries say "fail (run interrupted)".
 */
export const VERDICTS = ['pass', 'fail'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Profiles: one verdict each per run.
 * - `rfc7644`: the full RFC 7643/7644.
 * - `entra`: what Microsoft Entra ID provisioning needs to work.
 * - `datadog`: what Datadog's SCIM API documents.
 * - `interop`: the service-provider requirements of draft-zollner-scim-interop-profile-01; its checks are graded only
 *   when the target claims the profile (ServiceProviderConfig `interopProfileConformant: true`, §4).
 * - `ipsie`: the service-provider rules of the OpenID IPSIE AL SCIM 2.0 profile (draft 00).
 * - `okta`: what Okta's SCIM 2.0 provisioning client (OIN and AIW apps) needs, per Okta's SCIM reference and tests.
 */
export const PROFILES = ['rfc7644', 'entra', 'datadog', 'interop', 'ipsie', 'okta'] as const;
export type Profile = (typeof PROFILES)[number];

/**
 * The profiles a run covers when none is asked for: the RFC, the two IdP clients that send most SCIM traffic (Entra,
 * Okta) and Datadog's API. `interop` and `ipsie` are asked for by name (`--profile interop --profile ipsie`): they hold
 * a target to profiles it may never have aimed at, and a verdict on them is only news to whoever asked.
 */
export const DEFAULT_PROFILES: readonly Profile[] = ['rfc7644', 'entra', 'okta', 'datadog'];

/**
 * The provisioning clients whose documented requests the `entra` and `okta` checks send, one per way each client is
 * configured: Entra's default client and the SCIM-compliant one a Tenant URL's `?aadOptscim062020` selects; Okta's
 * OIN catalog apps (PATCH for (de)activation, password and groups) and App Integration Wizard apps (PUT for all).
 * The run report's "Will it work with…" matrix has a row for each.
 */
export const CLIENT_VARIANTS = ['entra-legacy', 'entra-aadOptscim062020', 'okta-oin', 'okta-aiw'] as const;
export type ClientVariant = (typeof CLIENT_VARIANTS)[number];

/** Each client variant's name in reports, and the profile whose checks speak for it. */
export const CLIENT_VARIANT_INFO: Readonly<Record<ClientVariant, { name: string; profile: Profile }>> = {
  'entra-legacy': { name: 'Microsoft Entra ID, default client', profile: 'entra' },
  'entra-aadOptscim062020': { name: 'Microsoft Entra ID, ?aadOptscim062020', profile: 'entra' },
  'okta-oin': { name: 'Okta, OIN catalog app', profile: 'okta' },
  'okta-aiw': { name: 'Okta, App Integration Wizard app', profile: 'okta' },
};

export const CATEGORIES = [
  'discovery',
  'auth',
  'users',
  'filter',
  'pagination',
  'groups',
  'patch',
  'errors',
  'etag',
  'bulk',
  'me',
  'entra',
  'datadog',
  'security',
  'interop',
  'ipsie',
  'async',
  'okta',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Optional features a target may or may not claim. A check that needs one the target does not claim is skipped with
 * the reason, never failed. `adminApi` means the harness can mint keys on the target (the embedded reference server).
 * `cursor` is RFC 9865 cursor pagination, claimed by ServiceProviderConfig `pagination.cursor`.
 * `interopProfileConformant` is the claim of draft-zollner-scim-interop-profile-01 §4 (ServiceProviderConfig
 * `interopProfileConformant: true`). `asyncRequest` is RFC 9967 §4's ServiceProviderConfig
 * `securityEvents.asyncRequest: "request"`: the client may ask for asynchronous processing (§2.5.1.1).
 */
export const CAPABILITIES = [
  'patch',
  'bulk',
  'filter',
  'sort',
  'etag',
  'changePassword',
  'groups',
  'me',
  'enterpriseUser',
  'discovery',
  'adminApi',
  'cursor',
  'interopProfileConformant',
  'asyncRequest',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Strength of a level: MUST 3, SHOULD 2, MAY 1. */
export function levelRank(level: RequirementLevel): number {
  switch (level) {
    case 'MUST':
      return 3;
    case 'SHOULD':
      return 2;
    case 'MAY':
      return 1;
    default: {
      const unreachable: never = level;
      throw new TypeError(`unknown requirement level ${String(unreachable)}`);
    }
  }
}

/** Whether a check at `level` counts towards a profile's verdict under `failOn`. */
export function countsTowardsVerdict(level: RequirementLevel, failOn: FailOn): boolean {
  switch (failOn) {
    case 'must':
      return levelRank(level) >= levelRank('MUST');
    case 'should':
      return levelRank(level) >= levelRank('SHOULD');
    case 'none':
      return false;
    default: {
      const unreachable: never = failOn;
      throw new TypeError(`unknown fail-on level ${String(unreachable)}`);
    }
  }
}
