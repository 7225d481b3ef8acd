/**
 * The directory as Okta holds it: each user of the shared source directory seen as an Okta user, with an Okta user
 * id and the attribute names of Okta's base profile. Derived on read, never stored, so the 100k-user directory costs
 * nothing more; the same seed gives the same Okta directory.
 * @see https://developer.okta.com/docs/reference/api/users/#default-profile-properties
 */
import { createHash } from 'node:crypto';
import type { EntraUser } from './entra-objects.js';
import { stableHash } from './shard.js';

/** The Okta base-profile attributes the mappings read, under the names of Okta's expression language (`user.…`). */
export const OKTA_USER_ATTRIBUTES = [
  'user.id',
  'user.login',
  'user.firstName',
  'user.lastName',
  'user.email',
  'user.displayName',
  'user.locale',
  'user.title',
  'user.department',
  'user.employeeNumber',
  'user.mobilePhone',
  'user.primaryPhone',
  'user.streetAddress',
  'user.city',
  'user.state',
  'user.zipCode',
  'user.countryCode',
  'user.status',
] as const;
export type OktaUserAttribute = (typeof OKTA_USER_ATTRIBUTES)[number];

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(bytes: Uint8Array, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += BASE62[bytes[i % bytes.length]! % 62];
  return text;
}

/** The Okta user id of a source user: `00u` and 17 base-62 characters (20 in all, as REF20's `00ujl29u0le5T6Aj10h7`). */
export function oktaUserId(objectId: string): string {
  return `00u${base62(createHash('sha256').update(`okta-user:${objectId}`).digest(), 17)}`;
}

/** Locales drawn per user, most often `en-US` (REF20's value; WIRE's 2018 capture has `en_US`). */
const LOCALES = ['en-US', 'en-US', 'en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', 'ja-JP'] as const;

/** A user's Okta `locale`: drawn from the user's own id, so it stays put across cycles. */
export function oktaLocale(objectId: string): string {
  return LOCALES[stableHash(`locale:${objectId}`) % LOCALES.length]!;
}

/**
 * Okta's lifecycle status: a deactivated (or deleted) Okta user is `DEPROVISIONED`; an active one `ACTIVE`.
 * Suspension is not modelled: Okta sends nothing for it (REF20).
 */
export function oktaStatus(user: EntraUser): 'ACTIVE' | 'DEPROVISIONED' {
  return user.accountEnabled && !user.isSoftDeleted ? 'ACTIVE' : 'DEPROVISIONED';
}

/** One Okta profile attribute of a source user; Okta requires `email`, so a user without mail uses its login. */
export function oktaAttribute(user: EntraUser, attribute: OktaUserAttribute): string | undefined {
  switch (attribute) {
    case 'user.id':
      return oktaUserId(user.objectId);
    case 'user.login':
      return user.userPrincipalName;
    case 'user.firstName':
      return user.givenName;
    case 'user.lastName':
      return user.surname;
    case 'user.email':
      return user.mail ?? user.userPrincipalName;
    case 'user.displayName':
      return user.displayName;
    case 'user.locale':
      return oktaLocale(user.objectId);
    case 'user.title':
      return user.jobTitle;
    case 'user.department':
      return user.department;
    case 'user.employeeNumber':
      return user.employeeId;
    case 'user.mobilePhone':
      return user.mobile;
    case 'user.primaryPhone':
      return user.telephoneNumber;
    case 'user.streetAddress':
      return user.streetAddress;
    case 'user.city':
      return user.city;
    case 'user.state':
      return user.state;
    case 'user.zipCode':
      return user.postalCode;
    case 'user.countryCode':
      return user.country;
    case 'user.status':
      return oktaStatus(user);
    default: {
      const unknown: never = attribute;
      return unknown;
    }
  }
}

/** Whether a mapping source names an Okta profile attribute. */
export function isOktaAttribute(attribute: string): attribute is OktaUserAttribute {
  return (OKTA_USER_ATTRIBUTES as readonly string[]).includes(attribute);
}
