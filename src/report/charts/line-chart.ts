/**
 * A line chart of one to three series over a numeric x axis (cycle numbers, seconds): inline SVG whose scales and
 * ticks come from d3-scale and whose paths come from d3-shape. Series are told apart by colour, dash pattern and
 * marker shape, and named in the legend, so the chart reads in grey too.
 */
import { scaleLinear } from 'd3-scale';
import { area, curveLinear, curveStepAfter, line } from 'd3-shape';
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
  Marker,
  type PlotArea,
  SERIES_STYLES,
  type SeriesIndex,
} from './chart-frame.js';

/** One point of a series; `title` is its tooltip (default: the series name and the value). */
export interface LinePoint {
  x: number;
  y: number;
  title?: string;
  /** `false` draws the point without a marker (the end of a step). */
  marker?: boolean;
}

/** A named series of points in x order. */
export interface LineSeries {
  name: string;
  points: readonly LinePoint[];
}

/** What {@link LineChart} draws. */
export interface LineChartProps extends ChartText {
  /** One to three series, drawn in {@link SERIES_STYLES} order. */
  series: readonly LineSeries[];
  xLabel: string;
  yLabel: string;
  /** `step` holds each value until the next point (a rate over an interval); `linear` joins the points. */
  curve?: 'linear' | 'step';
  /** Shade the area under the first series. */
  area?: boolean;
  /** Ticks on the x axis at whole numbers only (cycle numbers). */
  integerX?: boolean;
  /** Tick labels of the x axis; default the scale's own, as precise as the ticks' step needs. */
  formatX?: (value: number) => string;
  /** Tick labels of the y axis; default the scale's own. */
  formatY?: (value: number) => string;
}

/** Above this many points a series is drawn without markers, which would only blot the line. */
const MAX_MARKERS = 60;

const HEIGHT = 240;

/**
 * The chart as an `<svg>`, or a sentence ({@link ChartText.empty}) when no series has a point. y starts at 0; x
 * spans the points, widened by half a unit each way when they all share one x, so a single cycle is a visible point.
 */
export function LineChart(props: LineChartProps): VNode {
  const series = props.series
    .slice(0, SERIES_STYLES.length)
    .map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, x: finite(p.x), y: finite(p.y) })) }));
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return EmptyChart(props.empty);

  const legend = Legend(
    props.id,
    series.map((s, i) => ({ kind: 'series', series: i as SeriesIndex, label: s.name })),
    12,
    4,
    CHART_WIDTH - 24,
  );
  const plot: PlotArea = { left: 48, right: CHART_WIDTH - 12, top: legend.height + 30, bottom: 0 };
  plot.bottom = plot.top + HEIGHT - 60;
  const height = plot.bottom + 40;

  let [xMin, xMax] = [Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x))];
  if (xMin === xMax) [xMin, xMax] = [xMin - 0.5, xMax + 0.5];
  // Inset by a marker's width, so the first and last markers do not sit on the axes.
  const x = scaleLinear()
    .domain([xMin, xMax])
    .range([plot.left + 8, plot.right - 8]);
  const yMax = Math.max(...all.map((p) => p.y));
  const y = scaleLinear()
    .domain([0, yMax > 0 ? yMax * 1.05 : 1])
    .nice(5)
    .range([plot.bottom, plot.top]);
  const formatX = props.formatX ?? (props.integerX ? (v: number) => formatNumber(v, 0) : x.tickFormat(6));
  const xTicks = (props.integerX ? integerTicks(xMin, xMax, 8) : x.ticks(6)).map((value) => ({
    value,
    label: formatX(value),
  }));
  const curve = props.curve === 'step' ? curveStepAfter : curveLinear;
  const path = line<LinePoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.y))
    .curve(curve)
    .digits(1);
  const shade = area<LinePoint>()
    .x((p) => x(p.x))
    .y0(y(0))
    .y1((p) => y(p.y))
    .curve(curve)
    .digits(1);

  return ChartSvg(
    props,
    height,
    html`${legend.node}
      ${AxisLeft(y, plot, props.yLabel, props.formatY === undefined ? {} : { format: props.formatY })}
      ${AxisBottom(x, xTicks, plot, props.xLabel)}
      ${
        props.area && series[0] !== undefined
          ? html`<path class="series-area series-s1" d=${shade(series[0].points) ?? ''} />`
          : null
      }
      ${series.map((s, i) => {
        const style = SERIES_STYLES[i as SeriesIndex];
        const marked = s.points.length <= MAX_MARKERS ? s.points.filter((p) => p.marker !== false) : [];
        return html`<g class="series-group" data-series=${s.name}>
          <path
            class=${`series series-${style.key}`}
            d=${path(s.points) ?? ''}
            stroke-dasharray=${style.dash ?? undefined}
          />
          ${marked.map((p) =>
            Marker(
              style.marker,
              x(p.x),
              y(p.y),
              `series-${style.key}`,
              p.title ?? `${s.name}: ${formatNumber(p.y, 2)} at ${formatNumber(p.x, 2)}`,
            ),
          )}
        </g>`;
      })}`,
  );
}
