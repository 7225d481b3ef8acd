import { isScimError, ScimError } from '../errors/scim-error.js';
import type { Filter } from '../filter/ast.js';
import { getAttribute, isJsonObject, matchesFilter } from '../filter/index.js';
import type { ScimResource } from '../resource.js';
import type { AttributeDefinition } from '../schemas/attribute-definition.js';
import {
  type AttributeLocation,
  readAttribute,
  type SchemaScope,
  writeAttribute,
} from './attribute-location.js';
import {
  checkAttributeValue,
  checkSingleValue,
  findSubAttribute,
  type ValueContext,
} from './attribute-value.js';
import { describeJson, jsonEqual, withMember } from './json-value.js';
import { assignedOrUndefined, guardChange, guardSubAttributes } from './mutability-guard.js';
import type { PatchOpName } from './patch-request.js';
import { containsValue, sameValue } from './value-identity.js';

/** A path resolved against the schema: the attribute, and optionally a value filter and a sub-attribute. */
export interface ResolvedTarget {
  location: AttributeLocation;
  /** `emails[type eq "work"]` → the filter on `emails`' values. */
  filter?: Filter;
  /** `name.givenName` or `emails[type eq "work"].value` → the sub-attribute's definition. */
  sub?: AttributeDefinition;
  /** The path as the client wrote it (or the path-less value's key), for error details. */
  label: string;
}

export interface AttributeChange {
  op: PatchOpName;
  target: ResolvedTarget;
  /** The operation's value; `undefined` when it has none (only `remove`). */
  value: unknown;
}

type JsonObject = Record<string, unknown>;

/**
 * Applies one operation to one attribute of `resource` (mutated in place: the caller works on a copy).
 * The new attribute value is computed first, then checked against mutability and `required` as a whole, so that
 * an operation that changes nothing (replacing `id` by the same id, adding a member twice) is never an error.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export function applyAttributeChange(
  resource: ScimResource,
  scope: SchemaScope,
  change: AttributeChange,
  context: ValueContext,
): void {
  const { location, label } = change.target;
  const before = readAttribute(resource, location);
  const after = assignedOrUndefined(nextValue(before, scope, change, context));
  if (jsonEqual(assignedOrUndefined(before), after)) return;
  guardChange(location.def, before, after, label);
  writeAttribute(resource, location, after);
}

function nextValue(
  before: unknown,
  scope: SchemaScope,
  change: AttributeChange,
  context: ValueContext,
): unknown {
  const { def } = change.target.location;
  if (change.target.filter !== undefined) {
    if (!def.multiValued) {
      throw ScimError.invalidPath(`${change.target.label}: a value filter needs a multi-valued attribute.`);
    }
    return changeFilteredValues(asArray(before, change.target.label), scope, change, context);
  }
  if (change.target.sub !== undefined) {
    if (def.multiValued) {
      throw ScimError.invalidPath(
        `${change.target.label}: a sub-attribute of multi-valued "${def.name}" needs a value filter, e.g. ${def.name}[type eq "work"].${change.target.sub.name}.`,
      );
    }
    return changeSubAttribute(before, change.target.sub, change, context);
  }
  return changeWholeAttribute(before, change, context);
}

/** `add`/`replace`/`remove` on `userName`, `emails`, `name`, `members` (no filter, no sub-attribute). */
function changeWholeAttribute(before: unknown, change: AttributeChange, context: ValueContext): unknown {
  const { def } = change.target.location;
  const label = change.target.label;
  switch (change.op) {
    case 'remove':
      return change.value === undefined
        ? undefined
        : removeListedValues(before, def, change.value, label, context);
    case 'add':
    case 'replace': {
      const value = checkAttributeValue(def, change.value, label, context);
      if (value === undefined) return change.op === 'add' ? before : undefined;
      if (def.multiValued && Array.isArray(value)) {
        if (change.op === 'replace') return value;
        return appendValues(asArray(before, label), value, def, label);
      }
      // RFC 7644 §3.5.2.1 and §3.5.2.3: sub-attributes of a complex value are merged, the others left unchanged.
      if (def.type === 'complex' && isJsonObject(value) && isJsonObject(before)) return merge(before, value);
      return value;
    }
    default:
      return unknownOp(change.op);
  }
}

