import { randomUUID } from 'node:crypto';
import { isScimError, ScimError } from '../../scim/errors/scim-error.js';
import type { AttributeResolver } from '../../scim/filter/ast.js';
import { applyPatch } from '../../scim/patch/apply-patch.js';
import { jsonEqual } from '../../scim/patch/json-value.js';
import { parsePatchRequest } from '../../scim/patch/parse-patch-request.js';
import type { PatchRequest } from '../../scim/patch/patch-request.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import { shownEtagMatches } from '../http/etag.js';
import { beforeWrite, type ComposedSeams, type WriteShape } from '../seams.js';
import type { ServerFeatures } from '../server-modes.js';
import type { ResourceStore, ResourceTypeName, ScimObject, StoredResource } from '../store/resource-store.js';
import type { WriteLock } from '../store/write-lock.js';
import { readResourceInput } from './resource-input.js';
import { checkUniqueness, resolveReferences } from './resource-references.js';
import { writableView } from './resource-renderer.js';
import type { ResourceTypeConfig } from './resource-type-config.js';

export interface ResourceServiceDeps {
  store: ResourceStore;
  credentials: CredentialStore;
  lock: WriteLock;
  seams: ComposedSeams;
  features: ServerFeatures;
  /** The resource types as the server's mode serves them. */
  configs: Record<ResourceTypeName, ResourceTypeConfig>;
  resolverFor(type: ResourceTypeName): AttributeResolver;
  /** How long a revocation the deprovision plan delays waits before a deprovisioned user's keys stop working. */
  keyRevocationDelayMs?: number;
}

