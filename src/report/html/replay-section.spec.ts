import { expect, test } from '@playwright/test';
import {
  describeKeyOwnerRestore,
  REPLAY_OWNER_RESTORES,
  type ReplayCycle,
  type ReplayResult,
} from '../../run-contract/index.js';
import { describeQuarantineEvent } from '../replay-timeline.js';
import { HOSTILE_PAYLOADS, sampleReplayResult } from '../test-support/sample-results.js';
import { renderMarkup } from './markup.js';
import { cycleVerdict, REPLAY_CSS, ReplaySection } from './replay-section.js';

/** The sample replay with a full quarantine timeline and a token owner, as a replay of today writes it. */
function fullReplay(): ReplayResult {
  return {
    ...sampleReplayResult(),
    quarantine: [
      { cycle: 2, at: '2026-01-15T10:00:00.000Z', event: 'escrow', cause: '2 of 9 events failed' },
      {
        cycle: 3,
        at: '2026-01-15T10:00:01.000Z',
        event: 'entered',
        reason: 'EncounteredEscrowProportionThreshold',
        code: 'TooManyRequests',
        cause: 'createUser 429',
      },
      { cycle: 4, at: '2026-01-15T10:00:02.000Z', event: 'left' },
    ],
    tokenOwner: {
      kind: 'user',
      userName: 'ada@example.com',
      severity: 'danger',
      message: 'The token is Ada’s.',
    },
  };
}

const render = (replay: ReplayResult) => renderMarkup(ReplaySection({ replay }));

/** Text as the renderer escapes it in element content. */
const escaped = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');

test('the section shows the facts, the scenario, the timeline, every cycle, the operations and the divergences', () => {
  const replay = fullReplay();
  const out = render(replay);
  expect(out).toMatch(/^<section id="replay"/);
  for (const fact of [replay.runId, replay.mode, String(replay.seed)]) expect(out).toContain(fact);
  expect(out).toContain('danger: The token is Ada’s.');
  expect(out).toContain('Scenario: throttle');
  expect(out).toContain(replay.scenario?.explanation ?? '');
  // The three pictures and the band, each an SVG with a caption.
  for (const id of [
    'replay-timeline-chart',
    'replay-latency-chart',
    'replay-throughput-chart',
    'replay-operations-chart',
  ])
    expect(out).toContain(`<svg xmlns="http://www.w3.org/2000/svg" class="rchart" id="${id}"`);
  expect(out.match(/<figcaption>/g)).toHaveLength(4);
  // Every cycle in the timeline list, in the cycles table and in the operations table.
  for (const cycle of replay.cycles) {
    expect(out).toContain(`<li class="cycle-state-${cycleVerdict(cycle).state}" data-cycle="${cycle.n}"`);
    expect(out).toContain(`<tr data-cycle="${cycle.n}" data-state="${cycleVerdict(cycle).state}">`);
    for (const action of Object.keys(cycle.operations))
      expect(out).toContain(`<tr data-cycle="${cycle.n}" data-action="${action}">`);
  }
  for (const event of replay.quarantine ?? []) expect(out).toContain(escaped(describeQuarantineEvent(event)));
  expect(out).toContain('429×7');
  // The divergence, with the target's own words and the request it refused.
  expect(out).toContain('PATCH /scim/v2/Users/7f3a');
  expect(out).toContain('SystemForCrossDomainIdentityManagementBadRequest');
  expect(out).toContain(escaped(`displayName is not allowed: ${HOSTILE_PAYLOADS[0]}`));
  expect(out).not.toContain('NaN');
});

test('hostile strings from the target are text, never markup', () => {
  const replay = fullReplay();
  const cycle = replay.cycles[0] as ReplayCycle;
  cycle.divergences = HOSTILE_PAYLOADS.map((payload) => ({
    object: `User ${payload}`,
    attribute: payload,
    expected: payload,
    found: { payload },
    targetError: { request: `PATCH /Users/${payload}`, status: payload, code: payload, text: payload },
  }));
  cycle.operations = { [HOSTILE_PAYLOADS[2]]: { [HOSTILE_PAYLOADS[3]]: 2 } };
  replay.scenario = {
    name: HOSTILE_PAYLOADS[0],
    outcome: HOSTILE_PAYLOADS[1],
    explanation: HOSTILE_PAYLOADS[2],
  };
  const out = render(replay);
  expect(out).not.toContain('<script>');
  expect(out).not.toContain('<img');
  expect(out).not.toContain('"><svg onload');
  expect(out).not.toContain('<injected/>');
  expect(out).toContain(escaped(HOSTILE_PAYLOADS[1]));
});

