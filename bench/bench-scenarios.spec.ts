import { expect, test } from '@playwright/test';
import {
  BENCH_SCENARIOS,
  type BenchScenario,
  otherCase,
  PAGE_SIZE,
  type ScenarioPick,
} from './bench-scenarios.js';

const PICK: ScenarioPick = {
  sample: { id: 'a1b2', userName: 'Ada.Lovelace@example.com', externalId: 'ext "7"', familyName: 'Lovelace' },
  startIndex: 301,
  users: 1000,
};

function scenario(id: string): BenchScenario {
  const found = BENCH_SCENARIOS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

const PATHS: { id: string; path: string; filter?: string }[] = [
  { id: 'userName-eq', path: '/Users?filter=', filter: 'userName eq "Ada.Lovelace@example.com"' },
  { id: 'userName-eq-other-case', path: '/Users?filter=', filter: 'userName eq "ADA.LOVELACE@EXAMPLE.COM"' },
  { id: 'externalId-eq', path: '/Users?filter=', filter: 'externalId eq "ext \\"7\\""' },
  { id: 'get-by-id', path: '/Users/a1b2' },
  { id: 'page-100', path: `/Users?startIndex=301&count=${PAGE_SIZE}` },
  { id: 'page-first', path: `/Users?startIndex=1&count=${PAGE_SIZE}` },
  { id: 'page-last', path: `/Users?startIndex=901&count=${PAGE_SIZE}` },
  {
    id: 'sorted-userName-asc',
    path: `/Users?sortBy=userName&sortOrder=ascending&startIndex=301&count=${PAGE_SIZE}`,
  },
  {
    id: 'sorted-userName-desc',
    path: `/Users?sortBy=userName&sortOrder=descending&startIndex=301&count=${PAGE_SIZE}`,
  },
  {
    id: 'sorted-name.familyName-asc',
    path: `/Users?sortBy=name.familyName&sortOrder=ascending&startIndex=301&count=${PAGE_SIZE}`,
  },
  {
    id: 'sorted-name.familyName-desc',
    path: `/Users?sortBy=name.familyName&sortOrder=descending&startIndex=301&count=${PAGE_SIZE}`,
  },
  { id: 'filter-userName-sw', path: '/Users?filter=', filter: 'userName sw "Ada"' },
  { id: 'filter-familyName-eq', path: '/Users?filter=', filter: 'name.familyName eq "Lovelace"' },
  { id: 'filter-familyName-pr', path: '/Users?filter=', filter: 'name.familyName pr' },
  { id: 'filter-userName-co', path: '/Users?filter=', filter: 'userName co "Love"' },
  { id: 'filter-title-ew', path: '/Users?filter=', filter: 'title ew "Engineer" and active eq true' },
  { id: 'cursor-pages', path: `/Users?cursor=&count=${PAGE_SIZE}` },
  { id: 'cursor-pages-userName', path: `/Users?cursor=&count=${PAGE_SIZE}&sortBy=userName` },
];

test.describe('scenario requests', () => {
  test('every scenario has a row here, and ids are unique', () => {
    expect(BENCH_SCENARIOS.map((row) => row.id).sort()).toEqual(PATHS.map((row) => row.id).sort());
  });

  for (const { id, path, filter } of PATHS) {
    test(`${id} asks for ${filter ?? path}`, () => {
      const built = scenario(id).path(PICK);
      if (filter === undefined) {
        expect(built).toBe(path);
      } else {
        expect(built.startsWith(path)).toBe(true);
        expect(new URLSearchParams(built.slice(built.indexOf('?'))).get('filter')).toBe(filter);
      }
    });
  }
});

const listOf = (resources: unknown[], totalResults = resources.length) => ({
  totalResults,
  Resources: resources,
});
const user = { id: 'a1b2' };
const hundred = Array.from({ length: PAGE_SIZE }, (_, index) => ({ id: String(index) }));

const ANSWERS: { ids: string[]; body: unknown; problem: RegExp | undefined }[] = [
  {
    ids: ['userName-eq', 'userName-eq-other-case', 'externalId-eq'],
    body: listOf([user]),
    problem: undefined,
  },
  {
    ids: ['userName-eq', 'userName-eq-other-case', 'externalId-eq'],
    body: listOf([]),
    problem: /totalResults is 0/,
  },
  { ids: ['userName-eq', 'externalId-eq'], body: listOf([user, { id: 'x' }]), problem: /totalResults is 2/ },
  { ids: ['userName-eq', 'externalId-eq'], body: listOf([{ id: 'other' }]), problem: /not the user a1b2/ },
  { ids: ['userName-eq'], body: [user], problem: /not a JSON object/ },
  { ids: ['get-by-id'], body: user, problem: undefined },
  { ids: ['get-by-id'], body: { id: 'other' }, problem: /not the user a1b2/ },
  { ids: ['get-by-id'], body: null, problem: /not the user a1b2/ },
  { ids: ['page-100'], body: listOf(hundred, 5000), problem: undefined },
  { ids: ['page-100'], body: listOf(hundred.slice(1), 5000), problem: /holds 99, expected 100/ },
  { ids: ['page-100'], body: { totalResults: 5000 }, problem: /holds no array/ },
  { ids: ['page-100'], body: 'text', problem: /not a JSON object/ },
];

test.describe('scenario answer checks', () => {
  for (const { ids, body, problem } of ANSWERS) {
    for (const id of ids) {
      test(`${id}: ${JSON.stringify(body).slice(0, 60)} is ${problem === undefined ? 'accepted' : `refused (${problem.source})`}`, () => {
        const found = scenario(id).problem(body, PICK);
        if (problem === undefined) expect(found).toBeUndefined();
        else expect(found).toMatch(problem);
      });
    }
  }
});

const CASES: [string, string][] = [
  ['ada@example.com', 'ADA@EXAMPLE.COM'],
  ['Ada@Example.com', 'ADA@EXAMPLE.COM'],
  ['ADA@EXAMPLE.COM', 'ada@example.com'],
  ['12345', '12345'],
];

test.describe('otherCase', () => {
  for (const [input, expected] of CASES) {
    test(`${input} → ${expected}`, () => {
      expect(otherCase(input)).toBe(expected);
    });
  }
});
