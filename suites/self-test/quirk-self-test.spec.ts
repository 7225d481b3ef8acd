/**
 * The self-test of the conformance suites: proves each check can pass and can fail.
 * (a) every check names at least one reference-server quirk, and every quirk is used by a check (or allow-listed
 *     below with the reason);
 * (b) against the clean embedded server every check passes: none failed, none in error, none skipped, since the
 *     reference server claims every capability;
 * (c) with each quirk switched on, every check mapped to it fails (`failed`: not `error`, not `passed`), or, for a
 *     quirk the check lists in `declinedBy` (a decline RFC 7644 allows), reports `unsupported`.
 * Statuses are read from the conformance reporter's conformance.json, so the reporter is tested along the way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { QUIRKS } from '../../src/reference-server/index.js';
import { formatTable } from '../../src/report/index.js';
import { type ListedCheck, listChecks, runQuirkMatrix, runSuites } from './suite-runs.js';

/**
 * Quirks no check is expected to use, each with the reason. A quirk belongs here only when a conformance check
 * cannot observe it by design; "no check written yet" is not a reason, it is a gap the self-test reports.
 */
const UNCHECKED_QUIRKS: Readonly<Record<string, string>> = {
  'bulk-creates-extra-group':
    'a side effect no response mentions: only the cleanup sweep after a run can see it (src/cli/cleanup/cleanup-run.ts, tested in src/cli/run/run-sweep.spec.ts)',
  // Leaver findings: how long a key outlives its owner, per deactivation shape. A check asks once, at once; these
  // need a probe over IPSIE's 5-minute budget and a reactivation, which replay --scenario leaver does.
  'keys-revoked-after-delay':
    'a revocation that comes late is only seen by probing over time: exercised by replay --scenario leaver (mock-idp/engine/scenarios/leaver.spec.ts)',
  'keys-survive-string-active':
    "the legacy Entra deactivation shape: exercised by replay --scenario leaver (mock-idp/engine/scenarios/leaver.spec.ts), which sends each IdP's shape",
  'keys-survive-path-less-deactivate':
    "the Okta deactivation shape: exercised by replay --scenario leaver (mock-idp/engine/scenarios/leaver.spec.ts), which sends each IdP's shape",
  'keys-restored-on-reactivate':
    'no document the datadog profile grades says whether a key comes back on reactivation: reported, not graded, by replay --scenario leaver (mock-idp/engine/scenarios/leaver.spec.ts)',
};

/**
 * Which quirks (c) runs: every quirk, unless `SCIM_SELF_TEST_QUIRKS=a,b` names some (to iterate on one mapping).
 * All of them run in one Playwright run of the suites, one project per quirk (see ../support/quirk-matrix.ts).
 */
const ONLY_QUIRKS = (process.env.SCIM_SELF_TEST_QUIRKS ?? '')
  .split(',')
  .map((q) => q.trim())
  .filter((q) => q !== '' && q !== 'all');

/**
 * The runs' folders live outside test-results/: any Playwright run of the root configuration empties that folder
 * when it starts, which would pull the reports from under a self-test running at the same time.
 */
let scratch = '';

test.beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'scim-self-test-'));
});

test.afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

let listing: Promise<ListedCheck[]> | undefined;
const checks = () => {
  listing ??= listChecks();
  return listing;
};

function checksByQuirk(listed: readonly ListedCheck[]): Map<string, ListedCheck[]> {
  const map = new Map<string, ListedCheck[]>();
  for (const check of listed) {
    for (const quirk of check.definition.quirks) map.set(quirk, [...(map.get(quirk) ?? []), check]);
  }
  return map;
}

