import { expect, test } from '@playwright/test';
import type { CheckStatus } from '../../src/report/index.js';
import {
  CHECK_ANNOTATION,
  type CheckDefinition,
  EXCHANGES_ATTACHMENT,
  HARNESS_ERROR_ANNOTATION,
} from '../support/check-definition.js';
import {
  type AnnotationLike,
  checkDefinitionOf,
  checkResultOf,
  type ReportedResult,
  type ReportedTest,
} from './check-outcome.js';
import { mergeCheckRuns } from './merge-check-runs.js';

const DEFINITION: CheckDefinition = {
  id: 'users.create.returns-201',
  title: 'Creating a user answers 201',
  level: 'MUST',
  rfc: 'RFC 7644 §3.3',
  category: 'users',
  profiles: ['rfc7644', 'entra'],
  requirement: 'the server SHALL return a 201 Created',
  fix: 'Answer 201 to a successful POST',
  quirks: ['create-returns-200'],
};

const TOKEN = 'tok-3f9a77c1d2e4b5a6';

const checkTest = (extra: AnnotationLike[] = []): ReportedTest => ({
  title: `${DEFINITION.id}: ${DEFINITION.title}`,
  annotations: [{ type: CHECK_ANNOTATION, description: JSON.stringify(DEFINITION) }, ...extra],
});

const exchange = (outcome: string, status?: number) => ({
  request: {
    method: 'POST',
    url: 'http://127.0.0.1:1/scim/v2/Users',
    headers: { authorization: '[REDACTED]' },
    body: '{"userName":"a"}',
  },
  ...(status === undefined
    ? {}
    : {
        response: {
          status,
          statusText: '',
          headers: { 'content-type': 'application/scim+json' },
          contentType: 'application/scim+json',
          bodyText: '{"id":"1"}',
          bodyBytes: 10,
          bodyTruncated: false,
          json: { id: '1' },
        },
      }),
  outcome,
  ...(outcome === 'ok' ? {} : { error: 'socket hang up' }),
  durationMs: 3,
  retries: [],
  redirects: [],
  timing: { startedAt: 0, endedAt: 3, serverMs: 2, retryWaitMs: 0, queuedMs: 0, clientMs: 1, attempts: 1 },
});

const attach = (exchanges: unknown[]) => [
  {
    name: EXCHANGES_ATTACHMENT,
    contentType: 'application/json',
    body: Buffer.from(JSON.stringify(exchanges)),
  },
];

interface Row {
  name: string;
  result: ReportedResult;
  extraAnnotations?: AnnotationLike[];
  status: CheckStatus;
  message: RegExp;
  evidence?: number;
  skipReason?: string;
}

// Each row: what Playwright reported → the check result the report shows.
const ROWS: Row[] = [
  {
    name: 'passed → passed, with its evidence',
    result: { status: 'passed', duration: 12.4, attachments: attach([exchange('ok', 201)]) },
    status: 'passed',
    message: /^$/,
    evidence: 1,
  },
  {
    name: 'skipped → skipped with the reason Playwright annotated',
    result: {
      status: 'skipped',
      duration: 0,
      attachments: [],
      annotations: [{ type: 'skip', description: 'The target does not claim etag (not claimed)' }],
    },
    status: 'skipped',
    message: /does not claim etag/,
    skipReason: 'The target does not claim etag (not claimed)',
  },
  {
    name: 'failed assertion → failed, first line of the message, colour removed',
    result: {
      status: 'failed',
      duration: 5,
      attachments: attach([exchange('ok', 200)]),
      error: {
        message: '\u001b[2mexpect(\u001b[22mreceived).toBe(expected)\n\nExpected: 201\nReceived: 200',
      },
    },
    status: 'failed',
    message: /^expect\(received\)\.toBe\(expected\)$/,
    evidence: 1,
  },
  {
    name: 'failed with the harness-error annotation → error',
    result: {
      status: 'failed',
      duration: 5,
      attachments: [],
      annotations: [
        { type: HARNESS_ERROR_ANNOTATION, description: 'CHECK_PRECONDITION: POST /Users answered 500' },
      ],
      error: { message: 'HarnessError: POST /Users answered 500' },
    },
    status: 'error',
    message: /^Could not evaluate: CHECK_PRECONDITION: POST \/Users answered 500$/,
  },
  {
    name: 'failed by a HarnessError from a fixture → error',
    result: {
      status: 'failed',
      duration: 5,
      attachments: [],
      error: {
        message: 'HarnessError: Could not read capabilities.json',
        stack: 'HarnessError: Could not read …',
      },
    },
    status: 'error',
    message: /^Could not evaluate: Could not read capabilities\.json$/,
  },
  {
    name: 'failed after the target dropped the connection → error',
    result: {
      status: 'failed',
      duration: 5,
      attachments: attach([exchange('connection-reset')]),
      error: { message: 'Error: expected a response' },
    },
    status: 'error',
    message: /dropped the connection: POST .* connection-reset \(socket hang up\)/,
    evidence: 1,
  },
  {
    name: 'a failed assertion stays failed even when a later exchange (the teardown) was dropped',
    result: {
      status: 'failed',
      duration: 5,
      attachments: attach([exchange('ok', 200), exchange('connection-reset')]),
      error: { message: 'expected HTTP status 201, got 200' },
      steps: [
        { category: 'fixture', steps: [] },
        {
          category: 'test.step',
          steps: [{ category: 'expect', error: { message: 'expected HTTP status 201' } }],
        },
      ],
    },
    status: 'failed',
    message: /^expected HTTP status 201, got 200$/,
    evidence: 2,
  },
  {
    name: 'timedOut → error',
    result: {
      status: 'timedOut',
      duration: 60_000,
      attachments: [],
      error: { message: 'Test timeout of 60000ms exceeded.' },
    },
    status: 'error',
    message: /^Could not evaluate: Test timeout of 60000ms exceeded\.$/,
  },
  {
    name: 'interrupted → error',
    result: { status: 'interrupted', duration: 10, attachments: [] },
    status: 'error',
    message: /interrupted/,
  },
  {
    name: 'a token in a message is redacted',
    result: {
      status: 'failed',
      duration: 1,
      attachments: [],
      error: { message: `Expected no ${TOKEN} in the body` },
    },
    status: 'failed',
    message: /^Expected no \[REDACTED\] in the body$/,
  },
  {
    name: 'an unreadable attachment yields no evidence, not a crash',
    result: {
      status: 'passed',
      duration: 1,
      attachments: [
        { name: EXCHANGES_ATTACHMENT, contentType: 'application/json', body: Buffer.from('{not json') },
      ],
    },
    status: 'passed',
    message: /^$/,
    evidence: 0,
  },
];

