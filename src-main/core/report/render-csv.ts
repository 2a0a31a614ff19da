/**
 * The summary CSV: one row per endpoint with the report's figures, a fixed set of columns
 * (one per failure class, so files from different ranges line up). Columns are documented
 * in the README's "Reports" section.
 */
import { stringify } from 'csv-stringify/sync';
import { FAILURE_CLASSES } from '../classify/failure-classes.ts';
import type { EndpointReport, Report } from './report-schema.ts';

export const SUMMARY_COLUMNS = [
  'endpoint', 'host', 'port', 'kind', 'tags', 'from', 'to',
  'probes', 'ok', 'failed', 'inconclusive', 'availability_pct', 'inconclusive_pct', 'loss_pct',
  'latency_min_ms', 'latency_median_ms', 'latency_mean_ms', 'latency_p95_ms', 'latency_p99_ms', 'latency_max_ms',
  'jitter_ms', 'syn_retransmits', 'incidents', 'incident_ms',
  ...FAILURE_CLASSES.map((c) => `failures_${c}`),
] as const;

export function renderSummaryCsv(report: Report): string {
  return stringify(report.endpoints.map((e) => summaryRow(e, report)), { header: true, columns: [...SUMMARY_COLUMNS] });
}

function summaryRow(e: EndpointReport, report: Report): (string | number)[] {
  const counts = new Map(e.failures.map((f) => [f.class, f.count]));
  return [
    e.name, e.host, e.port, e.kind, e.tags.join(';'), report.header.from, report.header.to,
    e.probes, e.ok, e.failed, e.inconclusive, fixed(e.availabilityPct, 6), fixed(e.inconclusivePct, 6), fixed(e.lossPct, 6),
    fixed(e.latencyMs?.min, 3), fixed(e.latencyMs?.median, 3), fixed(e.latencyMs?.mean, 3),
    fixed(e.latencyMs?.p95, 3), fixed(e.latencyMs?.p99, 3), fixed(e.latencyMs?.max, 3),
    fixed(e.jitterMs, 3), e.synRetransmits, e.incidents.length, Math.round(e.incidentMs),
    ...FAILURE_CLASSES.map((c) => counts.get(c) ?? 0),
  ];
}

/** A number without float noise; empty for "no value". */
export function fixed(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined ? '' : String(Number(value.toFixed(digits)));
}
