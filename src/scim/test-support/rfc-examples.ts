/**
 * The example representations of RFC 7643 §8 and some of RFC 7644 §3, as data for tests: what the RFC
 * itself calls valid must validate. ETags are written as the RFC means them (`W/"…"`); the RFC text escapes
 * the slash.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-8
 */

/** §8.1 Minimal User Representation. */
export const RFC7643_MINIMAL_USER = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: '2819c223-7f76-453a-919d-413861904646',
  userName: 'bjensen@example.com',
  meta: {
    resourceType: 'User',
    created: '2010-01-23T04:56:22Z',
    lastModified: '2011-05-13T04:42:34Z',
    version: 'W/"3694e05e9dff590"',
    location: 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
  },
} as const;

/** §8.2 Full User Representation. */
export const RFC7643_FULL_USER = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: '2819c223-7f76-453a-919d-413861904646',
  externalId: '701984',
  userName: 'bjensen@example.com',
  name: {
    formatted: 'Ms. Barbara J Jensen, III',
    familyName: 'Jensen',
    givenName: 'Barbara',
    middleName: 'Jane',
    honorificPrefix: 'Ms.',
    honorificSuffix: 'III',
  },
  displayName: 'Babs Jensen',
  nickName: 'Babs',
  profileUrl: 'https://login.example.com/bjensen',
  emails: [
    {
      value: 'bjensen@example.com',
      type: 'work',
      primary: true,
    },
    {
      value: 'babs@jensen.org',
      type: 'home',
    },
  ],
  addresses: [
    {
      type: 'work',
      streetAddress: '100 Universal City Plaza',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'USA',
      formatted: '100 Universal City Plaza\nHollywood, CA 91608 USA',
      primary: true,
    },
    {
      type: 'home',
      streetAddress: '456 Hollywood Blvd',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'USA',
      formatted: '456 Hollywood Blvd\nHollywood, CA 91608 USA',
    },
  ],
  phoneNumbers: [
    {
      value: '555-555-5555',
      type: 'work',
    },
    {
      value: '555-555-4444',
      type: 'mobile',
    },
  ],
  ims: [
    {
      value: 'someaimhandle',
      type: 'aim',
    },
  ],
  photos: [
    {
      value: 'https://photos.example.com/profilephoto/72930000000Ccne/F',
      type: 'photo',
    },
    {
      value: 'https://photos.example.com/profilephoto/72930000000Ccne/T',
      type: 'thumbnail',
    },
  ],
  userType: 'Employee',
  title: 'Tour Guide',
  preferredLanguage: 'en-US',
  locale: 'en-US',
  timezone: 'America/Los_Angeles',
  active: true,
  password: 't1meMa$heen',
  groups: [
    {
      value: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
      $ref: 'https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a',
      display: 'Tour Guides',
    },
    {
      value: 'fc348aa8-3835-40eb-a20b-c726e15c55b5',
      $ref: 'https://example.com/v2/Groups/fc348aa8-3835-40eb-a20b-c726e15c55b5',
      display: 'Employees',
    },
    {
      value: '71ddacd2-a8e7-49b8-a5db-ae50d0a5bfd7',
      $ref: 'https://example.com/v2/Groups/71ddacd2-a8e7-49b8-a5db-ae50d0a5bfd7',
      display: 'US Employees',
    },
  ],
  x509Certificates: [
    {
      value:
        'MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMxEzARBgNVBAgMCkNhbGlmb3JuaWExFDASBgNVBAoMC2V4YW1wbGUuY29tMRQwEgYDVQQDDAtleGFtcGxlLmNvbTAeFw0xMTEwMjIwNjI0MzFaFw0xMjEwMDQwNjI0MzFaMH8xCzAJBgNVBAYTAlVTMRMwEQYDVQQIDApDYWxpZm9ybmlhMRQwEgYDVQQKDAtleGFtcGxlLmNvbTEhMB8GA1UEAwwYTXMuIEJhcmJhcmEgSiBKZW5zZW4gSUlJMSIwIAYJKoZIhvcNAQkBFhNiamVuc2VuQGV4YW1wbGUuY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7Kr+Dcds/JQ5GwejJFcBIP682X3xpjis56AK02bc1FLgzdLI8auoR+cC9/Vrh5t66HkQIOdA4unHh0AaZ4xL5PhVbXIPMB5vAPKpzz5iPSi8xO8SL7I7SDhcBVJhqVqr3HgllEG6UClDdHO7nkLuwXq8HcISKkbT5WFTVfFZzidPl8HZ7DhXkZIRtJwBweq4bvm3hM1Os7UQH05ZS6cVDgweKNwdLLrT51ikSQG3DYrl+ft781UQRIqxgwqCfXEuDiinPh0kkvIi5jivVu1Z9QiwlYEdRbLJ4zJQBmDrSGTMYn4lRc2HgHO4DqB/bnMVorHB0CC6AV1QoFK4GPe1LwIDAQABo3sweTAJBgNVHRMEAjAAMCwGCWCGSAGG+EIBDQQfFh1PcGVuU1NMIEdlbmVyYXRlZCBDZXJ0aWZpY2F0ZTAdBgNVHQ4EFgQU8pD0U0vsZIsaA16lL8En8bx0F/gwHwYDVR0jBBgwFoAUdGeKitcaF7gnzsNwDx708kqaVt0wDQYJKoZIhvcNAQEFBQADgYEAA81SsFnOdYJtNg5Tcq+/ByEDrBgnusx0jloUhByPMEVkoMZ3J7j1ZgI8rAbOkNngX8+pKfTiDz1RC4+dx8oU6Za+4NJXUjlL5CvV6BEYb1+QAEJwitTVvxB/A67g42/vzgAtoRUeDov1+GFiBZ+GNF/cAYKcMtGcrs2i97ZkJMo=',
    },
  ],
  meta: {
    resourceType: 'User',
    created: '2010-01-23T04:56:22Z',
    lastModified: '2011-05-13T04:42:34Z',
    version: 'W/"a330bc54f0671c9"',
    location: 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
  },
} as const;

