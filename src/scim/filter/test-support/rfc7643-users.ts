import { RFC7643_ENTERPRISE_USER } from '../../test-support/rfc-examples.js';

/**
 * The full enterprise user of RFC 7643 §8.3 (the §8.2 full user plus the enterprise extension), as printed there
 * except the password, which no filter fixture needs.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-8.3
 */
export const BJENSEN = (({ password: _password, ...user }) => user)(RFC7643_ENTERPRISE_USER);

/** Unassigned in every way RFC 7643 §2.5 counts: null, empty string, empty array, empty complex value. */
export const SPARSE_USER = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: 'sparse',
  userName: 'sparse',
  title: '',
  nickName: null,
  emails: [],
  phoneNumbers: [null],
  name: { givenName: null, familyName: '' },
  addresses: [{}],
};

/** Values of the other attribute types, and a dateTime with .NET's seven fractional digits. */
export const TYPED_RESOURCE = {
  age: 42,
  ratio: 0.5,
  active: false,
  meta: { lastModified: '2011-05-13T04:42:34.1234567Z' },
  roles: ['admin', 'Auditor'],
};
