/**
 * Checks a parsed filter against the schema before any resource is read, so a server answers
 * `invalidFilter` for a filter that can never be evaluated even when there is nothing to evaluate
 * it on (an empty collection, a filter whose failing branch is short-circuited).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
import { ScimError } from '../errors/scim-error.js';
import type { AttributeResolver, AttrPath, Filter } from './ast.js';
import { parseDateTime } from './date-time.js';

export interface FilterValidationOptions {
  /** When `true`, an attribute the resolver does not know is an `invalidFilter`. */
  rejectUnknownAttributes?: boolean;
}

function pathLabel(path: AttrPath): string {
  const local = path.subAttr === undefined ? path.attr : `${path.attr}.${path.subAttr}`;
  return path.uri === undefined ? local : `${path.uri}:${local}`;
}

/**
 * Throws `invalidFilter` for comparisons RFC 7644 §3.4.2.2 rules out given the schema: ordering
 * (gt/ge/lt/le) on `boolean` or `binary` attributes, a value that is not a dateTime against a
 * `dateTime` attribute, and (optionally) attributes the schema does not define.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
export function validateFilter(
  filter: Filter,
  resolve: AttributeResolver,
  options: FilterValidationOptions = {},
  parent?: AttrPath,
): void {
  switch (filter.kind) {
    case 'compare':
    case 'present': {
      const definition = resolve(filter.path, parent);
      if (definition === undefined) {
        if (options.rejectUnknownAttributes) {
          throw ScimError.invalidFilter(`unknown attribute "${pathLabel(filter.path)}"`);
        }
        return;
      }
      if (filter.kind === 'present') return;
      const { op, value } = filter;
      const ordering = op === 'gt' || op === 'ge' || op === 'lt' || op === 'le';
      if (ordering && (definition.type === 'boolean' || definition.type === 'binary')) {
        throw ScimError.invalidFilter(
          `"${op}" is not defined for the ${definition.type} attribute "${pathLabel(filter.path)}" (RFC 7644 §3.4.2.2)`,
        );
      }
      const substring = op === 'co' || op === 'sw' || op === 'ew';
      if (
        definition.type === 'dateTime' &&
        !substring &&
        typeof value === 'string' &&
        parseDateTime(value) === undefined
      ) {
        throw ScimError.invalidFilter(
          `${JSON.stringify(value)} is not a dateTime for "${pathLabel(filter.path)}"`,
        );
      }
      return;
    }
    case 'and':
    case 'or':
      validateFilter(filter.left, resolve, options, parent);
      validateFilter(filter.right, resolve, options, parent);
      return;
    case 'not':
      validateFilter(filter.filter, resolve, options, parent);
      return;
    case 'valuePath':
      if (options.rejectUnknownAttributes && resolve(filter.path, parent) === undefined) {
        throw ScimError.invalidFilter(`unknown attribute "${pathLabel(filter.path)}"`);
      }
      validateFilter(filter.filter, resolve, options, filter.path);
      return;
    default: {
      const unknown: never = filter;
      throw ScimError.invalidFilter(`unknown filter node ${JSON.stringify(unknown)}`);
    }
  }
}
