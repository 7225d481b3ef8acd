/**
 * The embedded reference SCIM service provider: a Datadog-like SCIM 2.0 server (Users, Groups, service
 * accounts, application keys) that is the harness's default target and the ground truth for its tests.
 * @see https://www.rfc-editor.org/rfc/rfc7644
 */
export type { AuthFailure } from './credentials/authenticate.js';
export type { ApplicationKeyInfo, PrincipalRef, ServiceAccount } from './credentials/credential-store.js';
export type { ReferenceServerOptions, ResolvedReferenceOptions } from './options.js';
export { DEFAULT_MAX_PAYLOAD_SIZE, resolveReferenceOptions } from './options.js';
export type { RateLimit } from './protocol/rate-limit.js';
export { SUITES_RATE_LIMIT } from './protocol/rate-limit.js';
export type { QuirkArea, QuirkDefinition, QuirkName, QuirkSet } from './quirks.js';
export { isQuirkName, QUIRK_AREAS, QUIRKS } from './quirks.js';
export type { ReferenceHandler } from './reference-handler.js';
export { createReferenceHandler } from './reference-handler.js';
export type { RunningReferenceServer } from './reference-server.js';
export { startReferenceServer } from './reference-server.js';
export type { ReferenceState } from './reference-state.js';
export { ADMIN_BASE_PATH } from './routes/admin-api.js';
export { SERVICE_ACCOUNT_USER_TYPE } from './routes/me-route.js';
export { SCIM_BASE_PATH } from './routes/scim-router.js';
export type { ServerFeatures, ServerMode } from './server-modes.js';
export { isServerMode, SERVER_MODE_DESCRIPTIONS, SERVER_MODES } from './server-modes.js';
export type { IndexName, ResourceStore, ResourceTypeName, StoredResource } from './store/resource-store.js';
