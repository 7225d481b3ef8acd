/**
 * What a conformance check is: one requirement of RFC 7643/7644 (or of a client profile such as Microsoft Entra
 * provisioning), graded by the RFC's own requirement level, quoted, and mapped to the reference-server quirks that
 * prove the check can fail.
 * @see https://www.rfc-editor.org/rfc/rfc2119
 */
import type { QuirkName } from '../../src/reference-server/index.js';
import {
  type Capability,
  type Category,
  CLIENT_VARIANT_INFO,
  CLIENT_VARIANTS,
  type ClientVariant,
  type Profile,
  type RequirementLevel,
} from '../../src/run-contract/index.js';

export interface CheckDefinition {
  /** Stable id, `<category>.<subject>.<expectation>`, e.g. `users.create.returns-201`. Never reuse a retired id. */
  id: string;
  /** A short sentence saying what is expected. */
  title: string;
  level: RequirementLevel;
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
  /**
   * The client variants whose documented requests this check sends (the run report's "Will it work with…" matrix).
   * Default: every variant of a client profile the check belongs to (both Entra clients for `entra`, both Okta app
   * types for `okta`). A check of a request only one variant sends (Entra's legacy `"Replace"` ops, Okta OIN's
   * path-less deactivation) names that one.
   */
  clients?: readonly ClientVariant[];
}

/** The client variants a check speaks for (see {@link CheckDefinition.clients}). */
export function clientsOf(definition: Pick<CheckDefinition, 'profiles' | 'clients'>): ClientVariant[] {
  return [
    ...(definition.clients ??
      CLIENT_VARIANTS.filter((variant) =>
        definition.profiles.includes(CLIENT_VARIANT_INFO[variant].profile),
      )),
  ];
}

/** The profiles an `unsupported` outcome of this check fails (see {@link CheckDefinition.neededBy}). */
export function neededByOf(definition: Pick<CheckDefinition, 'profiles' | 'neededBy'>): Profile[] {
  return [...(definition.neededBy ?? definition.profiles.filter((profile) => profile !== 'rfc7644'))];
}

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
  for (const client of def.clients ?? []) {
    if (!def.profiles.includes(CLIENT_VARIANT_INFO[client].profile))
      problems.push(
        `clients names ${client}, whose profile ${CLIENT_VARIANT_INFO[client].profile} the check is not in`,
      );
  }
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
