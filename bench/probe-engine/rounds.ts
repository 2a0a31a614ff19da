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
  /**
   * CPU the rest of the machine used, % of one core (median of rounds): softirq work for our
   * own loopback traffic plus any other process. High values mean the figures are disturbed.
   */
  readonly restCpuPercent: number;
  readonly lagP99Ms: number;
  /** Connect-time quantiles over every successful probe of every round, ms. */
  readonly connectP50Ms: number;
  readonly connectP99Ms: number;
  /** Rounds the figures come from (the undisturbed ones when they are at least half), of `rounds`. */
  readonly roundsUsed: number;
  readonly rounds: number;
  /** Successful probes and failures over every round. */
  readonly probes: number;
  readonly failures: number;
  readonly errors: ReadonlyMap<string, number>;
  /** The most sockets seen in TIME_WAIT after a round (system-wide). */
  readonly maxTimeWait: number | undefined;
}

/**
 * Rest-of-machine CPU, % of one core, above which a round counts as disturbed by other work:
 * on a quiet machine softirq for our own loopback traffic stays near 10%.
 */
export const DISTURBED_REST_PERCENT = 30;

/** /proc/stat ticks are 10 ms, so the difference can dip below zero on an idle machine: clamp it. */
function restPercent(result: LoadResult, listenerCpuMs: number): number {
  if (result.meter.machineBusyMs === undefined) return Number.NaN;
  return Math.max(0, ((result.meter.machineBusyMs - result.meter.cpuMs - listenerCpuMs) * 100) / result.meter.wallMs);
}

interface RoundRecord {
  readonly result: LoadResult;
  readonly listenerCpuMs: number;
  /** See `Figures.restCpuPercent`; NaN without /proc. */
  readonly restPercent: number;
  readonly timeWait: number | undefined;
}

async function measureRound(round: Round, dial: Dial, listeners: Listeners): Promise<RoundRecord> {
  const before = await listeners.cpuMs();
  const result = await round(dial);
  const listenerCpuMs = (await listeners.cpuMs()) - before;
  return { result, listenerCpuMs, restPercent: restPercent(result, listenerCpuMs), timeWait: timeWaitCount() };
}

/**
 * Figures from the rounds no other work disturbed, when they are at least half of them (else
 * from every round, and the run says DISTURBED). Failures count over every round: a round left
 * out never hides an error.
 */
function condense(records: readonly RoundRecord[]): Figures {
  const errors = new Map<string, number>();
  let probes = 0;
  let failures = 0;
  for (const { result } of records) {
    probes += result.completed;
    failures += result.failed;
    for (const [code, count] of result.errors) errors.set(code, (errors.get(code) ?? 0) + count);
  }
  const clean = records.filter((record) => !(record.restPercent > DISTURBED_REST_PERCENT));
  const used = clean.length * 2 >= records.length ? clean : records;
  const connect = new Samples();
  for (const { result } of used) connect.append(result.connectMs);
  const perRound = (pick: (record: RoundRecord) => number): number => median(used.map(pick));
  const sorted = connect.sorted();
  const timeWaits = records.map((record) => record.timeWait).filter((count) => count !== undefined);
  return {
    rate: perRound(({ result }) => (result.completed * 1000) / result.meter.wallMs),
    cpuPer1000: perRound(({ result }) => (result.meter.cpuMs * 1000) / result.completed),
    cpuPercent: perRound(({ result }) => (result.meter.cpuMs * 100) / result.meter.wallMs),
    listenerCpuPercent: perRound(({ result, listenerCpuMs }) => (listenerCpuMs * 100) / result.meter.wallMs),
    restCpuPercent: perRound((record) => record.restPercent),
    lagP99Ms: perRound(({ result }) => result.meter.lagP99Ms),
    connectP50Ms: quantileSorted(sorted, 0.5),
    connectP99Ms: quantileSorted(sorted, 0.99),
    roundsUsed: used.length,
    rounds: records.length,
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
      const rate = Math.round((result.completed * 1000) / result.meter.wallMs);
      const cpu = ((result.meter.cpuMs * 1000) / result.completed).toFixed(1);
      const rest = record.restPercent > DISTURBED_REST_PERCENT ? `, disturbed (rest of machine ${record.restPercent.toFixed(0)}%)` : '';
      log(`  round ${r + 1}/${rounds} ${variants[i]!.name}: ${rate}/s, ${cpu} CPU ms/1000, ${result.failed} failed${rest}`);
    }
  }
  return records.map(condense);
}
