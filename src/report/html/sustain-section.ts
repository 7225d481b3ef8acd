/**
 * The sustained load's part of report.html (`replay --sustain`): the verdict with each rule in words, then two
 * pictures, the rate over time (offered against achieved, per window) and the latency over time (p50, p95, p99 per
 * window), each with its caption, and the table of windows both summarise, so no number is only in a picture.
 * Inline SVG from the report's line chart, rendered into the file; nothing needs a script.
 * IPSIE AL SCIM 2.0 profile §4.3: "The Application MUST support at least 25 SCIM requests per second."; Entra's
 * gallery checklist: "Support at least 25 requests per second per tenant".
 */

import type { ReplaySustain, ReplaySustainWindow } from '../../run-contract/index.js';
import { formatNumber } from '../charts/chart-frame.js';
import { LineChart, type LinePoint } from '../charts/line-chart.js';
import { Figure } from './figure.js';
import { html, type VNode } from './markup.js';

/** `0–10 s`. */
function span(w: ReplaySustainWindow): string {
  return `${formatNumber(w.startS)}–${formatNumber(w.startS + w.durationS)} s`;
}

/** Requests per second over a window. */
function perSecond(count: number, w: ReplaySustainWindow): number {
  return w.durationS > 0 ? count / w.durationS : 0;
}

/**
 * A series over the windows, each value held for its window (a step), the last carried to the window's end so the
 * line covers the whole load.
 */
function steps(
  series: readonly ReplaySustainWindow[],
  value: (w: ReplaySustainWindow) => number,
  title: (w: ReplaySustainWindow) => string,
): LinePoint[] {
  const points: LinePoint[] = series.map((w) => ({ x: w.startS, y: value(w), title: title(w) }));
  const last = series[series.length - 1];
  if (last !== undefined) points.push({ x: last.startS + last.durationS, y: value(last), marker: false });
  return points;
}

/** The verdict: HELD or NOT HELD, and every rule with what the load came to. */
function Verdict(sustain: ReplaySustain): VNode {
  const { verdict } = sustain;
  return html`<div class=${`sustain-verdict ${verdict.held ? 'held' : 'not-held'}`} data-held=${String(verdict.held)}>
    <p class="replay-summary">${`Verdict: ${verdict.held ? 'HELD' : 'NOT HELD'}. ${sustain.targetRps} requests per second offered for ${formatNumber(sustain.ranS)} s${sustain.interrupted === true ? ` of ${formatNumber(sustain.durationS)} s (interrupted)` : ''}, judged in windows of ${formatNumber(sustain.windowS)} s.`}</p>
    <ul class="sustain-checks">
      ${verdict.checks.map(
        (c) =>
          html`<li class=${`check-${c.held ? 'held' : 'failed'}`} data-check=${c.name} data-held=${String(c.held)}><strong>${`${c.held ? 'Held' : 'Not held'}, ${c.name}: `}</strong>${c.detail}</li>`,
      )}
    </ul>
  </div>` as VNode;
}

