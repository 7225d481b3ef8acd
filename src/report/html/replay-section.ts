/**
 * The replay's part of report.html, rendered into the file (see docs/decisions/0006-reports-rendered-into-the-file.md):
 * the run's facts and scenario, the quarantine and escrow timeline, each divergence with the target's own error text,
 * latency per cycle, throughput over time, and operations by status per cycle. Every picture is inline SVG with a
 * caption, and the table or list it summarises follows it, so no number is only in a picture. Nothing needs a script.
 * Every value from the target (names, values, error texts) is interpolated into the markup, which escapes it.
 */

import {
  describeKeyOwnerRestore,
  type ReplayCycle,
  type ReplayDivergence,
  type ReplayResult,
  type ReplayTargetError,
  type ReplayTokenOwner,
  replayErrorsByCode,
  replayIdpName,
} from '../../run-contract/index.js';
import {
  CHART_CSS,
  formatNumber,
  type LegendItem,
  type MarkerShape,
  type Tone,
} from '../charts/chart-frame.js';
import { LineChart, type LinePoint } from '../charts/line-chart.js';
import { StackedBarChart, type StackKey } from '../charts/stacked-bar-chart.js';
import { type BandEvent, TimelineBand } from '../charts/timeline-band.js';
import { buildQuarantineTimeline, type ReplayTimelineCycle } from '../replay-timeline.js';
import { Figure } from './figure.js';
import { LEAVER_CSS, LeaverMatrix } from './leaver-matrix.js';
import { html, type VNode } from './markup.js';
import { SustainSection } from './sustain-section.js';

/** What a cycle came to, worst first: the job was quarantined, the cycle failed (diverged or refused), or all went well. */
export type CycleState = 'quarantined' | 'failed' | 'ok';

/** A cycle's state, its tone in the pictures, and why, in words. */
export interface CycleVerdict {
  state: CycleState;
  tone: Tone;
  /** One or two words: `quarantined`, `failed`, `ok`. */
  label: string;
  /** Why, in a sentence: what failed, or that nothing did. */
  why: string;
}

const STATE_TONES: Readonly<Record<CycleState, Tone>> = {
  quarantined: 'quarantined',
  failed: 'failed',
  ok: 'ok',
};

/** `409×2, 429×7`, or `none`. */
function codes(errors: Record<string, number>): string {
  return (
    Object.entries(errors)
      .filter(([, n]) => n > 0)
      .map(([code, n]) => `${code}×${n}`)
      .join(', ') || 'none'
  );
}

/**
 * What a cycle came to. Quarantined: the job was in quarantine after it. Failed: the target did not match the source
 * after it, or an operation failed (its failures are escrowed for the next cycle). OK: it converged with no failure.
 */
export function cycleVerdict(cycle: ReplayCycle): CycleVerdict {
  const errors = replayErrorsByCode(cycle);
  const failed = Object.values(errors).reduce((sum, n) => sum + n, 0);
  const parts: string[] = [];
  if (!cycle.converged) {
    parts.push(
      cycle.divergences.length > 0
        ? `the target did not match the source (${cycle.divergences.length} divergence(s) listed)`
        : 'the target did not match the source',
    );
  }
  if (failed > 0) parts.push(`${failed} operation(s) failed (${codes(errors)})`);
  const state: CycleState = cycle.quarantined ? 'quarantined' : parts.length > 0 ? 'failed' : 'ok';
  const why =
    state === 'quarantined'
      ? `the provisioning job was in quarantine after it${parts.length > 0 ? `; ${parts.join('; ')}` : ''}`
      : state === 'failed'
        ? parts.join('; ')
        : 'it converged and no operation failed';
  return { state, tone: STATE_TONES[state], label: state === 'ok' ? 'OK' : state, why };
}

/** A value of a divergence as text: strings as they are, anything else as JSON. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

/** `12.5 ms`, `1,204 ms`. */
const ms = (value: number) => `${formatNumber(value)} ms`;

/** A cycle's duration: `840 ms` under a second, `4.2 s` above. */
const duration = (milliseconds: number) =>
  milliseconds < 1000 ? ms(milliseconds) : `${formatNumber(milliseconds / 1000)} s`;

