/**
 * Every request Okta documents for its SCIM 2.0 client (and the captures the research notes collect), transcribed
 * from /work/shared/research/okta-scim.md with its source, and paired with the builder call that must reproduce it.
 * A new documented example is a new row. Bodies are compared as JSON in key order; the request line's encoded form
 * is `wireTarget` where the source prints one. Rows marked `inferred` or `synthetic` are the research's inference
 * where Okta publishes no body; they keep the builders honest about the shape chosen, and say so.
 */
import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import type { OktaAppType, OktaClientOptions, OktaClientProfile } from '../okta-client-profile.js';
import {
  oktaCreateGroupRequest,
  oktaDeleteGroupRequest,
  oktaMatchGroupRequest,
  oktaMembershipRequests,
  oktaPushNowRequest,
  oktaRenameGroupRequest,
  oktaReplaceGroupRequest,
} from '../okta-group-requests.js';
import {
  oktaCreateUserRequest,
  oktaGetUserRequest,
  oktaImportPageRequest,
  oktaMatchUserRequest,
  oktaPasswordPatchRequest,
  oktaPutUserBody,
  oktaPutUserRequest,
  oktaSetActivePatchRequest,
  oktaTestConnectionRequests,
} from '../okta-user-requests.js';
import type { JsonObject, RequestDescriptor } from '../request-descriptor.js';
import type { ExpectedRequest } from './documented-examples.js';

/** Who wrote the example down, or that nobody did. */
export type OktaEvidence = 'okta-doc' | 'wire-capture' | 'inferred' | 'synthetic';

export interface OktaDocumentedExample {
  readonly name: string;
  /** Section of okta-scim.md and the primary source it cites. */
  readonly source: string;
  readonly evidence: OktaEvidence;
  /** The app types the example holds for. */
  readonly apps: readonly OktaAppType[];
  readonly options?: Omit<OktaClientOptions, 'app'>;
  readonly build: (profile: OktaClientProfile) => RequestDescriptor;
  readonly expected: ExpectedRequest & {
    /** The published Content-Length: the byte length of the compact body. */
    readonly contentLength?: number;
  };
}

const REF20 = 'https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/';
const WIRE = 'okta/okta-developer-docs docs/concepts/oin-scim/index.md@5f90c554 (2019)';
const BOTH: readonly OktaAppType[] = ['oin', 'aiw'];
const USER_ID = '23a35c27-23d3-4c03-b4c5-6443c09e7173';
const OTHER_USER_ID = '89bb1940-b905-4575-9e7f-6f887cfb368e';
const GROUP_ID = 'abf4dd94-a4c0-4f67-89c9-76b03340cb9b';
const PATCH_OP = SCHEMA_URNS.PatchOp;

const only = (requests: readonly RequestDescriptor[], index = 0): RequestDescriptor => {
  const request = requests[index];
  if (request === undefined) throw new Error(`builder returned ${requests.length} requests`);
  return request;
};

/** REF20's create user, as mapped attributes (the mapping's target paths). */
const REF20_USER = {
  userName: 'test.user@okta.local',
  active: true,
  'name.givenName': 'Test',
  'name.familyName': 'User',
  'emails[type eq "work"].value': 'test.user@okta.local',
  displayName: 'Test User',
  locale: 'en-US',
} as const;

/** What the target answered to REF20's `GET /Users/{id}`: the PUT example with the given name as it was. */
const REF20_READ: JsonObject = {
  schemas: [SCHEMA_URNS.User],
  id: USER_ID,
  userName: 'test.user@okta.local',
  name: { givenName: 'Test', middleName: 'Excited', familyName: 'User' },
  emails: [{ primary: true, value: 'test.user@okta.local', type: 'work', display: 'test.user@okta.local' }],
  active: true,
  groups: [],
  meta: { resourceType: 'User' },
};

/** A resource in the key order of WIRE's 2018 PUT capture (its values are not published; these are made up). */
const WIRE_READ: JsonObject = {
  id: USER_ID,
  externalId: '00uv931EiyRsnwOGa0g3',
  meta: {
    resourceType: 'User',
    created: '2018-03-27T19:59:26.000Z',
    lastModified: '2018-03-27T19:59:26.000Z',
    version: 'v1.0',
  },
  schemas: [SCHEMA_URNS.User],
  userName: 'jane.doe@example.com',
  displayName: 'Jane Doe',
  locale: 'en_US',
  active: true,
  emails: [{ value: 'jane.doe@example.com', type: 'work', primary: true }],
  name: { familyName: 'Doe', givenName: 'Jane' },
  groups: [],
};