/** Six minutes: beyond the five IPSIE allows, so a leaver probe with its default budget sees the key still working. */
export const DEFAULT_KEY_REVOCATION_DELAY_MS = 6 * 60_000;

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
    const config = this.#deps.configs[type];
    const input = readResourceInput(body, this.#inputOptions(type, 'create'));
    return this.#deps.lock.run(async () => {
      const plan = beforeWrite(this.#deps.seams, { kind: 'create', body, id: randomUUID() }, config);
      return this.#insert(type, plan.id, input, plan.created);
    });
  }

  #inputOptions(type: ResourceTypeName, mode: 'create' | 'replace', existing?: ScimObject) {
    return {
      config: this.#deps.configs[type],
      mode,
      ...(existing === undefined ? {} : { existing }),
      seams: this.#deps.seams,
      features: this.#deps.features,
    };
  }

  /** Uniqueness is compared as the resolver has the unique attribute. */
  #checkUniqueness(type: ResourceTypeName, attributes: ScimObject, selfId: string | undefined) {
    const { seams } = this.#deps;
    const resolve = seams.resolver(this.#deps.resolverFor(type), { type, purpose: 'uniqueness' });
    return checkUniqueness(type, attributes, selfId, this.#deps.store, resolve, seams);
  }

  async #insert(
    type: ResourceTypeName,
    id: string,
    input: ScimObject,
    createdAt?: string,
  ): Promise<StoredResource> {
    const { store, seams } = this.#deps;
    const attributes = await resolveReferences(type, input, id, store, seams);
    await this.#checkUniqueness(type, attributes, undefined);
    const now = new Date().toISOString();
    const created: StoredResource = {
      resourceType: type,
      id,
      attributes,
      created: createdAt ?? now,
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
    const { seams } = this.#deps;
    if (
      body !== null &&
      typeof body === 'object' &&
      'id' in body &&
      body.id !== undefined &&
      body.id !== id
    ) {
      const refusal = seams.refuse(
        ScimError.invalidValue(`The body's id does not match the id in the URL (${id.slice(0, 200)}).`),
        { rule: 'id-mismatch' },
      );
      if (refusal !== undefined) throw refusal;
    }
    return this.#deps.lock.run(async () => {
      const config = this.#deps.configs[type];
      const plan = beforeWrite(seams, { kind: 'replace', body, id, createIfMissing: false }, config);
      if (plan.createIfMissing && !(await this.#deps.store.get(type, id))) {
        return this.#insert(type, id, readResourceInput(body, this.#inputOptions(type, 'create')));
      }
      const existing = await this.#existingForWrite(type, id, preconditions);
      const input = readResourceInput(body, this.#inputOptions(type, 'replace', existing.attributes));
      let updated = await this.#commit(existing, input, { method: 'PUT' });
      if (plan.created !== undefined && plan.created !== updated.created) {
        updated = { ...updated, created: plan.created };
        await this.#deps.store.put(updated);
      }
      if (plan.moveTo !== undefined && plan.moveTo !== id) {
        await this.#deps.store.delete(type, id);
        updated = { ...updated, id: plan.moveTo };
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
      if (!isScimError(error, 400, 'noTarget')) throw error;
      const refusal = this.#deps.seams.refuse(error, { rule: 'patch-target' });
      if (refusal !== undefined) throw refusal;
      // A refusal let through answers with the resource as it is.
      return this.get(type, id);
    }
  }

  #patch(
    type: ResourceTypeName,
    id: string,
    body: unknown,
    preconditions: WritePreconditions,
  ): Promise<StoredResource> {
    const { seams } = this.#deps;
    const config = this.#deps.configs[type];
    const sent = seams.patchBody({ body, apply: true }, { config });
    if (!sent.apply) return this.#deps.lock.run(() => this.#existingForWrite(type, id, preconditions));
    const request = parsePatchRequest(sent.body);
    return this.#deps.lock.run(async () => {
      const existing = await this.#existingForWrite(type, id, preconditions);
      const plan = seams.patch({ request, atomic: true }, { config, existing });
      if (plan.created !== undefined) {
        const patched = await this.#applyPatch(existing, plan.request);
        const moved = { ...patched, created: plan.created };
        await this.#deps.store.put(moved);
        return moved;
      }
      if (plan.atomic) return this.#applyPatch(existing, plan.request);
      // Each operation is committed on its own, so the ones before a failing operation stay applied.
      let current = existing;
      for (const operation of plan.request.operations) {
        current = await this.#applyPatch(current, { ...plan.request, operations: [operation] });
      }
      return current;
    });
  }

  async #applyPatch(existing: StoredResource, request: PatchRequest): Promise<StoredResource> {
    const type = existing.resourceType;
    const config = this.#deps.configs[type];
    const result = applyPatch(writableView(existing), request, {
      resolve: this.#deps.resolverFor(type),
      coreSchema: config.core.id,
      extensionSchemas: config.extensions.map((extension) => extension.id),
    });
    const patched = beforeWrite(
      this.#deps.seams,
      { kind: 'patched', resource: result.resource, notes: result.notes, apply: true },
      config,
    );
    // A PATCH that applies nothing keeps version and lastModified (RFC 7644 §3.5.2).
    if (!patched.apply) return existing;
    const input = readResourceInput(
      patched.resource,
      this.#inputOptions(type, 'replace', existing.attributes),
    );
    return this.#commit(existing, input, patchShape(request));
  }

  /**
   * DELETE: the resource goes, its memberships go with it (groups that listed it are updated), and a
   * deleted user's keys are revoked.
   */
  delete(type: ResourceTypeName, id: string, preconditions: WritePreconditions): Promise<void> {
    const { store } = this.#deps;
    return this.#deps.lock.run(async () => {
      const existing = await this.#existingForWrite(type, id, preconditions);
      const plan = beforeWrite(
        this.#deps.seams,
        { kind: 'delete', resource: existing, remove: true, dropMemberships: true },
        this.#deps.configs[type],
      );
      if (!plan.remove) return;
      await store.delete(type, existing.id);
      const memberOf = plan.dropMemberships ? await store.groupsWithMember(existing.id) : [];
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
      if (type === 'User') this.#revokeKeysOf(existing.id, { method: 'DELETE' });
    });
  }

  async #existingForWrite(
    type: ResourceTypeName,
    id: string,
    preconditions: WritePreconditions,
  ): Promise<StoredResource> {
    const existing = await this.get(type, id);
    const { ifMatch } = preconditions;
    const { seams } = this.#deps;
    if (ifMatch && this.#deps.features.etag && !shownEtagMatches(ifMatch, existing.version, seams)) {
      const refusal = seams.refuse(
        new ScimError(
          412,
          undefined,
          `If-Match ${ifMatch.slice(0, 100)} does not match the current version.`,
        ),
        { rule: 'precondition' },
      );
      if (refusal !== undefined) throw refusal;
    }
    return existing;
  }

  async #commit(existing: StoredResource, input: ScimObject, shape: WriteShape): Promise<StoredResource> {
    const { store, seams } = this.#deps;
    const type = existing.resourceType;
    const attributes = await resolveReferences(type, input, existing.id, store, seams);
    await this.#checkUniqueness(type, attributes, existing.id);
    if (jsonEqual(attributes, existing.attributes)) return existing;
    const { updated } = beforeWrite(
      seams,
      {
        kind: 'update',
        existing,
        updated: {
          ...existing,
          attributes,
          lastModified: nextTimestamp(existing.lastModified),
          version: existing.version + 1,
        },
      },
      this.#deps.configs[type],
    );
    await store.put(updated);
    if (isDeprovisioned(updated)) this.#revokeKeysOf(updated.id, shape);
    if (isDeprovisioned(existing) && !isDeprovisioned(updated)) {
      const plan = beforeWrite(
        seams,
        { kind: 'reactivate', userId: updated.id, restoreKeys: false },
        this.#deps.configs[type],
      );
      if (plan.restoreKeys) this.#deps.credentials.restoreOwnedBy({ kind: 'user', id: updated.id });
    }
    return updated;
  }

  /**
   * Revokes a deprovisioned user's keys, as the deprovision plan says: at once by default. A plan may also revoke every
   * other service account's keys; the built-in admin account (the first one, the harness's control channel) is spared
   * so the harness can still clean up.
   */
  #revokeKeysOf(userId: string, how: WriteShape): void {
    const { credentials } = this.#deps;
    const plan = beforeWrite(
      this.#deps.seams,
      {
        kind: 'deprovision',
        userId,
        how,
        revoke: true,
        delayMs: 0,
        configuredDelayMs: this.#deps.keyRevocationDelayMs ?? DEFAULT_KEY_REVOCATION_DELAY_MS,
        serviceAccountsToo: false,
      },
      this.#deps.configs.User,
    );
    if (!plan.revoke) return;
    credentials.revokeOwnedBy({ kind: 'user', id: userId }, plan.delayMs);
    if (!plan.serviceAccountsToo) return;
    for (const account of credentials.serviceAccounts().slice(1)) {
      credentials.revokeOwnedBy({ kind: 'serviceAccount', id: account.id });
    }
  }
}
