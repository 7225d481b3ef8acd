/**
 * The requests the reference-server benchmark times, as a table: a new scenario is a new row.
 * Each row builds its request path from a random pick and checks the answer, so a benchmark never
 * reports the speed of a 404 or of an empty result.
 */

/** An existing seeded user, drawn at random by the server process. */
export interface UserSample {
  id: string;
  userName: string;
  externalId: string;
}

/** What one request is about: the user it looks up and, for a page, where the page starts (1-based). */
export interface ScenarioPick {
  sample: UserSample;
  startIndex: number;
}

/** `lookup` rows are held to the flatness target; `page` rows are measured and printed only. */
export const SCENARIO_KINDS = ['lookup', 'page'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

export interface BenchScenario {
  id: string;
  /** The request as the table prints it. */
  label: string;
  kind: ScenarioKind;
  /** The path and query below the SCIM base URL. */
  path(pick: ScenarioPick): string;
  /** What is wrong with a 200 answer's parsed body, or undefined when it is the expected one. */
  problem(body: unknown, pick: ScenarioPick): string | undefined;
}

/** Users per page in the `page` scenario. */
export const PAGE_SIZE = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A SCIM string literal inside a filter: quotes and backslashes escaped (RFC 7644 §3.4.2.2 uses JSON strings). */
function filterString(value: string): string {
  return JSON.stringify(value);
}

function filterPath(attribute: string, value: string): string {
  return `/Users?filter=${encodeURIComponent(`${attribute} eq ${filterString(value)}`)}`;
}

/** The single-match ListResponse a lookup of `sample` must produce. */
function singleMatchProblem(body: unknown, sample: UserSample): string | undefined {
  if (!isRecord(body)) return 'the body is not a JSON object';
  if (body.totalResults !== 1) return `totalResults is ${JSON.stringify(body.totalResults)}, expected 1`;
  const resources = body.Resources;
  const first: unknown = Array.isArray(resources) ? resources[0] : undefined;
  if (!isRecord(first) || first.id !== sample.id) return `Resources[0] is not the user ${sample.id}`;
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
    path: ({ sample }) => `/Users/${encodeURIComponent(sample.id)}`,
    problem: (body, { sample }) =>
      isRecord(body) && body.id === sample.id ? undefined : `the body is not the user ${sample.id}`,
  },
  {
    id: 'page-100',
    label: `GET /Users?startIndex=…&count=${PAGE_SIZE}`,
    kind: 'page',
    path: ({ startIndex }) => `/Users?startIndex=${startIndex}&count=${PAGE_SIZE}`,
    problem: (body) => {
      if (!isRecord(body)) return 'the body is not a JSON object';
      const resources = body.Resources;
      if (!Array.isArray(resources) || resources.length !== PAGE_SIZE) {
        return `Resources holds ${Array.isArray(resources) ? resources.length : 'no array'}, expected ${PAGE_SIZE}`;
      }
      return undefined;
    },
  },
];
