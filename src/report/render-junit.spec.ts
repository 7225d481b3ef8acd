import { expect, test } from '@playwright/test';
import { buildConformanceResult } from './build-conformance-result.js';
import { renderJunit } from './render-junit.js';
import { HOSTILE_PAYLOADS, sampleConformanceResult, TEST_RUN } from './test-support/sample-results.js';
import { findAll, parseXml } from './test-support/xml-well-formed.js';

test('junit.xml is well-formed and counts what the result holds, suite by suite', () => {
  const { result, token, secret } = sampleConformanceResult();
  const xml = renderJunit(result, { secrets: [secret] });
  const root = parseXml(xml);
  expect(root.name).toBe('testsuites');
  const suites = findAll(root, 'testsuite');
  expect(suites.map((s) => s.attributes.name)).toEqual(
    [...new Set(result.checks.map((c) => c.category))].sort(),
  );
  const cases = findAll(root, 'testcase');
  expect(cases).toHaveLength(result.summary.total);
  expect(findAll(root, 'failure')).toHaveLength(result.summary.failed);
  expect(findAll(root, 'error')).toHaveLength(result.summary.errored);
  // An unsupported check is a <skipped/> too: JUnit has nothing between passed and failed.
  const skipped = result.summary.skipped + result.summary.unsupported;
  expect(result.summary.unsupported).toBeGreaterThan(0);
  expect(findAll(root, 'skipped')).toHaveLength(skipped);
  expect(root.attributes).toMatchObject({
    tests: String(result.summary.total),
    failures: String(result.summary.failed),
    errors: String(result.summary.errored),
    skipped: String(skipped),
  });
  for (const suite of suites) {
    const inSuite = result.checks.filter((c) => c.category === suite.attributes.name);
    expect(suite.attributes.tests).toBe(String(inSuite.length));
    expect(findAll(suite, 'testcase').map((c) => c.attributes.name)).toEqual(
      inSuite.map((c) => `${c.id} ${c.title}`),
    );
  }
  expect(xml).not.toContain(token);
  expect(xml).not.toContain(secret);
});

test('hostile text and control characters come back intact as text, never as markup', () => {
  const hostile = `${HOSTILE_PAYLOADS.join(' ')} & "quotes" 'apos' \u0007bell\u0000nul \uFFFF`;
  const result = buildConformanceResult({
    ...TEST_RUN,
    checks: [
      {
        id: 'users.hostile',
        title: hostile,
        category: 'users',
        level: 'MUST',
        rfc: 'RFC 7644 §3.3',
        profiles: ['core'],
        status: 'failed',
        message: `multi\nline ${hostile}`,
        evidence: [],
      },
    ],
  });
  const root = parseXml(renderJunit(result));
  const [testcase] = findAll(root, 'testcase');
  const visible = hostile
    .replace('\u0007', '\\u0007')
    .replace('\u0000', '\\u0000')
    .replace('\uFFFF', '\\uffff');
  expect(testcase?.attributes.name).toBe(`users.hostile ${visible}`);
  const [failure] = findAll(root, 'failure');
  expect(failure?.attributes.message).toBe(`multi\nline ${visible}`);
  expect(failure?.attributes.type).toBe('MUST');
  expect(failure?.text).toContain(`Message: multi\nline ${visible}`);
  expect(findAll(root, 'injected')).toHaveLength(0);
});

// The checker must be able to fail, or the test above proves nothing.
const MALFORMED: [string, string][] = [
  ['unclosed element', '<a><b></a>'],
  ['raw < in text', '<a>1 < 2</a>'],
  ['raw & in an attribute', '<a x="1 & 2"/>'],
  ['unknown entity', '<a>&nbsp;</a>'],
  ['two roots', '<a/><b/>'],
  ['control character', '<a>\u0001</a>'],
  ['duplicate attribute', '<a x="1" x="2"/>'],
  ['unquoted attribute', '<a x=1/>'],
];

for (const [name, xml] of MALFORMED) {
  test(`the well-formedness check rejects: ${name}`, () => {
    expect(() => parseXml(xml)).toThrow();
  });
}

test('an unsupported check is a skip whose message says unsupported and why; a failure carries its full message', () => {
  const reason = 'The target declines the `co` operator on userName: it answered 400 invalidFilter';
  const full = 'the PATCH succeeds (200 or 204)\n\nExpected: 200\nReceived: 400';
  const base = {
    category: 'filter',
    level: 'MUST' as const,
    rfc: 'RFC 7644 §3.4.2.2',
    profiles: ['rfc7644', 'entra'],
  };
  const result = buildConformanceResult({
    ...TEST_RUN,
    checks: [
      {
        ...base,
        id: 'filter.co.declined',
        title: 'co',
        status: 'unsupported',
        message: reason,
        evidence: [],
        neededBy: ['entra'],
      },
      {
        ...base,
        id: 'filter.patch.fails',
        title: 'patch',
        status: 'failed',
        message: full,
        evidence: [
          {
            request: { method: 'POST', url: 'http://t/Users', headers: {} },
            response: { status: 201, headers: {} },
            phase: 'setup',
          },
          {
            request: { method: 'PATCH', url: 'http://t/Users/1', headers: {} },
            response: { status: 400, headers: {} },
            phase: 'check',
            decisive: true,
          },
        ],
      },
    ],
  });
  const root = parseXml(renderJunit(result));
  const [declined, failing] = findAll(root, 'testcase');
  expect(findAll(declined!, 'skipped')[0]?.attributes.message).toBe(`unsupported: ${reason}`);
  expect(findAll(declined!, 'failure')).toHaveLength(0);
  const failure = findAll(failing!, 'failure')[0];
  expect(failure?.attributes.message).toBe(full);
  expect(failure?.text).toContain(`Message: ${full}`);
  expect(failure?.text).toContain('[setup] POST http://t/Users -> 201');
  expect(failure?.text).toContain('[check, decisive] PATCH http://t/Users/1 -> 400');
  expect(root.attributes.skipped).toBe('1');
});
