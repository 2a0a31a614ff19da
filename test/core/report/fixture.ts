/**
 * A generated day of history with known properties, written through the real store, for
 * the report tests (and the README screenshot):
 * - "isp-gateway" (1 s): exactly three outages (60 s timeout, 300 s refused, 30 s of 10
 *   timeouts then 20 host-unreachable) with their state-change events, 100 inconclusive
 *   samples, a generated latency distribution, a SYN retransmit every 1000th success;
 * - "web" (10 s): always up;
 * - "resolver" (60 s): down from 1 h before the range until 2 h into it (DNS failures).
 */
import { join } from 'node:path';
import type { FailureClass } from '../../../src-main/core/classify/failure-classes.ts';
import { endpointInputSchema, type Endpoint, type EndpointInput } from '../../../src-main/core/endpoints/endpoint-schema.ts';
import { MonitorService } from '../../../src-main/core/monitor/monitor-service.ts';
import type { StoredSample } from '../../../src-main/core/store/index.ts';
import { openHistoryStore, type SqliteHistoryStore } from '../../../src-main/core/store/open-history-store.ts';
import { toMicros } from '../../../src-main/core/store/sample.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { prng } from '../../support/prng.ts';

/** The default day: fixed, so local times in a zone are known. */
export const T0 = Date.UTC(2025, 0, 14);
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export interface Outage {
  readonly from: number;
  readonly seconds: number;
  readonly failure: (second: number) => { failureClass: FailureClass; code: string; errno?: number };
}

export const OUTAGES: readonly Outage[] = [
  { from: 3 * 3600 + 17 * 60, seconds: 60, failure: () => ({ failureClass: 'timeout', code: 'TIMEOUT' }) },
  { from: 9 * 3600 + 41 * 60, seconds: 300, failure: () => ({ failureClass: 'refused', code: 'ECONNREFUSED', errno: -111 }) },
  {
    from: 19 * 3600 + 5 * 60,
    seconds: 30,
    failure: (s) => (s < 19 * 3600 + 5 * 60 + 10 ? { failureClass: 'timeout', code: 'TIMEOUT' } : { failureClass: 'host-unreachable', code: 'EHOSTUNREACH', errno: -113 }),
  },
];
export const INCONCLUSIVE = { from: 14 * 3600, seconds: 100 };
/** The resolver is down from 1 h before the range until 2 h into it (offsets from t0). */
export const RESOLVER_DOWN = { start: -HOUR, end: 2 * HOUR };

export interface FixtureOptions {
  /** Start of the generated day (a UTC midnight). @default T0 */
  readonly t0?: number;
  /** The store's and the reports' clock. @default an hour after the day ends */
  readonly now?: number;
}

export interface Fixture {
  /** Start of the day (the report's range is [t0, t0 + DAY)). */
  readonly t0: number;
  readonly now: number;
  readonly dbPath: string;
  readonly service: MonitorService;
  readonly store: SqliteHistoryStore;
  readonly endpoints: { readonly gateway: Endpoint; readonly web: Endpoint; readonly resolver: Endpoint };
  /** What was written for the gateway, in order. */
  readonly gatewaySamples: readonly StoredSample[];
  readonly samplesWritten: number;
  /** Stops the service and closes the database (the file stays, e.g. for the CLI). */
  stop(): Promise<void>;
  /** Stops if needed and removes the temp dir. */
  close(): Promise<void>;
}


