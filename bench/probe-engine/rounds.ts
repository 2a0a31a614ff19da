/**
 * Runs a load shape for every variant in several alternating rounds (A B, B A, A B…) against
 * the same listeners, so drift and warm-up do not favour either, and condenses each variant
 * to per-round medians plus connect-time quantiles pooled over its rounds.
 */
import type { Listeners } from '../lib/listeners.ts';
import { timeWaitCount } from '../lib/loopback.ts';
import { median, quantileSorted, Samples } from '../lib/stats.ts';
import type { Dial, Variant } from './dialers.ts';
import type { LoadResult } from './load.ts';

/** One load shape: how to run a single round with a given dial. */
export type Round = (dial: Dial) => Promise<LoadResult>;

/** A variant's figures over all rounds of one load shape. */
export interface Figures {
  /** Successful probes per second (median of rounds). */
  readonly rate: number;
  /** Client CPU ms per 1000 successful probes (median of rounds). */
  readonly cpuPer1000: number;
  /** Client CPU time over wall time, % of one core (median of rounds). */
  readonly cpuPercent: number;
  /** The listener process's CPU over wall time, % of one core (median of rounds). */
  readonly listenerCpuPercent: number;
  readonly lagP99Ms: number;
  /** Connect-time quantiles over every successful probe of every round, ms. */
  readonly connectP50Ms: number;
  readonly connectP99Ms: number;
  readonly probes: number;
  readonly failures: number;
  readonly errors: ReadonlyMap<string, number>;
  /** The most sockets seen in TIME_WAIT after a round (system-wide). */
  readonly maxTimeWait: number | undefined;
}

interface RoundRecord {
  readonly result: LoadResult;
  readonly listenerCpuMs: number;
  readonly timeWait: number | undefined;
}

async function measureRound(round: Round, dial: Dial, listeners: Listeners): Promise<RoundRecord> {
  const before = await listeners.cpuMs();
  const result = await round(dial);
  const after = await listeners.cpuMs();
  return { result, listenerCpuMs: after - before, timeWait: timeWaitCount() };
}

function condense(records: readonly RoundRecord[]): Figures {
  const connect = new Samples();
  const errors = new Map<string, number>();
  let probes = 0;
  let failures = 0;
  for (const { result } of records) {
    connect.append(result.connectMs);
    probes += result.completed;
    failures += result.failed;
    for (const [code, count] of result.errors) errors.set(code, (errors.get(code) ?? 0) + count);
  }
  const perRound = (pick: (record: RoundRecord) => number): number => median(records.map(pick));
  const sorted = connect.sorted();
  const timeWaits = records.map((record) => record.timeWait).filter((count) => count !== undefined);
  return {
    rate: perRound(({ result }) => (result.completed * 1000) / result.meter.wallMs),
    cpuPer1000: perRound(({ result }) => (result.meter.cpuMs * 1000) / result.completed),
    cpuPercent: perRound(({ result }) => (result.meter.cpuMs * 100) / result.meter.wallMs),
    listenerCpuPercent: perRound(({ result, listenerCpuMs }) => (listenerCpuMs * 100) / result.meter.wallMs),
    lagP99Ms: perRound(({ result }) => result.meter.lagP99Ms),
    connectP50Ms: quantileSorted(sorted, 0.5),
    connectP99Ms: quantileSorted(sorted, 0.99),
    probes,
    failures,
    errors,
    maxTimeWait: timeWaits.length > 0 ? Math.max(...timeWaits) : undefined,
  };
}

/** Runs `rounds` rounds of each variant, alternating the order every round; figures in variant order. */
export async function runRounds(
  round: Round,
  variants: readonly Variant[],
  listeners: Listeners,
  rounds: number,
  log: (line: string) => void,
): Promise<Figures[]> {
  const records = variants.map((): RoundRecord[] => []);
  for (let r = 0; r < rounds; r++) {
    const order = variants.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      const record = await measureRound(round, variants[i]!.dial, listeners);
      records[i]!.push(record);
      const { result } = record;
      log(`  round ${r + 1}/${rounds} ${variants[i]!.name}: ${Math.round((result.completed * 1000) / result.meter.wallMs)}/s, ${result.failed} failed`);
    }
  }
  return records.map(condense);
}
