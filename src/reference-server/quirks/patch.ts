import { ScimError } from '../../scim/errors/scim-error.js';
import { isJsonObject, parsePatchPath } from '../../scim/filter/index.js';
import { PATCH_OPS, type PatchRequest } from '../../scim/patch/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import { findCoreAttribute, type ResourceTypeConfig } from '../resources/resource-type-config.js';
import type { ScimObject, StoredResource } from '../store/resource-store.js';
import { clientCreated } from './client-values.js';
import type { QuirkEntries } from './entry.js';

/**
 * `patch-lenient-request`: a PATCH body is taken however it is shaped. A missing PatchOp URN is assumed, and
 * operations whose `op` is not add/remove/replace or whose `path` does not parse are dropped silently.
 * Returns `undefined` when nothing usable is left (the server then answers with the resource unchanged).
 */
function lenientPatchBody(body: unknown): ScimObject | undefined {
  if (!isJsonObject(body)) return undefined;
  const operations = Array.isArray(body.Operations) ? body.Operations : [];
  const kept = operations.filter((operation: unknown) => {
    if (!isJsonObject(operation) || typeof operation.op !== 'string') return false;
    if (!(PATCH_OPS as readonly string[]).includes(operation.op.toLowerCase())) return false;
    if (typeof operation.path !== 'string') return true;
    try {
      parsePatchPath(operation.path);
      return true;
    } catch {
      return false;
    }
  });
  if (kept.length === 0) return undefined;
  return { ...body, schemas: [SCHEMA_URNS.PatchOp], Operations: kept };
}

/**
 * `patch-value-not-required`: add and replace operations without a `value` member are dropped instead of refused; a
 * request left with no operation changes nothing (`undefined`).
 */
function withoutValuelessOperations(body: unknown): unknown {
  if (!isJsonObject(body) || !Array.isArray(body.Operations)) return body;
  const before = body.Operations.length;
  const kept = body.Operations.filter(
    (operation: unknown) =>
      !isJsonObject(operation) ||
      typeof operation.op !== 'string' ||
      operation.op.toLowerCase() === 'remove' ||
      operation.value !== undefined,
  );
  // Nothing left to apply: `undefined` tells the caller to answer with the resource unchanged.
  if (kept.length === 0 && before > 0) return undefined;
  return { ...body, Operations: kept };
}

/** Whether `name` is readOnly for the type (`id`, `meta`, `groups`, …). */
function isReadOnly(config: ResourceTypeConfig, name: string): boolean {
  return findCoreAttribute(config, name)?.mutability === 'readOnly';
}

/**
 * `patch-read-only-ignored`: operations on readOnly attributes (`id`, `meta.*`, `groups`) are skipped, and
 * readOnly members of a path-less value are dropped, instead of failing with 400 mutability.
 */
function withoutReadOnlyOperations(request: PatchRequest, config: ResourceTypeConfig): PatchRequest {
  const operations = request.operations.flatMap((operation) => {
    if (operation.path !== undefined) {
      return operation.path.attrPath.uri === undefined && isReadOnly(config, operation.path.attrPath.attr)
        ? []
        : [operation];
    }
    if (!isJsonObject(operation.value)) return [operation];
    const value = Object.fromEntries(
      Object.entries(operation.value).filter(([key]) => !isReadOnly(config, key)),
    );
    return [{ ...operation, value }];
  });
  return { ...request, operations };
}

/**
 * `patch-add-replaces-multi-valued`: an `add` to a multi-valued attribute (path without a value filter) replaces
 * every existing value instead of appending the new ones.
 */
function addAsReplaceOnMultiValued(request: PatchRequest, config: ResourceTypeConfig): PatchRequest {
  const operations = request.operations.map((operation) => {
    const path = operation.path;
    if (operation.op !== 'add' || path === undefined || path.valueFilter !== undefined) return operation;
    if (path.attrPath.uri !== undefined || path.attrPath.subAttr !== undefined) return operation;
    return findCoreAttribute(config, path.attrPath.attr)?.multiValued
      ? { ...operation, op: 'replace' as const }
      : operation;
  });
  return { ...request, operations };
}

/**
 * `patch-add-duplicates-value`: an `add` of values to a multi-valued attribute (path without a value filter) appends
 * them all, also those the attribute already holds (RFC 7644 §3.5.2.1 says no change is made for those).
 */
