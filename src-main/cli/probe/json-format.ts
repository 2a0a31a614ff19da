/**
 * JSON Lines output: one `attempt` object per attempt, one `summary` object per target.
 * The schema is documented in README, section "CLI". Milliseconds are rounded to the
 * microsecond.
 */
import type { Phases, ProbeOutcome } from '../../core/probe/types.ts';
import type { LatencySummary } from '../../core/stats/latency-summary.ts';
import type { Writer } from '../io.ts';
import type { AttemptRecord, Reporter } from './reporter.ts';
import type { TargetSummary } from './tally.ts';

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

function jsonPhases(phases: Phases): Record<string, number> {
  const out: Record<string, number> = { dns: round(phases.dns) };
  if (phases.connect !== undefined) out.connect = round(phases.connect);
  if (phases.firstByte !== undefined) out.firstByte = round(phases.firstByte);
  return out;
}

/** The `attempt` object for one outcome. */
export function attemptJson(record: AttemptRecord): Record<string, unknown> {
  const outcome: ProbeOutcome = record.outcome;
  const common = {
    type: 'attempt',
    time: new Date(outcome.startedAt).toISOString(),
    target: record.target.label,
    kind: outcome.kind,
    seq: record.seq,
    address: outcome.address ?? null,
    family: outcome.family ?? null,
    ok: outcome.ok,
    phases: jsonPhases(outcome.phases),
    total: round(outcome.totalMs),
  };
  if (outcome.ok) return { ...common, latency: round(outcome.latencyMs), synRetransmits: outcome.synRetransmits };
  const { failure } = outcome;
  return {
    ...common,
    latency: null,
    class: failure.class,
    code: failure.code,
    phase: failure.phase,
    message: failure.message,
    hint: failure.hint,
    ...(failure.errno === undefined ? {} : { errno: failure.errno }),
  };
}

function latencyJson(latency: LatencySummary | null): Record<string, number> | null {
  if (!latency) return null;
  return {
    count: latency.count,
    min: round(latency.min),
    avg: round(latency.avg),
    median: round(latency.median),
    p95: round(latency.p95),
    max: round(latency.max),
    stddev: round(latency.stddev),
    jitter: round(latency.jitter),
  };
}

/** The `summary` object for one target. */
export function summaryJson(summary: TargetSummary, interrupted: boolean): Record<string, unknown> {
  return {
    type: 'summary',
    target: summary.target.label,
    kind: summary.kind,
    sent: summary.sent,
    ok: summary.ok,
    failed: summary.failed,
    lossPct: summary.lossPct === null ? null : round(summary.lossPct),
    latency: latencyJson(summary.latency),
    failures: summary.failures,
    interrupted,
  };
}

/** JSON Lines through `write`. */
export function jsonReporter(write: Writer): Reporter {
  return {
    start() {},
    attempt(record) {
      write(`${JSON.stringify(attemptJson(record))}\n`);
    },
    finish(summaries, interrupted) {
      for (const summary of summaries) write(`${JSON.stringify(summaryJson(summary, interrupted))}\n`);
    },
  };
}
