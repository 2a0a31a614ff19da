import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src-main/core/endpoints/validation-error.ts';
import { MonitorService, type TransitionReport } from '../../../src-main/core/monitor/monitor-service.ts';
import { openHistoryStore } from '../../../src-main/core/store/open-history-store.ts';
import type { UpdateBatchDto } from '../../../src-main/ipc/dto.ts';
import { closedPort, tcpServer, type TcpFixture } from '../../support/loopback.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof makeTempDir>;
let services: MonitorService[] = [];
let fixtures: TcpFixture[] = [];

beforeEach(() => {
  dir = makeTempDir();
});
afterEach(async () => {
  await Promise.all(services.map((service) => service.stop().catch(() => {})));
  await Promise.all(fixtures.map((fixture) => fixture.close()));
  services = [];
  fixtures = [];
  dir.remove();
});

function open(): MonitorService {
  const { store } = openHistoryStore(join(dir.path, 'synack.db'));
  const service = new MonitorService({ store, pushIntervalMs: 100 });
  services.push(service);
  return service;
}

async function listener(port = 0): Promise<TcpFixture> {
  const fixture = await tcpServer(undefined, port);
  fixtures.push(fixture);
  return fixture;
}

/** Resolves with the first transition matching `to` for the endpoint, or rejects after `ms`. */
function transitionTo(service: MonitorService, name: string, to: string, ms = 6000): Promise<TransitionReport> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`${name} did not reach ${to} within ${ms} ms`));
    }, ms);
    const off = service.onTransition((report) => {
      if (report.endpoint.name !== name || report.to !== to) return;
      clearTimeout(timer);
      off();
      resolve(report);
    });
  });
}

const fast = { intervalMs: 250, timeoutMs: 200 };

