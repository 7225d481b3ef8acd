/**
 * Optional User attributes a check may write, chosen from what the target's /Schemas declares (RFC 7643 makes all of
 * them optional): a check that needs "an optional string attribute" never writes one the target does not have. When
 * fewer fit than the check needs, it is skipped with the reason, never failed.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4.1.1
 */
import type { Faker } from '@faker-js/faker';
import { test } from '@playwright/test';
import { PROFILE_VARIANT_ANNOTATION } from '../../src/run-contract/index.js';
import { declaresAttribute, type TargetCapabilities } from './capabilities.js';

/** Single-valued, readWrite string attributes of the User schema, in order of preference. */
const SINGULAR_STRINGS = [
  'nickName',
  'title',
  'userType',
  'preferredLanguage',
  'locale',
  'timezone',
  'displayName',
] as const;
export type SingularString = (typeof SINGULAR_STRINGS)[number];

/** The singular strings Microsoft Entra ID's default attribute mappings send (nickName is not among them). */
export const ENTRA_MAPPED_STRINGS: readonly SingularString[] = ['title', 'preferredLanguage', 'displayName'];

/** Values each attribute's own format accepts (RFC 7643 §4.1.1: language tags, IANA time zones). */
const FORMATTED: Partial<Record<SingularString, readonly string[]>> = {
  preferredLanguage: ['en-US', 'fr-FR', 'de-DE', 'es-ES'],
  locale: ['en-US', 'fr-FR', 'de-DE', 'es-ES'],
  timezone: ['America/Los_Angeles', 'Europe/Paris', 'Asia/Tokyo', 'Europe/Berlin'],
};

/**
 * `count` declared singular string attributes of User; skips the running check when the target declares fewer.
 * `userBody` of the resource factory sets displayName: a check that needs the attribute unassigned passes
 * `{ [name]: undefined }` to createUser.
 */
export function declaredSingularStrings(
  capabilities: TargetCapabilities,
  count: number,
  among: readonly SingularString[] = profileDefault(),
): SingularString[] {
  const found = among.filter((name) => declaresAttribute(capabilities, 'User', name)).slice(0, count);
  test.skip(
    found.length < count,
    `This check writes ${count} optional single-valued string attribute(s) of User, and the target's /Schemas declares ${
      found.length === 0 ? 'none' : `only ${found.join(', ')}`
    } of ${among.join(', ')}`,
  );
  return found;
}

/**
 * The candidates for the running check: in its `entra` variant only what Entra's default mappings send (a check there
 * judges what Entra does), elsewhere every optional singular string of RFC 7643. A check runs once for all its profiles,
 * so one that belongs to `entra` and takes these defaults must be declared with `separately: ['entra']` (check.ts):
 * without it, this throws rather than judge Entra by attributes Entra never sends.
 */
function profileDefault(): readonly SingularString[] {
  const info = test.info();
  const variant = info.annotations.find((a) => a.type === PROFILE_VARIANT_ANNOTATION)?.description;
  if (variant === 'entra') return ENTRA_MAPPED_STRINGS;
  if (variant === undefined && info.tags.includes('@entra'))
    throw new Error(
      `${info.title}: a check of the entra profile that lets the profile choose its attributes needs an entra variant (check(…, { separately: ['entra'] }))`,
    );
  return SINGULAR_STRINGS;
}

/** Every singular string attribute among `among` that the target declares (none skipped, nothing required). */
export function allDeclaredSingularStrings(
  capabilities: TargetCapabilities,
  among: readonly SingularString[] = profileDefault(),
): SingularString[] {
  return among.filter((name) => declaresAttribute(capabilities, 'User', name));
}

/** A value for the attribute, distinct for each `variant` (0, 1, 2…). */
export function valueFor(name: SingularString, faker: Faker, variant = 0): string {
  const formatted = FORMATTED[name];
  if (formatted) return formatted[variant % formatted.length] ?? 'en-US';
  return `${name}-${variant}-${faker.string.alphanumeric({ length: 6, casing: 'lower' })}`;
}
