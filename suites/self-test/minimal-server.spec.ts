/**
 * Verdicts on a minimal but correct provider: the reference server's `minimal` mode declines what RFC 7644 lets a
 * provider decline (every filter but `eq`/`and` on a few attributes answered 400 invalidFilter; a /Schemas without
 * nickName, password or the enterprise extension; no changePassword, bulk, sort or etag; /Me answered 501). A whole run
 * against it must give no `failed` and no "could not evaluate" in `rfc7644` and `entra`: each declined feature is
 * `unsupported` (or skipped where /Schemas or ServiceProviderConfig says so), and `rfc7644` passes, since the RFC makes
 * all of them optional.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { runSuites } from './suite-runs.js';

let scratch = '';

test.beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'scim-minimal-'));
});

test.afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Checks whose feature the minimal mode declines, with the status each must report. */
const DECLINED: Readonly<Record<string, 'unsupported' | 'skipped'>> = {
  'filter.co.string': 'unsupported',
  'filter.sw.string': 'unsupported',
  'filter.or.either-true': 'unsupported',
  'filter.not.negates': 'unsupported',
  'filter.gt.string': 'unsupported',
  'filter.value-path.entra-work-email': 'unsupported',
  'filter.groups.id-and-members-eq': 'unsupported',
  'datadog.users.patch-replace-title': 'unsupported',
  'patch.password.not-returned': 'skipped',
  'patch.add.without-path': 'skipped',
};

/** Checks that only need `eq`/`and` and must pass on the minimal mode as on any correct provider. */
const EVALUATED = [
  'filter.eq.user-name',
  'filter.and.both-true',
  'filter.external-id.eq',
  'filter.list-response.valid',
  'pagination.count.upper-bound',
  'pagination.total-results.counts-all-matches',
  'pagination.walk.visits-each-once',
  'pagination.search.paging',
  'patch.add.singular-attribute',
  'patch.replace.unassigned-adds',
  'users.update.last-modified-advances',
];

test('a whole run against the minimal mode: no failure and nothing unevaluated in rfc7644 and entra', async () => {
  test.setTimeout(15 * 60_000);
  const { result } = await runSuites({
    runDir: path.join(scratch, 'minimal'),
    runId: 'sh-selftest-minimal',
    serverMode: 'minimal',
  });
  const inScope = result.checks.filter((c) => c.profiles.some((p) => p === 'rfc7644' || p === 'entra'));
  const wrong = inScope
    .filter((c) => c.status === 'failed' || c.status === 'error')
    .map((c) => `${c.id}: ${c.status}: ${c.message.split('\n')[0]}`);
  expect(wrong, `checks failed or not evaluated on a correct minimal provider:\n${wrong.join('\n')}`).toEqual(
    [],
  );
  expect(result.summary.verdicts.rfc7644, 'rfc7644 verdict').toBe('pass');

  const byId = new Map(result.checks.map((c) => [c.id, c]));
  for (const [id, status] of Object.entries(DECLINED)) {
    expect(byId.get(id)?.status, `${id}: ${byId.get(id)?.message ?? 'not in the report'}`).toBe(status);
  }
  for (const id of EVALUATED) {
    expect(byId.get(id)?.status, `${id}: ${byId.get(id)?.message ?? 'not in the report'}`).toBe('passed');
  }
  // Entra documents the work-email filter as required, so declining it fails the entra profile, and says why.
  const workEmail = byId.get('filter.value-path.entra-work-email');
  expect(workEmail?.message).toContain('Microsoft Entra ID provisioning sends this');
  expect(result.summary.verdicts.entra).toBe('fail');
  // The datadog profile fails for Datadog's documented title, as unsupported, never as failed.
  expect(byId.get('datadog.users.create-documented-attributes')?.status).toBe('unsupported');
});