describe('MonitorService', () => {
  it('rejects an invalid endpoint naming the field, and stores nothing', async () => {
    const service = open();
    expect(() => service.addEndpoint({ name: 'x', host: '127.0.0.1', port: 70000 })).toThrow(ValidationError);
    try {
      service.addEndpoint({ name: 'x', host: '127.0.0.1', port: 70000 });
    } catch (error) {
      expect((error as ValidationError).field).toBe('port');
    }
    expect(service.listEndpoints()).toEqual([]);
  });

  it('rejects a duplicate name', () => {
    const service = open();
    service.addEndpoint({ name: 'web', host: '127.0.0.1', port: 80 });
    expect(() => service.addEndpoint({ name: 'web', host: '127.0.0.1', port: 81 })).toThrow(/web/);
    expect(service.listEndpoints()).toHaveLength(1);
  });

  it('goes up, down after N refusals with the class, then recovers after M successes', async () => {
    const server = await listener();
    const service = open();
    service.start();
    const up = transitionTo(service, 'svc', 'up');
    service.addEndpoint({ name: 'svc', host: '127.0.0.1', port: server.port, ...fast });
    expect((await up).from).toBe('pending');

    const down = transitionTo(service, 'svc', 'down');
    const port = server.port;
    await server.close();
    fixtures = fixtures.filter((f) => f !== server);
    const report = await down;
    expect(report).toMatchObject({ from: 'up', to: 'down', failureClass: 'refused', evidence: { consecutiveFailures: 3, code: 'ECONNREFUSED' } });

    const recovering = transitionTo(service, 'svc', 'recovering');
    const upAgain = transitionTo(service, 'svc', 'up');
    await listener(port);
    await recovering;
    const back = await upAgain;
    expect(back.from).toBe('recovering');
    expect(back.evidence.consecutiveSuccesses).toBe(2);

    const events = service.events({ from: 0, to: Date.now() + 1000, limit: 100 });
    expect(events.map((e) => `${e.from}>${e.to}`)).toEqual(['pending>up', 'up>down', 'down>recovering', 'recovering>up']);
    expect(events[1]?.failureClass).toBe('refused');
  });

  it('applies a class threshold: refused is down at the first failure', async () => {
    const service = open();
    service.start();
    const down = transitionTo(service, 'closed', 'down');
    service.addEndpoint({ name: 'closed', host: '127.0.0.1', port: await closedPort(), ...fast, thresholds: { downAfterByClass: { refused: 1 } } });
    expect((await down).evidence.consecutiveFailures).toBe(1);
  });

  it('groups a dependent endpoint\'s outage under its dependency', async () => {
    const service = open();
    const port = await closedPort();
    const gateway = transitionTo(service, 'gateway', 'down');
    const app = transitionTo(service, 'app', 'down');
    service.addEndpoint({ name: 'gateway', host: '127.0.0.1', port, ...fast, thresholds: { downAfter: 1 } });
    service.addEndpoint({ name: 'app', host: '127.0.0.1', port, intervalMs: 300, timeoutMs: 200, thresholds: { downAfter: 3 }, dependsOn: 'gateway' });
    service.start();
    await gateway;
    const report = await app;
    expect(report.groupedUnder?.name).toBe('gateway');
  });

  it('probes now, pauses and resumes', async () => {
    const server = await listener();
    const service = open();
    const endpoint = service.addEndpoint({ name: 'p', host: '127.0.0.1', port: server.port, intervalMs: 60_000, timeoutMs: 1000 });
    const sample = await service.probeNow(endpoint.id);
    expect(sample).toMatchObject({ ok: true, endpointId: endpoint.id, kind: 'tcp', inconclusive: false });
    expect(sample.latencyMs).toBeGreaterThan(0);
    expect(service.pauseEndpoint(endpoint.id).state).toBe('paused');
    expect(service.listEndpoints()[0]?.paused).toBe(true);
    expect(service.resumeEndpoint(endpoint.id).state).toBe('pending');
    expect(() => service.probeNow(999)).toThrow(/999/);
  });

  it('keeps endpoints, samples and events across a restart', async () => {
    const server = await listener();
    const first = open();
    first.start();
    const up = transitionTo(first, 'kept', 'up');
    const endpoint = first.addEndpoint({ name: 'kept', host: '127.0.0.1', port: server.port, ...fast });
    await up;
    await new Promise((resolve) => setTimeout(resolve, 700));
    await first.stop();
    services = services.filter((s) => s !== first);

    const second = open();
    expect(second.listEndpoints().map((e) => e.name)).toEqual(['kept']);
    const summary = second.summary(endpoint.id, 0, Date.now() + 1000);
    expect(summary.samples).toBeGreaterThanOrEqual(3);
    expect(summary.uptimePct).toBe(100);
    const series = second.series(endpoint.id, Date.now() - 60_000, Date.now() + 1000, 100);
    expect(series.points.reduce((n, p) => n + p.count, 0)).toBe(summary.samples);
    expect(second.events({ from: 0, to: Date.now() + 1000, limit: 10 })).toHaveLength(1);
  });

  it('pushes batched updates at most 10 times a second whatever the probe rate', async () => {
    const server = await listener();
    const service = open();
    for (let i = 0; i < 20; i++) service.addEndpoint({ name: `e${i}`, host: '127.0.0.1', port: server.port, ...fast });
    const batches: UpdateBatchDto[] = [];
    const off = service.subscribe((batch) => batches.push(batch));
    service.start();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    off();
    const samples = batches.reduce((n, b) => n + b.samples.length, 0);
    expect(samples).toBeGreaterThan(100);
    expect(batches.length).toBeLessThanOrEqual(21);
  });

  it('imports all or nothing and exports what it holds', () => {
    const service = open();
    const bad = service.importEndpoints('name,host,port\na,a.test,80\nb,b.test,0\n', 'csv');
    expect(bad.imported).toBe(0);
    expect(bad.problems[0]).toMatchObject({ row: 2, field: 'port' });
    expect(service.listEndpoints()).toEqual([]);
    expect(service.importEndpoints('name,host,port\na,a.test,80\nb,b.test,81\n', 'csv')).toEqual({ imported: 2, problems: [] });
    const exported = service.exportEndpoints('csv');
    expect(exported.split('\n').filter(Boolean)).toHaveLength(3);
  });
});