/** §8.3 Enterprise User Extension Representation. */
export const RFC7643_ENTERPRISE_USER = {
  schemas: [
    'urn:ietf:params:scim:schemas:core:2.0:User',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  ],
  id: '2819c223-7f76-453a-919d-413861904646',
  externalId: '701984',
  userName: 'bjensen@example.com',
  name: {
    formatted: 'Ms. Barbara J Jensen, III',
    familyName: 'Jensen',
    givenName: 'Barbara',
    middleName: 'Jane',
    honorificPrefix: 'Ms.',
    honorificSuffix: 'III',
  },
  displayName: 'Babs Jensen',
  nickName: 'Babs',
  profileUrl: 'https://login.example.com/bjensen',
  emails: [
    {
      value: 'bjensen@example.com',
      type: 'work',
      primary: true,
    },
    {
      value: 'babs@jensen.org',
      type: 'home',
    },
  ],
  addresses: [
    {
      streetAddress: '100 Universal City Plaza',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'USA',
      formatted: '100 Universal City Plaza\nHollywood, CA 91608 USA',
      type: 'work',
      primary: true,
    },
    {
      streetAddress: '456 Hollywood Blvd',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'USA',
      formatted: '456 Hollywood Blvd\nHollywood, CA 91608 USA',
      type: 'home',
    },
  ],
  phoneNumbers: [
    {
      value: '555-555-5555',
      type: 'work',
    },
    {
      value: '555-555-4444',
      type: 'mobile',
    },
  ],
  ims: [
    {
      value: 'someaimhandle',
      type: 'aim',
    },
  ],
  photos: [
    {
      value: 'https://photos.example.com/profilephoto/72930000000Ccne/F',
      type: 'photo',
    },
    {
      value: 'https://photos.example.com/profilephoto/72930000000Ccne/T',
      type: 'thumbnail',
    },
  ],
  userType: 'Employee',
  title: 'Tour Guide',
  preferredLanguage: 'en-US',
  locale: 'en-US',
  timezone: 'America/Los_Angeles',
  active: true,
  password: 't1meMa$heen',
  groups: [
    {
      value: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
      $ref: 'https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a',
      display: 'Tour Guides',
    },
    {
      value: 'fc348aa8-3835-40eb-a20b-c726e15c55b5',
      $ref: 'https://example.com/v2/Groups/fc348aa8-3835-40eb-a20b-c726e15c55b5',
      display: 'Employees',
    },
    {
      value: '71ddacd2-a8e7-49b8-a5db-ae50d0a5bfd7',
      $ref: 'https://example.com/v2/Groups/71ddacd2-a8e7-49b8-a5db-ae50d0a5bfd7',
      display: 'US Employees',
    },
  ],
  x509Certificates: [
    {
      value:
        'MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMxEzARBgNVBAgMCkNhbGlmb3JuaWExFDASBgNVBAoMC2V4YW1wbGUuY29tMRQwEgYDVQQDDAtleGFtcGxlLmNvbTAeFw0xMTEwMjIwNjI0MzFaFw0xMjEwMDQwNjI0MzFaMH8xCzAJBgNVBAYTAlVTMRMwEQYDVQQIDApDYWxpZm9ybmlhMRQwEgYDVQQKDAtleGFtcGxlLmNvbTEhMB8GA1UEAwwYTXMuIEJhcmJhcmEgSiBKZW5zZW4gSUlJMSIwIAYJKoZIhvcNAQkBFhNiamVuc2VuQGV4YW1wbGUuY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7Kr+Dcds/JQ5GwejJFcBIP682X3xpjis56AK02bc1FLgzdLI8auoR+cC9/Vrh5t66HkQIOdA4unHh0AaZ4xL5PhVbXIPMB5vAPKpzz5iPSi8xO8SL7I7SDhcBVJhqVqr3HgllEG6UClDdHO7nkLuwXq8HcISKkbT5WFTVfFZzidPl8HZ7DhXkZIRtJwBweq4bvm3hM1Os7UQH05ZS6cVDgweKNwdLLrT51ikSQG3DYrl+ft781UQRIqxgwqCfXEuDiinPh0kkvIi5jivVu1Z9QiwlYEdRbLJ4zJQBmDrSGTMYn4lRc2HgHO4DqB/bnMVorHB0CC6AV1QoFK4GPe1LwIDAQABo3sweTAJBgNVHRMEAjAAMCwGCWCGSAGG+EIBDQQfFh1PcGVuU1NMIEdlbmVyYXRlZCBDZXJ0aWZpY2F0ZTAdBgNVHQ4EFgQU8pD0U0vsZIsaA16lL8En8bx0F/gwHwYDVR0jBBgwFoAUdGeKitcaF7gnzsNwDx708kqaVt0wDQYJKoZIhvcNAQEFBQADgYEAA81SsFnOdYJtNg5Tcq+/ByEDrBgnusx0jloUhByPMEVkoMZ3J7j1ZgI8rAbOkNngX8+pKfTiDz1RC4+dx8oU6Za+4NJXUjlL5CvV6BEYb1+QAEJwitTVvxB/A67g42/vzgAtoRUeDov1+GFiBZ+GNF/cAYKcMtGcrs2i97ZkJMo=',
    },
  ],
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
    employeeNumber: '701984',
    costCenter: '4130',
    organization: 'Universal Studios',
    division: 'Theme Park',
    department: 'Tour Operations',
    manager: {
      value: '26118915-6090-4610-87e4-49d8ca9f808d',
      $ref: 'https://example.com/v2/Users/26118915-6090-4610-87e4-49d8ca9f808d',
      displayName: 'John Smith',
    },
  },
  meta: {
    resourceType: 'User',
    created: '2010-01-23T04:56:22Z',
    lastModified: '2011-05-13T04:42:34Z',
    version: 'W/"3694e05e9dff591"',
    location: 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
  },
} as const;

