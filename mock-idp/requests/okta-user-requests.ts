import { resourcePath } from '../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import type { ScimAttributeSet } from '../mappings/index.js';
import { type OktaClientProfile, oktaHeaders } from './okta-client-profile.js';
import type {
  HttpMethod,
  JsonObject,
  JsonValue,
  OktaOperation,
  RequestDescriptor,
} from './request-descriptor.js';
import { eqFilter, patchBody, type ScimEndpoint } from './request-parts.js';
import { plainJson, writeAtPath } from './scim-body.js';

/** Okta pages every list by 100 ("startIndex=1&count=100"), except Test Connection's first probe. */
export const OKTA_PAGE_SIZE = 100;

type Query = readonly (readonly [string, string])[];

/** Assembles an Okta descriptor: the profile's headers, lookups encoded as the profile's filter space says. */
export function oktaRequest(
  profile: OktaClientProfile,
  operation: OktaOperation,
  method: HttpMethod,
  path: string,
  extra: { query?: Query; body?: JsonObject } = {},
): RequestDescriptor {
  return {
    operation,
    method,
    path,
    ...(extra.query === undefined
      ? {}
      : { query: extra.query, queryEncoding: profile.filterSpace === 'plus' ? 'form' : 'percent' }),
    headers: oktaHeaders(profile, method),
    ...(extra.body === undefined ? {} : { body: extra.body }),
  };
}

const page = (startIndex: number, count: number): Query => [
  ['startIndex', String(startIndex)],
  ['count', String(count)],
];

/**
 * Test API Credentials: `GET /Users?startIndex=1&count=2` ("count=2 is a constant"), then, with Group Push on,
 * `GET /Groups?startIndex=1&count=100` (WIRE calls the second "not mandatory").
 * @see https://developer.okta.com/docs/reference/scim/scim-11/
 */
export function oktaTestConnectionRequests(profile: OktaClientProfile, groups: boolean): RequestDescriptor[] {
  const users = oktaRequest(profile, 'testConnectionUsers', 'GET', '/Users', { query: page(1, 2) });
  if (!groups) return [users];
  return [
    users,
    oktaRequest(profile, 'testConnectionGroups', 'GET', '/Groups', { query: page(1, OKTA_PAGE_SIZE) }),
  ];
}

/**
 * One page of an import: `GET /Users?startIndex=N&count=100` (and `/Groups`), N stepping by 100 until
 * `totalResults` is read (REF20, "Import and paging").
 */
export function oktaImportPageRequest(
  profile: OktaClientProfile,
  endpoint: ScimEndpoint,
  startIndex: number,
): RequestDescriptor {
  return oktaRequest(profile, endpoint === '/Users' ? 'importUsers' : 'importGroups', 'GET', endpoint, {
    query: page(startIndex, OKTA_PAGE_SIZE),
  });
}

/**
 * The existence check before every create: `filter=userName eq "…"&startIndex=1&count=100`, only ever `eq` on
 * `userName` (REF20 "Retrieve Users"; WIRE: Okta "only supports filtering on `username eq`").
 */
export function oktaMatchUserRequest(profile: OktaClientProfile, userName: string): RequestDescriptor {
  return oktaRequest(profile, 'matchUser', 'GET', '/Users', {
    query: [['filter', eqFilter('userName', userName, true)], ...page(1, OKTA_PAGE_SIZE)],
  });
}

/** `GET /Users/{id}`: the read before every PUT. */
export function oktaGetUserRequest(profile: OktaClientProfile, id: string): RequestDescriptor {
  return oktaRequest(profile, 'getUser', 'GET', resourcePath('/Users', id));
}

/** What a create carries beside the mapped attributes. */
export interface OktaCreateExtras {
  /** The Okta user id (`00u…`, 20 characters), sent as `externalId`. */
  readonly oktaUserId: string;
  /** The placeholder (or synced) password Okta always sends. */
  readonly password: string;
}

type MutableJson = Record<string, JsonValue>;

const NAME_ORDER = ['givenName', 'middleName', 'familyName'] as const;
/** Mapped paths the create body places itself, in REF20's order. */
const PLACED = new Set(['userName', 'displayName', 'locale', 'active', 'emails[type eq "work"].value']);

function mappedName(attributes: ScimAttributeSet): MutableJson | undefined {
  const name: MutableJson = {};
  for (const key of NAME_ORDER) {
    const value = attributes[`name.${key}`];
    if (typeof value === 'string') name[key] = value;
  }
  return Object.keys(name).length === 0 ? undefined : name;
}

