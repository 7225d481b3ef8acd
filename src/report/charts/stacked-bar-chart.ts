/**
 * A stacked bar chart: one bar per category (a cycle), split into keys (a kind of outcome), each key in a tone that
 * says what it means. Inline SVG: the band and value scales come from d3-scale and the stacking from d3-shape. Past
 * {@link MAX_BARS} categories the bars would be thinner than a pixel, so the stacks are drawn as areas instead.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { area, curveStepAfter, type SeriesPoint, stack } from 'd3-shape';
import { html, type VNode } from '../html/markup.js';
import {
  AxisBottom,
  AxisLeft,
  CHART_WIDTH,
  ChartSvg,
  type ChartText,
  EmptyChart,
  finite,
  formatNumber,
  integerTicks,
  Legend,
  type PlotArea,
  type Tone,
  TonePath,
  ToneRect,
} from './chart-frame.js';

/** One key of the stacks: its id in the values, its words in the legend, and its tone. */
export interface StackKey {
  key: string;
  label: string;
  tone: Tone;
}

/** One category: its axis label and its value per key (missing keys count 0). */
export interface StackCategory {
  label: string;
  values: Readonly<Record<string, number>>;
  /** The tooltip of one key's part of the bar; default `<label>, <key label>: <value>`. */
  tooltip?: (key: StackKey, value: number) => string;
}

/** What {@link StackedBarChart} draws. */
export interface StackedBarChartProps extends ChartText {
  keys: readonly StackKey[];
  categories: readonly StackCategory[];
  xLabel: string;
  yLabel: string;
}

/** The most categories drawn as bars; more are drawn as stacked areas. */
export const MAX_BARS = 120;

const HEIGHT = 240;

type Row = Record<string, number>;

/**
 * The chart as an `<svg>`, or a sentence ({@link ChartText.empty}) when there is no category or every value is 0.
 * Only keys that occur are drawn and named in the legend, in `keys` order (bottom first).
 */
export function StackedBarChart(props: StackedBarChartProps): VNode {
  const rows: Row[] = props.categories.map((c) =>
    Object.fromEntries(props.keys.map((k) => [k.key, Math.max(0, finite(c.values[k.key] ?? 0))])),
  );
  const keys = props.keys.filter((k) => rows.some((row) => (row[k.key] ?? 0) > 0));
  if (keys.length === 0) return EmptyChart(props.empty);

  const legend = Legend(
    props.id,
    keys.map((k) => ({ kind: 'tone', tone: k.tone, label: k.label })),
    12,
    4,
    CHART_WIDTH - 24,
  );
  const plot: PlotArea = { left: 48, right: CHART_WIDTH - 12, top: legend.height + 30, bottom: 0 };
  plot.bottom = plot.top + HEIGHT - 60;
  const height = plot.bottom + 40;

  const series = stack<Row>().keys(keys.map((k) => k.key))(rows);
  const top = Math.max(...series.flatMap((s) => s.map((point) => point[1])));
  const y = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice(5)
    .range([plot.bottom, plot.top]);
  const count = props.categories.length;
  const indexTicks = integerTicks(0, count - 1, 10).map((i) => ({
    value: i,
    label: props.categories[i]?.label ?? '',
  }));
  const tooltip = (i: number, key: StackKey, value: number): string => {
    const category = props.categories[i];
    return (
      category?.tooltip?.(key, value) ?? `${category?.label ?? ''}, ${key.label}: ${formatNumber(value, 0)}`
    );
  };

  let marks: unknown;
  if (count <= MAX_BARS) {
    const band = scaleBand<number>()
      .domain(rows.map((_, i) => i))
      .range([plot.left, plot.right])
      .paddingInner(0.2)
      .paddingOuter(0.1);
    const center = (i: number) => (band(i) ?? 0) + band.bandwidth() / 2;
    marks = html`${AxisBottom(center, indexTicks, plot, props.xLabel)}
      ${series.map((s, k) => {
        const key = keys[k] as StackKey;
        return html`<g class="stack" data-key=${key.key}>
          ${s.map((point: SeriesPoint<Row>, i: number) => {
            const value = point[1] - point[0];
            if (value <= 0) return null;
            return ToneRect(
              props.id,
              key.tone,
              {
                x: band(i) ?? 0,
                y: y(point[1]),
                width: band.bandwidth(),
                height: y(point[0]) - y(point[1]),
              },
              tooltip(i, key, value),
              { 'data-category': props.categories[i]?.label ?? '' },
            );
          })}
        </g>`;
      })}`;
  } else {
    // Each category holds its value over [i, i + 1): a step area per key, stacked.
    const x = scaleLinear().domain([0, count]).range([plot.left, plot.right]);
    const shape = area<[number, number, number]>()
      .x((d) => x(d[2]))
      .y0((d) => y(d[0]))
      .y1((d) => y(d[1]))
      .curve(curveStepAfter)
      .digits(1);
    marks = html`${AxisBottom((i) => x(i + 0.5), indexTicks, plot, props.xLabel)}
      ${series.map((s, k) => {
        const key = keys[k] as StackKey;
        const points: [number, number, number][] = s.map((p, i) => [p[0], p[1], i]);
        const last = points[points.length - 1];
        if (last !== undefined) points.push([last[0], last[1], count]);
        const total = s.reduce((sum, p) => sum + p[1] - p[0], 0);
        return html`<g class="stack" data-key=${key.key}>
          ${TonePath(
            props.id,
            key.tone,
            shape(points) ?? '',
            `${key.label}: ${formatNumber(total, 0)} in all`,
          )}
        </g>`;
      })}`;
  }

  return ChartSvg(
    props,
    height,
    html`${legend.node}
      ${AxisLeft(y, plot, props.yLabel, { integer: true, format: (v) => formatNumber(v, 0) })}
      ${marks}`,
  );
}