function addAppendsDuplicates(
  request: PatchRequest,
  config: ResourceTypeConfig,
  existing: StoredResource,
): PatchRequest {
  const operations = request.operations.map((operation) => {
    const path = operation.path;
    if (operation.op !== 'add' || path === undefined || path.valueFilter !== undefined) return operation;
    if (path.attrPath.uri !== undefined || path.attrPath.subAttr !== undefined) return operation;
    const definition = findCoreAttribute(config, path.attrPath.attr);
    if (!definition?.multiValued) return operation;
    const before = existing.attributes[definition.name];
    // The copies lose `primary`, so the duplicate is stored rather than refused for a second primary value.
    const added = (Array.isArray(operation.value) ? operation.value : [operation.value]).map((value) =>
      isJsonObject(value) ? { ...value, primary: false } : value,
    );
    return {
      ...operation,
      op: 'replace' as const,
      value: [...(Array.isArray(before) ? before : []), ...added],
    };
  });
  return { ...request, operations };
}

/** Whether a PATCH request writes the top-level attribute `name`, by path or as a key of a path-less value. */
function namesAttribute(request: PatchRequest, name: string): boolean {
  const lower = name.toLowerCase();
  return request.operations.some((operation) => {
    if (operation.path !== undefined) return operation.path.attrPath.attr.toLowerCase() === lower;
    return (
      isJsonObject(operation.value) && Object.keys(operation.value).some((key) => key.toLowerCase() === lower)
    );
  });
}

/**
 * `read-only-meta-honoured` on PATCH: the `meta.created` an add or replace sets (path `meta.created`, path `meta`, or
 * `meta` in a path-less value) is taken out of the request, so the rest applies, and returned to be stored.
 */
export function patchedCreated(request: PatchRequest): { request: PatchRequest; created?: string } {
  let created: string | undefined;
  const operations = request.operations.flatMap((operation) => {
    if (operation.op === 'remove') return [operation];
    const path = operation.path;
    if (path === undefined) {
      if (!isJsonObject(operation.value) || !isJsonObject(operation.value.meta)) return [operation];
      const { meta, ...rest } = operation.value;
      created = clientCreated({ meta }) ?? created;
      return [{ ...operation, value: rest }];
    }
    const { uri, attr, subAttr } = path.attrPath;
    if (uri !== undefined || path.valueFilter !== undefined) return [operation];
    if (attr.toLowerCase() !== 'meta') return [operation];
    if (subAttr === undefined) {
      created = clientCreated({ meta: operation.value }) ?? created;
      return [];
    }
    if (subAttr.toLowerCase() !== 'created') return [operation];
    created = clientCreated({ meta: { created: operation.value } }) ?? created;
    return [];
  });
  return { request: { ...request, operations }, created };
}

/**
 * `legacy-member-removal-wipes-all`: Entra's legacy `{"op":"Remove","path":"members","value":[{"value":id}]}` is
 * read as a plain remove of `members`, so every member goes (what a server that ignores `value` on remove does).
 */
function removeByValueWipesAll(request: PatchRequest): PatchRequest {
  const operations = request.operations.map((operation) => {
    const path = operation.path;
    if (operation.op !== 'remove' || path === undefined || path.valueFilter !== undefined) return operation;
    if (path.attrPath.attr.toLowerCase() !== 'members' || path.attrPath.subAttr !== undefined)
      return operation;
    const withoutValue = { ...operation };
    delete withoutValue.value;
    return withoutValue;
  });
  return { ...request, operations };
}

/**
 * `patch-dotted-keys-ignored`: in a path-less operation, value keys written as attribute paths (`name.givenName`,
 * `urn:…:enterprise:2.0:User:department`) are dropped; only plain attribute names and whole extension URNs stay.
 */
function withoutPathKeys(request: PatchRequest, config: ResourceTypeConfig): PatchRequest {
  const isExtension = (key: string) =>
    config.extensions.some((extension) => extension.id.toLowerCase() === key.toLowerCase());
  const operations = request.operations.map((operation) => {
    if (operation.path !== undefined || !isJsonObject(operation.value)) return operation;
    const value = Object.fromEntries(
      Object.entries(operation.value).filter(
        ([key]) => isExtension(key) || (!key.includes('.') && !key.includes(':')),
      ),
    );
    return { ...operation, value };
  });
  return { ...request, operations };
}

