import type { Logger } from 'pino';
import type { SchemaRegistry } from '../scim/schemas/schema-registry.js';
import { CredentialStore, type ServiceAccount } from './credentials/credential-store.js';
import type { ResolvedReferenceOptions } from './options.js';
import { CursorCodec } from './protocol/cursor.js';
import { defineSortIndexes } from './protocol/sort-indexes.js';
import { seamsFor } from './quirks/index.js';
import { ResourceService } from './resources/resource-service.js';
import { type ResourceTypeConfig, resourceTypeConfigs } from './resources/resource-type-config.js';
import type { ComposedSeams } from './seams.js';
import type { ServerFeatures } from './server-modes.js';
import { MemoryResourceStore } from './store/memory-resource-store.js';
import type { ResourceTypeName } from './store/resource-store.js';
import { WriteLock } from './store/write-lock.js';

/** Everything one reference server holds: its directory, its credentials and its configuration. */
export interface ReferenceState {
  options: ResolvedReferenceOptions;
  /** The seams, with the server's quirks composed into them once. */
  seams: ComposedSeams;
  /** What the server's mode offers (see server-modes.ts). */
  features: ServerFeatures;
  /** The resource types as the mode serves them. */
  configs: Record<ResourceTypeName, ResourceTypeConfig>;
  store: MemoryResourceStore;
  credentials: CredentialStore;
  service: ResourceService;
  registry: SchemaRegistry;
  /** The built-in service account whose key is the admin token. */
  admin: ServiceAccount;
  logger: Logger;
  /** When discovery documents were created (their meta.created). */
  startedAt: string;
  /** Issues and reads the server's RFC 9865 cursors (its key is random per server). */
  cursors: CursorCodec;
}

/** Builds an empty state with the built-in admin service account; returns it with the admin key's secret. */
export function createReferenceState(options: ResolvedReferenceOptions): {
  state: ReferenceState;
  adminToken: string;
} {
  const store = new MemoryResourceStore();
  const seams = seamsFor(options.quirks);
  const credentials = new CredentialStore();
  const { features } = options;
  const registry = features.registry;
  // Before anything is stored, so seeding and every write keep the sorted indexes.
  defineSortIndexes(store, registry);
  const configs = resourceTypeConfigs(registry);
  const resolverFor = (type: ResourceTypeName) => registry.resolverFor(type);
  const service = new ResourceService({
    store,
    credentials,
    lock: new WriteLock(),
    seams,
    features,
    configs,
    resolverFor,
    keyRevocationDelayMs: options.keyRevocationDelayMs,
  });
  const admin = credentials.createServiceAccount('scim-harness admin', 'admin@service-accounts.invalid');
  const { secret } = credentials.mintKey({ kind: 'serviceAccount', id: admin.id }, 'admin');
  const state: ReferenceState = {
    options,
    seams,
    features,
    configs,
    store,
    credentials,
    service,
    registry,
    admin,
    logger: options.logger,
    startedAt: new Date().toISOString(),
    cursors: new CursorCodec({ timeoutSeconds: options.cursorTimeout }),
  };
  return { state, adminToken: secret };
}
