/** Measures one benchmark window: wall time, this process's CPU time, and event-loop lag. */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The event-loop delay sampler's period; its histogram counts the period itself, which is subtracted. */
const LAG_RESOLUTION_MS = 5;

export interface MeterReading {
  readonly wallMs: number;
  /** User + system CPU time of this process, in ms. */
  readonly cpuMs: number;
  /** Event-loop lag beyond the sampling period, in ms. */
  readonly lagP99Ms: number;
  readonly lagMaxMs: number;
}

/** Starts measuring now; `stop()` returns the reading for the window. */
export function startMeter(): { stop(): MeterReading } {
  const histogram = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  histogram.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop() {
      const wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      histogram.disable();
      const lag = (ns: number): number => Math.max(0, ns / 1e6 - LAG_RESOLUTION_MS);
      return {
        wallMs,
        cpuMs: (cpu.user + cpu.system) / 1000,
        lagP99Ms: histogram.count > 0 ? lag(histogram.percentile(99)) : 0,
        lagMaxMs: histogram.count > 0 ? lag(histogram.max) : 0,
      };
    },
  };
}
