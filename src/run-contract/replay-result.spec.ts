import { expect, test } from '@playwright/test';
import { sampleReplayResult } from '../report/test-support/sample-results.js';
import { REPLAY_OWNER_RESTORES } from './replay-key-owner.js';
import { parseReplayResult, type ReplayCycle, replayErrorsByCode } from './replay-result.js';

test('a generated replay validates', () => {
  const replay = sampleReplayResult();
  expect(parseReplayResult(JSON.parse(JSON.stringify(replay)))).toEqual(replay);
});

// [case, how to break it, the error]
const INVALID: [
  string,
  (r: Record<string, unknown> & { cycles: Record<string, unknown>[] }) => void,
  RegExp,
][] = [
  [
    'wrong version',
    (r) => {
      r.schemaVersion = 3;
    },
    /\/schemaVersion must be equal to constant/,
  ],
  [
    'unknown cycle kind',
    (r) => {
      r.cycles[0] = { ...r.cycles[0], kind: 'full' };
    },
    /\/cycles\/0\/kind/,
  ],
  [
    'negative count',
    (r) => {
      r.cycles[1] = { ...r.cycles[1], operations: { create: { '201': -1 } } };
    },
    /\/cycles\/1\/operations\/create\/201/,
  ],
  [
    'missing latency',
    (r) => {
      const { latencyMs: _l, ...rest } = r.cycles[0] ?? {};
      r.cycles[0] = rest;
    },
    /required property 'latencyMs'/,
  ],
  [
    'an unknown quarantine event',
    (r) => {
      r.quarantine = [{ cycle: 1, at: '2026-01-15T10:00:00Z', event: 'paused' }];
    },
    /\/quarantine\/0\/event must be equal to one of the allowed values/,
  ],
  [
    'a quarantine event without a time',
    (r) => {
      r.quarantine = [{ cycle: 1, at: 'yesterday', event: 'entered' }];
    },
    /\/quarantine\/0\/at must match format "date-time"/,
  ],
  [
    'a token owner of an unknown severity',
    (r) => {
      r.tokenOwner = { kind: 'user', userName: 'ada', severity: 'mild', message: 'm' };
    },
    /\/tokenOwner\/severity must be equal to one of the allowed values/,
  ],
  [
    'a scenario key owner without a message',
    (r) => {
      r.scenario = {
        name: 's',
        outcome: 'o',
        explanation: 'e',
        keyOwner: { kind: 'user', severity: 'danger' },
      };
    },
    /\/scenario\/keyOwner must have required property 'message'/,
  ],
  [
    'a key owner restore of an unknown kind',
    (r) => {
      r.scenario = {
        name: 's',
        outcome: 'o',
        explanation: 'e',
        owner: { userName: 'ada', priorActive: true, restore: 'probably' },
      };
    },
    /\/scenario\/owner\/restore must be equal to one of the allowed values/,
  ],
  [
    'a key owner restore without the prior active',
    (r) => {
      r.scenario = {
        name: 's',
        outcome: 'o',
        explanation: 'e',
        owner: { userName: 'ada', restore: 'failed' },
      };
    },
    /\/scenario\/owner must have required property 'priorActive'/,
  ],
  [
    'a leftover without an id',
    (r) => {
      r.leftovers = [{ endpoint: '/Groups', name: 'g', deleted: true }];
    },
    /\/leftovers\/0 must have required property 'id'/,
  ],
  [
    "a divergence's target error without the target's words",
    (r) => {
      r.cycles[0] = {
        ...r.cycles[0],
        divergences: [
          {
            object: 'User a',
            attribute: 'title',
            expected: 'x',
            found: 'y',
            targetError: { request: 'PATCH /Users/1', status: '400' },
          },
        ],
      };
    },
    /\/cycles\/0\/divergences\/0\/targetError must have required property 'text'/,
  ],
  [
    'a sweep search line that is not text',
    (r) => {
      r.sweepIncomplete = [{ endpoint: '/Users' }];
    },
    /\/sweepIncomplete\/0 must be string/,
  ],
];

