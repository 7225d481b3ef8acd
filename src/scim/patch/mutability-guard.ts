import { ScimError } from '../errors/scim-error.js';
import { getAttribute, isJsonObject } from '../filter/index.js';
import type { AttributeDefinition } from '../schemas/attribute-definition.js';
import { jsonEqual } from './json-value.js';

type JsonObject = Record<string, unknown>;

/** RFC 7643 §2.2 mutability and §2.3 `required`, checked on an attribute whose value really changes. */
export function guardChange(def: AttributeDefinition, before: unknown, after: unknown, label: string): void {
  if (def.mutability === 'readOnly') {
    throw ScimError.mutability(`${label}: "${def.name}" is readOnly and cannot be modified (RFC 7643 §2.2).`);
  }
  if (def.mutability === 'immutable' && isAssigned(before)) {
    throw ScimError.mutability(
      `${label}: "${def.name}" is immutable and already has a value (RFC 7644 §3.5.2).`,
    );
  }
  if (def.required && !isAssigned(after)) {
    throw ScimError.mutability(
      `${label}: "${def.name}" is required and cannot be removed (RFC 7644 §3.5.2.2).`,
    );
  }
  if (def.type === 'complex' && !def.multiValued) {
    guardSubAttributes(
      def,
      isJsonObject(before) ? before : undefined,
      isJsonObject(after) ? after : undefined,
      label,
    );
  }
}

/** The same rules for the sub-attributes of one complex value (`manager.displayName`, `members[…].value`). */
export function guardSubAttributes(
  def: AttributeDefinition,
  before: JsonObject | undefined,
  after: JsonObject | undefined,
  label: string,
): void {
  for (const sub of def.subAttributes ?? []) {
    const was = before === undefined ? undefined : getAttribute(before, sub.name);
    const now = after === undefined ? undefined : getAttribute(after, sub.name);
    if (jsonEqual(assignedOrUndefined(was), assignedOrUndefined(now))) continue;
    if (sub.mutability === 'readOnly') {
      throw ScimError.mutability(`${label}: "${def.name}.${sub.name}" is readOnly and cannot be modified.`);
    }
    if (sub.mutability === 'immutable' && isAssigned(was)) {
      throw ScimError.mutability(`${label}: "${def.name}.${sub.name}" is immutable and already has a value.`);
    }
    if (sub.required && isAssigned(after) && !isAssigned(now)) {
      throw ScimError.mutability(`${label}: "${def.name}.${sub.name}" is required and cannot be removed.`);
    }
  }
}

/** RFC 7643 §2.5: unassigned, null and an empty array are the same state; so is an empty complex value. */
export function isAssigned(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isJsonObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** The value, or `undefined` when it is unassigned, so that equivalent states compare equal. */
export function assignedOrUndefined(value: unknown): unknown {
  return isAssigned(value) ? value : undefined;
}