/** `name.givenName`: the sub-attribute of a single-valued complex attribute. */
function changeSubAttribute(
  before: unknown,
  sub: AttributeDefinition,
  change: AttributeChange,
  context: ValueContext,
): unknown {
  const label = change.target.label;
  const parent = before === undefined || before === null ? {} : before;
  if (!isJsonObject(parent))
    throw ScimError.invalidValue(`The resource holds ${label} under a non-object value.`);
  let value: unknown;
  if (change.op === 'remove') {
    value =
      change.value === undefined
        ? undefined
        : removeListedValues(getAttribute(parent, sub.name), sub, change.value, label, context);
  } else {
    value = checkAttributeValue(sub, change.value, label, context);
    if (value === undefined && change.op === 'add') return before;
  }
  return withMember(parent, sub.name, value);
}

/** `emails[type eq "work"]`, `emails[type eq "work"].value`, `members[value eq "…"]`. */
function changeFilteredValues(
  before: unknown[],
  scope: SchemaScope,
  change: AttributeChange,
  context: ValueContext,
): unknown[] {
  const { location, filter, sub, label } = change.target;
  const { def } = location;
  const selected = before.map(
    (element) => filter !== undefined && selects(element, filter, scope, change.target),
  );
  if (change.op === 'remove') {
    // A remove whose filter matches nothing changes nothing: removal is idempotent, which Entra's retries rely on.
    if (sub === undefined) return before.filter((_, index) => !selected[index]);
    return before.map((element, index) => {
      if (!selected[index] || !isJsonObject(element)) return element;
      const next = withMember(element, sub.name, undefined);
      guardSubAttributes(def, element, next, label);
      return next;
    });
  }
  const value =
    sub === undefined
      ? checkSingleValue(def, change.value, label, context)
      : checkAttributeValue(sub, change.value, label, context);
  if (sub === undefined && !isJsonObject(value)) {
    throw ScimError.invalidValue(
      `${label} selects values of "${def.name}"; the value must be an object, got ${describeJson(value)}.`,
    );
  }
  const patchElement = (element: unknown): JsonObject => {
    const base = isJsonObject(element) ? element : {};
    if (sub !== undefined) return withMember(base, sub.name, value);
    const replacement = isJsonObject(value) ? value : {};
    // add merges into the selected values; replace replaces them (RFC 7644 §3.5.2.3: "all matching record values SHALL be replaced").
    return change.op === 'add' ? merge(base, replacement) : { ...replacement };
  };
  const touched: number[] = [];
  let after = before.map((element, index) => {
    if (!selected[index]) return element;
    touched.push(index);
    const next = patchElement(element);
    guardSubAttributes(def, isJsonObject(element) ? element : undefined, next, label);
    return next;
  });
  if (touched.length === 0) {
    const seed = change.op === 'add' && filter !== undefined ? valueFromFilter(filter, def) : undefined;
    if (seed === undefined) {
      throw ScimError.noTarget(`${label} matched no value of "${def.name}" (RFC 7644 §3.5.2.3).`);
    }
    context.notes.push({
      opIndex: context.opIndex,
      kind: 'add-creates-value',
      detail: `${label} matched nothing; added a new value built from the filter`,
    });
    touched.push(before.length);
    after = [...before, patchElement(seed)];
  }
  return keepOnePrimary(after, touched, label);
}

/** Whether the value filter selects `element`; a comparison the filter rules out is a bad path here. */
function selects(element: unknown, filter: Filter, scope: SchemaScope, target: ResolvedTarget): boolean {
  try {
    return matchesFilter(element, filter, {
      resolve: scope.resolve,
      parent: { uri: target.location.schema, attr: target.location.def.name },
      defaultSchema: scope.coreSchema,
    });
  } catch (error) {
    if (isScimError(error, 400, 'invalidFilter')) {
      throw ScimError.invalidPath(`${target.label}: the value filter cannot be evaluated: ${error.detail}`);
    }
    throw error;
  }
}