/** The tone of an HTTP status (or network outcome) of an operation: what the stacked bars colour it. */
function statusClass(status: string): 'accepted' | 'throttled' | 'failed' | 'none' {
  if (status === 'none') return 'none';
  const code = Number(status);
  if (Number.isInteger(code) && code < 400) return 'accepted';
  if (code === 429) return 'throttled';
  return 'failed';
}

/** The kinds of outcome the operations chart stacks, bottom first. */
const OPERATION_KEYS: readonly StackKey[] = [
  { key: 'accepted', label: 'Accepted (2xx)', tone: 'ok' },
  { key: 'throttled', label: 'Throttled (429), retried next cycle', tone: 'warn' },
  { key: 'failed', label: 'Refused or unanswered (4xx, 5xx, timeout)', tone: 'failed' },
  { key: 'none', label: 'No request sent (skipped)', tone: 'neutral' },
];

/** Each status of a cycle's operations, over all actions: `{"201": 30, "429": 7}`. */
function statusCounts(cycle: ReplayCycle): Map<string, number> {
  const counts = new Map<string, number>();
  for (const byStatus of Object.values(cycle.operations)) {
    for (const [status, n] of Object.entries(byStatus)) counts.set(status, (counts.get(status) ?? 0) + n);
  }
  return counts;
}

/** The facts of the run: id, IdP, mode, seed, how many cycles ran, the requests, and who owns the token. */
function Facts(replay: ReplayResult): VNode {
  const requests = replay.cycles.reduce((sum, c) => sum + c.requests, 0);
  const cycles = `${replay.cycles.length}${replay.interrupted === true ? ' (interrupted: only the cycles that completed)' : ''}`;
  return html`<dl class="facts replay-facts">
    <dt>Run</dt><dd><code>${replay.runId}</code></dd>
    <dt>IdP</dt><dd>${replayIdpName(replay)}</dd>
    <dt>Mode</dt><dd>${replay.clientVariant ?? replay.mode}</dd>
    <dt>Seed</dt><dd>${String(replay.seed)}</dd>
    <dt>Cycles</dt><dd>${cycles}</dd>
    <dt>Requests</dt><dd>${formatNumber(requests, 0)}</dd>
    ${replay.tokenOwner ? html`<dt>Token owner</dt><dd>${TokenOwner(replay.tokenOwner)}</dd>` : null}
  </dl>` as VNode;
}

function TokenOwner(owner: ReplayTokenOwner): VNode {
  return html`<span class=${`token-owner severity-${owner.severity}`}>${`${owner.severity}: ${owner.message}`}</span>` as VNode;
}

/** What the replay came to, in one paragraph: cycles converged, failed, quarantined. */
function Summary(replay: ReplayResult, verdicts: readonly CycleVerdict[]): VNode {
  const n = (state: CycleState) => verdicts.filter((v) => v.state === state).length;
  const divergences = replay.cycles.reduce((sum, c) => sum + c.divergences.length, 0);
  const text =
    replay.cycles.length === 0
      ? 'No cycle completed, so there is nothing to show but the facts above.'
      : `${n('ok')} of ${replay.cycles.length} cycle(s) OK, ${n('failed')} failed, ${n('quarantined')} ended in quarantine; ${divergences} divergence(s) listed.`;
  return html`<p class="replay-summary">${text}</p>` as VNode;
}

/** The scenario the replay ran: its outcome, its explanation, and what became of the key's owner. */
function Scenario(replay: ReplayResult): VNode | null {
  const scenario = replay.scenario;
  if (scenario === undefined) return null;
  return html`<div class="scenario">
    <h3>Scenario: ${scenario.name}</h3>
    <p><strong>Outcome: </strong>${scenario.outcome}</p>
    <p>${scenario.explanation}</p>
    ${
      scenario.owner
        ? html`<p class=${`key-owner-restore restore-${scenario.owner.restore}`}>${describeKeyOwnerRestore(scenario.owner)}</p>`
        : null
    }
    ${scenario.keyOwner ? html`<p><strong>Owner of the key: </strong>${TokenOwner(scenario.keyOwner)}</p>` : null}
    ${LeaverMatrix({ shapes: scenario.shapes, budgetMs: scenario.revokeBudgetMs, intervalMs: scenario.probeIntervalMs })}
  </div>` as VNode;
}

