/**
 * The report's charts as inline SVG strings (no chart library, no script): latency over the
 * range (p5–p95 band, median line, incident spans shaded) and failed probes per bucket,
 * stacked by failure class. Sized by viewBox, so they scale with the page and print crisply.
 */
import { FAILURE_CLASSES, CLASS_INFO } from '../classify/failure-classes.ts';
import { CLASS_COLORS, INCONCLUSIVE_COLOR } from '../classify/class-colors.ts';
import type { EndpointReport } from './report-schema.ts';
import { esc, n, niceAxis, tickLabel } from './svg.ts';
import { timeTicks } from './time-axis.ts';

const W = 720;
const H = 190;
const M = { left: 52, right: 10, top: 10, bottom: 24 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

interface Frame {
  readonly from: number;
  readonly to: number;
  readonly timeZone: string;
}

export function latencyChart(endpoint: EndpointReport, frame: Frame): string {
  const points = endpoint.series.points.filter((p) => p.medianMs !== null);
  const top = Math.max(0, ...points.map((p) => p.p95Ms ?? 0), ...points.map((p) => p.medianMs ?? 0));
  const axis = niceAxis(top * 1.1);
  const x = xScale(frame);
  const y = (v: number): number => M.top + PLOT_H - (Math.min(v, axis.max) / axis.max) * PLOT_H;
  const half = endpoint.series.bucketMs / 2;
  const parts: string[] = [];
  for (const incident of endpoint.incidents) {
    const start = Math.max(Date.parse(incident.start), frame.from);
    const end = Math.min(incident.end === null ? frame.to : Date.parse(incident.end), frame.to);
    if (end <= start) continue;
    parts.push(`<rect class="down" x="${n(x(start))}" y="${M.top}" width="${n(Math.max(2, x(end) - x(start)))}" height="${PLOT_H}"><title>incident ${esc(incident.start)}</title></rect>`);
  }
  for (const run of runs(points, endpoint.series.bucketMs)) {
    const upper = run.map((p) => `${n(x(p.ts + half))},${n(y(p.p95Ms ?? p.medianMs!))}`);
    const lower = run.map((p) => `${n(x(p.ts + half))},${n(y(p.p5Ms ?? p.medianMs!))}`).reverse();
    parts.push(`<polygon class="band" points="${[...upper, ...lower].join(' ')}"/>`);
    parts.push(`<polyline class="median" points="${run.map((p) => `${n(x(p.ts + half))},${n(y(p.medianMs!))}`).join(' ')}"/>`);
  }
  const body = points.length === 0 ? empty('no successful probe in this range') : parts.join('');
  return svg(`Latency of ${endpoint.name}`, grid(axis, y, 'ms') + timeAxis(frame, x) + body);
}

export function failureChart(endpoint: EndpointReport, frame: Frame): string {
  const points = endpoint.series.points.filter((p) => p.failed + p.inconclusive > 0);
  const axis = niceAxis(Math.max(0, ...points.map((p) => p.failed + p.inconclusive)));
  const x = xScale(frame);
  const h = (v: number): number => (v / axis.max) * PLOT_H;
  const parts: string[] = [];
  for (const p of points) {
    const x0 = x(Math.max(p.ts, frame.from));
    const width = Math.max(1, x(Math.min(p.ts + endpoint.series.bucketMs, frame.to)) - x0 - 0.3);
    let base = M.top + PLOT_H;
    const stack: [string, number, string][] = FAILURE_CLASSES.flatMap((c) => {
      const count = p.failures[c] ?? 0;
      return count > 0 ? [[CLASS_COLORS[c], count, `${CLASS_INFO[c].title}: ${count}`] as [string, number, string]] : [];
    });
    if (p.inconclusive > 0) stack.push([INCONCLUSIVE_COLOR, p.inconclusive, `Inconclusive: ${p.inconclusive}`]);
    for (const [color, count, title] of stack) {
      const height = h(count);
      base -= height;
      parts.push(`<rect x="${n(x0)}" y="${n(base)}" width="${n(width)}" height="${n(Math.max(0.5, height))}" fill="${color}"><title>${esc(title)}</title></rect>`);
    }
  }
  const body = points.length === 0 ? empty('no failed or inconclusive probe in this range') : parts.join('');
  return svg(`Failed probes of ${endpoint.name} by class`, grid(axis, (v) => M.top + PLOT_H - h(v), '') + timeAxis(frame, x) + body);
}

function xScale(frame: Frame): (ts: number) => number {
  const span = Math.max(1, frame.to - frame.from);
  return (ts) => M.left + ((Math.min(Math.max(ts, frame.from), frame.to) - frame.from) / span) * PLOT_W;
}

/** Consecutive buckets (no missing bucket between them): a line never bridges a gap. */
function runs<T extends { ts: number }>(points: readonly T[], bucketMs: number): T[][] {
  const result: T[][] = [];
  let current: T[] = [];
  for (const point of points) {
    const previous = current.at(-1);
    if (previous && point.ts - previous.ts > bucketMs * 1.5) {
      result.push(current);
      current = [];
    }
    current.push(point);
  }
  if (current.length > 0) result.push(current);
  return result;
}

function grid(axis: { max: number; ticks: readonly number[] }, y: (v: number) => number, unit: string): string {
  return axis.ticks
    .map((tick) => {
      const at = n(y(tick));
      return `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${at}" y2="${at}"/>`
        + `<text class="tick" x="${M.left - 4}" y="${at}" text-anchor="end" dominant-baseline="middle">${tickLabel(tick)}${unit ? ` ${unit}` : ''}</text>`;
    })
    .join('');
}

function timeAxis(frame: Frame, x: (ts: number) => number): string {
  const base = M.top + PLOT_H;
  const ticks = timeTicks(frame.from, frame.to, frame.timeZone).map((tick) => {
    const at = n(x(tick.ts));
    return `<line class="axis" x1="${at}" x2="${at}" y1="${base}" y2="${base + 4}"/>`
      + `<text class="tick" x="${at}" y="${base + 15}" text-anchor="middle">${esc(tick.label)}</text>`;
  });
  return `<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${base}" y2="${base}"/>${ticks.join('')}`;
}

function empty(message: string): string {
  return `<text class="empty" x="${M.left + PLOT_W / 2}" y="${M.top + PLOT_H / 2}" text-anchor="middle">${esc(message)}</text>`;
}

function svg(title: string, body: string): string {
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${body}</svg>`;
}
