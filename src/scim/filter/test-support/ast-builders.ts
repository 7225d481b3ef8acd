/**
 * Short constructors for expected filter trees in case tables. Deliberately naive (they split on
 * "." and take the URN as a separate argument) so expectations do not depend on the parser under test.
 */
import type { AttrPath, CompareOperator, Filter, FilterValue } from '../ast.js';

export function at(local: string, uri?: string): AttrPath {
  const [attr, subAttr] = local.split('.') as [string, string | undefined];
  const path: AttrPath = { attr };
  if (uri !== undefined) path.uri = uri;
  if (subAttr !== undefined) path.subAttr = subAttr;
  return path;
}

function toPath(path: string | AttrPath): AttrPath {
  return typeof path === 'string' ? at(path) : path;
}

export function cmp(path: string | AttrPath, op: CompareOperator, value: FilterValue): Filter {
  return { kind: 'compare', path: toPath(path), op, value };
}

export function pr(path: string | AttrPath): Filter {
  return { kind: 'present', path: toPath(path) };
}

export function and(left: Filter, right: Filter): Filter {
  return { kind: 'and', left, right };
}

export function or(left: Filter, right: Filter): Filter {
  return { kind: 'or', left, right };
}

export function not(filter: Filter): Filter {
  return { kind: 'not', filter };
}

export function vp(path: string | AttrPath, filter: Filter): Filter {
  return { kind: 'valuePath', path: toPath(path), filter };
}

export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