test('the optional timeline and token owner validate, and schemaVersion stays 1', () => {
  const replay = {
    ...sampleReplayResult(),
    quarantine: [
      { cycle: 2, at: '2026-01-15T10:00:00.000Z', event: 'escrow' as const, cause: '2 of 9 events failed' },
      {
        cycle: 3,
        at: '2026-01-15T10:00:01.000Z',
        event: 'entered' as const,
        reason: 'EncounteredQuarantineException',
        code: 'Unauthorized',
        cause: 'getUser 401',
      },
      { cycle: 4, at: '2026-01-15T10:00:02.000Z', event: 'left' as const },
    ],
    tokenOwner: {
      kind: 'user' as const,
      userName: 'ada@example.com',
      severity: 'caution' as const,
      message: 'm',
    },
  };
  expect(parseReplayResult(JSON.parse(JSON.stringify(replay)))).toEqual(replay);
  expect(replay.schemaVersion).toBe(1);
});

test('a scenario owner (what became of an external key owner) validates, and schemaVersion stays 1', () => {
  const base = sampleReplayResult();
  for (const restore of REPLAY_OWNER_RESTORES) {
    const replay = {
      ...base,
      scenario: {
        name: 'key-revocation',
        outcome: 'key-rejected',
        explanation: 'e',
        owner: { userName: 'ada@example.com', priorActive: true, restore, status: '403' },
      },
    };
    expect(parseReplayResult(JSON.parse(JSON.stringify(replay)))).toEqual(replay);
  }
  expect(base.schemaVersion).toBe(1);
});

test("the sweep's findings (leftovers, searches it could not complete) validate, and schemaVersion stays 1", () => {
  const replay = {
    ...sampleReplayResult(),
    leftovers: [
      { id: 'g-1', endpoint: '/Groups', name: 'Side effect sh-x', deleted: true },
      { id: 'u-2', endpoint: '/Users', name: 'a.sh-x@example.com', deleted: false },
    ],
    sweepIncomplete: ['/Users: GET /Users answered 500'],
  };
  expect(parseReplayResult(JSON.parse(JSON.stringify(replay)))).toEqual(replay);
  expect(replay.schemaVersion).toBe(1);
});

test("a divergence with the target's own words validates; one without them (an older replay.json) still does", () => {
  const replay = sampleReplayResult();
  const withWords = replay.cycles.flatMap((c) => c.divergences).filter((d) => d.targetError !== undefined);
  expect(withWords.length).toBeGreaterThan(0);
  expect(parseReplayResult(JSON.parse(JSON.stringify(replay)))).toEqual(replay);
  const older = JSON.parse(JSON.stringify(replay), (key, value) =>
    key === 'targetError' ? undefined : value,
  );
  expect(JSON.stringify(older)).not.toContain('targetError');
  expect(parseReplayResult(older).cycles).toHaveLength(replay.cycles.length);
  expect(replay.schemaVersion).toBe(1);
});

for (const [name, breakIt, message] of INVALID) {
  test(`an invalid replay is refused: ${name}`, () => {
    const copy = JSON.parse(JSON.stringify(sampleReplayResult()));
    breakIt(copy);
    expect(() => parseReplayResult(copy, 'replay.json')).toThrow(message);
  });
}

// [operations, expected errors by code]
const ERRORS: [ReplayCycle['operations'], Record<string, number>][] = [
  [{ create: { '201': 3 }, delete: { '204': 1 } }, {}],
  [
    { create: { '201': 3, '409': 1 }, update: { '409': 2, '429': 4 } },
    { '409': 3, '429': 4 },
  ],
  [{ create: { timeout: 2, '500': 1 } }, { timeout: 2, '500': 1 }],
];

for (const [operations, expected] of ERRORS) {
  test(`errors by code of ${JSON.stringify(operations)}`, () => {
    const cycle = { ...sampleReplayResult().cycles[0]!, operations };
    expect(replayErrorsByCode(cycle)).toEqual(expected);
  });
}