/** Appends the values not already present (RFC 7644 §3.5.2.1: an existing value is not added again). */
function appendValues(
  before: unknown[],
  values: unknown[],
  def: AttributeDefinition,
  label: string,
): unknown[] {
  const after = [...before];
  const touched: number[] = [];
  for (const value of values) {
    const existing = after.findIndex((element) => sameValue(def, element, value));
    if (existing === -1) {
      touched.push(after.length);
      after.push(value);
    }
  }
  return keepOnePrimary(after, touched, label);
}

/** Entra's legacy `remove` with a value: removes only the values that match what was listed. */
function removeListedValues(
  before: unknown,
  def: AttributeDefinition,
  listed: unknown,
  label: string,
  context: ValueContext,
): unknown {
  let probes: unknown[];
  if (def.multiValued) {
    const checked = checkAttributeValue(def, listed, label, context);
    probes = Array.isArray(checked) ? checked : [];
  } else {
    const single = Array.isArray(listed) && listed.length === 1 ? listed[0] : listed;
    probes = [checkSingleValue(def, single, label, context)];
  }
  const hit = (element: unknown) => probes.some((probe) => containsValue(def, element, probe));
  if (def.multiValued) return asArray(before, label).filter((element) => !hit(element));
  return hit(before) ? undefined : before;
}

/**
 * RFC 7644 §3.5.2: setting a value's `primary` to true "SHALL cause the server to automatically set "primary"
 * to "false" for any other values in the array". `touched` are the values this operation wrote.
 */
function keepOnePrimary(values: unknown[], touched: readonly number[], label: string): unknown[] {
  const newPrimaries = touched.filter((index) => {
    const value = values[index];
    return isJsonObject(value) && value.primary === true;
  });
  if (newPrimaries.length > 1) {
    throw ScimError.invalidValue(
      `${label} would set "primary": true on ${newPrimaries.length} values; at most one is allowed.`,
    );
  }
  const [primary] = newPrimaries;
  if (primary === undefined) return values;
  return values.map((value, index) =>
    index !== primary && isJsonObject(value) && value.primary === true ? { ...value, primary: false } : value,
  );
}

/** `type eq "work" and primary eq true` → `{type: "work", primary: true}`; any other filter → undefined. */
function valueFromFilter(filter: Filter, def: AttributeDefinition): JsonObject | undefined {
  switch (filter.kind) {
    case 'compare': {
      const sub =
        filter.path.uri === undefined && filter.path.subAttr === undefined
          ? findSubAttribute(def, filter.path.attr)
          : undefined;
      return filter.op === 'eq' && sub !== undefined && filter.value !== null
        ? { [sub.name]: filter.value }
        : undefined;
    }
    case 'and': {
      const left = valueFromFilter(filter.left, def);
      const right = valueFromFilter(filter.right, def);
      return left === undefined || right === undefined ? undefined : { ...left, ...right };
    }
    case 'present':
    case 'or':
    case 'not':
    case 'valuePath':
      return undefined;
    default: {
      const unreachable: never = filter;
      throw new TypeError(`unknown filter ${JSON.stringify(unreachable)}`);
    }
  }
}

function asArray(value: unknown, label: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw ScimError.invalidValue(`The resource holds multi-valued ${label} as ${describeJson(value)}.`);
  return value;
}

/** `base` with the members of `incoming` written over it, each sub-attribute kept under one spelling. */
function merge(base: JsonObject, incoming: JsonObject): JsonObject {
  let result = base;
  for (const [key, value] of Object.entries(incoming)) result = withMember(result, key, value);
  return result;
}

function unknownOp(op: never): never {
  throw new TypeError(`unknown op ${String(op)}`);
}
