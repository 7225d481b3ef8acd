/**
 * Which profiles a run of the suites covers, and how that selects checks. Every check runs once, as one Playwright test
 * tagged with each of its profiles (`@rfc7644 @entra`); the profiles selected pick the checks by those tags, and its
 * one outcome counts towards every selected profile it belongs to. The run command names the profiles in
 * {@link PROFILES_ENV}; run directly (`npx playwright test -c suites`), the suites cover {@link DEFAULT_PROFILES}.
 */
import { DEFAULT_PROFILES, PROFILES, type Profile } from './check-definition.js';

/** The environment variable listing the selected profiles, comma-separated (`rfc7644,entra`). */
export const PROFILES_ENV = 'SCIM_HARNESS_PROFILES';

/** The one Playwright project of a conformance run (a quirk-matrix run has its own, see quirk-matrix.ts). */
export const CHECKS_PROJECT = 'checks';

const isProfile = (name: string): name is Profile => (PROFILES as readonly string[]).includes(name);

/**
 * The profiles named in {@link PROFILES_ENV}, in the order of {@link PROFILES}, else the default ones. An unknown name
 * throws: a typo must not silently run fewer checks.
 */
export function selectedProfilesFrom(env: NodeJS.ProcessEnv): Profile[] {
  const names = (env[PROFILES_ENV] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) return [...DEFAULT_PROFILES];
  const unknown = names.filter((name) => !isProfile(name));
  if (unknown.length > 0)
    throw new Error(
      `${PROFILES_ENV} names unknown profile(s) ${unknown.join(', ')}; known: ${PROFILES.join(', ')}`,
    );
  return PROFILES.filter((profile) => names.includes(profile));
}

/** The tag a check carries for each of its profiles. */
export function profileTag(profile: Profile): string {
  return `@${profile}`;
}

/** Matches the tests tagged with any of these profiles (Playwright matches a grep on the title and the tags). */
export function grepForProfiles(profiles: readonly Profile[]): RegExp {
  return new RegExp(`(?:^|\\s)@(?:${profiles.join('|')})(?=\\s|$)`);
}

/** The profiles among `selected` that a test carrying these tags belongs to, in the order of `selected`. */
export function profilesOfTags(tags: readonly string[], selected: readonly Profile[]): Profile[] {
  return selected.filter((profile) => tags.includes(profileTag(profile)));
}
