export type { DiffOptions, ResolveTargetId } from './attribute-diff.js';
export { diffAttributes, sameValue, updateUserRequest } from './attribute-diff.js';
export type { EntraClientOptions, EntraClientProfile } from './client-profile.js';
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
  EntraOperation,
  HttpMethod,
  JsonObject,
  JsonValue,
  PatchOperation,
  RequestDescriptor,
} from './request-descriptor.js';
export {
  AUTHORIZATION_PLACEHOLDER,
  buildRequestUrl,
  ENTRA_OPERATIONS,
  HTTP_METHODS,
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
