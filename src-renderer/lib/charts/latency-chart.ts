/**
 * The detail view's latency chart, SmokePing-style: the median as a line over a p5–p95 band
 * inside a min–max band, and failures marked along the top on the same time axis, one colour
 * and shape per class. Built as a plain chart.js configuration from the series.
 */
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { CLASS_INFO } from '../../../src-main/core/classify/failure-classes.ts';
import { CLASS_COLORS } from '../../../src-main/core/classify/class-colors.ts';
import { formatDateTime, formatLatency, formatTick } from '../format.ts';
import { timeTicks } from './time-ticks.ts';
import { CLASS_SHAPES } from './class-shapes.ts';
import type { ChartPalette } from './palette.ts';
import { failureMarks, latencyBands, type ClassSeries, type XY } from './series-data.ts';
import type { SeriesPointDto } from '../../../src-main/ipc/dto.ts';

export type LatencyChartType = 'line' | 'scatter';
export type LatencyChartConfig = ChartConfiguration<LatencyChartType, XY[]>;

export interface LatencyChartInput {
  readonly points: readonly SeriesPointDto[];
  readonly from: number;
  readonly to: number;
  /** A stretch without data longer than this is drawn as a gap. */
  readonly gapMs: number;
  readonly palette: ChartPalette;
}

/** Index of the first failure dataset: the five before it are the latency lines. */
export const FIRST_FAILURE_DATASET = 5;

export function latencyChartConfig(input: LatencyChartInput): LatencyChartConfig {
  const { palette } = input;
  const bands = latencyBands(input.points, input.gapMs);
  const band = (label: string, data: XY[], fill: number | false, color: string): ChartDataset<'line', XY[]> => ({
    type: 'line',
    label,
    data,
    borderWidth: 0,
    pointRadius: 0,
    pointHitRadius: 0,
    backgroundColor: color,
    fill: fill === false ? false : { target: fill },
  });
  const datasets: ChartDataset<LatencyChartType, XY[]>[] = [
    band('max', bands.max, 1, palette.outerBand),
    band('min', bands.min, false, palette.outerBand),
    band('p95', bands.p95, 3, palette.innerBand),
    band('p5', bands.p5, false, palette.innerBand),
    { type: 'line', label: 'median', data: bands.median, borderColor: palette.median, borderWidth: 1.5, pointRadius: 0, pointHitRadius: 4, fill: false },
    ...failureMarks(input.points).map((marks) => failureDataset(marks)),
  ];
  const span = input.to - input.from;
  return {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      spanGaps: false,
      interaction: { mode: 'index', intersect: false, axis: 'x' },
      scales: {
        x: {
          type: 'linear',
          min: input.from,
          max: input.to,
          grid: { color: palette.grid },
          // Round local times (no date adapter): chart.js's own linear ticks would land on odd minutes.
          afterBuildTicks: (scale) => {
            scale.ticks = timeTicks(input.from, input.to, 8).map((value) => ({ value }));
          },
          ticks: { color: palette.text, maxRotation: 0, autoSkip: false, callback: (value) => formatTick(Number(value), span) },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          grid: { color: palette.grid },
          ticks: { color: palette.text, callback: (value) => formatLatency(Number(value)) },
        },
        // Failure marks sit along the top, whatever the latency scale.
        failures: { type: 'linear', axis: 'y', display: false, min: 0, max: 1.05 },
      },
      plugins: {
        legend: { display: false },
        decimation: { enabled: true, algorithm: 'min-max' },
        tooltip: {
          filter: (item) => item.datasetIndex >= FIRST_FAILURE_DATASET || Number.isFinite((item.raw as XY).y),
          callbacks: {
            title: (items) => (items[0] ? formatDateTime((items[0].raw as XY).x) : ''),
            label: tooltipLabel,
          },
        },
      },
    },
  };
}

function failureDataset(marks: ClassSeries): ChartDataset<'scatter', XY[]> {
  const color = CLASS_COLORS[marks.failureClass];
  return {
    type: 'scatter',
    label: CLASS_INFO[marks.failureClass].title,
    yAxisID: 'failures',
    data: marks.points.map((point) => ({ x: point.x, y: 1 })),
    pointStyle: CLASS_SHAPES[marks.failureClass],
    pointRadius: 4,
    pointHoverRadius: 6,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
  };
}

function tooltipLabel(item: TooltipItem<LatencyChartType>): string {
  if (item.datasetIndex >= FIRST_FAILURE_DATASET) return `failure: ${item.dataset.label ?? ''}`;
  return `${item.dataset.label ?? ''}: ${formatLatency((item.raw as XY).y)}`;
}
