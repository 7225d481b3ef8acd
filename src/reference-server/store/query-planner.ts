import type { AttrPath, Filter } from '../../scim/filter/ast.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import type { IndexName, ResourceTypeName } from './resource-store.js';

/**
 * How a list request finds its candidates: one exact-match index lookup, or a full scan.
 * Either way the full filter is then evaluated on every candidate, so the plan only narrows, never decides.
 */
export type QueryPlan = { kind: 'index'; index: IndexName; value: string } | { kind: 'scan' };

/** Indexed attributes per resource type, best (most selective) first. */
const INDEXED: Record<ResourceTypeName, readonly IndexName[]> = {
  User: ['id', 'userName', 'externalId'],
  Group: ['id', 'externalId', 'displayName'],
};

const CORE_URN: Record<ResourceTypeName, string> = { User: SCHEMA_URNS.User, Group: SCHEMA_URNS.Group };

function indexFor(path: AttrPath, type: ResourceTypeName): IndexName | undefined {
  if (path.subAttr !== undefined) return undefined;
  if (path.uri !== undefined && path.uri.toLowerCase() !== CORE_URN[type].toLowerCase()) return undefined;
  const name = path.attr.toLowerCase();
  return INDEXED[type].find((index) => index.toLowerCase() === name);
}

function rank(plan: QueryPlan, type: ResourceTypeName): number {
  return plan.kind === 'scan' ? Number.POSITIVE_INFINITY : INDEXED[type].indexOf(plan.index);
}

/**
 * Picks an index for `attr eq "value"` on an indexed attribute, alone or as one side of an `and`
 * (any depth of `and`s). `or`, `not`, other operators and value paths scan.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
export function planQuery(filter: Filter | undefined, type: ResourceTypeName): QueryPlan {
  if (filter === undefined) return { kind: 'scan' };
  switch (filter.kind) {
    case 'compare': {
      const index = indexFor(filter.path, type);
      if (filter.op === 'eq' && index !== undefined && typeof filter.value === 'string') {
        return { kind: 'index', index, value: filter.value };
      }
      return { kind: 'scan' };
    }
    case 'and': {
      const left = planQuery(filter.left, type);
      const right = planQuery(filter.right, type);
      return rank(right, type) < rank(left, type) ? right : left;
    }
    case 'or':
    case 'not':
    case 'present':
    case 'valuePath':
      return { kind: 'scan' };
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}