/** PATCH faults (RFC 7644 §3.5.2). */
export const PATCH_QUIRKS = {
  'patch-add-replaces-multi-valued': {
    patch: (plan, { config }) => ({ ...plan, request: addAsReplaceOnMultiValued(plan.request, config) }),
  },
  // Remove without path, or a filter with no match, answers 200 with the resource.
  'patch-no-target-ignored': {
    refuse: (error, refusal) => (refusal.rule === 'patch-target' ? undefined : error),
  },
  'patch-read-only-ignored': {
    patch: (plan, { config }) => ({ ...plan, request: withoutReadOnlyOperations(plan.request, config) }),
  },
  'patch-not-atomic': {
    patch: (plan) => ({ ...plan, atomic: false }),
  },
  'patch-lenient-request': {
    patchBody: (sent) => {
      if (!sent.apply) return sent;
      const body = lenientPatchBody(sent.body);
      return body === undefined ? { body: sent.body, apply: false } : { body, apply: true };
    },
  },
  // Op names are case-insensitive (RFC 7644 §3.5.2); this refuses "Add", "Replace", "Remove".
  'patch-capitalised-ops-rejected': {
    patch: (plan) => {
      if (plan.request.notes.some((note) => note.kind === 'capitalised-op')) {
        throw ScimError.invalidSyntax('Unknown PATCH op: use "add", "remove" or "replace".');
      }
      return plan;
    },
  },
  // As legacy Entra sends them.
  'patch-boolean-strings-rejected': {
    beforeWrite: (plan) => {
      if (plan.kind === 'patched' && plan.notes.some((note) => note.kind === 'boolean-string')) {
        throw ScimError.invalidValue('Boolean attributes take true or false, not a string.');
      }
      return plan;
    },
  },
  'patch-not-applied': {
    beforeWrite: (plan) => (plan.kind === 'patched' ? { ...plan, apply: false } : plan),
  },
  'legacy-member-removal-wipes-all': {
    patch: (plan) => ({ ...plan, request: removeByValueWipesAll(plan.request) }),
  },
  'patch-dotted-keys-ignored': {
    patch: (plan, { config }) => ({ ...plan, request: withoutPathKeys(plan.request, config) }),
  },
  // /Schemas declares title readWrite.
  'mutability-error-on-read-write': {
    patch: (plan) => {
      if (namesAttribute(plan.request, 'title')) throw ScimError.mutability('title cannot be modified.');
      return plan;
    },
  },
  'patch-value-not-required': {
    patchBody: (sent) => {
      if (!sent.apply) return sent;
      const body = withoutValuelessOperations(sent.body);
      return body === undefined ? { body: sent.body, apply: false } : { body, apply: true };
    },
  },
  'patch-add-duplicates-value': {
    patch: (plan, { config, existing }) => ({
      ...plan,
      request: addAppendsDuplicates(plan.request, config, existing),
    }),
  },
  // IPSIE AL SCIM profile draft 00 §6.2.6 asks for at least 50 member operations in one PATCH; this caps at 20.
  'patch-operations-limited': {
    patch: (plan) => {
      if (plan.request.operations.length > 20) {
        throw ScimError.invalidValue('A PATCH request may carry at most 20 operations.');
      }
      return plan;
    },
  },
  // Okta's deactivation {"op":"replace","value":{"active":false}} is taken out; the PATCH answers 200 unchanged.
  'path-less-replace-object-ignored': {
    patch: (plan) => ({
      ...plan,
      request: {
        ...plan.request,
        operations: plan.request.operations.filter(
          (operation) =>
            !(operation.op === 'replace' && operation.path === undefined && isJsonObject(operation.value)),
        ),
      },
    }),
  },
  'members-value-filter-removal-rejected': {
    patch: (plan) => {
      const filtered = plan.request.operations.some(
        (operation) =>
          operation.op === 'remove' &&
          operation.path?.attrPath.attr.toLowerCase() === 'members' &&
          operation.path.valueFilter !== undefined,
      );
      if (filtered) throw ScimError.invalidPath('Filtered paths are not supported for members.');
      return plan;
    },
  },
} satisfies QuirkEntries;
