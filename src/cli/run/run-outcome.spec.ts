import { expect, test } from '@playwright/test';
import { buildConformanceResult } from '../../report/index.js';
import type { ConformanceResult } from '../../run-contract/index.js';
import { baselineMismatch, type RunScope } from './run-outcome.js';

function baseline(target: ConformanceResult['target'], profiles: string[]): ConformanceResult {
  return buildConformanceResult({
    runId: 'sh-baseline',
    tool: { name: 'scim-harness', version: '0.1.0' },
    target,
    profiles,
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:01:00Z',
    checks: [],
  });
}

const TENANT = 'https://api.example.com/scim/v2?aadOptscim062020';
const EMBEDDED = { url: 'http://127.0.0.1:40123/scim/v2', embedded: true };

// [case, baseline target, baseline profiles, this run, expected: undefined (no warning) or what the line says]
const CASES: [string, ConformanceResult['target'], string[], RunScope, RegExp | undefined][] = [
  [
    'the same tenant and profiles',
    { url: TENANT },
    ['entra'],
    { tenantUrl: TENANT, profiles: ['entra'] },
    undefined,
  ],
  [
    'the same tenant spelled with a trailing slash and an upper-case host',
    { url: 'https://API.example.com/scim/v2/?aadOptscim062020' },
    ['entra', 'rfc7644'],
    { tenantUrl: TENANT, profiles: ['rfc7644', 'entra'] },
    undefined,
  ],
  [
    'the embedded server on another port',
    EMBEDDED,
    ['rfc7644'],
    { tenantUrl: undefined, profiles: ['rfc7644'] },
    undefined,
  ],
  [
    'another tenant',
    { url: 'https://other.example.com/scim/v2' },
    ['entra'],
    { tenantUrl: TENANT, profiles: ['entra'] },
    /^warning: the baseline b\.json ran against https:\/\/other\.example\.com\/scim\/v2, this run against https:\/\/api\.example\.com\/scim\/v2\?aadOptscim062020: comparing anyway/,
  ],
  [
    'the embedded server, for a run against a tenant',
    EMBEDDED,
    ['entra'],
    { tenantUrl: TENANT, profiles: ['entra'] },
    /ran against the embedded reference server, this run against https:\/\/api\.example\.com/,
  ],
  [
    'another profile set',
    { url: TENANT },
    ['datadog'],
    { tenantUrl: TENANT, profiles: ['datadog', 'entra'] },
    /covered the profiles datadog, this run covers datadog, entra: comparing anyway/,
  ],
];

for (const [name, target, profiles, scope, expected] of CASES) {
  test(`a baseline of ${name}: ${expected ? 'one warning line' : 'no warning'}`, () => {
    const line = baselineMismatch(baseline(target, profiles), scope, 'b.json');
    if (expected === undefined) expect(line).toBeUndefined();
    else {
      expect(line).toMatch(expected);
      expect(line?.trimEnd().split('\n')).toHaveLength(1);
    }
  });
}