export const OKTA_DOCUMENTED_EXAMPLES: readonly OktaDocumentedExample[] = [
  {
    name: 'Test API Credentials: users',
    source: `§2.1; REF11 "Test API Credentials", ${WIRE}`,
    evidence: 'wire-capture',
    apps: BOTH,
    build: (p) => only(oktaTestConnectionRequests(p, true), 0),
    expected: {
      method: 'GET',
      path: '/Users',
      query: [
        ['startIndex', '1'],
        ['count', '2'],
      ],
      wireTarget: '/Users?startIndex=1&count=2',
    },
  },
  {
    name: 'Test API Credentials: groups',
    source: '§2.1; REF11 ("the query parameters ... are always constant")',
    evidence: 'okta-doc',
    apps: BOTH,
    build: (p) => only(oktaTestConnectionRequests(p, true), 1),
    expected: {
      method: 'GET',
      path: '/Groups',
      query: [
        ['startIndex', '1'],
        ['count', '100'],
      ],
      wireTarget: '/Groups?startIndex=1&count=100',
    },
  },
  {
    name: 'Import: first page',
    source: `§2.3; ${REF20} "Retrieve Users"`,
    evidence: 'okta-doc',
    apps: BOTH,
    build: (p) => oktaImportPageRequest(p, '/Users', 1),
    expected: {
      method: 'GET',
      path: '/Users',
      query: [
        ['startIndex', '1'],
        ['count', '100'],
      ],
      wireTarget: '/Users?startIndex=1&count=100',
    },
  },
  {
    name: 'Import: next page',
    source: `§2.3; ${REF20} ("startIndex+100 until totalResults is read")`,
    evidence: 'okta-doc',
    apps: BOTH,
    build: (p) => oktaImportPageRequest(p, '/Groups', 101),
    expected: {
      method: 'GET',
      path: '/Groups',
      query: [
        ['startIndex', '101'],
        ['count', '100'],
      ],
      wireTarget: '/Groups?startIndex=101&count=100',
    },
  },
  {
    name: 'Existence check',
    source: `§2.2; ${REF20} "Determine if the User already exists"`,
    evidence: 'okta-doc',
    apps: BOTH,
    build: (p) => oktaMatchUserRequest(p, 'test.user@okta.local'),
    expected: {
      method: 'GET',
      path: '/Users',
      query: [
        ['filter', 'userName eq "test.user@okta.local"'],
        ['startIndex', '1'],
        ['count', '100'],
      ],
      wireTarget: '/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100',
    },
  },
  {
    name: 'Existence check, spaces as +',
    source: `§2.2; ${WIRE}`,
    evidence: 'wire-capture',
    apps: BOTH,
    options: { filterSpace: 'plus' },
    build: (p) => oktaMatchUserRequest(p, 'jane.doe@example.com'),
    expected: {
      method: 'GET',
      path: '/Users',
      query: [
        ['filter', 'userName eq "jane.doe@example.com"'],
        ['startIndex', '1'],
        ['count', '100'],
      ],
      wireTarget: '/Users?filter=userName+eq+%22jane.doe%40example.com%22&startIndex=1&count=100',
    },
  },
  {
    name: 'Create user',
    source: `§3; ${REF20} "Create the User"`,
    evidence: 'okta-doc',
    apps: BOTH,
    build: (p) =>
      oktaCreateUserRequest(p, REF20_USER, { oktaUserId: '00ujl29u0le5T6Aj10h7', password: '1mz050nq' }),
    expected: {
      method: 'POST',
      path: '/Users',
      body: {
        schemas: [SCHEMA_URNS.User],
        userName: 'test.user@okta.local',
        name: { givenName: 'Test', familyName: 'User' },
        emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
        displayName: 'Test User',
        locale: 'en-US',
        externalId: '00ujl29u0le5T6Aj10h7',
        groups: [],
        password: '1mz050nq',
        active: true,
      },
    },
  },
  {
    name: 'Retrieve user',
    source: `§4; ${REF20} "Retrieve a specific User"`,
    evidence: 'okta-doc',
    apps: BOTH,
    build: (p) => oktaGetUserRequest(p, USER_ID),
    expected: { method: 'GET', path: `/Users/${USER_ID}` },
  },
  {
    name: 'Update user (PUT), as documented',
    source: `§4; ${REF20} "Update a specific User (PUT)"`,
    evidence: 'okta-doc',
    apps: BOTH,
    options: { putPassword: false },
    build: (p) =>
      oktaPutUserRequest(
        p,
        'updateUser',
        USER_ID,
        oktaPutUserBody(REF20_READ, {
          userName: 'test.user@okta.local',
          'name.givenName': 'Another',
          'name.familyName': 'User',
          'emails[type eq "work"].value': 'test.user@okta.local',
          active: true,
        }),
      ),
    expected: {
      method: 'PUT',
      path: `/Users/${USER_ID}`,
      body: {
        schemas: [SCHEMA_URNS.User],
        id: USER_ID,
        userName: 'test.user@okta.local',
        name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' },
        emails: [
          { primary: true, value: 'test.user@okta.local', type: 'work', display: 'test.user@okta.local' },
        ],
        active: true,
        groups: [],
        meta: { resourceType: 'User' },
      },
    },
  },
  {
    name: 'Update user (PUT), key order and password of the capture',
    source: `§4; ${WIRE} (Content-Length 506; values not published)`,
    evidence: 'wire-capture',
    apps: BOTH,
    build: (p) =>
      oktaPutUserRequest(
        p,
        'updateUser',
        USER_ID,
        oktaPutUserBody(WIRE_READ, { 'name.givenName': 'Janet' }, { password: '4a9XuKkx' }),
      ),
    expected: {
      method: 'PUT',
      path: `/Users/${USER_ID}`,
      body: {
        id: USER_ID,
        externalId: '00uv931EiyRsnwOGa0g3',
        meta: WIRE_READ.meta!,
        schemas: [SCHEMA_URNS.User],
        userName: 'jane.doe@example.com',
        displayName: 'Jane Doe',
        locale: 'en_US',
        active: true,
        password: '4a9XuKkx',
        emails: [{ value: 'jane.doe@example.com', type: 'work', primary: true }],
        name: { familyName: 'Doe', givenName: 'Janet' },
        groups: [],
      },
    },
  },
  {
    name: 'Deactivate user (PATCH)',
    source: `§5; ${REF20} "Update a specific User (PATCH)"; ${WIRE} (Content-Length 118)`,
    evidence: 'okta-doc',
    apps: ['oin'],
    build: (p) => oktaSetActivePatchRequest(p, USER_ID, false),
    expected: {
      method: 'PATCH',
      path: `/Users/${USER_ID}`,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
      contentLength: 118,
    },
  },
  {
    name: 'Reactivate user (PATCH)',
    source: `§5; ${REF20} "Activating a user" shows no body: the deactivation with true`,
    evidence: 'inferred',
    apps: ['oin'],
    build: (p) => oktaSetActivePatchRequest(p, USER_ID, true),
    expected: {
      method: 'PATCH',
      path: `/Users/${USER_ID}`,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] },
    },
  },
  {
    name: 'Deactivate user (PUT)',
    source:
      '§5; PR#1956 "sample PUT request to deactivate a user" (body cut off): the §4 shape with active false',
    evidence: 'inferred',
    apps: ['aiw'],
    options: { putPassword: false },
    build: (p) =>
      oktaPutUserRequest(p, 'deactivateUser', USER_ID, oktaPutUserBody(REF20_READ, {}, { active: false })),
    expected: {
      method: 'PUT',
      path: `/Users/${USER_ID}`,
      body: { ...REF20_READ, active: false },
    },
  },
  {
    name: 'Push password (PATCH)',
    source: '§6: no SCIM 2.0 body is published; the deactivation shape with the password',
    evidence: 'synthetic',
    apps: ['oin'],
    build: (p) => oktaPasswordPatchRequest(p, USER_ID, 'Xy7kP2qa'),
    expected: {
      method: 'PATCH',
      path: `/Users/${USER_ID}`,
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { password: 'Xy7kP2qa' } }] },
    },
  },
  {
    name: 'Create group',
    source: `§7; ${REF20} "Create Groups"`,
    evidence: 'okta-doc',
    apps: BOTH,
    build: (p) => oktaCreateGroupRequest(p, 'Test SCIMv2'),
    expected: {
      method: 'POST',
      path: '/Groups',
      body: { schemas: [SCHEMA_URNS.Group], displayName: 'Test SCIMv2', members: [] },
    },
  },
  {
    name: 'Group lookup',
    source: `§7; ${REF20} "Retrieve Groups" (filter)`,
    evidence: 'okta-doc',
    apps: BOTH,
    build: (p) => oktaMatchGroupRequest(p, 'Test SCIMv2'),
    expected: {
      method: 'GET',
      path: '/Groups',
      query: [
        ['filter', 'displayName eq "Test SCIMv2"'],
        ['startIndex', '1'],
        ['count', '100'],
      ],
      wireTarget: '/Groups?filter=displayName%20eq%20%22Test%20SCIMv2%22&startIndex=1&count=100',
    },
  },
  {
    name: 'Rename group (PATCH)',
    source: `§7; ${REF20} "Update a specific Group name"`,
    evidence: 'okta-doc',
    apps: ['oin'],
    build: (p) => oktaRenameGroupRequest(p, GROUP_ID, 'Test SCIMv2'),
    expected: {
      method: 'PATCH',
      path: `/Groups/${GROUP_ID}`,
      body: {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', value: { id: GROUP_ID, displayName: 'Test SCIMv2' } }],
      },
    },
  },
  {
    name: 'Group membership (PATCH)',
    source: `§7; ${REF20} "Update specific Group membership"`,
    evidence: 'okta-doc',
    apps: ['oin'],
    build: (p) =>
      only(
        oktaMembershipRequests(p, GROUP_ID, {
          removed: [OTHER_USER_ID],
          added: [{ value: USER_ID, display: 'test.user@okta.local' }],
        }),
      ),
    expected: {
      method: 'PATCH',
      path: `/Groups/${GROUP_ID}`,
      body: {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'remove', path: `members[value eq "${OTHER_USER_ID}"]` },
          { op: 'add', path: 'members', value: [{ value: USER_ID, display: 'test.user@okta.local' }] },
        ],
      },
    },
  },
  {
    name: 'Push Now (PATCH replace members)',
    source: `§7; ${REF20} "Update Group membership (Push Now)"`,
    evidence: 'okta-doc',
    apps: ['oin'],
    build: (p) =>
      oktaPushNowRequest(p, GROUP_ID, [
        { value: USER_ID, display: 'test.user@okta.local' },
        { value: OTHER_USER_ID, display: 'test.user@okta.local' },
      ]),
    expected: {
      method: 'PATCH',
      path: `/Groups/${GROUP_ID}`,
      body: {
        schemas: [PATCH_OP],
        Operations: [
          {
            op: 'replace',
            path: 'members',
            value: [
              { value: USER_ID, display: 'test.user@okta.local' },
              { value: OTHER_USER_ID, display: 'test.user@okta.local' },
            ],
          },
        ],
      },
    },
  },
  {
    name: 'Group membership and name (PUT)',
    source: `§7; ${REF20} "Update a specific Group (PUT)"`,
    evidence: 'okta-doc',
    apps: ['aiw'],
    build: (p) =>
      oktaReplaceGroupRequest(p, GROUP_ID, 'Test SCIMv2', [
        { value: USER_ID, display: 'test.user@okta.local' },
      ]),
    expected: {
      method: 'PUT',
      path: `/Groups/${GROUP_ID}`,
      body: {
        schemas: [SCHEMA_URNS.Group],
        displayName: 'Test SCIMv2',
        members: [{ value: USER_ID, display: 'test.user@okta.local' }],
      },
    },
  },
  {
    name: 'Delete group',
    source: `§7; ${REF20} "Delete a specific Group"; PLAN C9318`,
    evidence: 'okta-doc',
    apps: BOTH,
    build: (p) => oktaDeleteGroupRequest(p, GROUP_ID),
    expected: { method: 'DELETE', path: `/Groups/${GROUP_ID}` },
  },
];
