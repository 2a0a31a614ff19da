/**
 * The browser bridge, run in Node (its global WebSocket is the WHATWG one) against the real
 * server: proves the protocol end to end, as the renderer will use it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { UpdateBatchDto } from '../../src-main/ipc/dto.ts';
import { createWebBridge, webApiUrl, type WebBridge } from '../../src-renderer/lib/web-bridge.ts';
import { tcpServer, udpServer, type TcpFixture, type UdpFixture } from '../support/loopback.ts';
import { eventually, startFixture, type WebFixture } from './web-fixture.ts';

let fixture: WebFixture | undefined;
let listener: TcpFixture | undefined;
let silent: UdpFixture | undefined;
const bridges: WebBridge[] = [];

afterEach(async () => {
  for (const bridge of bridges.splice(0)) bridge.close();
  await fixture?.close();
  await listener?.close();
  await silent?.close();
  fixture = undefined;
  listener = undefined;
  silent = undefined;
});

interface Connected {
  readonly web: WebFixture;
  readonly bridge: WebBridge;
  /** Every socket the bridge opened, in order. */
  readonly sockets: WebSocket[];
  readonly changes: boolean[];
}

async function connect(options: { initialBackoffMs?: number } = {}): Promise<Connected> {
  const web = (fixture = await startFixture());
  const cookie = await web.signIn();
  const sockets: WebSocket[] = [];
  const changes: boolean[] = [];
  const bridge = createWebBridge(webApiUrl({ host: `127.0.0.1:${web.port}`, protocol: 'http:' }), {
    // What a browser adds by itself on a same-origin page.
    createSocket: (url) => {
      const socket = new WebSocket(url, { headers: { Origin: web.origin, Cookie: cookie } } as unknown as string[]);
      sockets.push(socket);
      return socket;
    },
    onConnectionChange: (connected) => changes.push(connected),
    ...options,
  });
  bridges.push(bridge);
  return { web, bridge, sockets, changes };
}

describe('createWebBridge against synack serve', () => {
  it('builds the /api URL from the page location', () => {
    expect(webApiUrl({ host: '127.0.0.1:8080', protocol: 'http:' })).toBe('ws://127.0.0.1:8080/api');
    expect(webApiUrl({ host: 'localhost:1', protocol: 'https:' })).toBe('wss://localhost:1/api');
  });

  it('implements the contract: errors as data, adds and lists endpoints, exports them', async () => {
    const { bridge } = await connect();
    // Sent before the socket opened: queued, then answered.
    const invalid = await bridge.addEndpoint({ name: 'bad', host: '127.0.0.1', port: 0 });
    expect(invalid).toMatchObject({ ok: false, code: 'VALIDATION', field: 'port' });

    const added = await bridge.addEndpoint({ name: 'db', host: '127.0.0.1', port: 5432, intervalMs: 60_000 });
    if (!added.ok) throw new Error(added.message);
    const listed = await bridge.listEndpoints();
    expect(listed.ok && listed.value.map((endpoint) => endpoint.name)).toEqual(['db']);
    const paused = await bridge.pauseEndpoint(added.value.id);
    expect(paused).toMatchObject({ ok: true, value: { endpointId: added.value.id, state: 'paused' } });
    const exported = await bridge.exportEndpoints('csv');
    expect(exported.ok && exported.value).toContain('127.0.0.1');
    expect(await bridge.removeEndpoint(12345)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const settings = await bridge.getSettings();
    expect(settings.ok && settings.value.theme).toBeDefined();
  });

  it('delivers update pushes to listeners until they unsubscribe', async () => {
    listener = await tcpServer();
    const { bridge } = await connect();
    const batches: UpdateBatchDto[] = [];
    const unsubscribe = bridge.onUpdate((batch) => batches.push(batch));
    const added = await bridge.addEndpoint({ name: 'loop', host: '127.0.0.1', port: listener.port, intervalMs: 60_000 });
    if (!added.ok) throw new Error(added.message);
    const sample = await eventually(() => batches.flatMap((batch) => batch.samples).find((entry) => entry.endpointId === added.value.id));
    expect(sample).toMatchObject({ ok: true, kind: 'tcp' });

    unsubscribe();
    const seen = batches.length;
    const stillListening: UpdateBatchDto[] = [];
    bridge.onUpdate((batch) => stillListening.push(batch));
    const probed = await bridge.probeNow(added.value.id);
    expect(probed).toMatchObject({ ok: true, value: { ok: true } });
    // The push of that probe reaches the listener still subscribed, not the one that left.
    await eventually(() => (stillListening.some((batch) => batch.samples.length > 0) ? true : undefined));
    expect(batches.length).toBe(seen);
  });

  it('reconnects after the connection drops, fails calls in flight as UNAVAILABLE, and keeps working', async () => {
    const { bridge, sockets, changes, web } = await connect({ initialBackoffMs: 20 });
    expect((await bridge.listEndpoints()).ok).toBe(true);
    expect(changes).toEqual([true]);

    // A UDP probe of a silent server takes its whole timeout: still in flight when the socket drops.
    silent = await udpServer(() => undefined);
    const added = await bridge.addEndpoint({ name: 'silent', host: '127.0.0.1', port: silent.port, kind: 'udp', intervalMs: 60_000, timeoutMs: 3000 });
    if (!added.ok) throw new Error(added.message);
    const inFlight = bridge.probeNow(added.value.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    sockets[0]?.close();
    expect(await inFlight).toMatchObject({ ok: false, code: 'UNAVAILABLE' });

    await eventually(() => (changes.length >= 3 ? true : undefined));
    expect(changes.slice(0, 3)).toEqual([true, false, true]);
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    const after = await bridge.addEndpoint({ name: 'after', host: '127.0.0.1', port: 1, intervalMs: 60_000 });
    expect(after.ok).toBe(true);
    expect(web.service.listEndpoints().map((endpoint) => endpoint.name)).toEqual(['silent', 'after']);
  });

  it('resolves calls as UNAVAILABLE once closed, and stops reconnecting', async () => {
    const { bridge, sockets } = await connect({ initialBackoffMs: 10 });
    expect((await bridge.listEndpoints()).ok).toBe(true);
    bridge.close();
    expect(await bridge.listEndpoints()).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sockets).toHaveLength(1);
  });
});
