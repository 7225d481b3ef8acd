/**
 * Evaluates a filter against a resource, or against one element of a multi-valued attribute.
 *
 * Semantics chosen where RFC 7644 §3.4.2.2 leaves room (each is a row of the evaluation table):
 * - A comparison on a multi-valued attribute is true when ANY value satisfies it.
 * - `ne` is the negation of `eq`: true when no value equals, so a missing attribute is "not equal".
 * - `eq null` is true when the attribute is unassigned (RFC 7643 §2.5 makes null, missing and `[]`
 *   the same state); `ne null` is `pr`.
 * - A complex attribute compared without a sub-attribute (`emails co "example.com"`) compares each
 *   element's `value` sub-attribute.
 * - Strings compare case-insensitively unless the resolver says `caseExact: true`; ordering on strings
 *   is by UTF-16 code units after that case folding.
 * - `dateTime` attributes (by the resolver's `type`) compare as instants; without a resolver they
 *   compare as strings. A filter value that is not a dateTime is an `invalidFilter`.
 * - gt/ge/lt/le on an attribute the resolver types `boolean` or `binary` is an `invalidFilter`
 *   (RFC 7644: "Boolean and Binary attributes SHALL cause a failed response"); the parser already
 *   refuses ordering against a `true`/`false`/`null` value.
 * - Any other type mismatch (`active gt "x"`, `age eq "5"`) is simply false.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */

import { ScimError } from '../errors/scim-error.js';
import type { AttributeDefinition } from '../schemas/attribute-definition.js';
import type { AttributeResolver, AttrPath, CompareOperator, Filter, FilterValue } from './ast.js';
import { hasValue, isJsonObject, readAttribute } from './attribute-access.js';
import { parseDateTime } from './date-time.js';

export interface MatchOptions {
  /** Tells the evaluator each attribute's `type` and `caseExact`; without it all strings are case-insensitive. */
  resolve?: AttributeResolver;
  /** Set when `value` is one element of this multi-valued attribute (inside `emails[...]`). */
  parent?: AttrPath;
  /** The resource type's core schema URN, for URN-qualified paths (see {@link readAttribute}). */
  defaultSchema?: string;
}

type Ordering = -1 | 0 | 1;

function order<T extends string | number | bigint>(a: T, b: T): Ordering {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fromOrdering(op: Exclude<CompareOperator, 'ne' | 'co' | 'sw' | 'ew'>, ordering: Ordering): boolean {
  switch (op) {
    case 'eq':
      return ordering === 0;
    case 'gt':
      return ordering > 0;
    case 'ge':
      return ordering >= 0;
    case 'lt':
      return ordering < 0;
    case 'le':
      return ordering <= 0;
    default: {
      const unknown: never = op;
      throw ScimError.invalidFilter(`unknown operator ${String(unknown)}`);
    }
  }
}

/** Compares one attribute value with the filter value; `op` is never `ne` here. */
function compareOne(
  actual: unknown,
  op: Exclude<CompareOperator, 'ne'>,
  expected: string | number | boolean,
  definition: AttributeDefinition | undefined,
  filterInstant: bigint | undefined,
): boolean {
  if (typeof expected === 'boolean') return op === 'eq' && actual === expected;
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || op === 'co' || op === 'sw' || op === 'ew') return false;
    return fromOrdering(op, order(actual, expected));
  }
  if (typeof actual !== 'string') return false;
  if (filterInstant !== undefined && op !== 'co' && op !== 'sw' && op !== 'ew') {
    const instant = parseDateTime(actual);
    return instant !== undefined && fromOrdering(op, order(instant, filterInstant));
  }
  const caseExact = definition?.caseExact ?? false;
  const left = caseExact ? actual : actual.toLowerCase();
  const right = caseExact ? expected : expected.toLowerCase();
  switch (op) {
    case 'co':
      return left.includes(right);
    case 'sw':
      return left.startsWith(right);
    case 'ew':
      return left.endsWith(right);
    default:
      return fromOrdering(op, order(left, right));
  }
}

/**
 * The values a path selects. Inside a value path on a multi-valued simple attribute
 * (`roles[value eq "admin"]`), the element itself is its `value`.
 */