/**
 * The create, in REF20's key order: `schemas, userName, name{givenName, familyName}, emails[{primary, value, type}],
 * displayName, locale, externalId, groups: [], password, active`. Other mapped attributes follow `active`
 * (inferred: Okta says only that mapped custom attributes "are added").
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */
export function oktaCreateUserRequest(
  profile: OktaClientProfile,
  attributes: ScimAttributeSet,
  extras: OktaCreateExtras,
): RequestDescriptor {
  const body: MutableJson = { schemas: [SCHEMA_URNS.User] };
  const put = (key: string, value: JsonValue | undefined): void => {
    if (value !== undefined) body[key] = value;
  };
  put('userName', plainJsonOf(attributes.userName));
  put('name', mappedName(attributes));
  const email = attributes['emails[type eq "work"].value'];
  if (typeof email === 'string') body.emails = [{ primary: true, value: email, type: 'work' }];
  put('displayName', plainJsonOf(attributes.displayName));
  put('locale', plainJsonOf(attributes.locale));
  if (profile.sendExternalId) body.externalId = extras.oktaUserId;
  body.groups = [];
  body.password = extras.password;
  body.active = attributes.active === undefined ? true : attributes.active === true;
  for (const [path, value] of Object.entries(attributes)) {
    if (PLACED.has(path) || path.startsWith('name.')) continue;
    const json = plainJson(value);
    if (json !== undefined) writeAtPath(body, path, json);
  }
  return oktaRequest(profile, 'createUser', 'POST', '/Users', { body });
}

function plainJsonOf(value: ScimAttributeSet[string] | undefined): JsonValue | undefined {
  return value === undefined ? undefined : plainJson(value);
}

/** What a PUT changes in the resource it read, beside the mapped attributes. */
export interface OktaPutChanges {
  /** Set `active` (AIW (de)activation); absent, the value read is echoed ("`active` is never changed by profile push"). */
  readonly active?: boolean;
  /** Sent after `active`, as WIRE's capture places it; absent, no `password` key. */
  readonly password?: string;
}

/**
 * The full resource Okta PUTs after its GET: what the target answered (`id`, `meta`, `emails[].display` and
 * everything else echoed, in the target's key order) with the mapped attributes written over it, and `password`
 * after `active` (WIRE's 2018 capture). Mapped attributes the resource lacks are added where they belong.
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */
export function oktaPutUserBody(
  current: JsonObject,
  attributes: ScimAttributeSet,
  changes: OktaPutChanges = {},
): JsonObject {
  const body = structuredClone(current) as MutableJson;
  for (const [path, value] of Object.entries(attributes)) {
    if (path === 'active') continue;
    const json = plainJson(value);
    if (json !== undefined) writeAtPath(body, path, json);
  }
  if (changes.active !== undefined) body.active = changes.active;
  if (changes.password === undefined) return body;
  const ordered: MutableJson = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'password') continue;
    ordered[key] = value;
    if (key === 'active') ordered.password = changes.password;
  }
  if (!('password' in ordered)) ordered.password = changes.password;
  return ordered;
}

/**
 * `PUT /Users/{id}` with {@link oktaPutUserBody}: a profile update in either app type, and in an AIW app also the
 * (de)activation (PR#1956's "sample PUT request to deactivate a user") and the password push.
 */
export function oktaPutUserRequest(
  profile: OktaClientProfile,
  operation: Extract<OktaOperation, 'updateUser' | 'deactivateUser' | 'reactivateUser' | 'pushPassword'>,
  id: string,
  body: JsonObject,
): RequestDescriptor {
  return oktaRequest(profile, operation, 'PUT', resourcePath('/Users', id), { body });
}

/**
 * An OIN app's (de)activation: one path-less `replace` of `{"active": …}`, lower-case `op` (REF20; compact on the
 * wire, 118 bytes for `false`). Reactivation's body is not published: the same shape with `true` (inferred).
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */
export function oktaSetActivePatchRequest(
  profile: OktaClientProfile,
  id: string,
  active: boolean,
): RequestDescriptor {
  return oktaRequest(
    profile,
    active ? 'reactivateUser' : 'deactivateUser',
    'PATCH',
    resourcePath('/Users', id),
    {
      body: patchBody([{ op: 'replace', value: { active } }]),
    },
  );
}

/**
 * An OIN app's password push. SYNTHETIC: no SCIM 2.0 password PATCH body is published (research §6); this is the
 * deactivation's shape with `{"password": …}`.
 */
export function oktaPasswordPatchRequest(
  profile: OktaClientProfile,
  id: string,
  password: string,
): RequestDescriptor {
  return oktaRequest(profile, 'pushPassword', 'PATCH', resourcePath('/Users', id), {
    body: patchBody([{ op: 'replace', value: { password } }]),
  });
}