/** The sustained load: verdict, rate and latency over time, the table of windows and the totals. */
export function SustainSection(props: { sustain: ReplaySustain }): VNode {
  const { sustain } = props;
  const { series, totals } = sustain;
  const rate = LineChart({
    id: 'sustain-rate-chart',
    title: 'Request rate over time',
    desc: `Requests per second offered and achieved (answered 2xx) in each window of ${sustain.windowS} s, against the ${sustain.targetRps} per second target. The table of windows below holds the same numbers.`,
    empty: 'No window completed, so there is no rate to draw.',
    series: [
      {
        name: 'Offered',
        points: steps(
          series,
          (w) => perSecond(w.offered, w),
          (w) => `${span(w)}: offered ${formatNumber(perSecond(w.offered, w), 2)} req/s`,
        ),
      },
      {
        name: 'Achieved',
        points: steps(
          series,
          (w) => perSecond(w.achieved, w),
          (w) => `${span(w)}: achieved ${formatNumber(perSecond(w.achieved, w), 2)} req/s`,
        ),
      },
    ],
    xLabel: 'Seconds into the load',
    yLabel: 'Requests/s',
    curve: 'step',
  });
  const latency = LineChart({
    id: 'sustain-latency-chart',
    title: 'Latency over time',
    desc: `The 50th, 95th and 99th percentiles of the response time of each window's requests, in milliseconds, Retry-After waits left out. The table of windows below holds the same numbers.`,
    empty: 'No window completed, so there is no latency to draw.',
    series: (['p50', 'p95', 'p99'] as const).map((p) => ({
      name: p,
      points: steps(
        series,
        (w) => w.latencyMs[p],
        (w) => `${span(w)}: ${p} ${formatNumber(w.latencyMs[p], 2)} ms`,
      ),
    })),
    xLabel: 'Seconds into the load',
    yLabel: 'Milliseconds',
    curve: 'step',
  });
  const header = [
    'Offered',
    'Achieved',
    'Achieved (req/s)',
    'Missed',
    'Errors',
    '429',
    '429 without Retry-After',
    'p50 (ms)',
    'p95 (ms)',
    'p99 (ms)',
    'Harness lag (ms)',
  ];
  const mix = Object.entries(totals.operations)
    .map(([kind, n]) => `${kind} ${formatNumber(n, 0)}`)
    .join(', ');
  const errors = Object.entries(totals.errorsByStatus)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ');
  return html`<div class="sustain" id="sustain">
    <h3 id="sustain-heading">Sustained load</h3>
    <p>Open-model arrivals at a fixed rate, each one request of a realistic Entra mix over the directory the initial cycle provisioned (${Object.entries(
      sustain.mix,
    )
      .map(([kind, share]) => `${kind} ${formatNumber(share * 100, 0)}%`)
      .join(
        ', ',
      )}). An arrival that found ${formatNumber(sustain.maxInFlight, 0)} requests in flight was not sent and counts as missed. The rate is held when every window achieves at least ${formatNumber(sustain.thresholds.achievedRatio * 100, 1)}% of what it offered, errors stay under ${formatNumber(sustain.thresholds.errorRate * 100, 2)}% of the requests sent, and every 429 carries Retry-After.</p>
    ${Verdict(sustain)}
    <div class="replay-pictures">
      ${Figure('sustain-rate', 'Request rate over time: offered (solid, ●) and achieved, answered 2xx (dashed, ■), in requests per second per window.', rate)}
      ${Figure('sustain-latency', 'Latency over time: p50 (solid, ●), p95 (dashed, ■) and p99 (dotted, ▲) of each window, in milliseconds.', latency)}
    </div>
    <div class="table-wrap">
      <table class="cards sustain-windows">
        <caption>Windows: the numbers behind both pictures</caption>
        <thead><tr><th scope="col">Window</th>${header.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>
          ${series.map((w) => {
            const cells = [
              formatNumber(w.offered, 0),
              formatNumber(w.achieved, 0),
              formatNumber(perSecond(w.achieved, w), 2),
              formatNumber(w.missed, 0),
              formatNumber(w.errors, 0),
              formatNumber(w.throttled, 0),
              formatNumber(w.throttledWithoutRetryAfter, 0),
              formatNumber(w.latencyMs.p50, 2),
              formatNumber(w.latencyMs.p95, 2),
              formatNumber(w.latencyMs.p99, 2),
              formatNumber(w.maxLagMs, 1),
            ];
            return html`<tr data-window=${String(w.startS)}>
              <th scope="row">${span(w)}</th>
              ${cells.map((cell, j) => html`<td data-label=${header[j]}>${cell}</td>`)}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <dl class="facts sustain-totals">
      <dt>Requests sent</dt><dd>${`${formatNumber(totals.sent, 0)} of ${formatNumber(totals.offered, 0)} offered (${formatNumber(totals.missed, 0)} missed)`}</dd>
      <dt>Achieved</dt><dd>${`${formatNumber(totals.achieved, 0)} (${formatNumber(totals.achievedRps, 2)} req/s)`}</dd>
      <dt>Errors</dt><dd>${`${formatNumber(totals.errors, 0)} (${formatNumber(totals.errorRate * 100, 3)}%)${errors === '' ? '' : `: ${errors}`}`}</dd>
      <dt>429 answers</dt><dd>${`${formatNumber(totals.throttled, 0)}, ${formatNumber(totals.throttledWithoutRetryAfter, 0)} without Retry-After`}</dd>
      <dt>Latency</dt><dd>${`p50 ${formatNumber(totals.latencyMs.p50, 2)} ms, p95 ${formatNumber(totals.latencyMs.p95, 2)} ms, p99 ${formatNumber(totals.latencyMs.p99, 2)} ms`}</dd>
      <dt>Requests by kind</dt><dd>${mix === '' ? 'none' : mix}</dd>
    </dl>
  </div>` as VNode;
}