const EVENT_SHAPES: Readonly<Record<string, { shape: MarkerShape; tone: Tone; label: string }>> = {
  entered: { shape: 'up', tone: 'quarantined', label: 'Entered quarantine' },
  escrow: { shape: 'diamond', tone: 'warn', label: 'Failures escrowed for the next cycle' },
  left: { shape: 'down', tone: 'ok', label: 'Left quarantine' },
};

/** The quarantine and escrow timeline: the band, then every cycle in words with the events in it. */
function Timeline(
  replay: ReplayResult,
  verdicts: readonly CycleVerdict[],
  timeline: readonly ReplayTimelineCycle[],
): VNode {
  const events: BandEvent[] = timeline.flatMap((cycle) =>
    cycle.events.map((event) => {
      const look = EVENT_SHAPES[event.event] ?? { shape: 'diamond', tone: 'neutral', label: event.event };
      return {
        at: cycle.n,
        shape: look.shape,
        tone: look.tone,
        kind: event.event,
        title: `Cycle ${cycle.n}: ${event.words}`,
      };
    }),
  );
  const kinds = new Set(events.map((e) => e.kind));
  const legend: LegendItem[] = [
    { kind: 'tone', tone: 'ok', label: 'OK' },
    { kind: 'tone', tone: 'failed', label: 'Failed' },
    { kind: 'tone', tone: 'quarantined', label: 'Quarantined' },
    ...Object.entries(EVENT_SHAPES)
      .filter(([kind]) => kinds.has(kind))
      .map(([, look]): LegendItem => ({ kind: 'marker', ...look })),
  ];
  const band = TimelineBand({
    id: 'replay-timeline-chart',
    title: 'Quarantine and escrow timeline',
    desc: `The state of each of ${replay.cycles.length} cycle(s): OK, failed (diverged or operations refused) or quarantined, with the quarantine and escrow events under it. The list below says the same in words.`,
    empty: 'No cycle completed, so there is no timeline to draw.',
    units: replay.cycles.map((cycle, i) => {
      const verdict = verdicts[i] ?? cycleVerdict(cycle);
      return { at: cycle.n, state: verdict.state, tone: verdict.tone, label: verdict.label };
    }),
    events,
    legend,
    xLabel: 'Cycle',
    describeSpan: (from, to, label) => `${from === to ? `Cycle ${from}` : `Cycles ${from}–${to}`}: ${label}`,
  });
  return html`<h3 id="replay-timeline-heading">Quarantine and escrow timeline</h3>
    ${Figure(
      'replay-timeline',
      'Each cycle in the colour of what it came to: green OK, red failed, red hatched quarantined. Under the band: ▲ the job entered quarantine, ◆ failed operations were escrowed for the next cycle, ▼ it left quarantine.',
      band,
    )}
    <ol class="timeline" aria-label="Quarantine timeline">
      ${timeline.map((cycle, i) => {
        const verdict = verdicts[i];
        const state = verdict?.state ?? 'ok';
        return html`<li class=${`cycle-state-${state}`} data-cycle=${String(cycle.n)} data-state=${state}>
          <span class="state-word">${`Cycle ${cycle.n}: ${verdict?.label ?? state}`}</span>${` — ${verdict?.why ?? ''}.`}
          ${
            cycle.events.length > 0
              ? html`<ul class="events">
                  ${cycle.events.map(
                    (e) =>
                      html`<li class=${`event-${e.event}`} data-event=${e.event}><time datetime=${e.at}>${e.at}</time> ${e.words}</li>`,
                  )}
                </ul>`
              : null
          }
        </li>`;
      })}
    </ol>` as VNode;
}

/** What the target answered when it refused the object, in its own words. */
function TargetAnswer(error: ReplayTargetError | undefined): VNode {
  if (error === undefined) return html`<span class="no-refusal">none recorded</span>` as VNode;
  return html`<div class="target-error">
    <span class="target-request"><code>${error.request}</code> answered <strong>${error.status}</strong>${
      error.code === undefined ? null : html` (<code>${error.code}</code>)`
    }</span>
    ${
      error.text === ''
        ? html`<span class="target-words empty">(no body)</span>`
        : html`<q class="target-words">${error.text}</q>`
    }
  </div>` as VNode;
}

