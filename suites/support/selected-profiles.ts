/**
 * Which profiles a run of the suites covers, and how that selects checks. Every check runs once, as one Playwright test
 * tagged with each of its profiles (`@rfc7644 @entra`); the profiles selected pick the checks by those tags, and its
 * one outcome counts towards every selected profile it belongs to. The run command names the profiles in
 * `RUN_ENV.profiles` (src/run-contract/run-env.ts, which reads them); run directly (`npx playwright test -c suites`),
 * the suites cover the default ones.
 */
import type { Profile } from '../../src/run-contract/index.js';

/** The one Playwright project of a conformance run (a quirk-matrix run has its own, see quirk-matrix.ts). */
export const CHECKS_PROJECT = 'checks';

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
