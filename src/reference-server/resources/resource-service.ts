import { randomUUID } from 'node:crypto';
import { isScimError, ScimError } from '../../scim/errors/scim-error.js';
import type { AttributeResolver } from '../../scim/filter/ast.js';
import { applyPatch } from '../../scim/patch/apply-patch.js';
import { jsonEqual } from '../../scim/patch/json-value.js';
import { parsePatchRequest } from '../../scim/patch/parse-patch-request.js';
import type { PatchRequest } from '../../scim/patch/patch-request.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import { shownEtagMatches } from '../http/etag.js';
import type { QuirkSet } from '../quirks.js';
import type { ComposedSeams } from '../seams.js';
import type { ServerFeatures } from '../server-modes.js';
import type { ResourceStore, ResourceTypeName, ScimObject, StoredResource } from '../store/resource-store.js';
import type { WriteLock } from '../store/write-lock.js';
import { readResourceInput } from './resource-input.js';
import {
  addAppendsDuplicates,
  addAsReplaceOnMultiValued,
  clientCreated,
  clientId,
  lenientPatchBody,
  namesAttribute,
  patchedCreated,
  removeByValueWipesAll,
  withoutPathKeys,
  withoutReadOnlyOperations,
  withoutValuelessOperations,
} from './resource-quirks.js';
import { checkUniqueness, resolveReferences } from './resource-references.js';
import { writableView } from './resource-renderer.js';
import type { ResourceTypeConfig } from './resource-type-config.js';

export interface ResourceServiceDeps {
  store: ResourceStore;
  credentials: CredentialStore;
  lock: WriteLock;
  quirks: QuirkSet;
  seams: ComposedSeams;
  features: ServerFeatures;
  /** The resource types as the server's mode serves them. */
  configs: Record<ResourceTypeName, ResourceTypeConfig>;
  resolverFor(type: ResourceTypeName): AttributeResolver;
  /** How long the `keys-revoked-after-delay` quirk waits before a deprovisioned user's keys stop working. */
  keyRevocationDelayMs?: number;
}

/** Six minutes: beyond the five IPSIE allows, so a leaver probe with its default budget sees the key still working. */
export const DEFAULT_KEY_REVOCATION_DELAY_MS = 6 * 60_000;

/**
 * How a write reached a user, for the quirks that revoke keys for some deactivation shapes only: PUT or PATCH, a
 * PATCH that set `active` path-less (`{"op":"replace","value":{"active":false}}`), or with a string (`"False"`).
 */
interface WriteShape {
  method: 'PUT' | 'PATCH';
  pathLessActive?: boolean;
  stringActive?: boolean;
}

/** What in a PATCH request set `active`: path-less (an object value with `active`) or as a string value. */
function patchShape(request: PatchRequest): WriteShape {
  let pathLessActive = false;
  let stringActive = false;
  for (const operation of request.operations) {
    const value: unknown = operation.value;
    if (operation.path === undefined) {
      if (
        value !== null &&
        typeof value === 'object' &&
        Object.keys(value).some((k) => k.toLowerCase() === 'active')
      )
        pathLessActive = true;
    } else if (operation.path.attrPath.attr.toLowerCase() === 'active' && typeof value === 'string') {
      stringActive = true;
    }
  }
  return { method: 'PATCH', pathLessActive, stringActive };
}

/** Preconditions a request carries (RFC 7644 §3.14): `If-Match` on writes. */
export interface WritePreconditions {
  ifMatch?: string | null;
}

function notFound(type: ResourceTypeName, id: string): ScimError {
  return ScimError.notFound(`${type} ${JSON.stringify(id.slice(0, 200))} not found.`);
}

/** Now, but always after `previous`: a change is visible in `lastModified` even within one millisecond. */
function nextTimestamp(previous: string): string {
  const now = Date.now();
  const after = Date.parse(previous) + 1;
  return new Date(Number.isNaN(after) ? now : Math.max(now, after)).toISOString();
}

function isDeprovisioned(resource: StoredResource): boolean {
  return resource.resourceType === 'User' && resource.attributes.active === false;
}

/**
 * The write side of Users and Groups: validation, references, uniqueness, versions, and the Datadog
 * side effect of deprovisioning (a user set to active=false or deleted loses every application key it owns,
 * at once; reactivating does not bring them back, as in Datadog, where the revoked key stays revoked).
 * Every mutation runs inside the {@link WriteLock}.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.3
 * @see /work/shared/research/datadog-scim.md §3
 */
