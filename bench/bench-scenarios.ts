/**
 * The requests the reference-server benchmark times, as a table: a new scenario is a new row.
 * Each row builds its request path from a random pick and checks the answer, so a benchmark never
 * reports the speed of a 404 or of an empty result.
 */

import { isJsonObject } from '../src/json/json-guards.js';
import { userPath } from '../src/scim/resource-path.js';

/** An existing seeded user, drawn at random by the server process. */
export interface UserSample {
  id: string;
  userName: string;
  externalId: string;
  /** `name.familyName`, for the sub-attribute filters (absent in fixtures that do not need it). */
  familyName?: string;
}

/** What one request is about: the user it looks up and, for a page, where the page starts (1-based). */
export interface ScenarioPick {
  sample: UserSample;
  startIndex: number;
  /** Users in the directory under test (the last page starts at `users - 99`); defaults to 100k. */
  users?: number;
}

/**
 * `lookup` rows go to every size in turn, 50 at a time; `page` rows go to one size at a time. Which rows are held to a
 * target is each row's {@link BenchScenario.target}.
 */
export const SCENARIO_KINDS = ['lookup', 'page'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

export interface BenchScenario {
  id: string;
  /** The request as the table prints it. */
  label: string;
  kind: ScenarioKind;
  /**
   * The issue's target for the row: `flat` (p50 at the largest size ≤ 1.5 × p50 at the smallest), `p50-at-100k`
   * (p50 with 100k users ≤ 200 ms), or none (measured and printed only).
   */
  target?: 'flat' | 'p50-at-100k';
  /** The path and query below the SCIM base URL. */
  path(pick: ScenarioPick): string;
  /** What is wrong with a 200 answer's parsed body, or undefined when it is the expected one. */
  problem(body: unknown, pick: ScenarioPick): string | undefined;
}

/** Users per page in the `page` scenario. */
export const PAGE_SIZE = 100;

/** A SCIM string literal inside a filter: quotes and backslashes escaped (RFC 7644 §3.4.2.2 uses JSON strings). */
function filterString(value: string): string {
  return JSON.stringify(value);
}

function filterPath(attribute: string, value: string): string {
  return `/Users?filter=${encodeURIComponent(`${attribute} eq ${filterString(value)}`)}`;
}

/** The single-match ListResponse a lookup of `sample` must produce. */
function singleMatchProblem(body: unknown, sample: UserSample): string | undefined {
  if (!isJsonObject(body)) return 'the body is not a JSON object';
  if (body.totalResults !== 1) return `totalResults is ${JSON.stringify(body.totalResults)}, expected 1`;
  const resources = body.Resources;
  const first: unknown = Array.isArray(resources) ? resources[0] : undefined;
  if (!isJsonObject(first) || first.id !== sample.id) return `Resources[0] is not the user ${sample.id}`;
  return undefined;
}

/**
 * The other-case spelling of a userName: userName is caseExact=false, so `eq` must still find the user
 * (RFC 7643 §4.1.1), and the server's index has to be keyed case-insensitively to stay fast.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4.1.1
 */
export function otherCase(value: string): string {
  const upper = value.toUpperCase();
  return upper === value ? value.toLowerCase() : upper;
}

/**
 * The benchmark's requests.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2
 */
export const BENCH_SCENARIOS: readonly BenchScenario[] = [
  {
    id: 'userName-eq',
    label: 'GET /Users?filter=userName eq "…"',
    kind: 'lookup',
    path: ({ sample }) => filterPath('userName', sample.userName),
    problem: (body, { sample }) => singleMatchProblem(body, sample),
  },
  {
    id: 'userName-eq-other-case',
    label: 'GET /Users?filter=userName eq "…" (other case)',
    kind: 'lookup',
    path: ({ sample }) => filterPath('userName', otherCase(sample.userName)),
    problem: (body, { sample }) => singleMatchProblem(body, sample),
  },
  {
    id: 'externalId-eq',
    label: 'GET /Users?filter=externalId eq "…"',
    kind: 'lookup',
    path: ({ sample }) => filterPath('externalId', sample.externalId),
    problem: (body, { sample }) => singleMatchProblem(body, sample),
  },
  {
    id: 'get-by-id',
    label: 'GET /Users/{id}',
    kind: 'lookup',
    path: ({ sample }) => userPath(sample.id),
    problem: (body, { sample }) =>
      isJsonObject(body) && body.id === sample.id ? undefined : `the body is not the user ${sample.id}`,
  },
  {
    id: 'page-100',
    label: `GET /Users?startIndex=…&count=${PAGE_SIZE}`,
    kind: 'page',
    target: 'flat',
    path: ({ startIndex }) => `/Users?startIndex=${startIndex}&count=${PAGE_SIZE}`,
    problem: (body) => fullPageProblem(body),
  },
  {
    id: 'page-first',
    label: `GET /Users?startIndex=1&count=${PAGE_SIZE}`,
    kind: 'page',
    target: 'flat',
    path: () => `/Users?startIndex=1&count=${PAGE_SIZE}`,
    problem: (body) => fullPageProblem(body),
  },
  {
    id: 'page-last',
    label: `GET /Users?startIndex=<last page>&count=${PAGE_SIZE}`,
    kind: 'page',
    target: 'flat',
    path: ({ users }) => `/Users?startIndex=${lastPageStart(users)}&count=${PAGE_SIZE}`,
    problem: (body) => fullPageProblem(body),
  },
  sortedPage('userName', 'ascending', (user) => lowerText(user.userName)),
  sortedPage('userName', 'descending', (user) => lowerText(user.userName)),
  sortedPage('name.familyName', 'ascending', (user) =>
    lowerText(isJsonObject(user.name) ? user.name.familyName : ''),
  ),
  sortedPage('name.familyName', 'descending', (user) =>
    lowerText(isJsonObject(user.name) ? user.name.familyName : ''),
  ),
  {
    id: 'filter-userName-sw',
    label: 'GET /Users?filter=userName sw "…"&count=100',
    kind: 'page',
    path: ({ sample }) =>
      `/Users?filter=${encodeURIComponent(`userName sw ${filterString(prefixOf(sample.userName))}`)}&count=${PAGE_SIZE}`,
    problem: (body, { sample }) =>
      everyResource(body, (user) =>
        lowerText(user.userName).startsWith(prefixOf(sample.userName).toLowerCase()),
      ),
  },
  {
    id: 'filter-familyName-eq',
    label: 'GET /Users?filter=name.familyName eq "…"&count=100',
    kind: 'page',
    path: ({ sample }) =>
      `/Users?filter=${encodeURIComponent(`name.familyName eq ${filterString(sample.familyName ?? '')}`)}&count=${PAGE_SIZE}`,
    problem: (body, { sample }) =>
      everyResource(
        body,
        (user) =>
          isJsonObject(user.name) &&
          lowerText(user.name.familyName) === (sample.familyName ?? '').toLowerCase(),
      ),
  },
  {
    id: 'filter-familyName-pr',
    label: 'GET /Users?filter=name.familyName pr&startIndex=…&count=100',
    kind: 'page',
    path: ({ startIndex }) =>
      `/Users?filter=${encodeURIComponent('name.familyName pr')}&startIndex=${startIndex}&count=${PAGE_SIZE}`,
    problem: (body) => fullPageProblem(body),
  },
  {
    id: 'filter-userName-co',
    label: 'GET /Users?filter=userName co "…"&count=100 (not indexed)',
    kind: 'page',
    target: 'p50-at-100k',
    path: ({ sample }) =>
      `/Users?filter=${encodeURIComponent(`userName co ${filterString(infixOf(sample.userName))}`)}&count=${PAGE_SIZE}`,
    problem: (body, { sample }) =>
      everyResource(body, (user) =>
        lowerText(user.userName).includes(infixOf(sample.userName).toLowerCase()),
      ),
  },
  {
    id: 'filter-title-ew',
    label: 'GET /Users?filter=title ew "…" and active eq true&count=100 (not indexed)',
    kind: 'page',
    target: 'p50-at-100k',
    path: () =>
      `/Users?filter=${encodeURIComponent('title ew "Engineer" and active eq true')}&count=${PAGE_SIZE}`,
    problem: (body) =>
      everyResource(body, (user) => lowerText(user.title).endsWith('engineer') && user.active === true),
  },
  cursorWalk(undefined),
  cursorWalk('userName'),
];

/** Where the last full page of `users` starts (1-based). */
function lastPageStart(users = 100_000): number {
  return Math.max(1, users - PAGE_SIZE + 1);
}

function lowerText(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : '';
}

/** The first three characters of a userName: a prefix many users share. */
function prefixOf(userName: string): string {
  return userName.slice(0, 3);
}

/** Four characters from the middle of the local part: a substring that no index can find. */
function infixOf(userName: string): string {
  const local = userName.split('@')[0] ?? userName;
  const from = Math.max(0, Math.floor(local.length / 2) - 2);
  return local.slice(from, from + 4) || userName.slice(0, 4);
}

/** A page of exactly {@link PAGE_SIZE} users. */
function fullPageProblem(body: unknown): string | undefined {
  if (!isJsonObject(body)) return 'the body is not a JSON object';
  const resources = body.Resources;
  if (!Array.isArray(resources) || resources.length !== PAGE_SIZE) {
    return `Resources holds ${Array.isArray(resources) ? resources.length : 'no array'}, expected ${PAGE_SIZE}`;
  }
  return undefined;
}

/** A non-empty page whose every user passes `check` (the filter's meaning, checked outside the clock). */
function everyResource(body: unknown, check: (user: Record<string, unknown>) => boolean): string | undefined {
  if (!isJsonObject(body)) return 'the body is not a JSON object';
  const resources = body.Resources;
  if (!Array.isArray(resources) || resources.length === 0) return 'the page is empty';
  const wrong = resources.find((user) => !isJsonObject(user) || !check(user));
  return wrong === undefined
    ? undefined
    : `a user does not match the filter: ${JSON.stringify(wrong).slice(0, 200)}`;
}

/**
 * A full page sorted by `attribute`, at a random startIndex: the answer must be in order (case-insensitively, as
 * userName and familyName are caseExact=false, RFC 7643 §4.1.1).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.3
 */
function sortedPage(
  attribute: string,
  order: 'ascending' | 'descending',
  keyOf: (user: Record<string, unknown>) => string,
): BenchScenario {
  return {
    id: `sorted-${attribute}-${order === 'ascending' ? 'asc' : 'desc'}`,
    label: `GET /Users?sortBy=${attribute}&sortOrder=${order}&startIndex=…&count=${PAGE_SIZE}`,
    kind: 'page',
    target: 'flat',
    path: ({ startIndex }) =>
      `/Users?sortBy=${attribute}&sortOrder=${order}&startIndex=${startIndex}&count=${PAGE_SIZE}`,
    problem: (body) => {
      const full = fullPageProblem(body);
      if (full !== undefined) return full;
      const keys = ((body as { Resources: unknown[] }).Resources as Record<string, unknown>[]).map(keyOf);
      const sign = order === 'ascending' ? 1 : -1;
      const outOfOrder = keys.findIndex((key, index) => {
        const previous = keys[index - 1];
        if (previous === undefined) return false;
        return sign * (key < previous ? -1 : key > previous ? 1 : 0) < 0;
      });
      return outOfOrder === -1 ? undefined : `the page is not sorted by ${attribute} at ${outOfOrder}`;
    },
  };
}

/**
 * RFC 9865 cursor pages of 100, walking the list: each request sends the previous answer's nextCursor (an empty
 * cursor for the first page, and again after the last page or after 60 s, within the server's cursorTimeout).
 * The walk's state is per directory size, kept here between requests.
 * @see https://www.rfc-editor.org/rfc/rfc9865#section-2
 */
function cursorWalk(sortBy: string | undefined): BenchScenario {
  const next = new Map<number, { cursor: string; at: number }>();
  const sort = sortBy === undefined ? '' : `&sortBy=${sortBy}`;
  return {
    id: sortBy === undefined ? 'cursor-pages' : `cursor-pages-${sortBy}`,
    label: `GET /Users?cursor=<next>&count=${PAGE_SIZE}${sort}`,
    kind: 'page',
    target: 'flat',
    path: ({ users = 0 }) => {
      const held = next.get(users);
      const cursor = held !== undefined && Date.now() - held.at < 60_000 ? held.cursor : '';
      return `/Users?cursor=${encodeURIComponent(cursor)}&count=${PAGE_SIZE}${sort}`;
    },
    problem: (body, { users = 0 }) => {
      if (!isJsonObject(body)) return 'the body is not a JSON object';
      if (typeof body.nextCursor === 'string') next.set(users, { cursor: body.nextCursor, at: Date.now() });
      else next.delete(users);
      const resources = body.Resources;
      return Array.isArray(resources) && resources.length > 0 ? undefined : 'the cursor page is empty';
    },
  };
}
