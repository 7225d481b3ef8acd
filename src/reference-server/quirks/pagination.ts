import { ScimError } from '../../scim/errors/scim-error.js';
import { readInteger } from '../protocol/list-query.js';
import type { QuirkEntries } from './entry.js';

const INTERNAL_ERROR = () => new ScimError(500, undefined, 'Internal server error.');

/** Whether a request asks for cursor pagination (RFC 9865 §2: an empty cursor asks for the first page). */
const asksForCursor = (cursor: unknown) => cursor !== undefined && cursor !== null;

/** Pagination faults (RFC 7644 §3.4.2.4, RFC 9865). */
export const PAGINATION_QUIRKS = {
  // startIndex read as 0-based, so the first page skips one resource.
  'start-index-off-by-one': {
    page: (window, { paging }) => (paging === 'index' ? { ...window, offset: window.offset + 1 } : window),
  },
  'total-results-page-size': {
    render: (body, context) =>
      context.stage === 'list' && context.query !== undefined && Array.isArray(body.Resources)
        ? { ...body, totalResults: body.Resources.length }
        : body,
  },
  'count-ignored': {
    page: (window) => ({ ...window, size: Number.POSITIVE_INFINITY }),
  },
  'start-index-below-one-rejected': {
    query: (raw) => {
      const requested = readInteger('startIndex', raw.startIndex);
      if (requested !== undefined && requested < 1)
        throw ScimError.invalidValue('startIndex must be 1 or more.');
      return raw;
    },
  },
  'items-per-page-is-count': {
    render: (body, context) =>
      context.stage === 'list' && context.query !== undefined
        ? { ...body, itemsPerPage: context.query.count }
        : body,
  },
  // RFC 9865 §2's first request refused as invalid.
  'cursor-empty-refused': {
    query: (raw) => {
      if (raw.cursor === '') throw new ScimError(400, 'invalidCursor', 'The cursor is not valid.');
      return raw;
    },
  },
  // The walk ends one page early.
  'cursor-next-off-by-one': {
    cursor: (plan) => ({ ...plan, hasNext: (remaining, count) => remaining > count }),
  },
  'cursor-next-on-last-page': {
    cursor: (plan) => ({ ...plan, hasNext: () => true }),
  },
  'cursor-previous-on-first-page': {
    cursor: (plan) => ({ ...plan, previousOnFirstPage: true }),
  },
  'cursor-unsafe-characters': {
    cursor: (plan) => ({ ...plan, alphabet: 'unsafe' }),
  },
  'cursor-invalid-500': {
    refuse: (error, refusal) => (refusal.rule === 'cursor' ? INTERNAL_ERROR() : error),
  },
  // An unreadable cursor is taken for the first page.
  'cursor-invalid-restarts': {
    refuse: (error, refusal) => (refusal.rule === 'cursor' ? undefined : error),
  },
  // RFC 9865 §4 caps a larger count at maxPageSize; this refuses it.
  'cursor-count-over-max-refused': {
    query: (raw, { limits }) => {
      const count = readInteger('count', raw.count);
      if (asksForCursor(raw.cursor) && count !== undefined && count > limits.maxResults) {
        throw new ScimError(400, 'invalidCount', `count must be between 0 and ${limits.maxResults}.`);
      }
      return raw;
    },
  },
  'cursor-offset-based': {
    cursor: (plan) => ({ ...plan, keyset: false }),
  },
  // RFC 9865 §3 puts the cursor of a .search in its body; this reads none, so a .search always pages by index.
  'cursor-search-ignored': {
    query: (raw, { source }) => {
      if (source !== 'search') return raw;
      const { cursor: _ignored, ...rest } = raw;
      return rest;
    },
  },
  'cursor-not-token-bound': {
    cursor: (plan) => ({ ...plan, boundToCredential: false }),
  },
  // Each paging field as the string of its number, as a bigint count passed through from the database is.
  'paging-fields-as-strings': {
    render: (body, context) => {
      if (context.stage !== 'list' || context.query === undefined) return body;
      const result = { ...body };
      for (const name of ['totalResults', 'itemsPerPage', 'startIndex']) {
        if (typeof result[name] === 'number') result[name] = String(result[name]);
      }
      return result;
    },
  },
  // Below the 100 a client may ask for (draft-zollner-scim-interop-profile-01 §6.4).
  'page-size-capped-at-50': {
    page: (window, { paging }) =>
      paging === 'index' ? { ...window, size: Math.min(50, window.size) } : window,
  },
} satisfies QuirkEntries;
