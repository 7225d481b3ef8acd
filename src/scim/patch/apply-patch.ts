import { ScimError } from '../errors/scim-error.js';
import type { AttributeResolver, PatchPath } from '../filter/ast.js';
import { isJsonObject } from '../filter/index.js';
import { isScimResource, type ScimResource } from '../resource.js';
import { applyAttributeChange, type ResolvedTarget } from './apply-operation.js';
import { findSchema, locateAttribute, type SchemaScope } from './attribute-location.js';
import type { ValueContext } from './attribute-value.js';
import { findSubAttribute } from './attribute-value.js';
import { describeJson, jsonEqual } from './json-value.js';
import type { NonCanonicalNote, PatchOperation, PatchOpName, PatchRequest } from './patch-request.js';

/** The schemas `applyPatch` checks against: the resource type's core schema and its extensions. */
export interface ApplyPatchOptions {
  /** Attribute characteristics by path (type, multiValued, mutability, required, caseExact, sub-attributes). */
  resolve: AttributeResolver;
  coreSchema: string;
  extensionSchemas: string[];
}

export interface ApplyPatchResult {
  /** A new resource; the input is never modified. */
  resource: ScimResource;
  /** Whether any attribute differs from the input (RFC 7644 §3.5.2.1: a no-op "SHALL NOT change the modify timestamp"). */
  changed: boolean;
  /** The request's notes, then those found while applying it (e.g. `boolean-string`), in operation order. */
  notes: NonCanonicalNote[];
}

/**
 * Applies a parsed PATCH request to a resource, as a pure function: the input is never mutated, and the request is
 * atomic ("If a single operation encounters an error condition, the original SCIM resource MUST be restored"), so
 * any failing operation throws its `ScimError` and nothing is applied. `meta` is not touched: stamping
 * `lastModified` when `changed` is the service provider's job.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export function applyPatch(
  resource: ScimResource,
  request: PatchRequest,
  options: ApplyPatchOptions,
): ApplyPatchResult {
  if (!isScimResource(resource)) {
    throw new TypeError('applyPatch needs a resource: a JSON object whose "schemas" is an array of strings.');
  }
  const scope: SchemaScope = options;
  const working = structuredClone(resource);
  const applyNotes: NonCanonicalNote[] = [];
  request.operations.forEach((operation, opIndex) => {
    applyOperation(working, scope, operation, { opIndex, notes: applyNotes });
  });
  const notes = [...request.notes, ...applyNotes].sort((a, b) => a.opIndex - b.opIndex);
  return { resource: working, changed: !jsonEqual(resource, working), notes };
}

function applyOperation(
  resource: ScimResource,
  scope: SchemaScope,
  operation: PatchOperation,
  context: ValueContext,
) {
  const { op, path, pathText } = operation;
  const schemaPath = pathText === undefined ? undefined : findSchema(scope, pathText.trim());
  if (schemaPath !== undefined) {
    // `"path": "urn:…:enterprise:2.0:User"`: the value holds that extension's attributes.
    applyToSchema(resource, scope, op, schemaPath, operation.value, pathText ?? schemaPath, context);
    return;
  }
  if (path === undefined) {
    if (!isJsonObject(operation.value)) {
      throw ScimError.invalidValue(
        `"${op}" without "path" needs an object of attributes, got ${describeJson(operation.value)}.`,
      );
    }
    applyPathless(resource, scope, op, operation.value, context);
    return;
  }
  const target = resolveTarget(scope, path, pathText ?? '', context);
  applyAttributeChange(resource, scope, { op, target, value: operation.value }, context);
}

/** RFC 7644 §3.5.2.1/§3.5.2.3 with no path: each member of the value is an attribute of the resource. */
function applyPathless(
  resource: ScimResource,
  scope: SchemaScope,
  op: PatchOpName,
  value: Record<string, unknown>,
  context: ValueContext,
): void {
  for (const [key, attributeValue] of Object.entries(value)) {
    if (key.toLowerCase() === 'schemas') {
      applySchemas(resource, scope, op, attributeValue);
      continue;
    }
    const schema = findSchema(scope, key);
    if (schema !== undefined) {
      applyToSchema(resource, scope, op, schema, attributeValue, key, context);
      continue;
    }
    const target = resolveKey(scope, key, context);
    applyAttributeChange(resource, scope, { op, target, value: attributeValue }, context);
  }
}

