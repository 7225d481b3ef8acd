/**
 * The conformance report's pictures: a profile × category matrix and the score per category, as inline SVG computed
 * on the server with d3-scale (positions) and d3-shape (the stacked bars). No script, nothing to load: they draw
 * offline and under the page's Content-Security-Policy. Each is a `<figure>` with a caption and, under it, the table
 * it summarises, so a number is never only in a picture (see docs/decisions/0006-reports-rendered-into-the-file.md).
 * Colours come from the page's stylesheet (classes), so they follow its light and dark schemes.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack, stackOffsetExpand } from 'd3-shape';
import { type CheckResult, countsTowardsVerdict, type FailOn } from '../../run-contract/index.js';
import { unsupportedFails } from '../build-conformance-result.js';
import { type CategoryScore, formatScore } from '../category-score.js';
import { html, type VNode } from './markup.js';

/**
 * How one profile fares in one category, worst first: a failure that counts toward the profile's verdict, a feature
 * the profile needs that the target declined, a check that could not be evaluated, a failure below the fail-on level
 * (shown, but it fails nothing), all passed, or nothing that reached a verdict (skipped, or declined features the
 * profile does not need), or no check at all.
 */
export type MatrixState = 'fail' | 'unsupported' | 'error' | 'minor' | 'pass' | 'open' | 'none';

const STATE_WORDS: Record<MatrixState, string> = {
  fail: 'failures that fail the profile',
  unsupported: 'a needed feature declined',
  error: 'could not evaluate',
  minor: 'failures below the fail-on level only',
  pass: 'all passed',
  open: 'nothing reached a verdict',
  none: 'no check',
};

/** The counts behind one cell of the matrix. */
export interface MatrixCell {
  profile: string;
  category: string;
  total: number;
  passed: number;
  failed: number;
  /** Declined features this profile needs (they fail it). */
  unsupportedNeeded: number;
  /** Declined features this profile does not need. */
  unsupportedOther: number;
  errored: number;
  skipped: number;
  state: MatrixState;
}

/** One cell per profile and category, categories in `categories` order. */
export function profileCategoryMatrix(
  checks: readonly CheckResult[],
  profiles: readonly string[],
  categories: readonly string[],
  failOn: FailOn,
): MatrixCell[][] {
  return categories.map((category) =>
    profiles.map((profile) => {
      const mine = checks.filter((c) => c.category === category && c.profiles.includes(profile));
      const counting = (c: CheckResult) => countsTowardsVerdict(c.level, failOn);
      const n = (keep: (c: CheckResult) => boolean) => mine.filter(keep).length;
      const cell = {
        profile,
        category,
        total: mine.length,
        passed: n((c) => c.status === 'passed'),
        failed: n((c) => c.status === 'failed'),
        unsupportedNeeded: n((c) => c.status === 'unsupported' && unsupportedFails(c, profile)),
        unsupportedOther: n((c) => c.status === 'unsupported' && !unsupportedFails(c, profile)),
        errored: n((c) => c.status === 'error'),
        skipped: n((c) => c.status === 'skipped'),
      };
      const state: MatrixState =
        mine.length === 0
          ? 'none'
          : mine.some((c) => c.status === 'failed' && counting(c))
            ? 'fail'
            : mine.some((c) => c.status === 'unsupported' && unsupportedFails(c, profile) && counting(c))
              ? 'unsupported'
              : mine.some((c) => c.status === 'error' && counting(c))
                ? 'error'
                : cell.failed > 0
                  ? 'minor'
                  : cell.passed > 0
                    ? 'pass'
                    : 'open';
      return { ...cell, state };
    }),
  );
}

/** `12 / 14 passed, 2 failed, 1 needed feature unsupported`: a cell in words, for its tooltip and the table. */
export function describeCell(cell: MatrixCell): string {
  if (cell.total === 0) return 'no check';
  const parts = [`${cell.passed} / ${cell.passed + cell.failed} passed`];
  if (cell.failed > 0) parts.push(`${cell.failed} failed`);
  if (cell.unsupportedNeeded > 0) parts.push(`${cell.unsupportedNeeded} needed unsupported`);
  if (cell.unsupportedOther > 0) parts.push(`${cell.unsupportedOther} unsupported, not needed`);
  if (cell.errored > 0) parts.push(`${cell.errored} could not evaluate`);
  if (cell.skipped > 0) parts.push(`${cell.skipped} skipped`);
  return parts.join(', ');
}