for (const row of ROWS) {
  test(`check outcome: ${row.name}`, () => {
    const result = checkResultOf(checkTest(row.extraAnnotations), row.result, { secrets: [TOKEN] });
    expect(result).toBeDefined();
    expect(result?.id).toBe(DEFINITION.id);
    expect(result?.profiles).toEqual(['rfc7644', 'entra']);
    expect(result?.status).toBe(row.status);
    expect(result?.message).toMatch(row.message);
    expect(result?.durationMs).toBe(Math.round(row.result.duration));
    if (row.evidence !== undefined) expect(result?.evidence).toHaveLength(row.evidence);
    expect(result?.skipReason).toBe(row.skipReason);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });
}

test('evidence keeps the request and response, JSON bodies parsed', () => {
  const result = checkResultOf(checkTest(), {
    status: 'passed',
    duration: 1,
    attachments: attach([exchange('ok', 201)]),
  });
  expect(result?.evidence[0]).toEqual({
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:1/scim/v2/Users',
      headers: { authorization: '[REDACTED]' },
      body: { userName: 'a' },
    },
    response: { status: 201, headers: { 'content-type': 'application/scim+json' }, body: { id: '1' } },
  });
});

test('an attachment written to disk is read from its path', () => {
  const result = checkResultOf(
    checkTest(),
    {
      status: 'passed',
      duration: 1,
      attachments: [{ name: EXCHANGES_ATTACHMENT, contentType: 'application/json', path: '/x.json' }],
    },
    {
      readFile: (file) =>
        file === '/x.json' ? JSON.stringify([exchange('ok', 201), exchange('ok', 204)]) : '',
    },
  );
  expect(result?.evidence).toHaveLength(2);
});

// Tests that are not checks: no annotation, or an annotation that is not a definition.
const NOT_CHECKS: [string, ReportedTest][] = [
  ['the capabilities setup', { title: 'read the target capabilities', annotations: [] }],
  ['a malformed annotation', { title: 'x', annotations: [{ type: CHECK_ANNOTATION, description: '{' }] }],
  [
    'an unknown level',
    {
      title: 'x',
      annotations: [
        { type: CHECK_ANNOTATION, description: JSON.stringify({ ...DEFINITION, level: 'OUGHT' }) },
      ],
    },
  ],
];

for (const [name, reported] of NOT_CHECKS) {
  test(`not a check: ${name}`, () => {
    expect(checkDefinitionOf(reported)).toBeUndefined();
    expect(checkResultOf(reported, { status: 'passed', duration: 1, attachments: [] })).toBeUndefined();
  });
}

// [statuses per profile, merged status, message mentions]
const MERGES: [string, [string, CheckStatus][], CheckStatus, RegExp][] = [
  [
    'agreeing runs merge quietly',
    [
      ['rfc7644', 'passed'],
      ['entra', 'passed'],
    ],
    'passed',
    /^$/,
  ],
  [
    'a failure wins over a pass',
    [
      ['rfc7644', 'passed'],
      ['entra', 'failed'],
    ],
    'failed',
    /^failed under profile entra \(passed under rfc7644\): boom$/,
  ],
  [
    'a failure wins over an error',
    [
      ['rfc7644', 'error'],
      ['entra', 'failed'],
    ],
    'failed',
    /error under rfc7644/,
  ],
  [
    'an error wins over a skip',
    [
      ['rfc7644', 'skipped'],
      ['entra', 'error'],
    ],
    'error',
    /error under profile entra/,
  ],
];

for (const [name, runs, status, message] of MERGES) {
  test(`merge by id: ${name}`, () => {
    const base = checkResultOf(checkTest(), { status: 'passed', duration: 10, attachments: [] });
    if (!base) throw new Error('the definition did not parse');
    const merged = mergeCheckRuns(
      runs.map(([profile, s]) => ({
        profile,
        result: { ...base, status: s, message: s === 'passed' ? '' : 'boom' },
      })),
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]?.status).toBe(status);
    expect(merged[0]?.message).toMatch(message);
    expect(merged[0]?.durationMs).toBe(10 * runs.length);
  });
}
