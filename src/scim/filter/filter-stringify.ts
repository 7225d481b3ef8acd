/**
 * Writes filters and PATCH paths back as text in one canonical form: lowercase operators, single
 * spaces, JSON-encoded values, and parentheses exactly where the tree needs them, so that
 * `parseFilter(stringifyFilter(f))` gives back `f`.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
import { ScimError } from '../errors/scim-error.js';
import type { AttrPath, Filter, FilterValue, PatchPath } from './ast.js';
import { isAttrName, stringifyAttrPath } from './attr-path.js';

/** Binding strength: `or` 1, `and` 2, everything else binds tightest. */
function precedence(filter: Filter): number {
  switch (filter.kind) {
    case 'or':
      return 1;
    case 'and':
      return 2;
    case 'compare':
    case 'present':
    case 'not':
    case 'valuePath':
      return 3;
    default: {
      const unknown: never = filter;
      throw ScimError.invalidFilter(`unknown filter node ${JSON.stringify(unknown)}`);
    }
  }
}

function stringifyValue(value: FilterValue): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw ScimError.invalidFilter(`filter value ${value} is not a finite number`);
  }
  return JSON.stringify(value);
}

function pathText(path: AttrPath): string {
  try {
    return stringifyAttrPath(path);
  } catch (error) {
    throw ScimError.invalidFilter(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Writes `child` as an operand of a binary node of strength `parent`. The right operand is
 * wrapped at equal strength too, because `and`/`or` nest to the left when parsed.
 */
function operand(child: Filter, parent: number, side: 'left' | 'right'): string {
  const text = stringifyFilter(child);
  const strength = precedence(child);
  const wrap = strength < parent || (side === 'right' && strength === parent);
  return wrap ? `(${text})` : text;
}

/**
 * Writes a filter as text.
 * @throws ScimError `invalidFilter` when the tree holds something text cannot carry
 * (a non-finite number, an invalid attribute name).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
export function stringifyFilter(filter: Filter): string {
  switch (filter.kind) {
    case 'compare':
      return `${pathText(filter.path)} ${filter.op} ${stringifyValue(filter.value)}`;
    case 'present':
      return `${pathText(filter.path)} pr`;
    case 'and':
    case 'or': {
      const strength = precedence(filter);
      return `${operand(filter.left, strength, 'left')} ${filter.kind} ${operand(filter.right, strength, 'right')}`;
    }
    case 'not':
      return `not (${stringifyFilter(filter.filter)})`;
    case 'valuePath':
      return `${pathText(filter.path)}[${stringifyFilter(filter.filter)}]`;
    default: {
      const unknown: never = filter;
      throw ScimError.invalidFilter(`unknown filter node ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Writes a PATCH path as text: `attrPath`, `attrPath[valFilter]` or `attrPath[valFilter].subAttr`.
 * @throws ScimError `invalidPath` when the path cannot be written.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export function stringifyPatchPath(path: PatchPath): string {
  const attr = stringifyAttrPath(path.attrPath);
  if (path.valueFilter === undefined) {
    if (path.subAttr !== undefined) {
      throw ScimError.invalidPath(
        'a PATCH path has a sub-attribute after "]" only when it has a value filter',
      );
    }
    return attr;
  }
  let filterText: string;
  try {
    filterText = stringifyFilter(path.valueFilter);
  } catch (error) {
    throw ScimError.invalidPath(error instanceof Error ? error.message : String(error));
  }
  if (path.subAttr === undefined) return `${attr}[${filterText}]`;
  if (!isAttrName(path.subAttr))
    throw ScimError.invalidPath(`invalid attribute name ${JSON.stringify(path.subAttr)}`);
  return `${attr}[${filterText}].${path.subAttr}`;
}
