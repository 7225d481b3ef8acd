import { ScimError } from '../errors/scim-error.js';
import { isJsonObject, parsePatchPath } from '../filter/index.js';
import { SCHEMA_URNS } from '../urns.js';
import { describeJson } from './json-value.js';
import {
  type NonCanonicalNote,
  PATCH_OPS,
  type PatchOperation,
  type PatchOpName,
  type PatchRequest,
} from './patch-request.js';

/**
 * Validates a PATCH request body and returns it parsed. Structure errors are `invalidSyntax`, a missing or
 * unusable `value` is `invalidValue`, a malformed `path` is `invalidPath`, and a `remove` without a path is
 * `noTarget` (RFC 7644 §3.5.2.2). What Microsoft Entra ID sends in a non-canonical way is accepted and recorded
 * in `notes`; notes that need the schema (e.g. `"False"` for a boolean) are added later by `applyPatch`.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export function parsePatchRequest(body: unknown): PatchRequest {
  if (!isJsonObject(body)) {
    throw ScimError.invalidSyntax(`The PATCH body must be a JSON object, got ${describeJson(body)}.`);
  }
  const notes: NonCanonicalNote[] = [];
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.every((schema) => typeof schema === 'string')) {
    throw ScimError.invalidSyntax(
      `"schemas" must be an array of strings containing "${SCHEMA_URNS.PatchOp}".`,
    );
  }
  if (!schemas.some((schema) => schema.toLowerCase() === SCHEMA_URNS.PatchOp.toLowerCase())) {
    throw ScimError.invalidSyntax(
      `"schemas" must contain "${SCHEMA_URNS.PatchOp}", got ${JSON.stringify(schemas)}.`,
    );
  }
  const operationsKey = memberKey(body, 'Operations', -1, notes);
  const operations = operationsKey === undefined ? undefined : body[operationsKey];
  if (!Array.isArray(operations)) {
    throw ScimError.invalidSyntax('"Operations" must be an array of PATCH operations (RFC 7644 §3.5.2).');
  }
  if (operations.length === 0) {
    throw ScimError.invalidSyntax('"Operations" must hold at least one operation (RFC 7644 §3.5.2).');
  }
  const parsed = operations.map((operation: unknown, index) => parseOperation(operation, index, notes));
  return { schemas: [...schemas], operations: parsed, notes: notes.sort((a, b) => a.opIndex - b.opIndex) };
}

function parseOperation(raw: unknown, index: number, notes: NonCanonicalNote[]): PatchOperation {
  const where = `Operations[${index}]`;
  if (!isJsonObject(raw))
    throw ScimError.invalidSyntax(`${where} must be an object, got ${describeJson(raw)}.`);

  const opKey = memberKey(raw, 'op', index, notes);
  const opText = opKey === undefined ? undefined : raw[opKey];
  if (typeof opText !== 'string') {
    throw ScimError.invalidSyntax(`${where} needs "op" as one of ${PATCH_OPS.join(', ')}.`);
  }
  const op = PATCH_OPS.find((name) => name === opText.toLowerCase());
  if (op === undefined) {
    throw ScimError.invalidSyntax(`${where}.op "${opText}" is not one of ${PATCH_OPS.join(', ')}.`);
  }
  if (op !== opText)
    notes.push({ opIndex: index, kind: 'capitalised-op', detail: `op "${opText}" read as "${op}"` });

  const operation: PatchOperation = { op };
  const pathKey = memberKey(raw, 'path', index, notes);
  const pathText = pathKey === undefined ? undefined : raw[pathKey];
  if (pathText !== undefined && pathText !== null) {
    if (typeof pathText !== 'string') {
      throw ScimError.invalidPath(`${where}.path must be a string, got ${describeJson(pathText)}.`);
    }
    operation.pathText = pathText;
    operation.path = parsePath(pathText, where);
  }

  const valueKey = memberKey(raw, 'value', index, notes);
  const hasValue = valueKey !== undefined && raw[valueKey] !== undefined;
  if (hasValue) operation.value = raw[valueKey];
  checkShape(operation, op, hasValue, where, index, notes);
  return operation;
}

/** RFC 7644 §3.5.2: `path` is OPTIONAL for add and replace, REQUIRED for remove; add and replace carry a value. */
function checkShape(
  operation: PatchOperation,
  op: PatchOpName,
  hasValue: boolean,
  where: string,
  index: number,
  notes: NonCanonicalNote[],
): void {
  switch (op) {
    case 'add':
    case 'replace':
      if (!hasValue)
        throw ScimError.invalidValue(`${where}: "${op}" requires a "value" (RFC 7644 §3.5.2.1).`);
      if (operation.path === undefined && !isJsonObject(operation.value)) {
        throw ScimError.invalidValue(
          `${where}: "${op}" without "path" needs an object of attributes as "value", got ${describeJson(operation.value)}.`,
        );
      }
      return;
    case 'remove':
      if (operation.path === undefined) {
        throw ScimError.noTarget(`${where}: "remove" requires a "path" (RFC 7644 §3.5.2.2).`);
      }
      if (hasValue && operation.value !== null) {
        if (operation.path.valueFilter !== undefined || operation.path.subAttr !== undefined) {
          throw ScimError.invalidValue(
            `${where}: "remove" with the value filter "${operation.pathText}" takes no "value".`,
          );
        }
        notes.push({
          opIndex: index,
          kind: 'remove-by-value',
          detail: `remove "${operation.pathText}" with a value removes only the listed values`,
        });
      } else {
        delete operation.value;
      }
      return;
    default: {
      const unreachable: never = op;
      throw new TypeError(`unknown op ${String(unreachable)}`);
    }
  }
}

function parsePath(text: string, where: string) {
  if (text.trim() === '') throw ScimError.invalidPath(`${where}.path is empty.`);
  try {
    return parsePatchPath(text);
  } catch (error) {
    if (error instanceof ScimError) {
      throw ScimError.invalidPath(`${where}.path "${text}" is not a valid attribute path: ${error.detail}`);
    }
    throw error;
  }
}

/** Finds a member by name; a spelling that differs only in case is accepted and noted. */
function memberKey(
  object: Record<string, unknown>,
  name: string,
  opIndex: number,
  notes: NonCanonicalNote[],
): string | undefined {
  if (Object.hasOwn(object, name)) return name;
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (key !== undefined) {
    notes.push({ opIndex, kind: 'member-name-case', detail: `"${key}" read as "${name}"` });
  }
  return key;
}
