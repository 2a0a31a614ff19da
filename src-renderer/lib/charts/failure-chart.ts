/** Stacked bars of failures per class over time (a few dozen bins), sharing the latency chart's range. */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { CLASS_INFO } from '../../../src-main/core/classify/failure-classes.ts';
import type { SeriesPointDto } from '../../../src-main/ipc/dto.ts';
import { CLASS_COLORS } from '../../../src-main/core/classify/class-colors.ts';
import { formatDateTime, formatTick } from '../format.ts';
import { timeTicks } from './time-ticks.ts';
import type { ChartPalette } from './palette.ts';
import { failureBins, type XY } from './series-data.ts';

export type FailureChartConfig = ChartConfiguration<'bar', XY[]>;

/** Bars across the chart: enough to see when, few enough to read. */
export const FAILURE_BINS = 60;

export interface FailureChartInput {
  readonly points: readonly SeriesPointDto[];
  readonly from: number;
  readonly to: number;
  readonly bucketMs: number;
  readonly palette: ChartPalette;
}

export function failureChartConfig(input: FailureChartInput): FailureChartConfig {
  const { palette } = input;
  const bins = failureBins(input.points, input.from, input.to, input.bucketMs, FAILURE_BINS);
  const half = bins.binMs / 2;
  const datasets: ChartDataset<'bar', XY[]>[] = bins.counts.map(({ failureClass, values }) => ({
    label: CLASS_INFO[failureClass].title,
    data: values.map((y, index) => ({ x: (bins.starts[index] ?? 0) + half, y })),
    backgroundColor: CLASS_COLORS[failureClass],
    borderWidth: 0,
    barPercentage: 1,
    categoryPercentage: 0.9,
  }));
  const span = input.to - input.from;
  return {
    type: 'bar',
    data: { datasets },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false, axis: 'x' },
      scales: {
        x: {
          type: 'linear',
          stacked: true,
          min: input.from,
          max: input.to,
          offset: false,
          grid: { color: palette.grid },
          // Round local times (no date adapter): chart.js's own linear ticks would land on odd minutes.
          afterBuildTicks: (scale) => {
            scale.ticks = timeTicks(input.from, input.to, 8).map((value) => ({ value }));
          },
          ticks: { color: palette.text, maxRotation: 0, autoSkip: false, callback: (value) => formatTick(Number(value), span) },
        },
        y: { type: 'linear', stacked: true, beginAtZero: true, grid: { color: palette.grid }, ticks: { color: palette.text, precision: 0 } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          filter: (item) => (item.raw as XY).y > 0,
          callbacks: {
            title: (items) => (items[0] ? `${formatDateTime((items[0].raw as XY).x - half)} (${Math.round(bins.binMs / 60_000)} min)` : ''),
          },
        },
      },
    },
  };
}
