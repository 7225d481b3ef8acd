export type { DiffOptions, ResolveTargetId } from './attribute-diff.js';
export { diffAttributes, sameValue, updateUserRequest } from './attribute-diff.js';
export type { ClientProfile, EntraClientOptions, EntraClientProfile } from './client-profile.js';
export { DEFAULT_CONTENT_TYPE, entraHeaders, resolveClientProfile } from './client-profile.js';
export type { MembershipChange } from './group-requests.js';
export {
  ADSCIM_GROUP_SCHEMA,
  createGroupRequest,
  deleteGroupRequest,
  diffMembers,
  getGroupRequest,
  groupMembershipRequests,
  matchGroupRequest,
  updateGroupRequests,
} from './group-requests.js';
export type {
  OktaAppType,
  OktaClientOptions,
  OktaClientProfile,
} from './okta-client-profile.js';
export {
  OKTA_APP_TYPES,
  OKTA_CONTENT_TYPE,
  OKTA_USER_AGENT,
  oktaHeaders,
  resolveOktaClientProfile,
} from './okta-client-profile.js';
export type { OktaMember, OktaMembershipChange } from './okta-group-requests.js';
export {
  oktaCreateGroupRequest,
  oktaDeleteGroupRequest,
  oktaGetGroupRequest,
  oktaMatchGroupRequest,
  oktaMembershipRequests,
  oktaPushNowRequest,
  oktaRenameGroupRequest,
  oktaReplaceGroupRequest,
} from './okta-group-requests.js';
export type { OktaCreateExtras, OktaPutChanges } from './okta-user-requests.js';
export {
  OKTA_PAGE_SIZE,
  oktaCreateUserRequest,
  oktaGetUserRequest,
  oktaImportPageRequest,
  oktaMatchUserRequest,
  oktaPasswordPatchRequest,
  oktaPutUserBody,
  oktaPutUserRequest,
  oktaSetActivePatchRequest,
  oktaTestConnectionRequests,
} from './okta-user-requests.js';
export type {
  ClientOperation,
  EntraOperation,
  HttpMethod,
  JsonObject,
  JsonValue,
  OktaOperation,
  PatchOperation,
  RequestDescriptor,
} from './request-descriptor.js';
export {
  AUTHORIZATION_PLACEHOLDER,
  buildRequestUrl,
  ENTRA_OPERATIONS,
  encodeQuery,
  HTTP_METHODS,
  isParsedJsonObject,
  OKTA_OPERATIONS,
} from './request-descriptor.js';
export { eqFilter } from './request-parts.js';
export type { TargetPath } from './scim-body.js';
export { parseTargetPath } from './scim-body.js';
export type { EntraClientMode, TenantUrl } from './tenant-url.js';
export { COMPLIANT_FLAG, ENTRA_CLIENT_MODES, LEGACY_FLAG, parseTenantUrl } from './tenant-url.js';
export {
  checkManagerReferenceRequest,
  createUserRequest,
  deleteUserRequest,
  disableUserRequest,
  enableUserRequest,
  getUserRequest,
  MANAGER_PATH,
  matchUserRequest,
  setManagerRequest,
  testConnectionRequests,
} from './user-requests.js';
