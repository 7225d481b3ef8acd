import type { PatchPath } from '../filter/ast.js';

/**
 * The three PATCH operations (RFC 7644 §3.5.2: `"op"` "MAY be one of "add", "remove", or "replace"").
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export const PATCH_OPS = ['add', 'remove', 'replace'] as const;
export type PatchOpName = (typeof PATCH_OPS)[number];

/**
 * Input that is accepted although it is not what RFC 7644 prescribes, recorded so that a conformance report can
 * say "the client sent X" instead of silently tolerating it. Most kinds are what Microsoft Entra ID sends.
 * - `capitalised-op`: `"Add"`, `"Replace"`, `"Remove"` (Entra without `aadOptscim062020`).
 * - `member-name-case`: `operations`, `Op`, `Path`, `Value` instead of `Operations`, `op`, `path`, `value`.
 * - `boolean-string`: `"True"`/`"False"` for a boolean attribute (Entra's default `active` mapping).
 * - `dotted-key`: a path-less value keyed `name.givenName` instead of `{"name": {"givenName": …}}`.
 * - `urn-key`: a path-less value keyed `urn:…:enterprise:2.0:User:employeeNumber` instead of nested under the URN.
 * - `manager-string`: the enterprise `manager` given as a bare id (or `""` to clear it) instead of `{"value": id}`.
 * - `remove-by-value`: `remove` with a `value` and no filter: only the listed values are removed.
 * - `null-value`: `null` used to clear an attribute or sub-attribute (e.g. `"$ref": null` in a member).
 * - `unqualified-extension`: an extension attribute named without its schema URN (`manager`).
 * - `array-for-singular`: a one-element array given for a single-valued attribute.
 * - `single-for-multi`: a single value given for a multi-valued attribute (taken as a one-element array).
 * - `add-creates-value`: `add` on a value-filtered path that matched nothing created the value from the filter.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 */
export const NON_CANONICAL_KINDS = [
  'capitalised-op',
  'member-name-case',
  'boolean-string',
  'dotted-key',
  'urn-key',
  'manager-string',
  'remove-by-value',
  'null-value',
  'unqualified-extension',
  'array-for-singular',
  'single-for-multi',
  'add-creates-value',
] as const;
export type NonCanonicalKind = (typeof NON_CANONICAL_KINDS)[number];

export interface NonCanonicalNote {
  /** Index of the operation in `Operations`; -1 for the message itself (e.g. `operations` for `Operations`). */
  opIndex: number;
  kind: NonCanonicalKind;
  detail: string;
}

/** One validated PATCH operation. `path` is parsed; `pathText` keeps what the client wrote, for messages. */
export interface PatchOperation {
  op: PatchOpName;
  path?: PatchPath;
  pathText?: string;
  /** Absent when the client sent no `value` (JSON has no `undefined`, so absent and `undefined` are the same). */
  value?: unknown;
}

/**
 * A validated PatchOp message.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export interface PatchRequest {
  schemas: string[];
  operations: PatchOperation[];
  /** What the request said in a non-canonical way (see {@link NON_CANONICAL_KINDS}). */
  notes: NonCanonicalNote[];
}
