/**
 * Databases for the renderer benchmark, written before `synack serve` opens them: many
 * endpoints on loopback listeners, or one endpoint with a week of 1 s history.
 */
import { endpointInputSchema } from '../../src-main/core/endpoints/endpoint-schema.ts';
import { parseOrThrow } from '../../src-main/core/endpoints/validation-error.ts';
import { MonitorService } from '../../src-main/core/monitor/monitor-service.ts';
import { openHistoryStore, type SqliteHistoryStore } from '../../src-main/core/store/open-history-store.ts';
import { prng } from '../../test/support/prng.ts';

const WEEK_SECONDS = 7 * 86_400;
const TAGS = ['prod', 'staging', 'db', 'web', 'edge'];

/** `count` TCP endpoints every `intervalMs` on the given ports, tagged in rotation. */
export async function seedEndpoints(dbPath: string, count: number, intervalMs: number, ports: readonly number[]): Promise<void> {
  const { store } = openHistoryStore(dbPath);
  const service = new MonitorService({ store });
  const rows = Array.from({ length: count }, (_, i) => `svc-${String(i).padStart(3, '0')},127.0.0.1,${ports[i % ports.length]},${intervalMs},500,${TAGS[i % TAGS.length]}`);
  const report = service.importEndpoints(['name,host,port,intervalMs,timeoutMs,tags', ...rows].join('\n'), 'csv');
  await service.stop();
  if (report.problems.length > 0) throw new Error(`seeding endpoints failed: ${JSON.stringify(report.problems[0])}`);
}


/** Writes `seconds` of 1 s samples ending at `endMs` for an endpoint: ~20 ms with a daily swell and a tail, a few failures of several classes. */
export function writeHistory(store: SqliteHistoryStore, endpointId: number, endMs: number, seconds: number, seed: number, failureRate = 0.004): void {
  const random = prng(seed);
  const start = endMs - seconds * 1000;
  for (let s = 0; s < seconds; s++) {
    const ts = start + s * 1000;
    const roll = random();
    const base = { endpointId, ts, kind: 'tcp' as const, address: '127.0.0.1', inconclusive: false };
    if (roll < failureRate) {
      const failureClass = roll < failureRate / 2 ? 'timeout' : roll < (failureRate * 3) / 4 ? 'refused' : 'reset';
      store.raw.writer.add({ ...base, ok: false, phases: { dns: 0 }, failureClass, code: failureClass === 'timeout' ? 'TIMEOUT' : failureClass === 'refused' ? 'ECONNREFUSED' : 'ECONNRESET' });
    } else {
      const daily = 6 * Math.sin((2 * Math.PI * (ts % 86_400_000)) / 86_400_000);
      const latencyMs = 18 + daily + 6 * Math.exp(random() * random() * 3) + random();
      store.raw.writer.add({ ...base, ok: true, latencyMs, phases: { dns: 0, connect: latencyMs } });
    }
    if (s % 5000 === 4999) store.raw.writer.flush();
  }
  store.flush();
}

/** One paused endpoint with a week of 1 s samples ending `now`; resolves to its id. */
export function seedWeekOfHistory(dbPath: string, now: number): number {
  const { store } = openHistoryStore(dbPath);
  try {
    const config = parseOrThrow(endpointInputSchema, { name: 'history', host: '192.0.2.10', port: 443, intervalMs: 1000, timeoutMs: 500, paused: true, tags: ['bench'] });
    const { id } = store.insertEndpoint(config);
    writeHistory(store, id, now, WEEK_SECONDS, 7);
    return id;
  } finally {
    store.close();
  }
}