/** §8.4 Group Representation. */
export const RFC7643_GROUP = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
  id: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
  displayName: 'Tour Guides',
  members: [
    {
      value: '2819c223-7f76-453a-919d-413861904646',
      $ref: 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
      display: 'Babs Jensen',
    },
    {
      value: '902c246b-6245-4190-8e05-00816be7344a',
      $ref: 'https://example.com/v2/Users/902c246b-6245-4190-8e05-00816be7344a',
      display: 'Mandy Pepperidge',
    },
  ],
  meta: {
    resourceType: 'Group',
    created: '2010-01-23T04:56:22Z',
    lastModified: '2011-05-13T04:42:34Z',
    version: 'W/"3694e05e9dff592"',
    location: 'https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a',
  },
} as const;

/** §8.5 Service Provider Configuration Representation. */
export const RFC7643_SERVICE_PROVIDER_CONFIG = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
  documentationUri: 'http://example.com/help/scim.html',
  patch: {
    supported: true,
  },
  bulk: {
    supported: true,
    maxOperations: 1000,
    maxPayloadSize: 1048576,
  },
  filter: {
    supported: true,
    maxResults: 200,
  },
  changePassword: {
    supported: true,
  },
  sort: {
    supported: true,
  },
  etag: {
    supported: true,
  },
  authenticationSchemes: [
    {
      name: 'OAuth Bearer Token',
      description: 'Authentication scheme using the OAuth Bearer Token Standard',
      specUri: 'http://www.rfc-editor.org/info/rfc6750',
      documentationUri: 'http://example.com/help/oauth.html',
      type: 'oauthbearertoken',
      primary: true,
    },
    {
      name: 'HTTP Basic',
      description: 'Authentication scheme using the HTTP Basic Standard',
      specUri: 'http://www.rfc-editor.org/info/rfc2617',
      documentationUri: 'http://example.com/help/httpBasic.html',
      type: 'httpbasic',
    },
  ],
  meta: {
    location: 'https://example.com/v2/ServiceProviderConfig',
    resourceType: 'ServiceProviderConfig',
    created: '2010-01-23T04:56:22Z',
    lastModified: '2011-05-13T04:42:34Z',
    version: 'W/"3694e05e9dff594"',
  },
} as const;

