/**
 * The SCIM filter as a discriminated union (RFC 7644 §3.4.2.2, Figure 1 ABNF).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
import type { AttributeDefinition } from '../schemas/attribute-definition.js';

/**
 * An attribute path: `[URI ":"] ATTRNAME *1subAttr`, e.g. `name.familyName`,
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`.
 * Names keep the case they were written in; comparisons of names are case-insensitive (RFC 7643 §2.1).
 */
export interface AttrPath {
  /** The schema URN, when the path was URN-qualified. */
  uri?: string;
  attr: string;
  subAttr?: string;
}

export const COMPARE_OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'] as const;
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

/** `compValue = false / null / true / number / string` */
export type FilterValue = string | number | boolean | null;

export type Filter =
  | { kind: 'compare'; path: AttrPath; op: CompareOperator; value: FilterValue }
  | { kind: 'present'; path: AttrPath }
  | { kind: 'and'; left: Filter; right: Filter }
  | { kind: 'or'; left: Filter; right: Filter }
  | { kind: 'not'; filter: Filter }
  /** `emails[type eq "work" and value co "@example.com"]`: the inner filter applies to each value. */
  | { kind: 'valuePath'; path: AttrPath; filter: Filter };

/**
 * A PATCH operation's `path` (RFC 7644 §3.5.2): `attrPath / valuePath [subAttr]`,
 * e.g. `members[value eq "2819c223"]`, `emails[type eq "work"].value`.
 */
export interface PatchPath {
  attrPath: AttrPath;
  valueFilter?: Filter;
  /** The sub-attribute after a value filter (`emails[type eq "work"].value` → `value`). */
  subAttr?: string;
}

/**
 * Tells the evaluator what the schema says about an attribute (caseExact, type, multiValued).
 * `parent` is set when resolving a sub-attribute inside a value path (`emails[type eq "work"]`).
 */
export type AttributeResolver = (path: AttrPath, parent?: AttrPath) => AttributeDefinition | undefined;
