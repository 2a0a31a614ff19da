import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MonitorService, type TransitionReport } from '../../../src-main/core/monitor/monitor-service.ts';
import { openHistoryStore } from '../../../src-main/core/store/open-history-store.ts';
import type { EventDto, SampleDto } from '../../../src-main/ipc/dto.ts';
import { tcpServer, type TcpFixture } from '../../support/loopback.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { waitUntil } from '../../support/wait.ts';

let dir: ReturnType<typeof makeTempDir>;
let service: MonitorService;
let server: TcpFixture | undefined;

beforeEach(() => {
  dir = makeTempDir();
  service = new MonitorService({ store: openHistoryStore(join(dir.path, 'synack.db')).store, pushIntervalMs: 50 });
});
afterEach(async () => {
  await service.stop();
  await server?.close();
  server = undefined;
  dir.remove();
});

function collect(): { samples: SampleDto[]; events: EventDto[]; transitions: TransitionReport[] } {
  const seen = { samples: [] as SampleDto[], events: [] as EventDto[], transitions: [] as TransitionReport[] };
  service.subscribe((batch) => {
    seen.samples.push(...batch.samples);
    seen.events.push(...batch.events);
  });
  service.onTransition((t) => seen.transitions.push(t));
  return seen;
}

describe('heartbeat endpoints in the monitor service', () => {
  it('records heartbeat RTTs as samples, a FIN as a heartbeat-lost event, and reconnects', async () => {
    let connections = 0;
    server = await tcpServer((socket) => {
      connections++;
      socket.on('data', (data) => socket.write(data));
      // The first connection is closed by the server after a few heartbeats.
      if (connections === 1) setTimeout(() => socket.end(), 1300);
    });
    const seen = collect();
    service.start();
    service.addEndpoint({ name: 'hb', host: '127.0.0.1', port: server.port, kind: 'heartbeat', intervalMs: 400, timeoutMs: 300, send: { encoding: 'text', value: 'PING\n' }, expect: { kind: 'string', value: 'PING' } });
    await waitUntil(() => seen.events.some((e) => e.type === 'heartbeat-lost') && connections >= 2 && seen.samples.filter((s) => s.ok).length >= 6, 'a loss, a reconnect and six good samples', 8000);
    const lost = seen.events.find((e) => e.type === 'heartbeat-lost');
    expect(lost).toMatchObject({ failureClass: 'peer-closed' });
    expect(Number(lost?.details['uptimeMs'])).toBeGreaterThan(1100);
    const heartbeats = seen.samples.filter((s) => s.ok && s.phases?.firstByte !== undefined);
    expect(heartbeats.length).toBeGreaterThanOrEqual(3);
    for (const sample of heartbeats) expect(sample).toMatchObject({ kind: 'heartbeat', inconclusive: false });
    expect(seen.transitions.map((t) => t.to)).toEqual(['up']);
    const status = service.overview()[0]?.status;
    expect(status?.session?.status).toBe('established');
  });

  it('goes down with the class of the failed reconnects when the server is gone', async () => {
    server = await tcpServer((socket) => socket.on('data', (data) => socket.write(data)));
    const seen = collect();
    service.start();
    service.addEndpoint({ name: 'gone', host: '127.0.0.1', port: server.port, kind: 'heartbeat', intervalMs: 250, timeoutMs: 200, send: { encoding: 'text', value: 'x' } });
    await waitUntil(() => seen.transitions.some((t) => t.to === 'up'), 'up', 8000);
    await server.close();
    server = undefined;
    await waitUntil(() => seen.transitions.some((t) => t.to === 'down'), 'down', 8000);
    const down = seen.transitions.find((t) => t.to === 'down');
    expect(['peer-closed', 'refused', 'reset']).toContain(down?.failureClass);
    expect(seen.events.some((e) => e.type === 'heartbeat-lost')).toBe(true);
  });

  it('samples a passive session every interval while it stays established', async () => {
    server = await tcpServer();
    const seen = collect();
    service.start();
    service.addEndpoint({ name: 'passive', host: '127.0.0.1', port: server.port, kind: 'heartbeat', intervalMs: 250, timeoutMs: 200 });
    await waitUntil(() => seen.samples.length >= 6, 'six samples', 8000);
    expect(seen.samples.every((s) => s.ok)).toBe(true);
    expect(seen.samples.filter((s) => s.latencyMs === undefined).length).toBeGreaterThanOrEqual(4);
    expect(seen.transitions.map((t) => t.to)).toEqual(['up']);
  });
});