/** §8.6 Resource Type Representation (User). */
export const RFC7643_USER_RESOURCE_TYPE = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:User',
  schemaExtensions: [
    {
      schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      required: true,
    },
  ],
  meta: {
    location: 'https://example.com/v2/ResourceTypes/User',
    resourceType: 'ResourceType',
  },
} as const;

/** §8.6 Resource Type Representation (Group). */
export const RFC7643_GROUP_RESOURCE_TYPE = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
  id: 'Group',
  name: 'Group',
  endpoint: '/Groups',
  description: 'Group',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  meta: {
    location: 'https://example.com/v2/ResourceTypes/Group',
    resourceType: 'ResourceType',
  },
} as const;

/** RFC 7644 §3.4.2 list response with attributes=userName. */
export const RFC7644_LIST_RESPONSE = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: 2,
  Resources: [
    {
      id: '2819c223-7f76-453a-919d-413861904646',
      userName: 'bjensen',
    },
    {
      id: 'c75ad752-64ae-4823-840d-ffa80929976c',
      userName: 'jsmith',
    },
  ],
} as const;

/** RFC 7644 §3.4.3 search request. */
export const RFC7644_SEARCH_REQUEST = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
  attributes: ['displayName', 'userName'],
  filter: 'displayName sw "smith"',
  startIndex: 1,
  count: 10,
} as const;

/** RFC 7644 §3.5.2.1 add members. */
export const RFC7644_PATCH_ADD_MEMBERS = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [
    {
      op: 'add',
      path: 'members',
      value: [
        {
          display: 'Babs Jensen',
          $ref: 'https://example.com/v2/Users/2819c223...413861904646',
          value: '2819c223-7f76-453a-919d-413861904646',
        },
      ],
    },
  ],
} as const;

