/**
 * What a conformance check is: one requirement of RFC 7643/7644 (or of a client profile such as Microsoft Entra
 * provisioning), graded by the RFC's own requirement level, quoted, and mapped to the reference-server quirks that
 * prove the check can fail.
 * @see https://www.rfc-editor.org/rfc/rfc2119
 */
import type { QuirkName } from '../../src/reference-server/index.js';

/** RFC 2119 levels, as the RFC words the requirement ("MUST", "SHALL" → MUST; "SHOULD", "RECOMMENDED" → SHOULD). */
export const LEVELS = ['MUST', 'SHOULD', 'MAY'] as const;
export type Level = (typeof LEVELS)[number];

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
 * The profiles a run covers when none is asked for: the RFC and the two clients this harness is for. `interop` and
 * `ipsie` are asked for by name (`--profile interop --profile ipsie`): they hold a target to profiles it may never
 * have aimed at, and a verdict on them is only news to whoever asked.
 */
export const DEFAULT_PROFILES: readonly Profile[] = ['rfc7644', 'entra', 'datadog'];

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

export interface CheckDefinition {
  /** Stable id, `<category>.<subject>.<expectation>`, e.g. `users.create.returns-201`. Never reuse a retired id. */
  id: string;
  /** A short sentence saying what is expected. */
  title: string;
  level: Level;
  /** Where the requirement is written, e.g. `RFC 7644 §3.3`, or a Microsoft doc for the entra profile. */
  rfc: string;
  category: Category;
  profiles: readonly Profile[];
  /** The sentence the check enforces, quoted from its source. */
  requirement: string;
  /**
   * Why the check is graded `level` when the quoted sentence does not word that level itself (a Microsoft or Datadog
   * doc with no RFC 2119 keywords, an RFC sentence that defines an operation without a keyword). Without it, the quoted
   * requirement must carry the keyword of its level and bind the service provider, not the client (see
   * requirement-level.ts).
   */
  levelBasis?: string;
  /** What an implementer changes to pass. */
  fix: string;
  /** Optional features the check needs; when the target does not claim one, the check is skipped with the reason. */
  requires?: readonly Capability[];
  /**
   * Reference-server quirks each of which must make this check fail (the self-test proves it). At least one:
   * a check that no quirk can make fail is a defect.
   */
  quirks: readonly QuirkName[];
  /**
   * The profiles whose client needs what this check tests, so that the target declining it (status `unsupported`)
   * fails them. Default: every profile of the check except `rfc7644`, where a feature a check can find declined is
   * optional by the RFC's words. A check whose feature a client profile does not need lists only those that do.
   */
  neededBy?: readonly Profile[];
  /**
   * Quirks among `quirks` that decline the check's feature the way RFC 7644 allows (e.g. `400 invalidFilter` to
   * `externalId eq`): under them the check must report `unsupported`, not `failed`, and the self-test proves it does.
   */
  declinedBy?: readonly QuirkName[];
}

/** The profiles an `unsupported` outcome of this check fails (see {@link CheckDefinition.neededBy}). */
export function neededByOf(definition: Pick<CheckDefinition, 'profiles' | 'neededBy'>): Profile[] {
  return [...(definition.neededBy ?? definition.profiles.filter((profile) => profile !== 'rfc7644'))];
}

/** The annotation type under which a check's definition travels to the reporter. */
export const CHECK_ANNOTATION = 'scim-check';
/**
 * Set at run time when the target declined the feature a check tests in a way the RFC allows (`400 invalidFilter` to
 * a filter that parses, 501 for an optional endpoint, a PATCH path on an attribute its /Schemas does not declare). Its
 * description is the reason, naming the feature and what the target answered; the check is then skipped by the
 * runner and reported `unsupported`.
 */
export const UNSUPPORTED_ANNOTATION = 'scim-unsupported';
/**
 * On a check's per-profile variant (see `check()`'s `separately`): the one profile the variant runs for. A check without
 * it runs once for all its selected profiles.
 */
export const PROFILE_VARIANT_ANNOTATION = 'scim-profile-variant';
/** The tag of a per-profile variant, so a run can leave the variants out (the quirk matrix does). */
export const VARIANT_TAG = '@variant';
/** Set at run time when a check could not be evaluated (a harness fault, not a verdict on the target). */
export const HARNESS_ERROR_ANNOTATION = 'scim-harness-error';
/** The attachment holding a check's recorded exchanges (already redacted). */
export const EXCHANGES_ATTACHMENT = 'scim-exchanges';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9$]+(?:-[a-z0-9]+)*){2,}$/;

/** Throws when a definition is malformed, so a typo fails at load time rather than producing a silent report gap. */
export function assertCheckDefinition(def: CheckDefinition): void {
  const problems: string[] = [];
  if (!ID_PATTERN.test(def.id))
    problems.push(`id ${JSON.stringify(def.id)} is not <category>.<subject>.<expectation>`);
  if (!def.id.startsWith(`${def.category}.`))
    problems.push(`id must start with its category "${def.category}."`);
  if (def.profiles.length === 0) problems.push('profiles is empty');
  if (def.quirks.length === 0)
    problems.push('quirks is empty: name the quirk that proves this check can fail');
  if (def.requirement.trim().length < 10) problems.push('requirement must quote the sentence it enforces');
  if (def.fix.trim().length < 10) problems.push('fix must say what to change');
  if (def.levelBasis !== undefined && def.levelBasis.trim().split(/\s+/).length < 6)
    problems.push('levelBasis, when given, must explain in a sentence why the check is graded at its level');
  for (const quirk of def.declinedBy ?? []) {
    if (!def.quirks.includes(quirk))
      problems.push(`declinedBy names ${quirk}, which is not among its quirks`);
  }
  for (const profile of def.neededBy ?? []) {
    if (!def.profiles.includes(profile))
      problems.push(`neededBy names ${profile}, which is not among its profiles`);
  }
  if (problems.length > 0) throw new Error(`Check ${def.id}: ${problems.join('; ')}`);
}
