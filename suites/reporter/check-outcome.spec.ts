import { expect, test } from '@playwright/test';
import {
  CHECK_ANNOTATION,
  type CheckStatus,
  EXCHANGES_ATTACHMENT,
  HARNESS_ERROR_ANNOTATION,
  UNSUPPORTED_ANNOTATION,
} from '../../src/run-contract/index.js';
import type { CheckDefinition } from '../support/check-definition.js';
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
    name: 'skipped with the scim-unsupported annotation → unsupported, the reason as the message',
    result: {
      status: 'skipped',
      duration: 3,
      attachments: attach([exchange('ok', 400)]),
      annotations: [
        {
          type: UNSUPPORTED_ANNOTATION,
          description: 'The target declines the `co` operator on userName: it answered 400 invalidFilter',
        },
        { type: 'skip', description: 'unsupported: The target declines the `co` operator on userName' },
      ],
    },
    status: 'unsupported',
    message: /^The target declines the `co` operator on userName: it answered 400 invalidFilter$/,
    evidence: 1,
  },
  {
    name: 'the scim-unsupported annotation on the test (not the result) counts too',
    result: { status: 'skipped', duration: 0, attachments: [] },
    extraAnnotations: [{ type: UNSUPPORTED_ANNOTATION, description: '501 for /Bulk' }],
    status: 'unsupported',
    message: /^501 for \/Bulk$/,
  },
  {
    name: 'an unsupported reason carrying the token is redacted',
    result: {
      status: 'skipped',
      duration: 0,
      attachments: [],
      annotations: [{ type: UNSUPPORTED_ANNOTATION, description: `declined; the target echoed ${TOKEN}` }],
    },
    status: 'unsupported',
    message: /^declined; the target echoed \[REDACTED\]$/,
  },
  {
    name: 'failed assertion → failed, the expected and received values, colour and matcher line removed',
    result: {
      status: 'failed',
      duration: 5,
      attachments: attach([exchange('ok', 200)]),
      error: {
        message:
          'Error: \u001b[2mexpect(\u001b[22m\u001b[31mreceived\u001b[39m\u001b[2m).\u001b[22mtoBe\u001b[2m(\u001b[22m\u001b[32mexpected\u001b[39m\u001b[2m) // Object.is equality\u001b[22m\n\nExpected: \u001b[32m201\u001b[39m\nReceived: \u001b[31m200\u001b[39m',
      },
    },
    status: 'failed',
    message: /^Expected: 201\nReceived: 200$/,
    evidence: 1,
  },
  {
    name: 'a custom-message expect keeps what came back under the custom message',
    result: {
      status: 'failed',
      duration: 5,
      attachments: [],
      error: {
        message:
          'Error: the PATCH succeeds (200 or 204)\n\nexpected HTTP 200 or 204\n  PATCH http://127.0.0.1:1/scim/v2/Users/1 → 400 application/scim+json {"status":"400","scimType":"invalidPath"}',
      },
    },
    status: 'failed',
    message:
      /^the PATCH succeeds \(200 or 204\)\n\nexpected HTTP 200 or 204\n {2}PATCH http:\/\/127\.0\.0\.1:1\/scim\/v2\/Users\/1 → 400 .*invalidPath/,
  },
  {
    name: 'a schema failure keeps every finding, not only the first line',
    result: {
      status: 'failed',
      duration: 5,
      attachments: [],
      error: {
        message:
          'Error: expected a valid ListResponse:\nerror [required] totalResults: totalResults is required but missing\nerror [type] Resources: Resources must be an array, got the string "no"',
      },
    },
    status: 'failed',
    message:
      /^expected a valid ListResponse:\nerror \[required\] totalResults: .*\nerror \[type\] Resources: Resources must be an array/,
  },
  {
    name: 'soft assertions: every error is kept',
    result: {
      status: 'failed',
      duration: 5,
      attachments: [],
      error: { message: 'Error: the first' },
      errors: [{ message: 'Error: the first' }, { message: 'Error: the second' }],
    },
    status: 'failed',
    message: /^the first\n\nthe second$/,
  },
  {
    name: 'a huge message is capped after redaction, so no part of the token survives the cut',
    result: {
      status: 'failed',
      duration: 5,
      attachments: [],
      error: { message: `Error: ${'x'.repeat(3990)}${TOKEN}${'y'.repeat(500)}` },
    },
    status: 'failed',
    message: /^x{3990}\[REDACTED\]?.*…$/,
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
    expect(result?.message.length).toBeLessThanOrEqual(4000);
    // The profiles an `unsupported` outcome fails: by default every profile but rfc7644.
    expect(result?.neededBy).toEqual(['entra']);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(JSON.stringify(result)).not.toContain(TOKEN.slice(0, 8));
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
  [
    'a declined feature wins over a pass and a skip',
    [
      ['rfc7644', 'passed'],
      ['entra', 'unsupported'],
      ['datadog', 'skipped'],
    ],
    'unsupported',
    /^unsupported under profile entra \(passed under rfc7644, skipped under datadog\): boom$/,
  ],
  [
    'a failure and an error win over a declined feature',
    [
      ['rfc7644', 'unsupported'],
      ['entra', 'error'],
    ],
    'error',
    /unsupported under rfc7644/,
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

// [case, neededBy in the annotation, what the result carries]
const NEEDED_BY: [string, unknown, string[]][] = [
  ['absent: every profile but rfc7644', undefined, ['entra']],
  ['declared', ['rfc7644', 'entra'], ['rfc7644', 'entra']],
  ['declared empty: no profile needs it', [], []],
  ['naming a profile not of the check: ignored, the default applies', ['datadog'], ['entra']],
  ['not a list: ignored', 'entra', ['entra']],
];

for (const [name, neededBy, expected] of NEEDED_BY) {
  test(`neededBy from the annotation: ${name}`, () => {
    const reported: ReportedTest = {
      title: DEFINITION.id,
      annotations: [{ type: CHECK_ANNOTATION, description: JSON.stringify({ ...DEFINITION, neededBy }) }],
    };
    const result = checkResultOf(reported, {
      status: 'skipped',
      duration: 1,
      attachments: [],
      annotations: [{ type: UNSUPPORTED_ANNOTATION, description: 'declined' }],
    });
    expect(result?.status).toBe('unsupported');
    expect(result?.neededBy).toEqual(expected);
  });
}

test('phase and decisive of a recorded exchange reach the evidence; unknown values are dropped', () => {
  const result = checkResultOf(checkTest(), {
    status: 'failed',
    duration: 1,
    error: { message: 'Error: expected HTTP 201' },
    attachments: attach([
      { ...exchange('ok', 201), phase: 'setup' },
      { ...exchange('ok', 200), phase: 'check', decisive: true },
      { ...exchange('ok', 204), phase: 'teardown', decisive: 'yes' },
    ]),
  });
  expect(result?.evidence.map((e) => [e.phase, e.decisive])).toEqual([
    ['setup', undefined],
    ['check', true],
    [undefined, undefined],
  ]);
});