function selectValues(value: unknown, path: AttrPath, options: MatchOptions): unknown[] {
  if (options.parent !== undefined && !isJsonObject(value)) {
    const isValue =
      path.uri === undefined && path.subAttr === undefined && path.attr.toLowerCase() === 'value';
    return isValue && value !== null && value !== undefined ? [value] : [];
  }
  return readAttribute(value, path, options.defaultSchema);
}

/** The values a comparison looks at, and the definition that governs them. */
function operands(
  value: unknown,
  path: AttrPath,
  options: MatchOptions,
): { values: unknown[]; definition: AttributeDefinition | undefined } {
  const { resolve, parent, defaultSchema } = options;
  let definition = resolve?.(path, parent);
  if (parent !== undefined && !isJsonObject(value))
    return { values: selectValues(value, path, options), definition };
  let values = readAttribute(value, path, defaultSchema);
  const complex = definition?.type === 'complex' || (definition === undefined && values.some(isJsonObject));
  if (complex && path.subAttr === undefined) {
    // RFC 7644 §3.4.2.2: a complex attribute in a comparison is compared by its `value` sub-attribute.
    const valuePath: AttrPath = { ...path, subAttr: 'value' };
    definition = resolve?.(valuePath, parent);
    values = readAttribute(value, valuePath, defaultSchema);
  }
  return { values, definition };
}

function matchCompare(
  value: unknown,
  path: AttrPath,
  op: CompareOperator,
  expected: FilterValue,
  options: MatchOptions,
) {
  if (expected === null) {
    // The parser allows only eq/ne with null.
    const present = selectValues(value, path, options).some(hasValue);
    return op === 'ne' ? present : !present;
  }
  const { values, definition } = operands(value, path, options);
  const ordering = op === 'gt' || op === 'ge' || op === 'lt' || op === 'le';
  if (ordering && (definition?.type === 'boolean' || definition?.type === 'binary')) {
    throw ScimError.invalidFilter(
      `"${op}" is not defined for the ${definition.type} attribute "${definition.name}" (RFC 7644 §3.4.2.2)`,
    );
  }
  let filterInstant: bigint | undefined;
  if (
    definition?.type === 'dateTime' &&
    typeof expected === 'string' &&
    op !== 'co' &&
    op !== 'sw' &&
    op !== 'ew'
  ) {
    filterInstant = parseDateTime(expected);
    if (filterInstant === undefined) {
      throw ScimError.invalidFilter(
        `${JSON.stringify(expected)} is not a dateTime (xsd:dateTime, e.g. "2011-05-13T04:42:34Z") for "${definition.name}"`,
      );
    }
  }
  const positive = op === 'ne' ? 'eq' : op;
  const any = values.some((actual) => compareOne(actual, positive, expected, definition, filterInstant));
  return op === 'ne' ? !any : any;
}

/**
 * Whether `value` matches `filter`.
 * @param value a resource, or (with `options.parent`) one element of a multi-valued attribute.
 * @throws ScimError `invalidFilter` for comparisons RFC 7644 rules out (ordering booleans or binaries,
 * a non-dateTime value against a dateTime attribute).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
export function matchesFilter(value: unknown, filter: Filter, options: MatchOptions = {}): boolean {
  switch (filter.kind) {
    case 'compare':
      return matchCompare(value, filter.path, filter.op, filter.value, options);
    case 'present':
      return selectValues(value, filter.path, options).some(hasValue);
    case 'and':
      return matchesFilter(value, filter.left, options) && matchesFilter(value, filter.right, options);
    case 'or':
      return matchesFilter(value, filter.left, options) || matchesFilter(value, filter.right, options);
    case 'not':
      return !matchesFilter(value, filter.filter, options);
    case 'valuePath': {
      const elementOptions: MatchOptions = { ...options, parent: filter.path };
      return readAttribute(value, filter.path, options.defaultSchema).some((element) =>
        matchesFilter(element, filter.filter, elementOptions),
      );
    }
    default: {
      const unknown: never = filter;
      throw ScimError.invalidFilter(`unknown filter node ${JSON.stringify(unknown)}`);
    }
  }
}
