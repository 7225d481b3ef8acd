import { expect, test } from '@playwright/test';
import type { CheckResult, CheckStatus, FailOn } from '../run-contract/index.js';
import { buildConformanceResult } from './build-conformance-result.js';
import { clientCompatibility, describeCompatibility } from './idp-compatibility.js';

function check(
  id: string,
  status: CheckStatus,
  clients: string[],
  extra: Partial<CheckResult> = {},
): CheckResult {
  const profiles = [...new Set(clients.map((client) => client.split('-')[0]!))];
  return {
    id,
    title: id,
    category: 'entra',
    level: 'MUST',
    rfc: 'doc',
    profiles,
    status,
    message: '',
    evidence: [],
    clients,
    ...extra,
  };
}

function rows(checks: CheckResult[], options: { profiles?: string[]; failOn?: FailOn } = {}) {
  const result = buildConformanceResult({
    runId: 'run-1',
    tool: { name: 'scim-harness', version: '0.1.0' },
    target: { url: 'http://127.0.0.1:1/scim' },
    profiles: options.profiles ?? ['rfc7644', 'entra', 'okta'],
    startedAt: '2026-12-08T00:00:00Z',
    finishedAt: '2026-12-08T00:01:00Z',
    failOn: options.failOn ?? 'must',
    checks,
  });
  return Object.fromEntries(clientCompatibility(result).map((row) => [row.variant, row]));
}

test('a variant breaks on the checks of its own requests, and only those', () => {
  const matrix = rows([
    check('entra.a.both', 'passed', ['entra-legacy', 'entra-aadOptscim062020']),
    check('entra.b.legacy-only', 'failed', ['entra-legacy']),
    check('okta.c.oin', 'passed', ['okta-oin', 'okta-aiw']),
    check('okta.d.aiw', 'passed', ['okta-aiw']),
  ]);
  expect(matrix['entra-legacy']?.outcome).toBe('breaks');
  expect(matrix['entra-legacy']?.broken.map((c) => c.id)).toEqual(['entra.b.legacy-only']);
  expect(matrix['entra-aadOptscim062020']?.outcome).toBe('works');
  expect(matrix['okta-oin']?.outcome).toBe('works');
  expect(describeCompatibility(matrix['okta-aiw']!)).toBe('works: all 2 checks of its requests passed');
  expect(describeCompatibility(matrix['entra-legacy']!)).toBe(
    'breaks: 1 of its requests refused or mishandled',
  );
});

test('a declined feature the client needs breaks it; one it does not need does not', () => {
  const matrix = rows([
    check('entra.a.needed', 'unsupported', ['entra-legacy', 'entra-aadOptscim062020'], {
      neededBy: ['entra'],
    }),
    check('okta.b.optional', 'unsupported', ['okta-oin', 'okta-aiw'], { neededBy: [] }),
    check('okta.c.passed', 'passed', ['okta-oin', 'okta-aiw']),
  ]);
  expect(matrix['entra-legacy']?.outcome).toBe('breaks');
  expect(matrix['okta-oin']?.outcome).toBe('works');
});

test('could-not-evaluate is unknown, never works; a profile not run is not tested', () => {
  const matrix = rows(
    [
      check('entra.a.error', 'error', ['entra-legacy', 'entra-aadOptscim062020']),
      check('entra.b.passed', 'passed', ['entra-legacy', 'entra-aadOptscim062020']),
    ],
    { profiles: ['rfc7644', 'entra'] },
  );
  expect(matrix['entra-legacy']?.outcome).toBe('unknown');
  expect(describeCompatibility(matrix['entra-legacy']!)).toBe(
    'unknown: nothing broke, but 1 could not be evaluated',
  );
  expect(matrix['okta-oin']?.outcome).toBe('not-tested');
  expect(describeCompatibility(matrix['okta-oin']!)).toBe('not tested (run with --profile okta)');
});

test('a failure below the fail-on level does not break a client; a report-only run judges at MUST', () => {
  const checks = [
    check('entra.a.should', 'failed', ['entra-legacy', 'entra-aadOptscim062020'], { level: 'SHOULD' }),
    check('entra.b.must', 'passed', ['entra-legacy', 'entra-aadOptscim062020']),
  ];
  expect(rows(checks)['entra-legacy']?.outcome).toBe('works');
  expect(rows(checks, { failOn: 'should' })['entra-legacy']?.outcome).toBe('breaks');
  expect(rows(checks, { failOn: 'none' })['entra-legacy']?.outcome).toBe('works');
});