/** RFC 7644 §3.5.2.2 remove one member. */
export const RFC7644_PATCH_REMOVE_MEMBER = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [
    {
      op: 'remove',
      path: 'members[value eq "2819c223-7f76-...413861904646"]',
    },
  ],
} as const;

/** RFC 7644 §3.7.3 bulk request. */
export const RFC7644_BULK_REQUEST = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
  failOnErrors: 1,
  Operations: [
    {
      method: 'POST',
      path: '/Users',
      bulkId: 'qwerty',
      data: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:User'],
        userName: 'Alice',
      },
    },
    {
      method: 'PUT',
      path: '/Users/b7c14771-226c-4d05-8860-134711653041',
      version: 'W/"3694e05e9dff591"',
      data: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        id: 'b7c14771-226c-4d05-8860-134711653041',
        userName: 'Bob',
      },
    },
    {
      method: 'PATCH',
      path: '/Users/5d8d29d3-342c-4b5f-8683-a3cb6763ffcc',
      version: 'W/"edac3253e2c0ef2"',
      data: [
        {
          op: 'remove',
          path: 'nickName',
        },
        {
          op: 'add',
          path: 'userName',
          value: 'Dave',
        },
      ],
    },
    {
      method: 'DELETE',
      path: '/Users/e9025315-6bea-44e1-899c-1e07454e468b',
      version: 'W/"0ee8add0a938e1a"',
    },
  ],
} as const;

/** RFC 7644 §3.7.3 bulk response. */
export const RFC7644_BULK_RESPONSE = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkResponse'],
  Operations: [
    {
      location: 'https://example.com/v2/Users/92b725cd-9465-4e7d-8c16-01f8e146b87a',
      method: 'POST',
      bulkId: 'qwerty',
      version: 'W/"oY4m4wn58tkVjJxK"',
      status: '201',
    },
    {
      location: 'https://example.com/v2/Users/b7c14771-226c-4d05-8860-134711653041',
      method: 'PUT',
      version: 'W/"huJj29dMNgu3WXPD"',
      status: '200',
    },
    {
      location: 'https://example.com/v2/Users/5d8d29d3-342c-4b5f-8683-a3cb6763ffcc',
      method: 'PATCH',
      version: 'W/"huJj29dMNgu3WXPD"',
      status: '200',
    },
    {
      location: 'https://example.com/v2/Users/e9025315-6bea-44e1-899c-1e07454e468b',
      method: 'DELETE',
      status: '204',
    },
  ],
} as const;

/** RFC 7644 §3.7.3 bulk response with errors. */
export const RFC7644_BULK_RESPONSE_ERRORS = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkResponse'],
  Operations: [
    {
      method: 'POST',
      bulkId: 'qwerty',
      status: '400',
      response: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        scimType: 'invalidSyntax',
        detail: 'Request is unparsable, syntactically incorrect, or violates schema.',
        status: '400',
      },
    },
    {
      location: 'https://example.com/v2/Users/b7c14771-226c-4d05-8860-134711653041',
      method: 'PUT',
      status: '412',
      response: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        detail: 'Failed to update.  Resource changed on the server.',
        status: '412',
      },
    },
    {
      location: 'https://example.com/v2/Users/5d8d29d3-342c-4b5f-8683-a3cb6763ffcc',
      method: 'PATCH',
      status: '412',
      response: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        detail: 'Failed to update.  Resource changed on the server.',
        status: '412',
      },
    },
    {
      location: 'https://example.com/v2/Users/e9025315-6bea-44e1-899c-1e07454e468b',
      method: 'DELETE',
      status: '404',
      response: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        detail: 'Resource does not exist.',
        status: '404',
      },
    },
  ],
} as const;

/** RFC 7644 §3.12 error. */
export const RFC7644_ERROR = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
  scimType: 'mutability',
  detail: "Attribute 'id' is readOnly",
  status: '400',
} as const;
