/**
 * The two load shapes, identical for every variant: a bounded window of probes in flight
 * for a fixed time (sustained rate), and a paced schedule of many targets at a fixed interval.
 */
import { startMeter, type MeterReading } from '../lib/meter.ts';
import { Samples } from '../lib/stats.ts';
import type { Dial } from './dialers.ts';

export interface LoadResult {
  readonly completed: number;
  readonly failed: number;
  /** Failures by error code, so a port or TIME_WAIT limit shows instead of hiding. */
  readonly errors: ReadonlyMap<string, number>;
  /** Connect times of the successful probes, ms. */
  readonly connectMs: Samples;
  readonly meter: MeterReading;
}

interface Tally {
  completed: number;
  failed: number;
  readonly errors: Map<string, number>;
  readonly connectMs: Samples;
}

function newTally(): Tally {
  return { completed: 0, failed: 0, errors: new Map(), connectMs: new Samples() };
}

function record(tally: Tally, connectMs: number, errorCode: string | undefined): void {
  if (errorCode === undefined) {
    tally.completed++;
    tally.connectMs.push(connectMs);
  } else {
    tally.failed++;
    tally.errors.set(errorCode, (tally.errors.get(errorCode) ?? 0) + 1);
  }
}

/**
 * Keeps `concurrency` probes in flight, round-robin over the targets, for `durationMs`;
 * then waits for the ones in flight. The meter covers launch to the last completion.
 */
export function runWindow(dial: Dial, host: string, ports: readonly number[], concurrency: number, durationMs: number): Promise<LoadResult> {
  return new Promise((resolve) => {
    const tally = newTally();
    const meter = startMeter();
    const deadline = performance.now() + durationMs;
    let next = 0;
    let inFlight = 0;
    const launch = (): void => {
      inFlight++;
      const port = ports[next]!;
      next = next + 1 === ports.length ? 0 : next + 1;
      dial(host, port, onDone);
    };
    const onDone = (connectMs: number, errorCode: string | undefined): void => {
      inFlight--;
      record(tally, connectMs, errorCode);
      if (performance.now() < deadline) launch();
      else if (inFlight === 0) resolve({ ...tally, meter: meter.stop() });
    };
    for (let i = 0; i < concurrency; i++) launch();
  });
}

/**
 * Probes every target once per `intervalMs`, first probes spread evenly over one interval,
 * each target on its own timeout chain (interval minus elapsed, never overlapping itself),
 * as a monitor schedules them. Runs for `durationMs`, then lets the last probes finish.
 */
export function runPaced(dial: Dial, host: string, ports: readonly number[], intervalMs: number, durationMs: number): Promise<LoadResult> {
  return new Promise((resolve) => {
    const tally = newTally();
    const meter = startMeter();
    const start = performance.now();
    const end = start + durationMs;
    let pending = ports.length;
    const chainDone = (): void => {
      if (--pending === 0) resolve({ ...tally, meter: meter.stop() });
    };
    const schedule = (port: number, due: number): void => {
      if (due >= end) return chainDone();
      setTimeout(() => {
        dial(host, port, (connectMs, errorCode) => {
          record(tally, connectMs, errorCode);
          schedule(port, due + intervalMs);
        });
      }, Math.max(0, due - performance.now()));
    };
    ports.forEach((port, i) => schedule(port, start + (i * intervalMs) / ports.length));
  });
}
