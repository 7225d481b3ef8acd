import { ScimError } from '../../scim/errors/scim-error.js';
import type { AttrPath, Filter } from '../../scim/filter/ast.js';
import { parseAttrPath } from '../../scim/filter/attr-path.js';
import { parseFilter } from '../../scim/filter/filter-parser.js';
import { isJsonObject } from '../../scim/filter/index.js';
import type { SortOrder } from '../../scim/schemas/index.js';
import { parseAttributeList } from '../../scim/schemas/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import type { ComposedSeams } from '../seams.js';

/** Paging limits the server advertises (`filter.maxResults` in /ServiceProviderConfig). */
export interface ListLimits {
  defaultCount: number;
  maxResults: number;
}

/** A list or search request, from query parameters or a SearchRequest body (RFC 7644 §3.4.2, §3.4.3). */
export interface ListQuery {
  filter?: Filter;
  startIndex: number;
  count: number;
  sortBy?: AttrPath;
  sortOrder: SortOrder;
  attributes?: string[];
  excludedAttributes?: string[];
  /**
   * RFC 9865 cursor pagination: absent for index pagination, `''` for the first page of a cursor-paginated query,
   * else the `nextCursor` of the previous page.
   * @see https://www.rfc-editor.org/rfc/rfc9865#section-2
   */
  cursor?: string;
}