/** The short text inside a cell: passed out of those that reached a verdict, or a dash. */
function cellText(cell: MatrixCell): string {
  const applicable = cell.passed + cell.failed;
  if (cell.total === 0) return '–';
  return applicable === 0 ? 'n/a' : `${cell.passed}/${applicable}`;
}

/** A coordinate rounded to a tenth of a unit: the picture looks the same and the file stays small. */
function at(n: number | undefined): number {
  return Math.round((n ?? 0) * 10) / 10;
}

/** A label cut to `max` characters with `…`: the full name is in the cell's tooltip and the table under it. */
function short(text: string | undefined, max: number): string {
  const value = text ?? '';
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function Legend(props: { items: [string, string][] }): VNode {
  return html`<ul class="legend">
    ${props.items.map(([cls, words]) => html`<li><span class=${`swatch ${cls}`} aria-hidden="true"></span>${words}</li>`)}
  </ul>`;
}

/**
 * The profile × category matrix: a row per category, a column per profile, each cell coloured by its worst outcome
 * and labelled with passed out of applicable; the table under it says each cell in words.
 */
export function ProfileCategoryMatrix(props: {
  checks: readonly CheckResult[];
  profiles: readonly string[];
  categories: readonly string[];
  failOn: FailOn;
}): VNode {
  const { profiles, categories } = props;
  const rows = profileCategoryMatrix(props.checks, profiles, categories, props.failOn);
  const label = 118;
  const column = Math.max(58, Math.min(90, Math.floor(240 / Math.max(1, profiles.length))));
  const head = 24;
  const rowHeight = 24;
  const width = label + column * profiles.length;
  const height = head + rowHeight * categories.length;
  const x = scaleBand<string>().domain(profiles).range([label, width]).paddingInner(0.08);
  const y = scaleBand<string>().domain(categories).range([head, height]).paddingInner(0.12);
  const used = new Set(rows.flat().map((cell) => cell.state));
  const states = (Object.keys(STATE_WORDS) as MatrixState[]).filter((state) => used.has(state));
  return html`<figure id="matrix-figure" class="picture">
    <figcaption id="matrix-caption">
      Each profile in each category: passed out of the checks that reached a verdict, coloured by the worst outcome
      that counts toward the profile's verdict.
    </figcaption>
    <svg class="chart matrix" role="img" aria-labelledby="matrix-caption" width=${at(width)} height=${at(height)} viewBox=${`0 0 ${width} ${height}`}>
      ${profiles.map(
        (profile) =>
          html`<text class="axis-label" x=${at((x(profile) ?? 0) + x.bandwidth() / 2)} y=${at(head - 8)} text-anchor="middle">${short(profile, Math.floor(column / 7))}</text>`,
      )}
      ${rows.map(
        (row, i) => html`<g class="matrix-row" data-category=${categories[i]}>
          <text class="axis-label" x=${at(label - 6)} y=${at((y(categories[i] ?? '') ?? 0) + y.bandwidth() / 2)} dy="0.35em" text-anchor="end">${short(categories[i], 17)}</text>
          ${row.map(
            (cell) => html`<g class=${`matrix-cell state-${cell.state}`} data-profile=${cell.profile}>
              <title>${`${cell.category}, ${cell.profile}: ${describeCell(cell)}`}</title>
              <rect x=${at(x(cell.profile))} y=${at(y(cell.category))} width=${at(x.bandwidth())} height=${at(y.bandwidth())} rx="3" />
              <text x=${at((x(cell.profile) ?? 0) + x.bandwidth() / 2)} y=${at((y(cell.category) ?? 0) + y.bandwidth() / 2)} dy="0.35em" text-anchor="middle">${cellText(cell)}</text>
            </g>`,
          )}
        </g>`,
      )}
    </svg>
    <${Legend} items=${states.map((state): [string, string] => [`state-${state}`, STATE_WORDS[state]])} />
    <details class="text-equivalent">
      <summary>The matrix as a table</summary>
      <div class="table-wrap">
        <table class="matrix-table">
          <thead><tr><th scope="col">Category</th>${profiles.map((p) => html`<th scope="col">${p}</th>`)}</tr></thead>
          <tbody>
            ${rows.map(
              (row, i) => html`<tr data-category=${categories[i]}>
                <th scope="row">${categories[i]}</th>
                ${row.map((cell) => html`<td class=${`state-text-${cell.state}`}>${describeCell(cell)}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </figure>`;
}

const SEGMENTS = [
  ['passed', 'Passed'],
  ['failed', 'Failed'],
  ['unsupported', 'Unsupported'],
  ['errored', 'Could not evaluate'],
  ['skipped', 'Skipped'],
] as const;
type Segment = (typeof SEGMENTS)[number][0];

/**
 * The score per category: a bar per category split by outcome (share of its checks) with the score beside it,
 * passed out of applicable; the score table under it holds the numbers.
 */
export function CategoryScoreChart(props: { scores: readonly CategoryScore[] }): VNode {
  const { scores } = props;
  const label = 100;
  const bar = 170;
  const value = 76;
  const head = 18;
  const rowHeight = 22;
  const width = label + bar + value;
  const height = head + rowHeight * scores.length;
  const x = scaleLinear()
    .domain([0, 1])
    .range([label, label + bar]);
  const y = scaleBand<string>()
    .domain(scores.map((s) => s.category))
    .range([head, height])
    .paddingInner(0.25);
  const series = stack<CategoryScore, Segment>()
    .keys(SEGMENTS.map(([key]) => key))
    .offset(stackOffsetExpand)([...scores]);
  return html`<figure id="scores-figure" class="picture">
    <figcaption id="scores-caption">
      Each category's checks by outcome; the number beside the bar is the score, passed out of the checks that
      reached a verdict (passed and failed).
    </figcaption>
    <svg class="chart scores" role="img" aria-labelledby="scores-caption" width=${at(width)} height=${at(height)} viewBox=${`0 0 ${width} ${height}`}>
      ${x.ticks(4).map(
        (tick) => html`<g class="tick">
          <line x1=${at(x(tick))} x2=${at(x(tick))} y1=${at(head - 4)} y2=${at(height)} />
          <text x=${at(x(tick))} y=${at(head - 7)} text-anchor="middle">${`${Math.round(tick * 100)}%`}</text>
        </g>`,
      )}
      ${scores.map((score, i) => {
        const top = y(score.category) ?? 0;
        return html`<g class="score-row" data-category=${score.category}>
          <title>${`${score.category}: ${formatScore(score)}; ${score.failed} failed, ${score.unsupported} unsupported, ${score.errored} could not evaluate, ${score.skipped} skipped`}</title>
          <text class="axis-label" x=${at(label - 6)} y=${at(top + y.bandwidth() / 2)} dy="0.35em" text-anchor="end">${short(score.category, 14)}</text>
          ${series.map((segment) => {
            const [from, to] = segment[i] ?? [0, 0];
            return to > from
              ? html`<rect class=${`segment segment-${segment.key}`} x=${at(x(from))} y=${at(top)} width=${at(x(to) - x(from))} height=${at(y.bandwidth())} />`
              : null;
          })}
          <text class="score-value" x=${at(label + bar + 6)} y=${at(top + y.bandwidth() / 2)} dy="0.35em">${score.applicable === 0 ? 'n/a' : `${Math.round((score.passed / score.applicable) * 100)}%`}</text>
        </g>`;
      })}
    </svg>
    <${Legend} items=${SEGMENTS.map(([key, words]): [string, string] => [`segment-${key}`, words])} />
    <details class="text-equivalent">
      <summary>The scores as a table</summary>
      <div class="table-wrap">
        <table class="scores-table">
          <thead>
            <tr>
              <th scope="col">Category</th><th scope="col">Passed / applicable</th><th scope="col">Failed</th>
              <th scope="col">Unsupported</th><th scope="col">Could not evaluate</th><th scope="col">Skipped</th>
            </tr>
          </thead>
          <tbody>
            ${scores.map(
              (score) => html`<tr data-category=${score.category}>
                <th scope="row">${score.category}</th><td>${formatScore(score)}</td><td>${score.failed}</td>
                <td>${score.unsupported}</td><td>${score.errored}</td><td>${score.skipped}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </figure>`;
}
