import { ScimError } from '../errors/scim-error.js';
import { isJsonObject } from '../filter/index.js';
import type { AttributeDefinition } from '../schemas/attribute-definition.js';
import { describeJson } from './json-value.js';
import type { NonCanonicalNote } from './patch-request.js';

/** Where a value came from, so that conversions can be noted against the right operation. */
export interface ValueContext {
  opIndex: number;
  notes: NonCanonicalNote[];
}

/** The sub-attribute of a complex attribute, by case-insensitive name. */
export function findSubAttribute(def: AttributeDefinition, name: string): AttributeDefinition | undefined {
  const lower = name.toLowerCase();
  return def.subAttributes?.find((sub) => sub.name.toLowerCase() === lower);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Checks a whole attribute value (an array for a multi-valued attribute) against its definition and returns it
 * normalised: canonical sub-attribute names, `null` sub-attributes dropped, `"True"`/`"False"` read as booleans.
 * Returns `undefined` when the value clears the attribute (`null`, `[]`, or `""` for `manager`).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.3
 */
export function checkAttributeValue(
  def: AttributeDefinition,
  value: unknown,
  label: string,
  context: ValueContext,
): unknown {
  if (value === null) {
    context.notes.push({
      opIndex: context.opIndex,
      kind: 'null-value',
      detail: `null for ${label} (unassigned)`,
    });
    return undefined;
  }
  if (def.multiValued) {
    let items: unknown[];
    if (Array.isArray(value)) {
      items = value;
    } else {
      context.notes.push({
        opIndex: context.opIndex,
        kind: 'single-for-multi',
        detail: `a single value for multi-valued ${label} taken as a one-element array`,
      });
      items = [value];
    }
    const checked = items.map((item, index) => checkSingleValue(def, item, `${label}[${index}]`, context));
    checkPrimary(def, checked, label);
    return checked.length === 0 ? undefined : checked;
  }
  if (Array.isArray(value)) {
    if (value.length !== 1) {
      throw ScimError.invalidValue(`${label} is single-valued; got an array of ${value.length} values.`);
    }
    context.notes.push({
      opIndex: context.opIndex,
      kind: 'array-for-singular',
      detail: `a one-element array for single-valued ${label} taken as its value`,
    });
    return checkSingleValue(def, value[0], label, context);
  }
  return checkSingleValue(def, value, label, context);
}

/**
 * Checks one value (one element of a multi-valued attribute, or the value of a single-valued one).
 * Returns `undefined` only for the `""` manager, which Entra sends to clear the manager.
 */
export function checkSingleValue(
  def: AttributeDefinition,
  value: unknown,
  label: string,
  context: ValueContext,
): unknown {
  if (value === null || value === undefined) throw ScimError.invalidValue(`${label} must not be null here.`);
  const mismatch = (expected: string) =>
    ScimError.invalidValue(
      `${label} must be ${expected} (attribute type "${def.type}"), got ${describeJson(value)}.`,
    );
  switch (def.type) {
    case 'string':
    case 'reference':
      if (typeof value !== 'string') throw mismatch('a string');
      return value;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
        context.notes.push({
          opIndex: context.opIndex,
          kind: 'boolean-string',
          detail: `the string "${value}" for boolean ${label} read as ${value.toLowerCase()}`,
        });
        return value.toLowerCase() === 'true';
      }
      throw mismatch('true or false');
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch('an integer');
      return value;
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw mismatch('a number');
      return value;
    case 'dateTime':
      if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
        throw mismatch('an xsd:dateTime string such as 2015-02-25T19:01:00Z');
      }
      return value;
    case 'binary':
      if (typeof value !== 'string' || !BASE64.test(value)) throw mismatch('a base64 string');
      return value;
    case 'complex':
      return checkComplexValue(def, value, label, context);
    default: {
      const unreachable: never = def.type;
      throw new TypeError(`unknown attribute type ${String(unreachable)}`);
    }
  }
}

function checkComplexValue(
  def: AttributeDefinition,
  value: unknown,
  label: string,
  context: ValueContext,
): unknown {
  if (typeof value === 'string' && def.name.toLowerCase() === 'manager' && findSubAttribute(def, 'value')) {
    // Entra sends the manager's id as a bare string, and "" to clear it (Microsoft's SCIM validator and production traffic).
    context.notes.push({
      opIndex: context.opIndex,
      kind: 'manager-string',
      detail: value === '' ? `"" clears ${label}` : `a bare id for ${label} read as {"value": id}`,
    });
    return value === '' ? undefined : { value };
  }
  if (!isJsonObject(value)) {
    throw ScimError.invalidValue(
      `${label} is complex and must be an object of sub-attributes, got ${describeJson(value)}.`,
    );
  }
  const result: Record<string, unknown> = {};
  for (const [key, subValue] of Object.entries(value)) {
    const sub = findSubAttribute(def, key);
    if (sub === undefined) {
      throw ScimError.invalidValue(`${label} has no sub-attribute "${key}" in its schema.`);
    }
    if (subValue === null) {
      context.notes.push({
        opIndex: context.opIndex,
        kind: 'null-value',
        detail: `null ${label}.${sub.name} dropped`,
      });
      continue;
    }
    const checked = sub.multiValued
      ? checkAttributeValue(sub, subValue, `${label}.${sub.name}`, context)
      : checkSingleValue(sub, subValue, `${label}.${sub.name}`, context);
    if (checked !== undefined) result[sub.name] = checked;
  }
  return result;
}

/** RFC 7643 §2.4: "The primary attribute value "true" MUST appear no more than once." */
export function checkPrimary(def: AttributeDefinition, values: readonly unknown[], label: string): void {
  if (def.type !== 'complex') return;
  const primaries = values.filter((value) => isJsonObject(value) && value.primary === true).length;
  if (primaries > 1) {
    throw ScimError.invalidValue(
      `${label} has ${primaries} values with "primary": true; at most one is allowed.`,
    );
  }
}
