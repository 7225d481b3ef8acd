import { expect, test } from '@playwright/test';
import type { ReplayQuarantineEvent } from '../run-contract/index.js';
import { buildQuarantineTimeline, describeQuarantineEvent } from './replay-timeline.js';
import { sampleReplayResult } from './test-support/sample-results.js';

const AT = '2026-01-15T10:00:00.000Z';

// [event, the words the page shows]
const WORDS: [ReplayQuarantineEvent, RegExp][] = [
  [
    {
      cycle: 4,
      at: AT,
      event: 'entered',
      reason: 'EncounteredQuarantineException',
      code: 'Unauthorized',
      cause: 'getUser 401',
    },
    /^Entered quarantine: invalid credentials: the target rejected the provisioning token \(401 or 403\).* \(getUser 401\); provisioning log code Unauthorized\.$/,
  ],
  [
    { cycle: 1, at: AT, event: 'entered', reason: 'ScimComplianceIssue', cause: 'matchUser 404' },
    /^Entered quarantine: SCIM compliance issue: a query answered 404 .*empty ListResponse \(matchUser 404\)\.$/,
  ],
  [
    { cycle: 2, at: AT, event: 'entered', reason: 'EncounteredEscrowProportionThreshold' },
    /^Entered quarantine: too many failures: more than 40%/,
  ],
  [
    { cycle: 2, at: AT, event: 'entered', reason: 'SomeFutureReason' },
    /^Entered quarantine: SomeFutureReason\.$/,
  ],
  [{ cycle: 2, at: AT, event: 'entered' }, /^Entered quarantine: for an unrecorded reason\.$/],
  [{ cycle: 5, at: AT, event: 'left' }, /^Left quarantine: the cycle ran without failures\.$/],
  [
    { cycle: 3, at: AT, event: 'escrow', cause: '3 of 20 events failed' },
    /^Failed operations escrowed, to be retried in the next cycle \(3 of 20 events failed\)\.$/,
  ],
];

for (const [event, words] of WORDS) {
  test(`describeQuarantineEvent: ${event.event} ${event.reason ?? ''}`, () => {
    expect(describeQuarantineEvent(event)).toMatch(words);
  });
}

test('the timeline puts each event under its cycle, in order', () => {
  const replay = sampleReplayResult();
  const quarantine: ReplayQuarantineEvent[] = [
    { cycle: 2, at: AT, event: 'escrow', cause: '2 of 30 events failed' },
    { cycle: 3, at: AT, event: 'entered', reason: 'EncounteredQuarantineException', code: 'Unauthorized' },
    { cycle: 4, at: AT, event: 'left' },
  ];
  const timeline = buildQuarantineTimeline({ ...replay, quarantine });
  expect(timeline.map((c) => [c.n, c.quarantined, c.events.map((e) => e.event)])).toEqual([
    [1, false, []],
    [2, false, ['escrow']],
    [3, true, ['entered']],
    [4, false, ['left']],
  ]);
  expect(timeline[2]?.events[0]?.words).toMatch(/^Entered quarantine: invalid credentials/);
});

test('a replay.json from before the timeline shows each cycle with its state alone', () => {
  const replay = sampleReplayResult();
  const timeline = buildQuarantineTimeline(replay);
  expect(timeline.map((c) => c.quarantined)).toEqual(replay.cycles.map((c) => c.quarantined));
  expect(timeline.flatMap((c) => c.events)).toEqual([]);
});
