import { expect, test } from '@playwright/test';
import { buildConformanceResult } from './build-conformance-result.js';
import { INTERRUPTED_NOTICE, markInterrupted } from './interrupted-run.js';
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

test('leftovers of the sweep are a failing test case of a first suite "safety", each resource listed', () => {
  const { result } = sampleConformanceResult();
  const leftovers = [
    { id: 'g-1', endpoint: '/Groups', name: `Side effect ${HOSTILE_PAYLOADS[3]}`, deleted: true },
    { id: 'u-2', endpoint: '/Users', name: 'kept\u0007', deleted: false },
  ];
  const root = parseXml(renderJunit({ ...result, leftovers }));
  const [first, ...rest] = findAll(root, 'testsuite');
  expect(first?.attributes).toMatchObject({ name: 'safety', tests: '1', failures: '1', errors: '0' });
  expect(rest.map((s) => s.attributes.name)).toEqual(
    [...new Set(result.checks.map((c) => c.category))].sort(),
  );
  const [testcase] = findAll(first!, 'testcase');
  expect(testcase?.attributes).toMatchObject({ classname: 'safety', name: 'sweep.leftovers' });
  const [failure] = findAll(testcase!, 'failure');
  expect(failure?.attributes.type).toBe('safety');
  expect(failure?.attributes.message).toBe(
    'Safety: 2 resource(s) carrying the run id were left after the run',
  );
  expect(failure?.text).toContain("carried the run id after the checks' own cleanup");
  expect(failure?.text).toContain('the run exits 1');
  expect(failure?.text).toContain(
    `/Groups/g-1 ${JSON.stringify(`Side effect ${HOSTILE_PAYLOADS[3]}`)}: deleted by the sweep`,
  );
  expect(failure?.text).toContain('/Users/u-2 "kept\\u0007": NOT deleted, still on the target');
  expect(findAll(root, 'injected')).toHaveLength(0);
  // The totals count it: a gate on failures > 0 cannot pass the run.
  expect(root.attributes.tests).toBe(String(result.summary.total + 1));
  expect(root.attributes.failures).toBe(String(result.summary.failed + 1));
  expect(findAll(root, 'property').some((p) => p.attributes.name === 'interrupted')).toBe(false);
});

test('an interrupted run carries interrupted=true on every suite and a failing test case run.interrupted', () => {
  const passing = buildConformanceResult({
    ...TEST_RUN,
    checks: [
      {
        id: 'users.create',
        title: 'create',
        category: 'users',
        level: 'MUST',
        rfc: 'RFC 7644 §3.3',
        profiles: ['core'],
        status: 'passed',
        message: '',
        evidence: [],
      },
    ],
  });
  const root = parseXml(renderJunit(markInterrupted(passing)));
  const suites = findAll(root, 'testsuite');
  expect(suites.map((s) => s.attributes.name)).toEqual(['safety', 'users']);
  for (const suite of suites) {
    const properties = findAll(suite, 'property');
    expect(properties.find((p) => p.attributes.name === 'interrupted')?.attributes.value).toBe('true');
  }
  const cases = findAll(suites[0]!, 'testcase');
  expect(cases.map((c) => c.attributes.name)).toEqual(['run.interrupted']);
  const [failure] = findAll(cases[0]!, 'failure');
  expect(failure?.attributes).toMatchObject({ message: INTERRUPTED_NOTICE, type: 'interrupted' });
  expect(failure?.text).toBe(INTERRUPTED_NOTICE);
  // No check failed, yet the document fails.
  expect(root.attributes).toMatchObject({ tests: '2', failures: '1', errors: '0' });
  const both = parseXml(
    renderJunit({ ...markInterrupted(passing), leftovers: [{ id: '1', endpoint: '/Users', name: 'x' }] }),
  );
  expect(findAll(findAll(both, 'testsuite')[0]!, 'testcase').map((c) => c.attributes.name)).toEqual([
    'run.interrupted',
    'sweep.leftovers',
  ]);
  expect(parseXml(renderJunit(passing)).attributes.failures).toBe('0');
  expect(findAll(parseXml(renderJunit(passing)), 'testsuite').map((s) => s.attributes.name)).toEqual([
    'users',
  ]);
});
