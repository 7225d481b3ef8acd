import { ScimError } from '../../scim/errors/scim-error.js';
import type { AttributeResolver, AttrPath, Filter } from '../../scim/filter/ast.js';
import { matchesFilter } from '../../scim/filter/filter-evaluator.js';
import { validateFilter } from '../../scim/filter/filter-validation.js';
import { compareBySortAttribute, projectResource, type SchemaRegistry } from '../../scim/schemas/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import type { QuirkSet } from '../quirks.js';
import { withPassword } from '../resources/resource-quirks.js';
import { filterView, type RenderContext, renderResource } from '../resources/resource-renderer.js';
import { RESOURCE_TYPE_CONFIGS } from '../resources/resource-type-config.js';
import { checkFilterSupport, type ServerFeatures } from '../server-modes.js';
import { planQuery } from '../store/query-planner.js';
import type { ResourceTypeName, ScimObject, StoredResource } from '../store/resource-store.js';
import { filterPaths, type ListQuery } from './list-query.js';

export interface ListDeps {
  render: RenderContext;
  quirks: QuirkSet;
  features: Pick<ServerFeatures, 'filter' | 'sort'>;
  registry: SchemaRegistry;
}

/**
 * The resolver filters are evaluated with, bent by the case quirks: `username-case-sensitive` and
 * `group-display-name-case-sensitive` compare exactly although the schema says caseExact=false;
 * `external-id-case-insensitive` ignores case although externalId is caseExact=true.
 */
function effectiveResolver(
  resolve: AttributeResolver,
  type: ResourceTypeName,
  quirks: QuirkSet,
): AttributeResolver {
  const caseExactOverride = (name: string): boolean | undefined => {
    if (name === 'userName' && quirks.has('username-case-sensitive')) return true;
    if (name === 'displayName' && type === 'Group' && quirks.has('group-display-name-case-sensitive'))
      return true;
    if (name === 'externalId' && quirks.has('external-id-case-insensitive')) return false;
    return undefined;
  };
  return (path, parent) => {
    const definition = resolve(path, parent);
    const caseExact = definition && parent === undefined ? caseExactOverride(definition.name) : undefined;
    return definition && caseExact !== undefined ? { ...definition, caseExact } : definition;
  };
}

