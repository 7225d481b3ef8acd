/**
 * A timeline band: one row of spans along a numeric axis (cycles), each in the tone of its state, and a row of point
 * events under it, each a shape in a tone. Consecutive spans of one state are merged, so ten thousand calm cycles are
 * one rectangle. Inline SVG: the axis comes from d3-scale.
 */
import { scaleLinear } from 'd3-scale';
import { html, type VNode } from '../html/markup.js';
import {
  AxisBottom,
  CHART_WIDTH,
  ChartSvg,
  type ChartText,
  EmptyChart,
  finite,
  formatNumber,
  integerTicks,
  Legend,
  type LegendItem,
  Marker,
  type MarkerShape,
  type PlotArea,
  px,
  type Tone,
  ToneRect,
  textWidth,
} from './chart-frame.js';

/** One unit of the band (a cycle): where it sits, its state, and how that state is said. */
export interface BandUnit {
  /** Its position on the axis (the cycle number); units are one apart. */
  at: number;
  /** The state's key (`failed`): units of one key next to each other are merged. */
  state: string;
  tone: Tone;
  /** The state in a word or two (`failed`), written on a span wide enough to hold it. */
  label: string;
}

/** A point event under the band: where, its shape and tone, and its tooltip. */
export interface BandEvent {
  at: number;
  shape: MarkerShape;
  tone: Tone;
  /** `data-event` of the marker, e.g. `entered`. */
  kind: string;
  title: string;
}

/** What {@link TimelineBand} draws. */
export interface TimelineBandProps extends ChartText {
  units: readonly BandUnit[];
  events: readonly BandEvent[];
  /** The legend: each state's tone and each event's shape, in words. */
  legend: readonly LegendItem[];
  xLabel: string;
  /** How a merged span is named in its tooltip: `Cycles 3–5: failed`. */
  describeSpan: (from: number, to: number, label: string) => string;
}

/** A run of consecutive units of one state. */
interface Span {
  from: number;
  to: number;
  unit: BandUnit;
}

/** Consecutive units (one apart) of the same state, merged into spans. */
export function mergeUnits(units: readonly BandUnit[]): Span[] {
  const spans: Span[] = [];
  for (const unit of units) {
    const last = spans[spans.length - 1];
    if (last !== undefined && last.unit.state === unit.state && unit.at === last.to + 1) last.to = unit.at;
    else spans.push({ from: unit.at, to: unit.at, unit });
  }
  return spans;
}

const BAND_HEIGHT = 34;

/**
 * The band as an `<svg>`, or a sentence ({@link ChartText.empty}) when there is no unit. Each span is a `g.tone`
 * with `data-state`, `data-from` and `data-to`; each event a `path.marker` with `data-event`. Events of one unit
 * are set side by side.
 */
export function TimelineBand(props: TimelineBandProps): VNode {
  const units = props.units.map((u) => ({ ...u, at: finite(u.at) }));
  if (units.length === 0) return EmptyChart(props.empty);

  const legend = Legend(props.id, props.legend, 12, 4, CHART_WIDTH - 24);
  const top = legend.height + 14;
  const eventsY = top + BAND_HEIGHT + 14;
  const plot: PlotArea = { left: 16, right: CHART_WIDTH - 16, top, bottom: eventsY + 12 };
  const height = plot.bottom + 40;

  const first = Math.min(...units.map((u) => u.at));
  const last = Math.max(...units.map((u) => u.at));
  const x = scaleLinear()
    .domain([first - 0.5, last + 0.5])
    .range([plot.left, plot.right]);
  const ticks = integerTicks(first, last, 10).map((value) => ({ value, label: formatNumber(value, 0) }));

  const spans = mergeUnits(units);
  const perUnit = new Map<number, number>();
  const events = props.events.map((event) => {
    const at = finite(event.at);
    const index = perUnit.get(at) ?? 0;
    perUnit.set(at, index + 1);
    return { ...event, at, index };
  });

  return ChartSvg(
    props,
    height,
    html`${legend.node}
      <g class="band">
        ${spans.map((span) => {
          const x0 = x(span.from - 0.5);
          const x1 = x(span.to + 0.5);
          const label = span.unit.label;
          return html`${ToneRect(
            props.id,
            span.unit.tone,
            { x: x0, y: top, width: x1 - x0, height: BAND_HEIGHT },
            props.describeSpan(span.from, span.to, label),
            {
              'data-state': span.unit.state,
              'data-from': String(span.from),
              'data-to': String(span.to),
            },
          )}${
            x1 - x0 >= textWidth(label, 11) + 8
              ? html`<text class="band-label" x=${px((x0 + x1) / 2)} y=${px(top + BAND_HEIGHT / 2 + 4)} text-anchor="middle" aria-hidden="true">${label}</text>`
              : null
          }`;
        })}
      </g>
      <g class="events">
        ${events.map((event) => {
          const count = perUnit.get(event.at) ?? 1;
          const offset = (event.index - (count - 1) / 2) * 11;
          return html`<g data-event=${event.kind}>${Marker(
            event.shape,
            x(event.at) + offset,
            eventsY,
            `tone-mark tone-${event.tone}`,
            event.title,
            5,
          )}</g>`;
        })}
      </g>
      ${AxisBottom(x, ticks, plot, props.xLabel)}`,
  );
}
