import { expect, test } from '@playwright/test';
import { ManualClock } from '../../../src/http/test-support/manual-clock.js';
import { type ProbeAnswer, probeUntilRefused } from './credential-probe.js';

const ok: ProbeAnswer = { status: 200, outcome: 'ok' };
const refused: ProbeAnswer = { status: 401, outcome: 'ok' };

/** A probe that answers from a script, then repeats its last answer; each probe takes `tookMs` on the clock. */
function scripted(clock: ManualClock, answers: ProbeAnswer[], tookMs = 0) {
  let i = 0;
  return async (): Promise<ProbeAnswer> => {
    clock.advance(tookMs);
    const answer = answers[Math.min(i, answers.length - 1)] ?? ok;
    i += 1;
    return answer;
  };
}

interface Row {
  name: string;
  answers: ProbeAnswer[];
  budgetMs: number;
  intervalMs: number;
  revokedAfterMs: number | null;
  probes: number;
  sleeps: number[];
  notRefusals?: Record<string, number>;
  stoppedBy?: string;
}

const ROWS: Row[] = [
  {
    name: 'refused at once',
    answers: [refused],
    budgetMs: 300_000,
    intervalMs: 5000,
    revokedAfterMs: 0,
    probes: 1,
    sleeps: [],
  },
  {
    name: 'refused on the third probe',
    answers: [ok, ok, { status: 403, outcome: 'ok' }],
    budgetMs: 300_000,
    intervalMs: 5000,
    revokedAfterMs: 10_000,
    probes: 3,
    sleeps: [5000, 5000],
  },
  {
    name: 'still accepted: the last probe lands on the budget',
    answers: [ok],
    budgetMs: 12_000,
    intervalMs: 5000,
    revokedAfterMs: null,
    probes: 4,
    sleeps: [5000, 5000, 2000],
  },
  {
    name: 'a 5xx and a timeout are not refusals: retried and recorded',
    answers: [{ status: 503, outcome: 'ok' }, { outcome: 'timeout' }, refused],
    budgetMs: 60_000,
    intervalMs: 1000,
    revokedAfterMs: 2000,
    probes: 3,
    sleeps: [1000, 1000],
    notRefusals: { '503': 1, timeout: 1 },
  },
  {
    name: 'a 429 waits as long as Retry-After asks',
    answers: [{ status: 429, outcome: 'ok', retryAfterMs: 7000 }, refused],
    budgetMs: 60_000,
    intervalMs: 1000,
    revokedAfterMs: 7000,
    probes: 2,
    sleeps: [7000],
    notRefusals: { '429': 1 },
  },
  {
    name: 'a Retry-After past the budget ends the probing: nothing can be sent within it',
    answers: [{ status: 429, outcome: 'ok', retryAfterMs: 600_000 }],
    budgetMs: 300_000,
    intervalMs: 5000,
    revokedAfterMs: null,
    probes: 1,
    sleeps: [],
    notRefusals: { '429': 1 },
    stoppedBy: 'retry-after',
  },
];

for (const row of ROWS) {
  test(`probeUntilRefused: ${row.name}`, async () => {
    const clock = new ManualClock(0);
    const result = await probeUntilRefused({
      probe: scripted(clock, row.answers),
      startedAt: clock.now(),
      budgetMs: row.budgetMs,
      intervalMs: row.intervalMs,
      clock,
    });
    expect(result.revokedAfterMs).toBe(row.revokedAfterMs);
    expect(result.probes).toBe(row.probes);
    expect(clock.sleeps).toEqual(row.sleeps);
    expect(result.notRefusals).toEqual(row.notRefusals ?? {});
    expect(result.stoppedBy).toBe(row.stoppedBy);
  });
}

test('the time to refusal counts from the deactivation, the probes own latency included', async () => {
  const clock = new ManualClock(1000);
  const result = await probeUntilRefused({
    probe: scripted(clock, [ok, refused], 250),
    startedAt: 900,
    budgetMs: 10_000,
    intervalMs: 1000,
    clock,
  });
  expect(result).toMatchObject({ revokedAfterMs: 100 + 250 + 1000 + 250, refusedWith: 401, probes: 2 });
});

test('an abort ends the wait between probes with the signal reason', async () => {
  const clock = new ManualClock(0);
  const controller = new AbortController();
  const probe = async () => {
    controller.abort(new Error('stop'));
    return ok;
  };
  await expect(
    probeUntilRefused({
      probe,
      startedAt: 0,
      budgetMs: 10_000,
      intervalMs: 1000,
      clock,
      signal: controller.signal,
    }),
  ).rejects.toThrow('stop');
});
