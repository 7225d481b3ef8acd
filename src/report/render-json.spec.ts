import { expect, test } from '@playwright/test';
import { parseConformanceResult } from '../run-contract/index.js';
import { REDACTED } from '../secrets/redaction.js';
import { renderJson } from './render-json.js';
import { sampleConformanceResult } from './test-support/sample-results.js';

test('conformance.json is the redacted result, schema-valid, pretty, newline-terminated', () => {
  const { result, token, secret } = sampleConformanceResult();
  const json = renderJson(result, { secrets: [secret] });
  expect(json.endsWith('}\n')).toBe(true);
  expect(json).not.toContain(token);
  expect(json).not.toContain(secret);
  const parsed = parseConformanceResult(JSON.parse(json));
  expect(parsed.summary).toEqual(result.summary);
  const withEvidence = parsed.checks.find((c) => c.evidence.length > 0);
  expect(withEvidence?.evidence[0]?.request.headers.Authorization).toBe(REDACTED);
  // The caller's object is left as it was.
  expect(
    result.checks.find((c) => c.id === withEvidence?.id)?.evidence[0]?.request.headers.Authorization,
  ).toBe(`Bearer ${token}`);
});