/** The attributes of one schema, given as the object under its URN (RFC 7643 §3.3). */
function applyToSchema(
  resource: ScimResource,
  scope: SchemaScope,
  op: PatchOpName,
  schema: string,
  value: unknown,
  label: string,
  context: ValueContext,
): void {
  if (op === 'remove') {
    const container = Object.entries(resource).find(
      ([key]) => key.toLowerCase() === schema.toLowerCase(),
    )?.[1];
    const names = schema === scope.coreSchema || !isJsonObject(container) ? [] : Object.keys(container);
    for (const name of names) {
      const target = resolveTarget(
        scope,
        { attrPath: { uri: schema, attr: name } },
        `${label}:${name}`,
        context,
      );
      applyAttributeChange(resource, scope, { op, target, value: undefined }, context);
    }
    return;
  }
  if (!isJsonObject(value)) {
    throw ScimError.invalidValue(
      `${label} must be an object of that schema's attributes, got ${describeJson(value)}.`,
    );
  }
  for (const [name, attributeValue] of Object.entries(value)) {
    const target = resolveTarget(
      scope,
      { attrPath: { uri: schema, attr: name } },
      `${schema}:${name}`,
      context,
    );
    applyAttributeChange(resource, scope, { op, target, value: attributeValue }, context);
  }
}

/**
 * A path-less value's key: `nickName`, or what Entra's aadOptscim062020 client sends, `name.givenName`
 * (`dotted-key`) and `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber` (`urn-key`).
 */
function resolveKey(scope: SchemaScope, key: string, context: ValueContext): ResolvedTarget {
  const lower = key.toLowerCase();
  const schema = [scope.coreSchema, ...scope.extensionSchemas]
    .filter((candidate) => lower.startsWith(`${candidate.toLowerCase()}:`))
    .sort((a, b) => b.length - a.length)[0];
  let uri: string | undefined;
  let local = key;
  if (schema !== undefined) {
    uri = schema;
    local = key.slice(schema.length + 1);
    context.notes.push({ opIndex: context.opIndex, kind: 'urn-key', detail: `"${key}" read as a path` });
  } else if (lower.startsWith('urn:')) {
    throw ScimError.invalidPath(`"${key}" does not start with one of this resource type's schema URNs.`);
  }
  const parts = local.split('.');
  if (parts.length > 2 || parts.some((part) => part === '')) {
    throw ScimError.invalidPath(`"${key}" is not an attribute name or ATTRNAME.subAttr.`);
  }
  const [attr = '', subAttr] = parts;
  if (subAttr !== undefined && schema === undefined) {
    context.notes.push({ opIndex: context.opIndex, kind: 'dotted-key', detail: `"${key}" read as a path` });
  }
  const attrPath = subAttr === undefined ? { uri, attr } : { uri, attr, subAttr };
  return resolveTarget(scope, { attrPath }, key, context);
}

function resolveTarget(
  scope: SchemaScope,
  path: PatchPath,
  label: string,
  context: ValueContext,
): ResolvedTarget {
  const { attrPath } = path;
  const location = locateAttribute(scope, attrPath.uri, attrPath.attr, label, context);
  const subName = attrPath.subAttr ?? path.subAttr;
  const target: ResolvedTarget = { location, label };
  if (path.valueFilter !== undefined) target.filter = path.valueFilter;
  if (subName !== undefined) {
    const sub = findSubAttribute(location.def, subName);
    if (sub === undefined) {
      throw ScimError.invalidPath(`${label}: "${subName}" is not a sub-attribute of "${location.def.name}".`);
    }
    target.sub = sub;
  }
  return target;
}

/**
 * `schemas` in a path-less value. Only this resource type's schema URNs may appear; the core schema stays.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
function applySchemas(resource: ScimResource, scope: SchemaScope, op: PatchOpName, value: unknown): void {
  if (op === 'remove') return;
  const listed = Array.isArray(value) ? value : [value];
  const schemas = listed.map((item) => {
    const schema = typeof item === 'string' ? findSchema(scope, item) : undefined;
    if (schema === undefined) {
      throw ScimError.invalidValue(
        `"schemas" may list only ${[scope.coreSchema, ...scope.extensionSchemas].join(', ')}.`,
      );
    }
    return schema;
  });
  const next = op === 'add' ? [...resource.schemas, ...schemas] : schemas;
  if (!next.includes(scope.coreSchema)) {
    throw ScimError.invalidValue(`"schemas" must keep the core schema ${scope.coreSchema}.`);
  }
  resource.schemas = next.filter((schema, index) => next.indexOf(schema) === index);
}
