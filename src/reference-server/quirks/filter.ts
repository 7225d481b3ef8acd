import { ScimError } from '../../scim/errors/scim-error.js';
import type { AttributeResolver, Filter } from '../../scim/filter/ast.js';
import { filterPaths } from '../protocol/list-query.js';
import type { QuirkEntries } from './entry.js';

/**
 * The query read with percent-decoding only, so a `+` stays a `+` (servers that decode the query as a URI component
 * rather than as form data do this).
 */
function paramsKeepingPlus(url: URL): URLSearchParams {
  const params = new URLSearchParams();
  for (const pair of url.search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const [name = '', ...value] = pair.split('=');
    try {
      params.append(decodeURIComponent(name), decodeURIComponent(value.join('=')));
    } catch {
      params.append(name, value.join('='));
    }
  }
  return params;
}

const OPERATOR_WORDS = /^(eq|ne|co|sw|ew|gt|ge|lt|le|pr|and|or|not)$/i;

/** The words of a filter outside its quoted strings. */
function unquotedWords(text: string): string[] {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, ' ').split(/[\s()[\]]+/);
}

/** The filter with every `co` comparison turned into `eq`. */
function coAsEq(filter: Filter): Filter {
  switch (filter.kind) {
    case 'compare':
      return filter.op === 'co' ? { ...filter, op: 'eq' } : filter;
    case 'present':
      return filter;
    case 'valuePath':
    case 'not':
      return { ...filter, filter: coAsEq(filter.filter) };
    case 'and':
    case 'or':
      return { ...filter, left: coAsEq(filter.left), right: coAsEq(filter.right) };
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

/** `a or b and c` read as `(a or b) and c`. */
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

/** An attribute spelled in another case than the schema's is unknown. */
function checkAttributeNameCase(filter: Filter, resolve: AttributeResolver): Filter {
  for (const path of filterPaths(filter)) {
    const top = resolve(path.uri === undefined ? { attr: path.attr } : { uri: path.uri, attr: path.attr });
    const sub = path.subAttr === undefined ? undefined : resolve(path);
    if ((top && top.name !== path.attr) || (sub && sub.name !== path.subAttr)) {
      throw ScimError.invalidFilter(
        `Unknown attribute "${path.subAttr === undefined ? path.attr : `${path.attr}.${path.subAttr}`}".`,
      );
    }
  }
  return filter;
}

/** The resolver with one top-level attribute compared with or without case, against its schema's caseExact. */
export function withCaseExact(
  resolve: AttributeResolver,
  name: string,
  caseExact: boolean,
): AttributeResolver {
  return (path, parent) => {
    const definition = resolve(path, parent);
    return definition && parent === undefined && definition.name === name
      ? { ...definition, caseExact }
      : definition;
  };
}

/** Filter faults (RFC 7644 §3.4.2.2). */
export const FILTER_QUIRKS = {
  'filter-ignored': {
    query: ({ filter: _ignored, ...raw }) => raw,
  },
  'filter-co-as-eq': {
    filter: (filter) => coAsEq(filter),
  },
  'invalid-filter-500': {
    refuse: (error, refusal) =>
      refusal.rule === 'filter-syntax' ? new ScimError(500, undefined, 'Internal server error.') : error,
  },
  'username-case-sensitive': {
    resolver: (resolve) => withCaseExact(resolve, 'userName', true),
  },
  'filter-operators-case-sensitive': {
    query: (raw) => {
      if (typeof raw.filter !== 'string') return raw;
      const shouted = unquotedWords(raw.filter).find(
        (word) => OPERATOR_WORDS.test(word) && word !== word.toLowerCase(),
      );
      if (shouted !== undefined) throw ScimError.invalidFilter(`Unknown operator "${shouted}".`);
      return raw;
    },
  },
  'external-id-not-filterable': {
    filter: (filter) => {
      if (filterPaths(filter).some((path) => path.attr.toLowerCase() === 'externalid')) {
        throw ScimError.invalidFilter('Filtering on externalId is not supported.');
      }
      return filter;
    },
  },
  'external-id-case-insensitive': {
    resolver: (resolve, { purpose }) =>
      purpose === 'filter' ? withCaseExact(resolve, 'externalId', false) : resolve,
  },
  'filter-precedence-left-to-right': {
    filter: (filter) => leftToRight(filter),
  },
  'filter-attribute-names-case-sensitive': {
    filter: (filter, { resolve }) => checkAttributeNameCase(filter, resolve),
  },
  'group-display-name-case-sensitive': {
    resolver: (resolve, { type, purpose }) =>
      type === 'Group' && purpose === 'filter' ? withCaseExact(resolve, 'displayName', true) : resolve,
  },
  'query-plus-not-decoded': {
    request: (incoming, { url }) => ({ ...incoming, params: paramsKeepingPlus(url) }),
  },
  'filter-declined-though-claimed': {
    query: (raw) => {
      if (typeof raw.filter === 'string' && raw.filter.trim() !== '') {
        throw ScimError.invalidFilter('Filtering is not supported.');
      }
      return raw;
    },
  },
  // A user beyond the first page of the store is never found, however few users match.
  'filter-with-paging-broken': {
    page: (window, { paging }) => (paging === 'index' ? { ...window, over: 'resources' } : window),
  },
  'filter-undefined-attribute-matches-nothing': {
    refuse: (error, refusal) => (refusal.rule === 'filter-attribute' ? undefined : error),
  },
} satisfies QuirkEntries;