export function openFixture(options: FixtureOptions = {}): Fixture {
  const t0 = options.t0 ?? T0;
  const now = options.now ?? t0 + DAY + HOUR;
  const dir = makeTempDir('synack-report-');
  const dbPath = join(dir.path, 'synack.db');
  const { store } = openHistoryStore(dbPath, { now: () => now, writer: { flushIntervalMs: 3_600_000, maxBatch: 1_000_000_000 } });
  const add = (input: EndpointInput): Endpoint => store.insertEndpoint(endpointInputSchema.parse(input));
  const gateway = add({ name: 'isp-gateway', host: '203.0.113.1', port: 443, intervalMs: 1000, timeoutMs: 900, tags: ['isp'] });
  const web = add({ name: 'web', host: 'www.example.com', port: 443, intervalMs: 10_000, tags: ['web'] });
  const resolver = add({ name: 'resolver', host: 'dns.example.net', port: 53, intervalMs: 60_000, tags: ['isp'] });
  const raw = store.raw;
  let written = 0;
  const write = (sample: StoredSample): void => {
    raw.writer.add(sample);
    if (++written % 20_000 === 0) raw.writer.flush();
  };
  const random = prng(7);
  const gatewaySamples: StoredSample[] = [];
  for (let s = 0; s < 86_400; s++) {
    const ts = t0 + s * 1000;
    const outage = OUTAGES.find((o) => s >= o.from && s < o.from + o.seconds);
    let sample: StoredSample;
    if (outage) {
      const failure = outage.failure(s);
      sample = { endpointId: gateway.id, ts, kind: 'tcp', ok: false, phases: { dns: 0 }, address: '203.0.113.1', inconclusive: false, ...failure };
    } else if (s >= INCONCLUSIVE.from && s < INCONCLUSIVE.from + INCONCLUSIVE.seconds) {
      sample = { endpointId: gateway.id, ts, kind: 'tcp', ok: false, phases: { dns: 0 }, failureClass: 'net-unreachable', code: 'ENETUNREACH', errno: -101, inconclusive: true };
    } else {
      // Evening busy hours are slower; a long tail from an exponential term.
      const hour = s / 3600;
      const base = 11 + 4 * Math.max(0, Math.sin(((hour - 12) / 24) * 2 * Math.PI));
      const latency = Math.round((base + -Math.log(1 - random()) * 2.5) * 1000) / 1000;
      sample = {
        endpointId: gateway.id, ts, kind: 'tcp', ok: true, latencyMs: latency, phases: { dns: 0, connect: latency }, address: '203.0.113.1',
        inconclusive: false, synRetransmits: s % 1000 === 0 ? 1 : 0,
      };
    }
    gatewaySamples.push(sample);
    write(sample);
  }
  for (let s = 0; s < 86_400; s += 10) {
    const latency = 28 + (s % 500) / 50;
    write({ endpointId: web.id, ts: t0 + s * 1000, kind: 'tcp', ok: true, latencyMs: latency, phases: { dns: 1.5, connect: latency }, address: '198.51.100.7', inconclusive: false });
  }
  for (let ts = t0 + RESOLVER_DOWN.start; ts < t0 + DAY; ts += 60_000) {
    const down = ts < t0 + RESOLVER_DOWN.end;
    write(down
      ? { endpointId: resolver.id, ts, kind: 'tcp', ok: false, phases: { dns: 5000 }, failureClass: 'dns', code: 'ETIMEOUT', inconclusive: false }
      : { endpointId: resolver.id, ts, kind: 'tcp', ok: true, latencyMs: 4, phases: { dns: 2, connect: 4 }, address: '192.0.2.53', inconclusive: false });
  }
  raw.writer.flush();
  const event = (endpointId: number, ts: number, from: string, to: string, failureClass?: FailureClass): void => {
    raw.events.insert({ endpointId, ts, type: 'state-change', fromState: from, toState: to, ...(failureClass ? { failureClass } : {}) });
  };
  for (const o of OUTAGES) {
    event(gateway.id, t0 + o.from * 1000, 'up', 'down', o.failure(o.from).failureClass);
    event(gateway.id, t0 + (o.from + o.seconds) * 1000, 'down', 'up');
  }
  event(resolver.id, t0 + RESOLVER_DOWN.start, 'up', 'down', 'dns');
  event(resolver.id, t0 + RESOLVER_DOWN.end, 'down', 'up');
  const service = new MonitorService({ store, reports: { machine: 'probe-01.example', timeZone: 'Europe/Berlin', version: '0.1.0', now: () => now } });
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= service.stop());
  return {
    t0,
    now,
    dbPath,
    service,
    store,
    endpoints: { gateway, web, resolver },
    gatewaySamples,
    samplesWritten: written,
    stop,
    close: async () => {
      await stop();
      dir.remove();
    },
  };
}

/** Latencies (µs, as stored) of the gateway's successes, sorted. */
export function sortedGatewayLatencies(samples: readonly StoredSample[]): number[] {
  return samples.filter((s) => s.ok).map((s) => toMicros(s.latencyMs)!).sort((a, b) => a - b);
}
