import { expect, test } from '@playwright/test';
import { isHarnessError } from '../errors/harness-error.js';
import { sampleConformanceResult } from '../report/test-support/sample-results.js';
import {
  CONFORMANCE_SCHEMA,
  conformanceSchemaJson,
  isConformanceResult,
  parseConformanceResult,
} from './conformance-schema.js';

test('a generated result validates, and survives a JSON round trip', () => {
  const { result } = sampleConformanceResult();
  expect(isConformanceResult(result)).toBe(true);
  expect(parseConformanceResult(JSON.parse(JSON.stringify(result)))).toEqual(result);
});

test('the schema is served as JSON equal to the TS const', () => {
  expect(JSON.parse(conformanceSchemaJson())).toEqual(CONFORMANCE_SCHEMA);
});

// [case, how to break a valid result, the path the error must name]
const INVALID: [
  string,
  (r: Record<string, unknown> & { checks: Record<string, unknown>[] }) => void,
  RegExp,
][] = [
  [
    'wrong schema version',
    (r) => {
      r.schemaVersion = 3;
    },
    /\/schemaVersion must be equal to constant/,
  ],
  [
    'a version-2 summary without unsupported',
    (r) => {
      const { unsupported: _u, ...rest } = r.summary as Record<string, unknown>;
      r.summary = rest;
    },
    /\/summary must have required property 'unsupported'/,
  ],
  [
    'neededBy that is not a list of profiles',
    (r) => {
      r.checks[0] = { ...r.checks[0], neededBy: 'entra' };
    },
    /\/checks\/0\/neededBy must be array/,
  ],
  [
    'an unknown evidence phase',
    (r) => {
      r.checks[0] = {
        ...r.checks[0],
        evidence: [{ request: { method: 'GET', url: '/x', headers: {} }, phase: 'teardown' }],
      };
    },
    /\/checks\/0\/evidence\/0\/phase/,
  ],
  [
    'decisive that is not a boolean',
    (r) => {
      r.checks[0] = {
        ...r.checks[0],
        evidence: [{ request: { method: 'GET', url: '/x', headers: {} }, decisive: 'yes' }],
      };
    },
    /\/checks\/0\/evidence\/0\/decisive must be boolean/,
  ],
  [
    'unknown status',
    (r) => {
      r.checks[0] = { ...r.checks[0], status: 'flaky' };
    },
    /\/checks\/0\/status/,
  ],
  [
    'unknown level',
    (r) => {
      r.checks[1] = { ...r.checks[1], level: 'MUST NOT' };
    },
    /\/checks\/1\/level/,
  ],
  [
    'missing message',
    (r) => {
      const { message: _m, ...rest } = r.checks[2] ?? {};
      r.checks[2] = rest;
    },
    /\/checks\/2 must have required property 'message'/,
  ],
  [
    'bad timestamp',
    (r) => {
      r.finishedAt = 'soon';
    },
    /\/finishedAt must match format "date-time"/,
  ],
  [
    'bad verdict',
    (r) => {
      r.summary = { ...(r.summary as object), verdicts: { core: 'maybe' } };
    },
    /\/summary\/verdicts\/core/,
  ],
  [
    'not an object',
    (r) => {
      for (const key of Object.keys(r)) delete r[key];
    },
    /must have required property 'schemaVersion'/,
  ],
];

for (const [name, breakIt, message] of INVALID) {
  test(`an invalid result is refused: ${name}`, () => {
    const copy = JSON.parse(JSON.stringify(sampleConformanceResult({ checks: 5 }).result));
    breakIt(copy);
    expect(isConformanceResult(copy)).toBe(false);
    expect(() => parseConformanceResult(copy, 'shard-2/conformance.json')).toThrow(message);
    try {
      parseConformanceResult(copy, 'shard-2/conformance.json');
    } catch (error) {
      expect(isHarnessError(error, 'CONFIG_INVALID')).toBe(true);
      expect(String(error)).toContain('shard-2/conformance.json');
    }
  });
}

test('unknown extra fields are accepted (the contract grows by optional fields)', () => {
  const copy = { ...sampleConformanceResult({ checks: 3 }).result, futureField: { anything: true } };
  expect(isConformanceResult(copy)).toBe(true);
});

/** A version-1 file as scim-harness wrote it before `unsupported`: no such status, no `summary.unsupported`. */
function version1(checks = 6): Record<string, unknown> & {
  summary: Record<string, unknown>;
  checks: Record<string, unknown>[];
} {
  const copy = JSON.parse(
    JSON.stringify(sampleConformanceResult({ checks, status: 'failed' }).result),
  ) as ReturnType<typeof version1>;
  copy.schemaVersion = 1;
  delete copy.summary.unsupported;
  for (const check of copy.checks) delete check.neededBy;
  return copy;
}

test('a version-1 result still reads, upgraded in memory to version 2, the input untouched', () => {
  const v1 = version1();
  const before = JSON.stringify(v1);
  expect(isConformanceResult(v1)).toBe(false);
  const upgraded = parseConformanceResult(v1, 'baseline/conformance.json');
  expect(upgraded.schemaVersion).toBe(2);
  expect(upgraded.summary.unsupported).toBe(0);
  expect(upgraded.summary.failed).toBe(6);
  expect(upgraded.checks).toEqual(v1.checks);
  expect(JSON.stringify(v1)).toBe(before);
  expect(isConformanceResult(upgraded)).toBe(true);
});

// [case, how to break a version-1 result, the path the error must name]
const INVALID_V1: [string, (r: ReturnType<typeof version1>) => void, RegExp][] = [
  [
    'an unsupported status, which version 1 did not have',
    (r) => {
      r.checks[0] = { ...r.checks[0], status: 'unsupported' };
    },
    /\/checks\/0\/status must be equal to one of the allowed values/,
  ],
  [
    'a missing count',
    (r) => {
      delete r.summary.errored;
    },
    /\/summary must have required property 'errored'/,
  ],
];

for (const [name, breakIt, message] of INVALID_V1) {
  test(`an invalid version-1 result is refused: ${name}`, () => {
    const v1 = version1(3);
    breakIt(v1);
    expect(() => parseConformanceResult(v1, 'old/conformance.json')).toThrow(message);
  });
}

test('version 2 carries unsupported, neededBy, phase and decisive through a JSON round trip', () => {
  const { result } = sampleConformanceResult();
  const unsupported = result.checks.find((check) => check.status === 'unsupported');
  expect(unsupported?.neededBy).toBeDefined();
  expect(result.summary.unsupported).toBeGreaterThan(0);
  const evidence = result.checks.flatMap((check) => check.evidence);
  expect(evidence.some((exchange) => exchange.phase === 'setup')).toBe(true);
  expect(evidence.some((exchange) => exchange.decisive === true)).toBe(true);
  expect(parseConformanceResult(JSON.parse(JSON.stringify(result)))).toEqual(result);
});
