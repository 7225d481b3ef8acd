/**
 * What every chart of the report shares: the tones (a colour with a meaning, and a pattern so that the meaning does
 * not rest on colour alone), the line styles of plain data series, the legend, the axes, and the sentence shown in
 * place of a chart that has nothing to draw. Charts are inline SVG rendered on the server: positions come from
 * d3-scale, paths from d3-shape, and the colours from classes in {@link CHART_CSS}, so the page's light and dark
 * schemes apply (see docs/decisions/0006-reports-rendered-into-the-file.md).
 */
import type { ScaleLinear } from 'd3-scale';
import { html, type VNode } from '../html/markup.js';

/** The width of every chart's viewBox; the SVG itself is as wide as its container allows. */
export const CHART_WIDTH = 480;

/** The font size of chart text, in viewBox units. */
const FONT_SIZE = 13;

/**
 * The tones of the charts, each meaning one thing wherever it appears: `ok` (accepted, converged, active: green),
 * `warn` (throttled, retried, escrowed: amber), `failed` (refused, diverged: red), `quarantined` (the job stopped:
 * red, hatched more densely than `failed`) and `neutral` (no request, nothing to judge: grey).
 */
export const TONES = ['ok', 'warn', 'failed', 'quarantined', 'neutral'] as const;
export type Tone = (typeof TONES)[number];

/**
 * The pattern laid over each tone's colour, so a reader who cannot tell red from green still tells the states apart:
 * none for `ok`, stripes for `warn`, cross-hatching for `failed`, dense stripes the other way for `quarantined`, dots
 * for `neutral`.
 */
const TONE_PATTERNS: Readonly<Record<Tone, string | null>> = {
  ok: null,
  warn: 'stripes',
  failed: 'cross',
  quarantined: 'dense',
  neutral: 'dots',
};

/** The line styles of plain data series (no status meaning): solid, dashed, dotted; each with its own marker shape. */
export const SERIES_STYLES = [
  { key: 's1', dash: null, marker: 'circle' },
  { key: 's2', dash: '7 4', marker: 'square' },
  { key: 's3', dash: '2 3', marker: 'triangle' },
] as const;
export type SeriesIndex = 0 | 1 | 2;

/** Shapes of point events: up (entered), down (left), diamond (escrowed), and the series markers. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'up' | 'down' | 'diamond';

/** Text every chart carries for assistive technology: `<title>` names it, `<desc>` says what it shows. */
export interface ChartText {
  /** A unique id on the page; the chart's patterns and labels are named after it. */
  id: string;
  title: string;
  desc: string;
  /** The sentence shown instead of the chart when there is nothing to draw. */
  empty: string;
}

/** One entry of a legend: a tone's swatch, a series' line, or a marker's shape, and its words. */
export type LegendItem =
  | { kind: 'tone'; tone: Tone; label: string }
  | { kind: 'series'; series: SeriesIndex; label: string }
  | { kind: 'marker'; tone: Tone; shape: MarkerShape; label: string };