/** Every divergence after every cycle, each with what the target said when it refused the object. */
function Divergences(replay: ReplayResult): VNode {
  const rows = replay.cycles.flatMap((cycle) =>
    cycle.divergences.map((d: ReplayDivergence) => ({ cycle: cycle.n, d })),
  );
  const body =
    rows.length === 0
      ? html`<p class="no-divergence">The target matched the source after every cycle.</p>`
      : html`<div class="table-wrap">
          <table class="cards divergences">
            <caption>Divergences after each cycle, with the target's answer when it refused the object</caption>
            <thead><tr>
              <th scope="col">Cycle</th><th scope="col">Object</th><th scope="col">Attribute</th>
              <th scope="col">Expected</th><th scope="col">Found</th><th scope="col">Target's answer</th>
            </tr></thead>
            <tbody>
              ${rows.map(
                ({ cycle, d }) => html`<tr data-cycle=${String(cycle)}>
                  <th scope="row">${String(cycle)}</th>
                  <td data-label="Object">${d.object}</td>
                  <td data-label="Attribute"><code>${d.attribute}</code></td>
                  <td data-label="Expected" class="value"><code>${shown(d.expected)}</code></td>
                  <td data-label="Found" class="value"><code>${shown(d.found)}</code></td>
                  <td data-label="Target's answer" class="answer">${TargetAnswer(d.targetError)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
  return html`<h3 id="replay-divergences-heading">Divergences</h3>
    <p>What the target held after a cycle that differed from what the source says it should. The target's answer is its own error text (the SCIM error's <code>detail</code>, else the start of its body) for the last write of that object it refused, or for the read-back itself; the full exchanges are in provisioning-log.jsonl.</p>
    ${body}` as VNode;
}

/** Latency per cycle and throughput over time, then the table of cycles both summarise. */
function Performance(replay: ReplayResult, verdicts: readonly CycleVerdict[]): VNode {
  const { cycles } = replay;
  const series = (['p50', 'p95', 'p99'] as const).map((p) => ({
    name: p,
    points: cycles.map(
      (c): LinePoint => ({ x: c.n, y: c.latencyMs[p], title: `Cycle ${c.n}: ${p} ${ms(c.latencyMs[p])}` }),
    ),
  }));
  const latency = LineChart({
    id: 'replay-latency-chart',
    title: 'Latency per cycle',
    desc: 'The 50th, 95th and 99th percentiles of the response time of each cycle, in milliseconds. The table of cycles below holds the same numbers.',
    empty: 'No cycle completed, so there is no latency to draw.',
    series,
    xLabel: 'Cycle',
    yLabel: 'Milliseconds',
    integerX: true,
  });
  // Each cycle holds its rate from its start to its end, the cycles laid end to end.
  const throughput: LinePoint[] = [];
  let elapsed = 0;
  for (const c of cycles) {
    throughput.push({
      x: elapsed / 1000,
      y: c.throughputRps,
      title: `Cycle ${c.n}: ${formatNumber(c.throughputRps)} requests/s for ${duration(c.durationMs)}`,
    });
    elapsed += Math.max(0, c.durationMs);
  }
  const lastCycle = cycles[cycles.length - 1];
  if (lastCycle !== undefined)
    throughput.push({ x: elapsed / 1000, y: lastCycle.throughputRps, marker: false });
  const rate = LineChart({
    id: 'replay-throughput-chart',
    title: 'Throughput over time',
    desc: 'Requests per second of each cycle, over the time the cycles spent provisioning, laid end to end. The table of cycles below holds the same numbers.',
    empty: 'No cycle completed, so there is no throughput to draw.',
    series: [{ name: 'Requests per second', points: throughput }],
    xLabel: 'Provisioning time (s)',
    yLabel: 'Requests/s',
    curve: 'step',
    area: true,
  });
  const header = [
    'Kind',
    'Requests',
    'Duration',
    'p50 (ms)',
    'p95 (ms)',
    'p99 (ms)',
    'Throughput (req/s)',
    'Converged',
    'Errors by code',
    'Quarantined',
    'State',
  ];
  return html`<h3 id="replay-performance-heading">Latency and throughput</h3>
    <div class="replay-pictures">
      ${Figure('replay-latency', 'Latency per cycle: p50 (solid, ●), p95 (dashed, ■) and p99 (dotted, ▲), in milliseconds.', latency)}
      ${Figure('replay-throughput', "Throughput over time: each cycle's requests per second, held for as long as it provisioned (waits between cycles and the read-back left out).", rate)}
    </div>
    <div class="table-wrap">
      <table class="cards cycles">
        <caption>Cycles: the numbers behind both pictures</caption>
        <thead><tr><th scope="col">Cycle</th>${header.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>
          ${cycles.map((c, i) => {
            const verdict = verdicts[i] ?? cycleVerdict(c);
            const cells = [
              c.kind,
              formatNumber(c.requests, 0),
              ms(c.durationMs),
              formatNumber(c.latencyMs.p50, 2),
              formatNumber(c.latencyMs.p95, 2),
              formatNumber(c.latencyMs.p99, 2),
              formatNumber(c.throughputRps, 2),
              c.converged ? 'yes' : 'no',
              codes(replayErrorsByCode(c)),
              c.quarantined ? 'yes' : 'no',
              verdict.label,
            ];
            return html`<tr data-cycle=${String(c.n)} data-state=${verdict.state}>
              <th scope="row">${String(c.n)}</th>
              ${cells.map((cell, j) => html`<td data-label=${header[j]}>${cell}</td>`)}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>` as VNode;
}

/** Operations by status per cycle: the stacked bars, then the counts by action and status. */
function Operations(replay: ReplayResult): VNode {
  const { cycles } = replay;
  const categories = cycles.map((c) => {
    const counts = statusCounts(c);
    const values: Record<string, number> = {};
    for (const [status, n] of counts) {
      const key = statusClass(status);
      values[key] = (values[key] ?? 0) + n;
    }
    return {
      label: String(c.n),
      values,
      tooltip: (key: StackKey, value: number) => {
        const which = [...counts]
          .filter(([status, n]) => n > 0 && statusClass(status) === key.key)
          .map(([status, n]) => `${status}×${n}`)
          .join(', ');
        return `Cycle ${c.n}, ${key.label}: ${formatNumber(value, 0)} (${which})`;
      },
    };
  });
  const chart = StackedBarChart({
    id: 'replay-operations-chart',
    title: 'Operations by status per cycle',
    desc: 'For each cycle, its operations by the status of their last answer: accepted, throttled, refused or unanswered, or not sent. The table below holds the counts by action and status.',
    empty: 'No operation was recorded, so there are no operations to draw.',
    keys: OPERATION_KEYS,
    categories,
    xLabel: 'Cycle',
    yLabel: 'Operations',
  });
  const statuses = [
    ...new Set(
      cycles.flatMap((c) => Object.values(c.operations).flatMap((byStatus) => Object.keys(byStatus))),
    ),
  ].sort();
  const rows = cycles.flatMap((c) =>
    Object.entries(c.operations).map(([action, byStatus]) => ({ cycle: c, action, byStatus })),
  );
  return html`<h3 id="replay-operations-heading">Operations</h3>
    ${Figure(
      'replay-operations',
      'Operations by status per cycle: green solid accepted, amber striped throttled, red cross-hatched refused or unanswered, grey dotted not sent.',
      chart,
    )}
    ${
      rows.length === 0
        ? null
        : html`<div class="table-wrap">
            <table class="cards operations">
              <caption>Operations by cycle, action and status of the last answer</caption>
              <thead><tr><th scope="col">Cycle</th><th scope="col">Action</th>${statuses.map(
                (s) => html`<th scope="col" class=${`num status-class-${statusClass(s)}`}>${s}</th>`,
              )}</tr></thead>
              <tbody>
                ${rows.map(
                  ({
                    cycle,
                    action,
                    byStatus,
                  }) => html`<tr data-cycle=${String(cycle.n)} data-action=${action}>
                    <th scope="row">${`${cycle.n} (${cycle.kind})`}</th>
                    <td data-label="Action">${action}</td>
                    ${statuses.map((s) => html`<td class="num" data-label=${s}>${formatNumber(byStatus[s] ?? 0, 0)}</td>`)}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }` as VNode;
}

/**
 * Styles of the replay section, appended to the page's stylesheet: the charts' ({@link CHART_CSS}), then the
 * timeline list and the divergences. State colours use the page's variables where it has them, with fallbacks.
 */
export const REPLAY_CSS = `${CHART_CSS}
#replay .replay-summary { font-weight: 600; }
#replay .replay-interrupted { border-left: 6px solid var(--fail, #b42318); padding: 0.25rem 0.75rem; font-weight: 700; color: var(--fail, #b42318); }
#replay .replay-pictures { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
#replay .replay-pictures > figure { flex: 1 1 22rem; min-width: 0; }
#replay figure.replay-figure { margin: 0.5rem 0 1rem; max-width: 100%; min-width: 0; }
#replay figure.replay-figure figcaption { font-size: 0.9rem; margin-bottom: 0.35rem; max-width: 36rem; }
#replay .table-wrap { overflow-x: auto; max-width: 100%; }
#replay ol.timeline { list-style: none; padding: 0; margin: 0.5rem 0 1rem; }
#replay ol.timeline > li { border-left: 6px solid var(--line, #d0d5dd); padding: 0.15rem 0.6rem; margin: 0.25rem 0; }
#replay ol.timeline > li.cycle-state-ok { border-left-color: var(--pass, #067647); }
#replay ol.timeline > li.cycle-state-failed { border-left-color: var(--fail, #b42318); }
#replay ol.timeline > li.cycle-state-quarantined { border-left-color: var(--fail, #b42318); border-left-style: double; border-left-width: 8px; }
#replay ol.timeline .state-word { font-weight: 700; }
#replay li.cycle-state-ok .state-word { color: var(--pass, #067647); }
#replay li.cycle-state-failed .state-word, #replay li.cycle-state-quarantined .state-word { color: var(--fail, #b42318); }
#replay ul.events { margin: 0.15rem 0; padding-left: 1.25rem; font-size: 0.9rem; }
#replay ul.events li.event-escrow::marker { content: "◆ "; color: var(--warn, #b54708); }
#replay ul.events li.event-entered::marker { content: "▲ "; color: var(--fail, #b42318); }
#replay ul.events li.event-left::marker { content: "▼ "; color: var(--pass, #067647); }
#replay table caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
#replay table.divergences td { overflow-wrap: break-word; }
#replay table.divergences td.value code, #replay .target-error code { overflow-wrap: anywhere; }
#replay .target-error { display: flex; flex-direction: column; gap: 0.15rem; min-width: 0; }
@media (max-width: 40rem) {
  #replay table.cards caption { display: block; }
  #replay table.cards td.answer { display: block; text-align: left; }
  #replay table.cards td.answer::before { display: block; }
  #replay table.cards td.value { min-width: 0; }
  #replay table.cards td.value code { min-width: 0; text-align: right; }
}
#replay .target-words { font-style: italic; overflow-wrap: anywhere; white-space: pre-wrap; }
#replay .no-refusal { color: var(--muted, #667085); }
#replay .token-owner.severity-danger { color: var(--fail, #b42318); font-weight: 700; }
#replay .token-owner.severity-caution { color: var(--warn, #b54708); font-weight: 600; }
#replay .key-owner-restore.restore-failed { color: var(--fail, #b42318); font-weight: 700; }
${LEAVER_CSS}`;

/** The replay section: everything a replay report shows, in reading order. Needs no script. */
export function ReplaySection(props: { replay: ReplayResult }): VNode {
  const { replay } = props;
  const verdicts = replay.cycles.map(cycleVerdict);
  const timeline = buildQuarantineTimeline(replay);
  // The leaver scenario runs no provisioning cycle: its matrix is the whole story, and empty cycle charts would add nothing.
  const cyclesShown = replay.cycles.length > 0 || replay.scenario?.shapes === undefined;
  return html`<section id="replay" aria-labelledby="replay-heading">
    <h2 id="replay-heading">Replayed provisioning cycles</h2>
    <p class="lead">Provisioning cycles as Microsoft Entra would run them against the target, each checked afterwards by reading every object back. Latency in milliseconds, throughput in requests per second.</p>
    ${
      replay.interrupted === true
        ? html`<p class="replay-interrupted">Interrupted: the replay was stopped after ${String(replay.cycles.length)} complete cycle(s); only those are shown.</p>`
        : null
    }
    ${Facts(replay)}
    ${cyclesShown ? Summary(replay, verdicts) : null}
    ${Scenario(replay)}
    ${cyclesShown ? Timeline(replay, verdicts, timeline) : null}
    ${cyclesShown ? Divergences(replay) : null}
    ${cyclesShown ? Performance(replay, verdicts) : null}
    ${replay.sustain ? SustainSection({ sustain: replay.sustain }) : null}
    ${cyclesShown ? Operations(replay) : null}
  </section>` as VNode;
}
