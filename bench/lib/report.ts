/** Plain-text rendering of benchmark tables and target checks. */
import type { Check, Table } from './section.ts';

/** A table with the label column left-aligned and figures right-aligned. */
export function formatTable(table: Table): string {
  const header: readonly string[] = ['', ...table.columns];
  const lines = [header, ...table.rows];
  const widths = header.map((_, i) => Math.max(...lines.map((line) => (line[i] ?? '').length)));
  const render = (line: readonly string[]): string =>
    line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ').trimEnd();
  const rule = '-'.repeat(widths.reduce((sum, width) => sum + width, 0) + 3 * (widths.length - 1));
  return [table.title, render(header), rule, ...table.rows.map(render)].join('\n');
}

/** One line per check: PASS/MISS, the target and the measured figure. */
export function formatChecks(checks: readonly Check[]): string {
  const nameWidth = Math.max(...checks.map((check) => check.name.length));
  const targetWidth = Math.max(...checks.map((check) => check.target.length));
  return checks
    .map((check) => `${check.pass ? 'PASS' : 'MISS'}  ${check.name.padEnd(nameWidth)}  target ${check.target.padEnd(targetWidth)}  measured ${check.measured}`)
    .join('\n');
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Number formatters shared by the sections. */
export const fmt = {
  /** 12,345 */
  count: (value: number): string => (Number.isFinite(value) ? grouped.format(value) : 'n/a'),
  /** Fixed decimals. */
  fixed: (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a'),
  /** A ratio such as 1.07× */
  ratio: (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a'),
  /** Signed microseconds from milliseconds: +12 µs */
  deltaUs: (ms: number): string => (Number.isFinite(ms) ? `${ms >= 0 ? '+' : '−'}${Math.abs(ms * 1000).toFixed(0)} µs` : 'n/a'),
};
