/**
 * Resources the PATCH tables start from, shaped like RFC 7643 §8.2 and RFC 7644 §3.5.2 examples.
 */
import type { ScimResource } from '../../resource.js';
import { RFC7643_FULL_USER } from '../../test-support/rfc-examples.js';
import { SCHEMA_URNS } from '../../urns.js';

export const BABS_ID = '2819c223-7f76-453a-919d-413861904646';
export const JAMES_ID = '08e1d05d-121c-4561-8b96-473d93df9210';
export const MANDY_ID = '902c246b-6245-4190-8e05-00816be7344a';
export const GROUP_ID = 'acbf3ae7-8463-4692-b4fd-9b4da3f908ce';
export const ENTERPRISE = SCHEMA_URNS.EnterpriseUser;

/** The two addresses of the RFC 7643 §8.2 full user. */
export const [WORK_ADDRESS, HOME_ADDRESS] = RFC7643_FULL_USER.addresses;

export const WORK_EMAIL = { value: 'bjensen@example.com', type: 'work', primary: true };

export const BABS: ScimResource = {
  schemas: [SCHEMA_URNS.User],
  id: BABS_ID,
  externalId: 'bjensen',
  meta: {
    resourceType: 'User',
    created: '2010-01-23T04:56:22Z',
    lastModified: '2011-05-13T04:42:34Z',
    version: 'W/"3694e05e9dff590"',
    location: `https://example.com/v2/Users/${BABS_ID}`,
  },
  userName: 'bjensen@example.com',
  name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
  displayName: 'Babs Jensen',
  title: 'Tour Guide',
  active: true,
  emails: [WORK_EMAIL],
  addresses: [WORK_ADDRESS, HOME_ADDRESS],
  groups: [{ value: GROUP_ID, $ref: `https://example.com/v2/Groups/${GROUP_ID}`, display: 'Tour Guides' }],
};

/** Babs with the enterprise extension and a manager, as Entra leaves her after a manager PATCH. */
export const BABS_MANAGED: ScimResource = {
  ...BABS,
  schemas: [SCHEMA_URNS.User, ENTERPRISE],
  [ENTERPRISE]: { employeeNumber: '701984', manager: { value: MANDY_ID } },
};

export const member = (id: string, display: string) => ({
  value: id,
  $ref: `https://example.com/v2/Users/${id}`,
  display,
});

export const TOUR_GUIDES: ScimResource = {
  schemas: [SCHEMA_URNS.Group],
  id: GROUP_ID,
  displayName: 'Tour Guides',
  members: [member(BABS_ID, 'Babs Jensen'), member(MANDY_ID, 'Mandy Pepperidge')],
  meta: { resourceType: 'Group', created: '2010-01-23T04:56:22Z', lastModified: '2011-05-13T04:42:34Z' },
};