export class ResourceService {
  readonly #deps: ResourceServiceDeps;

  constructor(deps: ResourceServiceDeps) {
    this.#deps = deps;
  }

  /** A stored resource, or 404 (also when the read seam hides it). */
  async get(type: ResourceTypeName, id: string): Promise<StoredResource> {
    const found = await this.#deps.store.get(type, id);
    if (!found || this.#deps.seams.read(found, {}) === undefined) throw notFound(type, id);
    return found;
  }

  create(type: ResourceTypeName, body: unknown): Promise<StoredResource> {
    const { quirks } = this.#deps;
    const input = readResourceInput(body, {
      config: this.#deps.configs[type],
      mode: 'create',
      quirks,
      features: this.#deps.features,
    });
    return this.#deps.lock.run(async () => {
      const id = (quirks.has('client-id-honoured') && clientId(body)) || randomUUID();
      return this.#insert(
        type,
        id,
        input,
        quirks.has('read-only-meta-honoured') ? clientCreated(body) : undefined,
      );
    });
  }

  async #insert(
    type: ResourceTypeName,
    id: string,
    input: ScimObject,
    clientCreatedAt?: string,
  ): Promise<StoredResource> {
    const { store, quirks } = this.#deps;
    const attributes = await resolveReferences(type, input, id, store, quirks);
    await checkUniqueness(type, attributes, undefined, store, quirks);
    const now = new Date().toISOString();
    const created: StoredResource = {
      resourceType: type,
      id,
      attributes,
      created: clientCreatedAt ?? now,
      lastModified: now,
      version: 1,
    };
    await store.put(created);
    return created;
  }

  /** PUT: replace semantics (RFC 7644 §3.5.1); the body's `id`, when given, must be the URL's. */
  replace(
    type: ResourceTypeName,
    id: string,
    body: unknown,
    preconditions: WritePreconditions,
  ): Promise<StoredResource> {
    const { quirks } = this.#deps;
    if (
      body !== null &&
      typeof body === 'object' &&
      'id' in body &&
      body.id !== undefined &&
      body.id !== id &&
      !quirks.has('client-id-honoured')
    ) {
      throw ScimError.invalidValue(`The body's id does not match the id in the URL (${id.slice(0, 200)}).`);
    }
    return this.#deps.lock.run(async () => {
      const config = this.#deps.configs[type];
      if (quirks.has('put-creates-missing') && !(await this.#deps.store.get(type, id))) {
        return this.#insert(
          type,
          id,
          readResourceInput(body, { config, mode: 'create', quirks, features: this.#deps.features }),
        );
      }
      const existing = await this.#existingForWrite(type, id, preconditions);
      const input = readResourceInput(body, {
        config,
        mode: 'replace',
        existing: existing.attributes,
        quirks,
        features: this.#deps.features,
      });
      let updated = await this.#commit(existing, input, { method: 'PUT' });
      const createdAt = quirks.has('read-only-meta-honoured') ? clientCreated(body) : undefined;
      if (createdAt !== undefined && createdAt !== updated.created) {
        updated = { ...updated, created: createdAt };
        await this.#deps.store.put(updated);
      }
      const movedTo = quirks.has('client-id-honoured') ? clientId(body) : undefined;
      if (movedTo !== undefined && movedTo !== id) {
        await this.#deps.store.delete(type, id);
        updated = { ...updated, id: movedTo };
        await this.#deps.store.put(updated);
      }
      return updated;
    });
  }

  /**
   * PATCH (RFC 7644 §3.5.2), all-or-nothing. The result is validated exactly like a PUT body, so a PATCH
   * can never store what a PUT would refuse.
   */
  async patch(
    type: ResourceTypeName,
    id: string,
    body: unknown,
    preconditions: WritePreconditions,
  ): Promise<StoredResource> {
    try {
      return await this.#patch(type, id, body, preconditions);
    } catch (error) {
      if (this.#deps.quirks.has('patch-no-target-ignored') && isScimError(error, 400, 'noTarget'))
        return this.get(type, id);
      throw error;
    }
  }

  #patch(
    type: ResourceTypeName,
    id: string,
    body: unknown,
    preconditions: WritePreconditions,
  ): Promise<StoredResource> {
    const { quirks } = this.#deps;
    const config = this.#deps.configs[type];
    const valued = quirks.has('patch-value-not-required') ? withoutValuelessOperations(body) : body;
    if (valued === undefined)
      return this.#deps.lock.run(() => this.#existingForWrite(type, id, preconditions));
    const lenient = quirks.has('patch-lenient-request') ? lenientPatchBody(valued) : valued;
    if (lenient === undefined)
      return this.#deps.lock.run(() => this.#existingForWrite(type, id, preconditions));
    let request = parsePatchRequest(lenient);
    this.#checkPatchQuirks(request);
    if (quirks.has('patch-read-only-ignored')) request = withoutReadOnlyOperations(request, config);
    if (quirks.has('patch-add-replaces-multi-valued')) request = addAsReplaceOnMultiValued(request, config);
    if (quirks.has('legacy-member-removal-wipes-all')) request = removeByValueWipesAll(request);
    if (quirks.has('patch-dotted-keys-ignored')) request = withoutPathKeys(request, config);
    let clientCreatedAt: string | undefined;
    if (quirks.has('read-only-meta-honoured')) {
      ({ request, created: clientCreatedAt } = patchedCreated(request));
    }
    return this.#deps.lock.run(async () => {
      const existing = await this.#existingForWrite(type, id, preconditions);
      if (quirks.has('patch-add-duplicates-value')) request = addAppendsDuplicates(request, config, existing);
      if (clientCreatedAt !== undefined) {
        const patched = await this.#applyPatch(existing, request);
        const moved = { ...patched, created: clientCreatedAt };
        await this.#deps.store.put(moved);
        return moved;
      }
      if (!quirks.has('patch-not-atomic')) return this.#applyPatch(existing, request);
      // Each operation is committed on its own, so the ones before a failing operation stay applied.
      let current = existing;
      for (const operation of request.operations) {
        current = await this.#applyPatch(current, { ...request, operations: [operation] });
      }
      return current;
    });
  }

  async #applyPatch(existing: StoredResource, request: PatchRequest): Promise<StoredResource> {
    const { quirks } = this.#deps;
    const type = existing.resourceType;
    const config = this.#deps.configs[type];
    const result = applyPatch(writableView(existing), request, {
      resolve: this.#deps.resolverFor(type),
      coreSchema: config.core.id,
      extensionSchemas: config.extensions.map((extension) => extension.id),
    });
    if (
      quirks.has('patch-boolean-strings-rejected') &&
      result.notes.some((note) => note.kind === 'boolean-string')
    ) {
      throw ScimError.invalidValue('Boolean attributes take true or false, not a string.');
    }
    if (
      quirks.has('manager-string-rejected') &&
      result.notes.some((note) => note.kind === 'manager-string')
    ) {
      throw ScimError.invalidValue('manager must be an object with a "value".');
    }
    // A no-op PATCH keeps version and lastModified (RFC 7644 §3.5.2); #commit compares with what is stored.
    if (quirks.has('patch-not-applied')) return existing;
    const input = readResourceInput(result.resource, {
      config,
      mode: 'replace',
      existing: existing.attributes,
      quirks,
      features: this.#deps.features,
    });
    return this.#commit(existing, input, patchShape(request));
  }

  /**
   * DELETE: the resource goes, its memberships go with it (groups that listed it are updated), and a
   * deleted user's keys are revoked.
   */
  delete(type: ResourceTypeName, id: string, preconditions: WritePreconditions): Promise<void> {
    const { store, quirks } = this.#deps;
    return this.#deps.lock.run(async () => {
      const existing = await this.#existingForWrite(type, id, preconditions);
      if (quirks.has('soft-delete-does-not-delete')) return;
      await store.delete(type, existing.id);
      const memberOf = quirks.has('deleted-user-stays-member')
        ? []
        : await store.groupsWithMember(existing.id);
      for (const group of memberOf) {
        const members = Array.isArray(group.attributes.members) ? group.attributes.members : [];
        const kept = members.filter(
          (member: unknown) => !jsonEqual((member as ScimObject | null)?.value, existing.id),
        );
        const attributes = { ...group.attributes };
        if (kept.length > 0) attributes.members = kept;
        else delete attributes.members;
        await store.put({
          ...group,
          attributes,
          lastModified: new Date().toISOString(),
          version: group.version + 1,
        });
      }
      if (type === 'User' && !quirks.has('delete-does-not-revoke')) this.#revokeKeysOf(existing.id);
    });
  }

  #checkPatchQuirks(request: PatchRequest): void {
    const { quirks } = this.#deps;
    // IPSIE AL SCIM profile draft 00 §6.2.6 asks for at least 50 member operations in one PATCH; the quirk caps at 20.
    if (quirks.has('patch-operations-limited') && request.operations.length > 20) {
      throw ScimError.invalidValue('A PATCH request may carry at most 20 operations.');
    }
    if (
      quirks.has('patch-capitalised-ops-rejected') &&
      request.notes.some((note) => note.kind === 'capitalised-op')
    ) {
      throw ScimError.invalidSyntax('Unknown PATCH op: use "add", "remove" or "replace".');
    }
    if (
      quirks.has('members-value-filter-removal-rejected') &&
      request.operations.some(
        (operation) =>
          operation.op === 'remove' &&
          operation.path?.attrPath.attr.toLowerCase() === 'members' &&
          operation.path.valueFilter !== undefined,
      )
    ) {
      throw ScimError.invalidPath('Filtered paths are not supported for members.');
    }
    if (quirks.has('mutability-error-on-read-write') && namesAttribute(request, 'title')) {
      throw ScimError.mutability('title cannot be modified.');
    }
  }

  async #existingForWrite(
    type: ResourceTypeName,
    id: string,
    preconditions: WritePreconditions,
  ): Promise<StoredResource> {
    const existing = await this.get(type, id);
    const { ifMatch } = preconditions;
    if (
      ifMatch &&
      this.#deps.features.etag &&
      !this.#deps.quirks.has('if-match-ignored') &&
      !shownEtagMatches(ifMatch, existing.version, this.#deps.seams)
    ) {
      throw new ScimError(
        412,
        undefined,
        `If-Match ${ifMatch.slice(0, 100)} does not match the current version.`,
      );
    }
    return existing;
  }

  async #commit(existing: StoredResource, input: ScimObject, shape: WriteShape): Promise<StoredResource> {
    const { store, quirks } = this.#deps;
    const type = existing.resourceType;
    const attributes = await resolveReferences(type, input, existing.id, store, quirks);
    await checkUniqueness(type, attributes, existing.id, store, quirks);
    if (jsonEqual(attributes, existing.attributes)) return existing;
    const lastModified = quirks.has('last-modified-not-updated')
      ? existing.lastModified
      : nextTimestamp(existing.lastModified);
    const updated: StoredResource = {
      ...existing,
      attributes,
      ...(quirks.has('created-reset-on-update') ? { created: lastModified } : {}),
      lastModified,
      version: existing.version + 1,
    };
    await store.put(updated);
    if (isDeprovisioned(updated) && this.#deactivationRevokes(shape)) this.#revokeKeysOf(updated.id);
    if (isDeprovisioned(existing) && !isDeprovisioned(updated) && quirks.has('keys-restored-on-reactivate'))
      this.#deps.credentials.restoreOwnedBy({ kind: 'user', id: updated.id });
    return updated;
  }

  /** Whether setting a user active=false in this shape revokes its keys: always, unless a quirk says otherwise. */
  #deactivationRevokes(shape: WriteShape): boolean {
    const { quirks } = this.#deps;
    if (quirks.has('deactivate-does-not-revoke')) return false;
    if (shape.method === 'PUT') return !quirks.has('keys-survive-put-deactivate');
    if (shape.pathLessActive === true && quirks.has('keys-survive-path-less-deactivate')) return false;
    return !(shape.stringActive === true && quirks.has('keys-survive-string-active'));
  }

  /**
   * Revokes a deprovisioned user's keys. Under `service-account-key-revoked-with-user` every other service
   * account's keys go too, as on servers that tie a key to whoever created it; the built-in admin account (the
   * first one, the harness's control channel) is spared so the harness can still clean up.
   */
  #revokeKeysOf(userId: string): void {
    const { credentials, quirks } = this.#deps;
    const delayMs = quirks.has('keys-revoked-after-delay')
      ? (this.#deps.keyRevocationDelayMs ?? DEFAULT_KEY_REVOCATION_DELAY_MS)
      : 0;
    credentials.revokeOwnedBy({ kind: 'user', id: userId }, delayMs);
    if (!quirks.has('service-account-key-revoked-with-user')) return;
    for (const account of credentials.serviceAccounts().slice(1)) {
      credentials.revokeOwnedBy({ kind: 'serviceAccount', id: account.id });
    }
  }
}