/** A number that is certainly finite: anything else (NaN, ±Infinity) is drawn as 0 rather than breaking a path. */
export function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** A number in a chart's words: thousands separated, at most `digits` decimals. */
export function formatNumber(value: number, digits = 1): string {
  return finite(value).toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A coordinate for an attribute: rounded to 0.1 so the markup stays small, never NaN. */
export function px(value: number): string {
  return String(Math.round(finite(value) * 10) / 10);
}

/** The sentence shown in place of a chart with nothing to draw. */
export function EmptyChart(sentence: string): VNode {
  return html`<p class="chart-empty">${sentence}</p>` as VNode;
}

/**
 * The `<svg>` of a chart: a viewBox `CHART_WIDTH` wide (it scales to its container), `role="img"` named by its
 * `<title>` and described by its `<desc>`, with the tones' patterns defined for its own use.
 */
export function ChartSvg(text: ChartText, height: number, children: unknown): VNode {
  const { id, title, desc } = text;
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="rchart"
    id=${id}
    viewBox=${`0 0 ${CHART_WIDTH} ${px(height)}`}
    width=${CHART_WIDTH}
    height=${px(height)}
    role="img"
    aria-labelledby=${`${id}-title ${id}-desc`}
    font-size=${FONT_SIZE}
  >
    <title id=${`${id}-title`}>${title}</title>
    <desc id=${`${id}-desc`}>${desc}</desc>
    ${PatternDefs(id)}
    ${children}
  </svg>` as VNode;
}

/** The id of a tone's pattern inside chart `chartId`. */
function patternId(chartId: string, pattern: string): string {
  return `${chartId}-p-${pattern}`;
}

/** The patterns a chart's tones are overlaid with (see {@link TONE_PATTERNS}). */
function PatternDefs(chartId: string): VNode {
  const p = (name: string) => patternId(chartId, name);
  return html`<defs>
    <pattern id=${p('stripes')} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
      <line x1="0" y1="0" x2="0" y2="8" class="hatch" stroke-width="3" />
    </pattern>
    <pattern id=${p('cross')} patternUnits="userSpaceOnUse" width="8" height="8">
      <path d="M0,0 L8,8 M8,0 L0,8" class="hatch" stroke-width="1.5" />
    </pattern>
    <pattern id=${p('dense')} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(-45)">
      <line x1="0" y1="0" x2="0" y2="5" class="hatch" stroke-width="2" />
    </pattern>
    <pattern id=${p('dots')} patternUnits="userSpaceOnUse" width="6" height="6">
      <circle cx="3" cy="3" r="1.3" class="hatch-dot" />
    </pattern>
  </defs>` as VNode;
}

/**
 * A rectangle in a tone: the tone's colour (class `tone-<tone>`, which a test can read back as computed style) and,
 * over it, the tone's pattern. `title` becomes the rectangle's tooltip and accessible name.
 */
export function ToneRect(
  chartId: string,
  tone: Tone,
  box: { x: number; y: number; width: number; height: number },
  title?: string,
  attributes: Record<string, string> = {},
): VNode {
  const pattern = TONE_PATTERNS[tone];
  const geometry = {
    x: px(box.x),
    y: px(box.y),
    width: px(Math.max(0, box.width)),
    height: px(Math.max(0, box.height)),
  };
  return html`<g class=${`tone tone-${tone}`} ...${attributes}>
    ${title === undefined ? null : html`<title>${title}</title>`}
    <rect class="tone-fill" ...${geometry} />
    ${pattern === null ? null : html`<rect class="tone-pattern" fill=${`url(#${patternId(chartId, pattern)})`} ...${geometry} />`}
  </g>` as VNode;
}

/** A path in a tone, like {@link ToneRect}: the tone's colour, its pattern over it, and a tooltip. */
export function TonePath(
  chartId: string,
  tone: Tone,
  d: string,
  title?: string,
  attributes: Record<string, string> = {},
): VNode {
  const pattern = TONE_PATTERNS[tone];
  return html`<g class=${`tone tone-${tone}`} ...${attributes}>
    ${title === undefined ? null : html`<title>${title}</title>`}
    <path class="tone-fill" d=${d} />
    ${pattern === null ? null : html`<path class="tone-pattern" fill=${`url(#${patternId(chartId, pattern)})`} d=${d} />`}
  </g>` as VNode;
}

/** The `d` of a marker shape of size `r` centred on (x, y). */
function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const X = (v: number) => px(x + v);
  const Y = (v: number) => px(y + v);
  switch (shape) {
    case 'circle':
      return `M${X(-r)},${Y(0)}a${r},${r} 0 1,0 ${px(2 * r)},0a${r},${r} 0 1,0 ${px(-2 * r)},0Z`;
    case 'square':
      return `M${X(-r)},${Y(-r)}H${X(r)}V${Y(r)}H${X(-r)}Z`;
    case 'triangle':
    case 'up':
      return `M${X(0)},${Y(-r * 1.2)}L${X(r * 1.1)},${Y(r * 0.8)}H${X(-r * 1.1)}Z`;
    case 'down':
      return `M${X(0)},${Y(r * 1.2)}L${X(r * 1.1)},${Y(-r * 0.8)}H${X(-r * 1.1)}Z`;
    case 'diamond':
      return `M${X(0)},${Y(-r * 1.3)}L${X(r * 1.1)},${Y(0)}L${X(0)},${Y(r * 1.3)}L${X(-r * 1.1)},${Y(0)}Z`;
    default: {
      const unknown: never = shape;
      return String(unknown);
    }
  }
}

/** A marker: a shape at (x, y), classed by tone or series, with its tooltip. */
export function Marker(
  shape: MarkerShape,
  x: number,
  y: number,
  className: string,
  title?: string,
  r = 4,
): VNode {
  return html`<path class=${`marker ${className}`} d=${markerPath(shape, x, y, r)}>${
    title === undefined ? null : html`<title>${title}</title>`
  }</path>` as VNode;
}

/** Width of `text` in viewBox units, estimated (no font metrics on the server). */
export function textWidth(text: string, size = FONT_SIZE): number {
  return text.length * size * 0.55;
}

/**
 * The legend: its entries left to right from `x`, wrapping within `width`, starting at `y`. Returns the markup and
 * the height it takes.
 */
export function Legend(
  chartId: string,
  items: readonly LegendItem[],
  x: number,
  y: number,
  width: number,
): { node: VNode; height: number } {
  const rowHeight = 18;
  let cx = x;
  let row = 0;
  const placed = items.map((item) => {
    const w = 22 + textWidth(item.label) + 16;
    if (cx + w > x + width && cx > x) {
      cx = x;
      row++;
    }
    const at = { x: cx, y: y + row * rowHeight };
    cx += w;
    return { item, at };
  });
  const node = html`<g class="legend" aria-hidden="true">
    ${placed.map(({ item, at }) => {
      const symbol =
        item.kind === 'tone'
          ? ToneRect(chartId, item.tone, { x: at.x, y: at.y + 2, width: 16, height: 10 })
          : item.kind === 'series'
            ? html`<line
                class=${`series series-${SERIES_STYLES[item.series].key}`}
                x1=${px(at.x)}
                x2=${px(at.x + 16)}
                y1=${px(at.y + 7)}
                y2=${px(at.y + 7)}
                stroke-dasharray=${SERIES_STYLES[item.series].dash ?? undefined}
              />${Marker(SERIES_STYLES[item.series].marker, at.x + 8, at.y + 7, `series-${SERIES_STYLES[item.series].key}`, undefined, 3)}`
            : Marker(item.shape, at.x + 8, at.y + 7, `tone-mark tone-${item.tone}`);
      return html`<g class="legend-item">${symbol}<text x=${px(at.x + 22)} y=${px(at.y + 11)}>${item.label}</text></g>`;
    })}
  </g>` as VNode;
  return { node, height: (row + 1) * rowHeight };
}

/** The plot area of a chart, in viewBox units. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A horizontal axis at the bottom of the plot area: a tick and its label at each of `ticks`, and the axis title. */
export function AxisBottom(
  scale: (value: number) => number,
  ticks: readonly { value: number; label: string }[],
  area: PlotArea,
  title: string,
): VNode {
  return html`<g class="axis axis-x">
    <line class="axis-line" x1=${px(area.left)} x2=${px(area.right)} y1=${px(area.bottom)} y2=${px(area.bottom)} />
    ${ticks.map(
      (tick) => html`<g class="tick">
        <line x1=${px(scale(tick.value))} x2=${px(scale(tick.value))} y1=${px(area.bottom)} y2=${px(area.bottom + 4)} />
        <text x=${px(scale(tick.value))} y=${px(area.bottom + 16)} text-anchor="middle">${tick.label}</text>
      </g>`,
    )}
    <text class="axis-title" x=${px((area.left + area.right) / 2)} y=${px(area.bottom + 32)} text-anchor="middle">${title}</text>
  </g>` as VNode;
}

/**
 * A vertical axis on the left of the plot area, with a grid line across the plot at each tick. Tick labels are the
 * scale's own (as precise as the ticks' step needs) unless `format` is given; `integer` keeps only whole ticks, for
 * counts.
 */
export function AxisLeft(
  scale: ScaleLinear<number, number>,
  area: PlotArea,
  title: string,
  options: { format?: (value: number) => string; integer?: boolean } = {},
): VNode {
  const all = scale.ticks(5);
  const ticks = options.integer ? all.filter(Number.isInteger) : all;
  const format = options.format ?? scale.tickFormat(5);
  return html`<g class="axis axis-y">
    ${ticks.map(
      (value) => html`<g class="tick">
        <line class="grid" x1=${px(area.left)} x2=${px(area.right)} y1=${px(scale(value))} y2=${px(scale(value))} />
        <text x=${px(area.left - 6)} y=${px(scale(value) + 4)} text-anchor="end">${format(value)}</text>
      </g>`,
    )}
    <line class="axis-line" x1=${px(area.left)} x2=${px(area.left)} y1=${px(area.top)} y2=${px(area.bottom)} />
    <text class="axis-title" x=${px(area.left)} y=${px(area.top - 8)} text-anchor="start">${title}</text>
  </g>` as VNode;
}

/**
 * Ticks for whole numbers (cycle numbers) between `min` and `max`: at most about `count` of them, never a fraction.
 */
export function integerTicks(min: number, max: number, count = 10): number[] {
  const lo = Math.ceil(finite(min));
  const hi = Math.floor(finite(max));
  if (hi < lo) return [];
  const step = Math.max(1, Math.ceil((hi - lo + 1) / count));
  const ticks: number[] = [];
  for (let v = lo; v <= hi; v += step) ticks.push(v);
  return ticks;
}

/**
 * The charts' stylesheet, appended to the page's. The tones use the page's own colour variables where it has them
 * (`--pass`, `--fail`, `--warn`, `--skip`), with fallbacks, so the charts follow its light and dark schemes; text is
 * in the page's colour. The SVG scales with its container (up to 36rem), so a phone shows the whole chart, smaller;
 * should anything still be wider, its `.chart-scroll` box scrolls sideways, never the page.
 */
export const CHART_CSS = `
.chart-scroll { overflow-x: auto; max-width: 100%; }
svg.rchart { display: block; width: 100%; max-width: 36rem; height: auto; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow: visible; }
svg.rchart text { fill: currentColor; }
svg.rchart .axis-line { stroke: currentColor; stroke-opacity: 0.5; }
svg.rchart .tick line { stroke: currentColor; stroke-opacity: 0.35; }
svg.rchart .tick line.grid { stroke-opacity: 0.15; }
svg.rchart .tick text { font-size: 11px; fill-opacity: 0.8; }
svg.rchart .axis-title { font-size: 12px; fill-opacity: 0.8; }
svg.rchart .tone-ok .tone-fill, svg.rchart .tone-mark.tone-ok { fill: var(--pass, #067647); }
svg.rchart .tone-warn .tone-fill, svg.rchart .tone-mark.tone-warn { fill: var(--warn, #b54708); }
svg.rchart .tone-failed .tone-fill, svg.rchart .tone-mark.tone-failed { fill: var(--fail, #b42318); }
svg.rchart .tone-quarantined .tone-fill, svg.rchart .tone-mark.tone-quarantined { fill: var(--fail, #b42318); }
svg.rchart .tone-neutral .tone-fill, svg.rchart .tone-mark.tone-neutral { fill: var(--skip, #98a2b3); }
svg.rchart .tone-mark { stroke: Canvas; stroke-width: 1; }
svg.rchart .hatch { stroke: #fff; stroke-opacity: 0.6; }
svg.rchart .hatch-dot { fill: #fff; fill-opacity: 0.7; }
svg.rchart .series { fill: none; stroke-width: 2; stroke-linejoin: round; }
svg.rchart .series-area { stroke: none; fill-opacity: 0.15; }
svg.rchart .series-s1 { stroke: #1570ef; }
svg.rchart .series-s2 { stroke: #7a5af8; }
svg.rchart .series-s3 { stroke: currentColor; }
svg.rchart .series-area.series-s1 { fill: #1570ef; }
svg.rchart path.marker.series-s1 { fill: #1570ef; stroke: none; }
svg.rchart path.marker.series-s2 { fill: #7a5af8; stroke: none; }
svg.rchart path.marker.series-s3 { fill: currentColor; stroke: none; }
svg.rchart .band-label { fill: #fff; font-size: 11px; font-weight: 600; pointer-events: none; }
.chart-empty { font-style: italic; }
`;
