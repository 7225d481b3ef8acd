import { expect, test } from '@playwright/test';
import { isHarnessError } from '../errors/harness-error.js';
import {
  CONFORMANCE_SCHEMA,
  conformanceSchemaJson,
  isConformanceResult,
  parseConformanceResult,
} from './conformance-schema.js';
import { sampleConformanceResult } from './test-support/sample-results.js';

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
      r.schemaVersion = 2;
    },
    /\/schemaVersion must be equal to constant/,
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
