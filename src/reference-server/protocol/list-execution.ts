import { ScimError } from '../../scim/errors/scim-error.js';
import type { AttributeResolver, AttrPath, Filter } from '../../scim/filter/ast.js';
import { matchesFilter } from '../../scim/filter/filter-evaluator.js';
import { validateFilter } from '../../scim/filter/filter-validation.js';
import {
  compareBySortAttribute,
  compareSortValues,
  projectResource,
  type SchemaRegistry,
  sortKeyOf,
} from '../../scim/schemas/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import { filterView, type RenderContext, renderResource } from '../resources/resource-renderer.js';
import { RESOURCE_TYPE_CONFIGS } from '../resources/resource-type-config.js';
import type { ComposedSeams, CursorPlan, PageWindow } from '../seams.js';
import { checkFilterSupport, type ServerFeatures } from '../server-modes.js';
import { planQuery } from '../store/query-planner.js';
import type { ResourceTypeName, ScimObject, StoredResource } from '../store/resource-store.js';
import { type CursorCodec, type CursorState, type KeysetPosition, queryDigest } from './cursor.js';
import { indexedList } from './indexed-list.js';
import type { ListQuery } from './list-query.js';

export interface ListDeps {
  render: RenderContext;
  seams: ComposedSeams;
  features: Pick<ServerFeatures, 'filter' | 'sort' | 'cursor'> &
    Partial<Pick<ServerFeatures, 'interopProfile'>>;
  registry: SchemaRegistry;
  /**
   * Cursor pagination (RFC 9865): the server's codec and the credential of the request, which its cursors are bound
   * to. Without it, or in a mode without cursors, a `cursor` parameter is ignored and the list pages by index.
   */
  cursors?: { codec: CursorCodec; actor: string };
}

/**
 * draft-zollner-scim-interop-profile-01 §6.3: on a resource-type endpoint, a filter naming an attribute none of the
 * type's schemas defines is `400 invalidFilter` (not a filter that matches nothing). Paths inside a value filter
 * (`emails[type eq "work"]`) are sub-attributes of its attribute.
 */
function checkAttributesDefined(filter: Filter, resolve: AttributeResolver, parent?: AttrPath): void {
  const check = (path: AttrPath) => {
    const full: AttrPath = parent
      ? { ...(parent.uri === undefined ? {} : { uri: parent.uri }), attr: parent.attr, subAttr: path.attr }
      : path;
    const top = resolve(full.uri === undefined ? { attr: full.attr } : { uri: full.uri, attr: full.attr });
    if (top === undefined || (full.subAttr !== undefined && resolve(full) === undefined)) {
      const name = full.subAttr === undefined ? full.attr : `${full.attr}.${full.subAttr}`;
      throw ScimError.invalidFilter(`"${name}" is not an attribute of this resource type (see /Schemas).`);
    }
  };
  switch (filter.kind) {
    case 'compare':
    case 'present':
      check(filter.path);
      return;
    case 'valuePath':
      check(filter.path);
      checkAttributesDefined(filter.filter, resolve, filter.path);
      return;
    case 'and':
    case 'or':
      checkAttributesDefined(filter.left, resolve, parent);
      checkAttributesDefined(filter.right, resolve, parent);
      return;
    case 'not':
      checkAttributesDefined(filter.filter, resolve, parent);
      return;
    default: {
      const unreachable: never = filter;
      throw new TypeError(`unknown filter node ${String(unreachable)}`);
    }
  }
}

/** {@link checkAttributesDefined}, its refusal seen by the refusal seam, which may let the filter through. */
function checkDefined(filter: Filter, resolve: AttributeResolver, seams: ComposedSeams): void {
  try {
    checkAttributesDefined(filter, resolve);
  } catch (error) {
    if (!(error instanceof ScimError)) throw error;
    const refusal = seams.refuse(error, { rule: 'filter-attribute' });
    if (refusal !== undefined) throw refusal;
  }
}

async function candidates(
  type: ResourceTypeName,
  filter: Filter | undefined,
  resolve: AttributeResolver,
  deps: ListDeps,
): Promise<readonly Readonly<StoredResource>[]> {
  const plan = planQuery(filter, type);
  const { store } = deps.render;
  // The externalId index is exact (externalId is caseExact, RFC 7643 §3.1); a resolver that ignores its case scans.
  const exactIndex = !(
    plan.kind === 'index' &&
    plan.index === 'externalId' &&
    resolve({ attr: 'externalId' })?.caseExact === false
  );
  return plan.kind === 'index' && exactIndex
    ? store.findByIndex(type, plan.index, plan.value)
    : store.scanReadonly(type);
}

