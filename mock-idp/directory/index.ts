export {
  type CreateDirectoryOptions,
  createDirectory,
  DEFAULT_DOMAIN,
  validateRunId,
} from './create-directory.js';
export type {
  DirectorySpec,
  EntraDirectory,
  EntraGroup,
  EntraGroupAttribute,
  EntraUser,
  EntraUserAttribute,
  Shard,
} from './entra-objects.js';
export { ENTRA_GROUP_ATTRIBUTES, ENTRA_USER_ATTRIBUTES } from './entra-objects.js';
export type { GenerationContext, UserDraw } from './generate-objects.js';
export { DEPARTMENTS, generateUser, userObjectIdFor } from './generate-objects.js';
export type { OktaUserAttribute } from './okta-profile.js';
export {
  isOktaAttribute,
  OKTA_USER_ATTRIBUTES,
  oktaAttribute,
  oktaLocale,
  oktaStatus,
  oktaUserId,
} from './okta-profile.js';
export type {
  ProvisioningScope,
  ScopeResult,
  ScopingClause,
  ScopingFilter,
  ScopingOperator,
} from './scoping.js';
export {
  compileScopeFilter,
  computeScope,
  DEFAULT_SCOPE,
  isSoftDeletedFor,
  SCOPING_OPERATORS,
  usersAssignedViaGroups,
} from './scoping.js';
export { createSeededFaker, SEED_DOMAINS, SeededRandomizer } from './seeded-randomizer.js';
export { isInShard, parseShard, shardIndexOf, stableHash, validateShard } from './shard.js';
