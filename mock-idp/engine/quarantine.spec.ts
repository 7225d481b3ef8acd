import { expect, test } from '@playwright/test';
import { parseReplayResult } from '../../src/run-contract/index.js';
import { QuarantineState } from './quarantine.js';

const AT = '2026-01-15T10:00:00.000Z';

type Step = (state: QuarantineState) => void;

// [case, what happens cycle by cycle, the timeline expected (at omitted), quarantined at the end]
const CASES: [string, Step[], Record<string, unknown>[], boolean][] = [
  [
    'credentials rejected, then a clean cycle',
    [
      (s) => s.enter(2, 'EncounteredQuarantineException', 'getUser 401'),
      (s) => s.checkEscrow(2, 1, 4),
      (s) => s.leave(3),
    ],
    [
      {
        cycle: 2,
        event: 'entered',
        reason: 'EncounteredQuarantineException',
        code: 'Unauthorized',
        cause: 'getUser 401',
      },
      { cycle: 3, event: 'left' },
    ],
    false,
  ],
  [
    'a 404 on a query, entered once however often it repeats',
    [
      (s) => s.enter(1, 'ScimComplianceIssue', 'matchUser 404'),
      (s) => s.enter(1, 'ScimComplianceIssue', 'matchUser 404'),
    ],
    [
      {
        cycle: 1,
        event: 'entered',
        reason: 'ScimComplianceIssue',
        code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
        cause: 'matchUser 404',
      },
    ],
    true,
  ],
  [
    'failures below the thresholds are escrowed',
    [(s) => s.checkEscrow(1, 3, 20), (s) => s.checkEscrow(2, 0, 20)],
    [{ cycle: 1, event: 'escrow', cause: '3 of 20 events failed' }],
    false,
  ],
  [
    'over 40% of 5,000 or more failures quarantines',
    [(s) => s.checkEscrow(4, 6_000, 10_000)],
    [
      {
        cycle: 4,
        event: 'entered',
        reason: 'EncounteredEscrowProportionThreshold',
        cause: '6000 of 10000 events failed',
      },
    ],
    true,
  ],
  [
    'over 40,000 failures quarantines whatever the ratio',
    [(s) => s.checkEscrow(1, 40_001, 1_000_000)],
    [{ cycle: 1, event: 'entered', reason: 'EncounteredEscrowProportionThreshold' }],
    true,
  ],
  ['leaving when not quarantined records nothing', [(s) => s.leave(1)], [], false],
];

for (const [name, steps, expected, quarantined] of CASES) {
  test(`quarantine timeline: ${name}`, () => {
    const state = new QuarantineState(() => new Date(AT));
    for (const step of steps) step(state);
    expect(state.timeline.map(({ at: _at, ...rest }) => rest)).toEqual(
      expected.map((event) => expect.objectContaining(event)),
    );
    expect(state.timeline.every((event) => event.at === AT)).toBe(true);
    expect(state.quarantined).toBe(quarantined);
    // What the engine tracks is what replay.json's schema accepts.
    const replay = { schemaVersion: 1, runId: 'r', mode: 'compliant', seed: 1, cycles: [] };
    expect(() => parseReplayResult({ ...replay, quarantine: state.timeline })).not.toThrow();
  });
}
