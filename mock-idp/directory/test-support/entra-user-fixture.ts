import type { EntraUser } from '../entra-objects.js';

/** A source user with every optional attribute absent; tests set what they need. */
export function entraUser(overrides: Partial<EntraUser> = {}): EntraUser {
  return {
    objectId: '00000000-0000-4000-8000-000000000000',
    serial: 0,
    userPrincipalName: 'user@scim-harness.example',
    mail: undefined,
    mailNickname: 'user',
    givenName: 'Given',
    surname: 'Family',
    displayName: 'Given Family',
    jobTitle: undefined,
    department: undefined,
    employeeId: undefined,
    manager: undefined,
    mobile: undefined,
    telephoneNumber: undefined,
    streetAddress: undefined,
    city: undefined,
    state: undefined,
    postalCode: undefined,
    country: undefined,
    accountEnabled: true,
    isSoftDeleted: false,
    softDeletedInCycle: undefined,
    assigned: true,
    ...overrides,
  };
}