/** Every attribute path a filter names (value-path inner paths are relative to their parent). */
export function filterPaths(filter: Filter): AttrPath[] {
  switch (filter.kind) {
    case 'compare':
    case 'present':
      return [filter.path];
    case 'valuePath':
      return [filter.path, ...filterPaths(filter.filter)];
    case 'and':
    case 'or':
      return [...filterPaths(filter.left), ...filterPaths(filter.right)];
    case 'not':
      return filterPaths(filter.filter);
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

/**
 * Parses a filter (400 invalidFilter when it is not valid RFC 7644 §3.4.2.2 syntax).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
export function readFilter(text: string, seams: ComposedSeams): Filter {
  try {
    return parseFilter(text);
  } catch (error) {
    throw (error instanceof ScimError && seams.refuse(error, { rule: 'filter-syntax' })) || error;
  }
}

export function readInteger(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'string' && /^[+-]?\d{1,15}$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw ScimError.invalidValue(`${name} must be an integer, got ${JSON.stringify(value).slice(0, 50)}.`);
  }
  return number;
}

function readList(name: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) {
    throw ScimError.invalidValue(`${name} must be a list of attribute names.`);
  }
  // parseAttributeList refuses malformed names and empty entries (`userName,,name`) with invalidValue.
  const names = items.flatMap((item) =>
    parseAttributeList(item).length === 0 ? [] : item.split(',').map((part) => part.trim()),
  );
  return names.length > 0 ? names : undefined;
}

/** A list request as sent: query parameters or SearchRequest members, not yet read. */
export interface RawListQuery {
  filter?: unknown;
  startIndex?: unknown;
  count?: unknown;
  sortBy?: unknown;
  sortOrder?: unknown;
  attributes?: unknown;
  excludedAttributes?: unknown;
  cursor?: unknown;
}

/**
 * The `cursor` parameter (RFC 9865 §2, §3): a string, possibly empty. Both `cursor` and `startIndex` name a pagination
 * method, so asking for both is refused rather than answered by one of them silently.
 * @see https://www.rfc-editor.org/rfc/rfc9865#section-2.4
 */
function readCursor(raw: RawListQuery): string | undefined {
  if (raw.cursor === undefined || raw.cursor === null) return undefined;
  if (typeof raw.cursor !== 'string') throw new ScimError(400, 'invalidCursor', 'cursor must be a string.');
  if (raw.startIndex !== undefined && raw.startIndex !== null && raw.startIndex !== '') {
    throw ScimError.invalidValue('Use either cursor or startIndex to page, not both.');
  }
  return raw.cursor;
}

function readQuery(
  sent: RawListQuery,
  limits: ListLimits,
  seams: ComposedSeams,
  source: 'params' | 'search',
): ListQuery {
  const raw = seams.query(sent, { source, limits });
  if (raw.filter !== undefined && raw.filter !== null && typeof raw.filter !== 'string') {
    throw ScimError.invalidFilter('filter must be a string.');
  }
  const filter =
    typeof raw.filter === 'string' && raw.filter.trim() !== '' ? readFilter(raw.filter, seams) : undefined;
  // RFC 7644 §3.4.2.4: startIndex "A value less than 1 SHALL be interpreted as 1"; count "A negative value
  // SHALL be interpreted as "0""; above maxResults the server returns at most maxResults.
  const startIndex = Math.max(1, readInteger('startIndex', raw.startIndex) ?? 1);
  const cursor = readCursor(raw);
  const requestedCount = readInteger('count', raw.count);
  // RFC 9865 §4 maxPageSize: "the maximum number of results returned in a page regardless of what is specified for the
  // count in a query".
  const count = Math.min(limits.maxResults, Math.max(0, requestedCount ?? limits.defaultCount));
  let sortBy: AttrPath | undefined;
  if (raw.sortBy !== undefined && raw.sortBy !== null && raw.sortBy !== '') {
    if (typeof raw.sortBy !== 'string') throw ScimError.invalidValue('sortBy must be an attribute name.');
    try {
      sortBy = parseAttrPath(raw.sortBy.trim());
    } catch {
      throw ScimError.invalidValue(
        `sortBy ${JSON.stringify(raw.sortBy.slice(0, 100))} is not an attribute name.`,
      );
    }
  }
  let sortOrder: SortOrder = 'ascending';
  if (raw.sortOrder !== undefined && raw.sortOrder !== null && raw.sortOrder !== '') {
    const order = typeof raw.sortOrder === 'string' ? raw.sortOrder.toLowerCase() : undefined;
    if (order !== 'ascending' && order !== 'descending') {
      throw ScimError.invalidValue('sortOrder must be "ascending" or "descending".');
    }
    sortOrder = order;
  }
  const query: ListQuery = { startIndex, count, sortOrder };
  if (cursor !== undefined) query.cursor = cursor;
  if (filter !== undefined) query.filter = filter;
  if (sortBy !== undefined) query.sortBy = sortBy;
  const attributes = readList('attributes', raw.attributes);
  const excludedAttributes = readList('excludedAttributes', raw.excludedAttributes);
  if (attributes !== undefined) query.attributes = attributes;
  if (excludedAttributes !== undefined) query.excludedAttributes = excludedAttributes;
  return query;
}

/** A list request from the query string of `GET /Users`, `GET /Groups`. */
export function listQueryFromParams(
  params: URLSearchParams,
  limits: ListLimits,
  seams: ComposedSeams,
): ListQuery {
  const get = (name: string) => params.get(name) ?? undefined;
  return readQuery(
    {
      filter: get('filter'),
      startIndex: get('startIndex'),
      count: get('count'),
      sortBy: get('sortBy'),
      sortOrder: get('sortOrder'),
      attributes: get('attributes'),
      excludedAttributes: get('excludedAttributes'),
      // `?cursor` and `?cursor=` both ask for the first page (RFC 9865 §2: "empty or omitted").
      cursor: params.has('cursor') ? (params.get('cursor') ?? '') : undefined,
    },
    limits,
    seams,
    'params',
  );
}

/**
 * A list request from a `POST …/.search` body, which must be a SearchRequest message.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.3
 */
export function listQueryFromSearchRequest(
  body: unknown,
  limits: ListLimits,
  seams: ComposedSeams,
): ListQuery {
  if (!isJsonObject(body)) throw ScimError.invalidSyntax('A SearchRequest must be a JSON object.');
  const { schemas } = body;
  if (
    !Array.isArray(schemas) ||
    !schemas.some(
      (urn) => typeof urn === 'string' && urn.toLowerCase() === SCHEMA_URNS.SearchRequest.toLowerCase(),
    )
  ) {
    throw ScimError.invalidValue(`"schemas" must be ["${SCHEMA_URNS.SearchRequest}"].`);
  }
  return readQuery(body, limits, seams, 'search');
}

/** Projection parameters of single-resource requests (RFC 7644 §3.9). */
export function projectionFromParams(
  params: URLSearchParams,
): Pick<ListQuery, 'attributes' | 'excludedAttributes'> {
  const result: Pick<ListQuery, 'attributes' | 'excludedAttributes'> = {};
  const attributes = readList('attributes', params.get('attributes') ?? undefined);
  const excludedAttributes = readList('excludedAttributes', params.get('excludedAttributes') ?? undefined);
  if (attributes !== undefined) result.attributes = attributes;
  if (excludedAttributes !== undefined) result.excludedAttributes = excludedAttributes;
  return result;
}