/** Attributes the server derives when rendering (so the stored attributes alone cannot answer a filter on them). */
export function namesDerived(path: AttrPath, valueFilter?: Filter): boolean {
  const attr = path.attr.toLowerCase();
  const sub = path.subAttr?.toLowerCase();
  if (attr === 'groups') return true;
  if (attr === 'members' || attr === 'manager') {
    if (valueFilter !== undefined) return true;
    return sub !== undefined && sub !== 'value';
  }
  return false;
}

export function filterNamesDerived(filter: Filter): boolean {
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
export type Match = Readonly<StoredResource> | ViewedMatch;

const storedOf = (match: Match): Readonly<StoredResource> => ('stored' in match ? match.stored : match);
const viewOf = (match: Match): ScimObject => ('view' in match ? match.view : {});

/**
 * Runs a list or search over one or more resource types and builds the ListResponse: candidates from the
 * query planner (an index for `id`/`userName`/`externalId` eq, else a scan), the filter evaluated on each
 * rendered candidate, sorted, paged (1-based startIndex, or an RFC 9865 cursor: see {@link cursorPage}), then
 * projected.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2
 */
export async function executeList(
  types: readonly ResourceTypeName[],
  query: ListQuery,
  deps: ListDeps,
): Promise<ScimObject> {
  const { seams } = deps;
  const matches: Match[] = [];
  for (const type of types) {
    const resolve = seams.resolver(deps.registry.resolverFor(type), { type, purpose: 'filter' });
    const filter = query.filter === undefined ? undefined : seams.filter(query.filter, { type, resolve });
    if (filter !== undefined) {
      validateFilter(filter, resolve);
      if (deps.features.filter) checkFilterSupport(filter, types, deps.features.filter);
      if (types.length === 1 && deps.features.interopProfile === true) checkDefined(filter, resolve, seams);
    }
    if (types.length === 1 && filter !== undefined && !cursorPaged(query, deps)) {
      const window = pageWindow(query, 'index', deps);
      if (window.over === 'resources') return pageBeforeFilter(type, filter, resolve, window, query, deps);
    }
    // One type with an index that fits: sorted and paged in the store's indexes (indexed-list.ts).
    if (types.length === 1) {
      const served = await indexedList(type, query, filter, resolve, deps);
      if (served !== undefined) return served;
    }
    // Filter and sort on a shallow view; render fully only when they name a derived attribute, and otherwise render
    // just the page, so a page of 100 costs 100 renderings whatever the number of users.
    const needsRendering =
      (filter !== undefined && filterNamesDerived(filter)) ||
      (query.sortBy !== undefined && namesDerived(query.sortBy));
    const needsView = filter !== undefined || query.sortBy !== undefined;
    const options = { resolve, defaultSchema: RESOURCE_TYPE_CONFIGS[type].core.id };
    const screened = seams.overridden.has('read');
    for (const stored of await candidates(type, filter, resolve, deps)) {
      if (screened && seams.read(stored, {}) === undefined) continue;
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
  if (sortBy !== undefined && deps.features.sort) {
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
  if (cursorPaged(query, deps) && deps.cursors !== undefined) {
    return cursorPage(types, query, matches, deps, deps.cursors);
  }
  const window = pageWindow(query, 'index', deps);
  const page = matches.slice(window.offset, window.offset + window.size);
  return indexListResponse(page, matches.length, query, deps);
}

/** Whether a list is paged by RFC 9865 cursor (asked for, and the server's mode serves cursors). */
function cursorPaged(query: ListQuery, deps: ListDeps): boolean {
  return query.cursor !== undefined && deps.features.cursor && deps.cursors !== undefined;
}

/**
 * A page cut from the type's resources in stored order before the filter (a window `over: 'resources'`): the page
 * holds those of the window's resources that match, and totalResults counts them.
 */
async function pageBeforeFilter(
  type: ResourceTypeName,
  filter: Filter,
  resolve: AttributeResolver,
  window: PageWindow,
  query: ListQuery,
  deps: ListDeps,
): Promise<ScimObject> {
  const rendering = filterNamesDerived(filter);
  const options = { resolve, defaultSchema: RESOURCE_TYPE_CONFIGS[type].core.id };
  const screened = deps.seams.overridden.has('read');
  const visible = (await deps.render.store.scanReadonly(type)).filter(
    (stored) => !screened || deps.seams.read(stored, {}) !== undefined,
  );
  const page: Match[] = [];
  for (const stored of visible.slice(window.offset, window.offset + window.size)) {
    const view = rendering ? await renderResource(stored, deps.render) : filterView(stored, deps.render);
    if (matchesFilter(view, filter, options)) page.push({ stored, view, rendered: rendering });
  }
  return indexListResponse(page, page.length, query, deps);
}

/** Where an index-paged (1-based startIndex, RFC 7644 §3.4.2.4) or a cursor page starts and how much it holds. */
export function pageWindow(query: ListQuery, paging: 'index' | 'cursor', deps: ListDeps) {
  return deps.seams.page(
    { offset: paging === 'index' ? query.startIndex - 1 : 0, size: query.count, over: 'matches' },
    { query, paging },
  );
}

/** An index-paged ListResponse (RFC 7644 §3.4.2), written once for the indexed and the scanning paths. */
export async function indexListResponse(
  page: readonly Match[],
  total: number,
  query: ListQuery,
  deps: ListDeps,
): Promise<ScimObject> {
  return deps.seams.render(
    {
      schemas: [SCHEMA_URNS.ListResponse],
      totalResults: total,
      itemsPerPage: page.length,
      startIndex: query.startIndex,
      Resources: await renderPage(page, query, deps),
    },
    { stage: 'list', query, matched: total },
  );
}

/** How a cursor-paginated query is served (RFC 9865), as the cursor seam has it. */
export function cursorPlan(query: ListQuery, deps: ListDeps): CursorPlan {
  return deps.seams.cursor(
    {
      keyset: true,
      boundToCredential: true,
      alphabet: 'url-safe',
      previousOnFirstPage: false,
      hasNext: (remaining) => remaining > 0,
    },
    { query },
  );
}

/** The page's resources, rendered (unless the filter already did) and projected (RFC 7644 §3.9). */
export async function renderPage(
  page: readonly Match[],
  query: ListQuery,
  deps: ListDeps,
): Promise<ScimObject[]> {
  const projection = deps.seams.projection(
    {
      ...(query.attributes ? { attributes: query.attributes } : {}),
      ...(query.excludedAttributes ? { excludedAttributes: query.excludedAttributes } : {}),
    },
    {},
  );
  return Promise.all(
    page.map(async (match) => {
      const stored = storedOf(match);
      const resource =
        'rendered' in match && match.rendered ? match.view : await renderResource(stored, deps.render);
      return deps.seams.render(projectResource(resource, stored.resourceType, projection, deps.registry), {
        stage: 'projected',
        rendered: resource,
        projection,
        listed: true,
      });
    }),
  );
}

/**
 * A cursor page's ListResponse (RFC 9865 §2), written once for the indexed and the scanning paths: `page` is the
 * slice served, `total` every match, `remaining` the matches after the page, `after` the position the next cursor
 * resumes from (asked only when there is a next page). The cursor plan says when there is a next page, which alphabet
 * cursors use and whether the first page offers a previousCursor.
 * @see https://www.rfc-editor.org/rfc/rfc9865#section-2
 */
export async function cursorListResponse(input: {
  page: readonly Match[];
  total: number;
  remaining: number;
  after: () => Pick<CursorState, 'after' | 'offset'>;
  state: CursorState | undefined;
  digest: string;
  query: ListQuery;
  deps: ListDeps;
  cursors: NonNullable<ListDeps['cursors']>;
}): Promise<ScimObject> {
  const { page, query, deps, cursors } = input;
  const plan = cursorPlan(query, deps);
  const hasNext = page.length > 0 && plan.hasNext(input.remaining, query.count);
  const { alphabet } = plan;
  const issue = (position: Pick<CursorState, 'after' | 'offset'>) =>
    cursors.codec.encode(
      {
        actor: cursors.actor,
        query: input.digest,
        count: query.count,
        issuedAt: cursors.codec.now(),
        ...position,
      },
      alphabet,
    );
  const nextCursor = hasNext ? issue(input.after()) : undefined;
  // RFC 9865 §2 forbids a previousCursor on the first page.
  const previousCursor =
    input.state === undefined && plan.previousOnFirstPage ? issue({ offset: 0 }) : undefined;
  return deps.seams.render(
    {
      schemas: [SCHEMA_URNS.ListResponse],
      totalResults: input.total,
      itemsPerPage: page.length,
      ...(nextCursor === undefined ? {} : { nextCursor }),
      ...(previousCursor === undefined ? {} : { previousCursor }),
      Resources: await renderPage(page, query, deps),
    },
    { stage: 'list', query, matched: input.total },
  );
}

/**
 * The state of the request's cursor (undefined for the first page: an empty cursor), read by the server's codec
 * against the request's credential, query digest and count. An unreadable cursor is refused (400 invalidCursor, RFC 9865
 * §2.1) unless the refusal seam lets it through, when it is read as the first page.
 */
export function readCursorState(
  query: ListQuery,
  deps: ListDeps,
  cursors: NonNullable<ListDeps['cursors']>,
  digest: string,
): CursorState | undefined {
  if (query.cursor === undefined || query.cursor === '') return undefined;
  try {
    return cursors.codec.decode(query.cursor, {
      actor: cursors.actor,
      query: digest,
      count: query.count,
      ignoreActor: !cursorPlan(query, deps).boundToCredential,
    });
  } catch (error) {
    if (!(error instanceof ScimError && error.scimType === 'invalidCursor')) throw error;
    const refusal = deps.seams.refuse(error, { rule: 'cursor' });
    if (refusal !== undefined) throw refusal;
    return undefined;
  }
}

/** The order of resource types in a search over several (POST /.search): Users, then Groups. */
const TYPE_ORDER: Record<ResourceTypeName, number> = { User: 0, Group: 1 };

/** A sortBy value as a cursor can carry it (a primitive, or `null` for none). */
export function keyValue(value: unknown): KeysetPosition['value'] {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/**
 * One page of a cursor-paginated query (RFC 9865 §2). The matches are put in a total order (the sortBy value when
 * sorting applies, then resource type, then id) and the page starts after the position the cursor carries, so a
 * resource created or deleted between requests shifts nothing: each resource that exists throughout the walk is served
 * exactly once. `nextCursor` is included on every page but the last; `previousCursor` is not offered (OPTIONAL).
 * A cursor plan without keysets pages by offset in the index order instead, as cursors that wrap a startIndex do.
 * @see https://www.rfc-editor.org/rfc/rfc9865#section-2
 */
async function cursorPage(
  types: readonly ResourceTypeName[],
  query: ListQuery,
  matches: readonly Match[],
  deps: ListDeps,
  cursors: NonNullable<ListDeps['cursors']>,
): Promise<ScimObject> {
  const { registry } = deps;
  const sortBy = query.sortBy !== undefined && deps.features.sort ? query.sortBy : undefined;
  const digest = queryDigest({
    types,
    filter: query.filter ?? null,
    sortBy: sortBy ?? null,
    order: query.sortOrder,
  });
  const offsetBased = !cursorPlan(query, deps).keyset;
  const keyOf = (match: Match): KeysetPosition => {
    const stored = storedOf(match);
    return {
      ...(sortBy === undefined
        ? {}
        : { value: keyValue(sortKeyOf(viewOf(match), sortBy, registry, stored.resourceType)) }),
      type: stored.resourceType,
      id: stored.id,
    };
  };
  const compareKeys = (a: KeysetPosition, b: KeysetPosition): number => {
    if (sortBy !== undefined) {
      const bySort = compareSortValues(
        a.value ?? undefined,
        b.value ?? undefined,
        sortBy,
        registry,
        query.sortOrder,
        a.type === b.type ? a.type : undefined,
      );
      if (bySort !== 0) return bySort;
    }
    const byType = TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
    if (byType !== 0) return byType;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  // Offset cursors keep the index order (already sorted by executeList); the keyset order is its own.
  const ordered = matches.map((match) => ({ match, key: keyOf(match) }));
  if (!offsetBased) ordered.sort((a, b) => compareKeys(a.key, b.key));

  const state = readCursorState(query, deps, cursors, digest);
  const after = state?.after;
  let start = 0;
  if (state?.offset !== undefined) start = Math.min(Math.max(0, state.offset), ordered.length);
  else if (after !== undefined) {
    const found = ordered.findIndex((item) => compareKeys(item.key, after) > 0);
    start = found === -1 ? ordered.length : found;
  }
  const slice = ordered.slice(start, start + pageWindow(query, 'cursor', deps).size);
  const last = slice.at(-1);
  return cursorListResponse({
    page: slice.map((item) => item.match),
    total: matches.length,
    remaining: ordered.length - start - slice.length,
    after: () => (offsetBased || last === undefined ? { offset: start + slice.length } : { after: last.key }),
    state,
    digest,
    query,
    deps,
    cursors,
  });
}