/** Under `filter-precedence-left-to-right`, `a or b and c` becomes `(a or b) and c`. */
function leftToRight(filter: Filter): Filter {
  switch (filter.kind) {
    case 'or': {
      const left = leftToRight(filter.left);
      const right = leftToRight(filter.right);
      if (right.kind !== 'and') return { kind: 'or', left, right };
      return { kind: 'and', left: leftToRight({ kind: 'or', left, right: right.left }), right: right.right };
    }
    case 'and':
      return { kind: 'and', left: leftToRight(filter.left), right: leftToRight(filter.right) };
    case 'not':
      return { kind: 'not', filter: leftToRight(filter.filter) };
    case 'compare':
    case 'present':
    case 'valuePath':
      return filter;
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

/** Under `filter-attribute-names-case-sensitive`, an attribute spelled in another case than the schema's is unknown. */
function checkAttributeNameCase(filter: Filter, resolve: AttributeResolver, quirks: QuirkSet): void {
  if (!quirks.has('filter-attribute-names-case-sensitive')) return;
  for (const path of filterPaths(filter)) {
    const top = resolve(path.uri === undefined ? { attr: path.attr } : { uri: path.uri, attr: path.attr });
    const sub = path.subAttr === undefined ? undefined : resolve(path);
    if ((top && top.name !== path.attr) || (sub && sub.name !== path.subAttr)) {
      throw ScimError.invalidFilter(
        `Unknown attribute "${path.subAttr === undefined ? path.attr : `${path.attr}.${path.subAttr}`}".`,
      );
    }
  }
}

async function candidates(
  type: ResourceTypeName,
  filter: Filter | undefined,
  deps: ListDeps,
): Promise<readonly Readonly<StoredResource>[]> {
  const plan = planQuery(filter, type);
  const { store } = deps.render;
  // The externalId index is exact; a case-insensitive externalId has to scan.
  const exactIndex = !(
    plan.kind === 'index' &&
    plan.index === 'externalId' &&
    deps.quirks.has('external-id-case-insensitive')
  );
  return plan.kind === 'index' && exactIndex
    ? store.findByIndex(type, plan.index, plan.value)
    : store.scanReadonly(type);
}

/** Attributes the server derives when rendering (so the stored attributes alone cannot answer a filter on them). */
function namesDerived(path: AttrPath, valueFilter?: Filter): boolean {
  const attr = path.attr.toLowerCase();
  const sub = path.subAttr?.toLowerCase();
  if (attr === 'groups') return true;
  if (attr === 'members' || attr === 'manager') {
    if (valueFilter !== undefined) return true;
    return sub !== undefined && sub !== 'value';
  }
  return false;
}

function filterNamesDerived(filter: Filter): boolean {
  switch (filter.kind) {
    case 'compare':
    case 'present':
      return namesDerived(filter.path);
    case 'valuePath':
      return namesDerived(filter.path, filter.filter);
    case 'and':
    case 'or':
      return filterNamesDerived(filter.left) || filterNamesDerived(filter.right);
    case 'not':
      return filterNamesDerived(filter.filter);
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

/** A match the filter or sort looked at: a full rendering when they name derived attributes, else a shallow view. */
interface ViewedMatch {
  stored: Readonly<StoredResource>;
  view: ScimObject;
  rendered: boolean;
}

/**
 * Without a filter or sortBy a match is the stored resource itself, so listing allocates nothing per candidate
 * (a page of 100 out of 100k users would otherwise leave 100k objects of garbage per request).
 */
type Match = Readonly<StoredResource> | ViewedMatch;

const storedOf = (match: Match): Readonly<StoredResource> => ('stored' in match ? match.stored : match);
const viewOf = (match: Match): ScimObject => ('view' in match ? match.view : {});

/**
 * Runs a list or search over one or more resource types and builds the ListResponse: candidates from the
 * query planner (an index for `id`/`userName`/`externalId` eq, else a scan), the filter evaluated on each
 * rendered candidate, sorted, paged (1-based startIndex), then projected.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2
 */
export async function executeList(
  types: readonly ResourceTypeName[],
  query: ListQuery,
  deps: ListDeps,
): Promise<ScimObject> {
  const { quirks } = deps;
  const matches: Match[] = [];
  const filter =
    query.filter && quirks.has('filter-precedence-left-to-right') ? leftToRight(query.filter) : query.filter;
  for (const type of types) {
    const resolve = effectiveResolver(deps.registry.resolverFor(type), type, quirks);
    if (filter !== undefined) {
      checkAttributeNameCase(filter, resolve, quirks);
      validateFilter(filter, resolve);
      if (deps.features.filter) checkFilterSupport(filter, types, deps.features.filter);
    }
    // Filter and sort on a shallow view; render fully only when they name a derived attribute, and otherwise render
    // just the page, so a page of 100 costs 100 renderings whatever the number of users.
    const needsRendering =
      (filter !== undefined && filterNamesDerived(filter)) ||
      (query.sortBy !== undefined && namesDerived(query.sortBy));
    const needsView = filter !== undefined || query.sortBy !== undefined;
    const options = { resolve, defaultSchema: RESOURCE_TYPE_CONFIGS[type].core.id };
    const hideDisabled = quirks.has('disabled-user-hidden') && type === 'User';
    for (const stored of await candidates(type, filter, deps)) {
      if (hideDisabled && stored.attributes.active === false) continue;
      if (!needsView) {
        matches.push(stored);
        continue;
      }
      const view = needsRendering
        ? await renderResource(stored, deps.render)
        : filterView(stored, deps.render);
      if (filter === undefined || matchesFilter(view, filter, options)) {
        matches.push({ stored, view, rendered: needsRendering });
      }
    }
  }
  const { sortBy } = query;
  // A mode without sorting ignores sortBy, as it says in its ServiceProviderConfig (sort.supported=false).
  if (sortBy !== undefined && !quirks.has('sort-ignored') && deps.features.sort) {
    matches.sort((a, b) =>
      compareBySortAttribute(
        viewOf(a),
        viewOf(b),
        sortBy,
        deps.registry,
        query.sortOrder,
        types.length === 1 ? storedOf(a).resourceType : undefined,
      ),
    );
  }
  if (matches.length === 0 && quirks.has('empty-list-404')) throw ScimError.notFound('No resources found.');
  const offset = quirks.has('start-index-off-by-one') ? query.startIndex : query.startIndex - 1;
  const page = matches.slice(offset, quirks.has('count-ignored') ? undefined : offset + query.count);
  const projection = {
    ...(query.attributes && !quirks.has('attributes-ignored') ? { attributes: query.attributes } : {}),
    ...(query.excludedAttributes && !quirks.has('excluded-attributes-ignored')
      ? { excludedAttributes: query.excludedAttributes }
      : {}),
  };
  return {
    ...(quirks.has('list-schemas-missing') ? {} : { schemas: [SCHEMA_URNS.ListResponse] }),
    totalResults: quirks.has('total-results-page-size') ? page.length : matches.length,
    itemsPerPage: quirks.has('items-per-page-is-count') ? query.count : page.length,
    startIndex: query.startIndex,
    Resources: await Promise.all(
      page.map(async (match) => {
        const stored = storedOf(match);
        const resource =
          'rendered' in match && match.rendered ? match.view : await renderResource(stored, deps.render);
        const projected = projectResource(resource, stored.resourceType, projection, deps.registry);
        return deps.quirks.has('password-returned') ? withPassword(projected, resource) : projected;
      }),
    ),
  };
}