test('a cycle is OK, failed or quarantined, and says why', () => {
  const [first, second, third] = sampleReplayResult().cycles;
  if (!first || !second || !third) throw new Error('the sample has cycles');
  expect(cycleVerdict(first)).toMatchObject({ state: 'ok', tone: 'ok', label: 'OK' });
  expect(cycleVerdict(second)).toMatchObject({ state: 'failed', tone: 'failed' });
  expect(cycleVerdict(second).why).toBe('2 operation(s) failed (409×2)');
  expect(cycleVerdict(third)).toMatchObject({ state: 'quarantined', tone: 'quarantined' });
  expect(cycleVerdict({ ...first, converged: false }).state).toBe('failed');
});

test('the timeline draws a failed cycle in the failure tone and a calm one in the success tone', () => {
  const out = render(fullReplay());
  expect(out).toMatch(/<g class="tone tone-failed" data-state="failed" data-from="2" data-to="2">/);
  expect(out).toMatch(/<g class="tone tone-quarantined" data-state="quarantined" data-from="3" data-to="3">/);
  expect(out).toMatch(/<g class="tone tone-ok" data-state="ok" data-from="1" data-to="1">/);
  for (const kind of ['escrow', 'entered', 'left']) expect(out).toContain(`<g data-event="${kind}">`);
});

for (const restore of REPLAY_OWNER_RESTORES) {
  test(`the scenario says what became of its key owner: ${restore}`, () => {
    const owner = { userName: 'owner@example.com', priorActive: true, restore, status: '403' };
    const replay = {
      ...fullReplay(),
      scenario: {
        name: 'key-revocation',
        outcome: 'key-rejected',
        explanation: 'The key was rejected.',
        owner,
        keyOwner: { kind: 'user' as const, severity: 'caution' as const, message: 'A person owns the key.' },
      },
    };
    const out = render(replay);
    expect(out).toContain(
      `<p class="key-owner-restore restore-${restore}">${escaped(describeKeyOwnerRestore(owner))}</p>`,
    );
    expect(out).toContain('caution: A person owns the key.');
  });
}

test('a replay.json written before divergences carried the target’s words renders, saying none was recorded', () => {
  const replay = sampleReplayResult();
  for (const cycle of replay.cycles)
    cycle.divergences = cycle.divergences.map(({ targetError: _t, ...d }) => d);
  const out = render(replay);
  expect(out).toContain('none recorded');
  // No quarantine field either: each cycle still shows its state.
  expect(out.match(/<li class="cycle-state-/g)).toHaveLength(replay.cycles.length);
});

test('an interrupted replay says so; one with no complete cycle shows sentences instead of charts', () => {
  const out = render({ ...sampleReplayResult(), cycles: [], interrupted: true });
  expect(out).toContain('Interrupted: the replay was stopped after 0 complete cycle(s)');
  expect(out).not.toContain('<svg');
  for (const sentence of [
    'No cycle completed, so there is no timeline to draw.',
    'No cycle completed, so there is no latency to draw.',
    'No cycle completed, so there is no throughput to draw.',
    'No operation was recorded, so there are no operations to draw.',
    'The target matched the source after every cycle.',
  ])
    expect(out).toContain(sentence);
  expect(out).not.toContain('NaN');
});

test('a replay of a thousand cycles stays drawable: spans merged, stacks as areas, no NaN', () => {
  const base = sampleReplayResult();
  const template = base.cycles[0] as ReplayCycle;
  const cycles = Array.from({ length: 1000 }, (_, i) => ({
    ...template,
    n: i + 1,
    kind: i === 0 ? ('initial' as const) : ('incremental' as const),
    latencyMs: { p50: 10 + (i % 5), p95: 40 + (i % 11), p99: 90 + (i % 17) },
    converged: i !== 500,
    divergences: [],
  }));
  const out = render({ ...base, cycles });
  expect(out).not.toContain('NaN');
  expect(out.match(/data-state="failed" data-from/g)).toHaveLength(1);
  expect(out).toContain('class="series series-s3"');
});

test('the section’s stylesheet carries the charts’ tones and the timeline’s states', () => {
  for (const rule of [
    '.tone-failed .tone-fill',
    '.tone-ok .tone-fill',
    'li.cycle-state-failed',
    '.chart-scroll',
  ])
    expect(REPLAY_CSS).toContain(rule);
});