test('(a) every check names a quirk, and every quirk is used by a check or allow-listed with a reason', async () => {
  test.setTimeout(5 * 60_000);
  const listed = await checks();
  expect(listed.length, 'the suites declare no checks').toBeGreaterThan(0);
  const withoutQuirk = listed.filter((c) => c.definition.quirks.length === 0).map((c) => c.definition.id);
  expect(withoutQuirk, 'checks that no quirk can make fail').toEqual([]);

  const known = new Set<string>(QUIRKS.map((q) => q.name));
  const unknown = listed.flatMap((c) =>
    c.definition.quirks
      .filter((q) => !known.has(q))
      .map((q) => `${c.definition.id} names unknown quirk ${q}`),
  );
  expect(unknown).toEqual([]);

  const used = checksByQuirk(listed);
  const unused = QUIRKS.map((q) => q.name).filter((name) => !used.has(name) && !(name in UNCHECKED_QUIRKS));
  expect(
    unused,
    `quirks no check uses (write a check that this non-conformance makes fail, or allow-list it with the reason): ${unused.join(', ')}`,
  ).toEqual([]);
  const stale = Object.keys(UNCHECKED_QUIRKS).filter((name) => !known.has(name) || used.has(name));
  expect(stale, 'allow-listed quirks that are unknown or used by a check after all').toEqual([]);
});

test('(b) against the clean embedded server every check passes', async () => {
  test.setTimeout(15 * 60_000);
  const listed = await checks();
  const { result } = await runSuites({ runDir: path.join(scratch, 'clean'), runId: 'sh-selftest-clean' });
  const byId = new Map(result.checks.map((c) => [c.id, c]));
  const problems = listed
    .map(
      (c) =>
        byId.get(c.definition.id) ?? { id: c.definition.id, status: 'missing', message: 'not in the report' },
    )
    .filter((c) => c.status !== 'passed')
    .map((c) => `${c.id}: ${c.status}: ${c.message}`);
  expect(
    problems,
    `checks that do not pass against the clean reference server:\n${problems.join('\n')}`,
  ).toEqual([]);
});

test('(c) each quirk makes every check mapped to it fail', async () => {
  test.setTimeout(30 * 60_000);
  const byQuirk = new Map(
    [...checksByQuirk(await checks())]
      .filter(([quirk]) => ONLY_QUIRKS.length === 0 || ONLY_QUIRKS.includes(quirk))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  expect(byQuirk.size, `no check uses the quirks ${ONLY_QUIRKS.join(', ')}`).toBeGreaterThan(0);
  const { outcomes } = await runQuirkMatrix({
    runDir: path.join(scratch, 'quirk-matrix'),
    runId: 'sh-selftest-quirks',
    matrix: byQuirk,
  });
  const found = new Map(outcomes.map((o) => [`${o.quirk} ${o.id}`, o]));
  const rows = [...byQuirk].flatMap(([quirk, mapped]) =>
    mapped.map((c) => {
      const outcome = found.get(`${quirk} ${c.definition.id}`);
      const expected = (c.definition.declinedBy ?? []).some((q) => q === quirk) ? 'unsupported' : 'failed';
      return {
        quirk,
        id: c.definition.id,
        expected,
        status: outcome?.status ?? 'missing',
        message: outcome?.message ?? 'not in quirk-matrix.json',
      };
    }),
  );
  const table = formatTable(
    ['quirk', 'check', 'outcome'],
    rows.map((r) => [
      r.quirk,
      r.id,
      r.status === r.expected ? `${r.status} (as it must)` : `${r.status.toUpperCase()}: ${r.message}`,
    ]),
  );
  console.log(`\nQuirk self-test: ${byQuirk.size} quirks, ${rows.length} quirk/check pairs\n${table}\n`);
  await test.info().attach('quirk-outcomes', { body: table, contentType: 'text/plain' });
  const problems = rows
    .filter((r) => r.status !== r.expected)
    .map(
      (r) =>
        `check ${r.id} is ${r.status}, not ${r.expected}, with quirk ${r.quirk}${r.message ? ` (${r.message})` : ''}`,
    );
  expect(problems, `checks their quirk does not make fail:\n${problems.join('\n')}`).toEqual([]);
});
