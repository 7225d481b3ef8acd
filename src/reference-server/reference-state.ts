import type { Logger } from 'pino';
import { defaultSchemaRegistry } from '../scim/schemas/default-registry.js';
import type { SchemaRegistry } from '../scim/schemas/schema-registry.js';
import { CredentialStore, type ServiceAccount } from './credentials/credential-store.js';
import type { ResolvedReferenceOptions } from './options.js';
import type { QuirkSet } from './quirks.js';
import { ResourceService } from './resources/resource-service.js';
import { MemoryResourceStore } from './store/memory-resource-store.js';
import type { ResourceTypeName } from './store/resource-store.js';
import { WriteLock } from './store/write-lock.js';

/** Everything one reference server holds: its directory, its credentials and its configuration. */
export interface ReferenceState {
  options: ResolvedReferenceOptions;
  quirks: QuirkSet;
  store: MemoryResourceStore;
  credentials: CredentialStore;
  service: ResourceService;
  registry: SchemaRegistry;
  /** The built-in service account whose key is the admin token. */
  admin: ServiceAccount;
  logger: Logger;
  /** When discovery documents were created (their meta.created). */
  startedAt: string;
}

/** Builds an empty state with the built-in admin service account; returns it with the admin key's secret. */
export function createReferenceState(options: ResolvedReferenceOptions): {
  state: ReferenceState;
  adminToken: string;
} {
  const store = new MemoryResourceStore();
  const credentials = new CredentialStore();
  const registry = defaultSchemaRegistry;
  const resolverFor = (type: ResourceTypeName) => registry.resolverFor(type);
  const service = new ResourceService({
    store,
    credentials,
    lock: new WriteLock(),
    quirks: options.quirks,
    resolverFor,
  });
  const admin = credentials.createServiceAccount('scim-harness admin', 'admin@service-accounts.invalid');
  const { secret } = credentials.mintKey({ kind: 'serviceAccount', id: admin.id }, 'admin');
  const state: ReferenceState = {
    options,
    quirks: options.quirks,
    store,
    credentials,
    service,
    registry,
    admin,
    logger: options.logger,
    startedAt: new Date().toISOString(),
  };
  return { state, adminToken: secret };
}
