/**
 * Figures for a range: hour rollups for the whole hours, minute rollups for the partial hours
 * at the edges, raw samples only for the partial minutes at the very edges. A 30-day summary
 * reads ~720 hour rows, ~120 minute rows and at most two minutes of raw samples.
 */
import type { FailureClass } from '../classify/failure-classes.ts';
import { FAILURE_CLASS_CODES } from './codes.ts';
import { queryIncidents, type Incident, type IncidentSources } from './incidents.ts';
import { Rollup } from './rollup.ts';
import { RESOLUTION_MS, type RollupTables } from './rollup-tables.ts';

export interface LatencyStats {
  readonly minMs: number;
  readonly medianMs: number;
  readonly meanMs: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface Summary {
  readonly endpointId: number;
  readonly fromMs: number;
  readonly toMs: number;
  /** All samples, inconclusive ones included. */
  readonly samples: number;
  readonly ok: number;
  readonly failed: number;
  readonly inconclusive: number;
  /** ok / (samples − inconclusive), in %; null without conclusive samples. */
  readonly uptimePct: number | null;
  /** Conclusive probes that got no answer at all (timeout, half-open), in % of conclusive ones. */
  readonly lossPct: number | null;
  /** Over ok samples; percentiles within ±1 % (sketch), min/max/mean exact. */
  readonly latency: LatencyStats | null;
  /** Mean |Δ| between consecutive ok latencies, ms. */
  readonly jitterMs: number | null;
  readonly failures: Partial<Record<FailureClass, number>>;
  /** Samples whose connect time suggests a lost SYN. */
  readonly synRetransmits: number;
  readonly incidents: readonly Incident[];
  /** What was read: rollup rows per resolution and raw samples (for diagnostics). */
  readonly read: { readonly hourRows: number; readonly minuteRows: number; readonly rawSamples: number };
}

export interface SummarySources extends IncidentSources {
  readonly rollups: RollupTables;
}

const NO_ANSWER_CODES = [FAILURE_CLASS_CODES.timeout, FAILURE_CLASS_CODES['half-open']];

export function querySummary(
  sources: SummarySources, endpointId: number, fromMs: number, toMs: number, downStates?: readonly string[],
): Summary {
  const total = new Rollup();
  const read = { hourRows: 0, minuteRows: 0, rawSamples: 0 };
  const addRaw = (from: number, to: number): void => {
    if (to <= from) return;
    const before = total.count;
    sources.samples.aggregate(endpointId, from, to, total);
    read.rawSamples += total.count - before;
  };
  const addRows = (resolution: 'minute' | 'hour', from: number, to: number): void => {
    for (const row of sources.rollups.range(resolution, endpointId, from, to)) {
      total.mergeRow(row);
      read[resolution === 'hour' ? 'hourRows' : 'minuteRows']++;
    }
  };
  const addMinutes = (from: number, to: number): void => {
    if (to <= from) return;
    const m0 = ceilTo(from, RESOLUTION_MS.minute);
    const m1 = floorTo(to, RESOLUTION_MS.minute);
    if (m0 >= m1) return addRaw(from, to);
    addRaw(from, m0);
    addRows('minute', m0, m1);
    addRaw(m1, to);
  };
  if (toMs > fromMs) {
    const h0 = ceilTo(fromMs, RESOLUTION_MS.hour);
    const h1 = floorTo(toMs, RESOLUTION_MS.hour);
    if (h0 < h1) {
      addMinutes(fromMs, h0);
      addRows('hour', h0, h1);
      addMinutes(h1, toMs);
    } else {
      addMinutes(fromMs, toMs);
    }
  }
  return {
    endpointId,
    fromMs,
    toMs,
    samples: total.count,
    ok: total.ok,
    failed: total.failed,
    inconclusive: total.inconclusive,
    ...rates(total),
    latency: latencyStats(total),
    jitterMs: total.jitterCount > 0 ? total.jitterSum / total.jitterCount / 1000 : null,
    failures: total.failureCounts(),
    synRetransmits: total.synRetransmits,
    incidents: toMs > fromMs ? queryIncidents(sources, endpointId, fromMs, toMs, downStates) : [],
    read,
  };
}

function rates(total: Rollup): { uptimePct: number | null; lossPct: number | null } {
  const conclusive = total.count - total.inconclusive;
  if (conclusive === 0) return { uptimePct: null, lossPct: null };
  const noAnswer = NO_ANSWER_CODES.reduce((sum, code) => sum + total.failures[code]!, 0);
  return { uptimePct: (total.ok / conclusive) * 100, lossPct: (noAnswer / conclusive) * 100 };
}

function latencyStats(total: Rollup): LatencyStats | null {
  if (total.latencyCount === 0) return null;
  const at = (q: number): number => (total.quantileUs(q) ?? 0) / 1000;
  return {
    minMs: total.latencyMin / 1000,
    medianMs: at(0.5),
    meanMs: total.latencySum / total.latencyCount / 1000,
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    maxMs: total.latencyMax / 1000,
  };
}

function floorTo(ts: number, step: number): number {
  return Math.floor(ts / step) * step;
}

function ceilTo(ts: number, step: number): number {
  return Math.ceil(ts / step) * step;
}
