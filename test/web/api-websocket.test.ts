import { afterEach, describe, expect, it } from 'vitest';
import type { Endpoint, UpdateBatchDto } from '../../src-main/ipc/dto.ts';
import { WS_CLOSE } from '../../src-main/ipc/web-protocol.ts';
import { tcpServer, type TcpFixture } from '../support/loopback.ts';
import { closed, eventually, opened, RawClient, startFixture, upgradeRefusal, type FixtureOptions, type WebFixture } from './web-fixture.ts';

let fixture: WebFixture | undefined;
let listener: TcpFixture | undefined;

afterEach(async () => {
  await fixture?.close();
  await listener?.close();
  fixture = undefined;
  listener = undefined;
});

async function start(options: FixtureOptions = {}): Promise<WebFixture> {
  fixture = await startFixture(options);
  return fixture;
}

describe('/api upgrade checks', () => {
  it('refuses a foreign Origin even with a valid cookie', async () => {
    const web = await start();
    const cookie = await web.signIn();
    expect(await upgradeRefusal(web.socket({ Cookie: cookie, Origin: `http://evil.example:${web.port}` }))).toBe(403);
    expect(await upgradeRefusal(web.socket({ Cookie: cookie, Origin: `http://127.0.0.1:${web.port + 1}` }))).toBe(403);
    expect(await upgradeRefusal(web.socket({ Cookie: cookie, Origin: 'null' }))).toBe(403);
  });

  it('refuses a missing cookie, a foreign Host and another path', async () => {
    const web = await start();
    const cookie = await web.signIn();
    expect(await upgradeRefusal(web.socket())).toBe(401);
    expect(await upgradeRefusal(web.socket({ Cookie: cookie, Host: `evil.example:${web.port}`, Origin: `http://evil.example:${web.port}` }))).toBe(421);
    expect(await upgradeRefusal(web.socket({ Cookie: cookie }, '/other'))).toBe(404);
  });

  it('accepts the bearer token and the localhost origin', async () => {
    const web = await start();
    await opened(web.socket({ Authorization: `Bearer ${web.server.token}` }));
    await opened(web.socket({ Cookie: await web.signIn(), Host: `localhost:${web.port}`, Origin: `http://localhost:${web.port}` }));
  });

  it('caps the number of clients', async () => {
    const web = await start({ maxClients: 1 });
    const cookie = await web.signIn();
    await opened(web.socket({ Cookie: cookie }));
    expect(await upgradeRefusal(web.socket({ Cookie: cookie }))).toBe(503);
  });
});

describe('/api calls', () => {
  it('validates arguments, adds an endpoint and lists it', async () => {
    const web = await start();
    const ws = web.socket({ Cookie: await web.signIn() });
    await opened(ws);
    const client = new RawClient(ws);

    expect(await client.call('addEndpoint', { name: 'bad', host: '127.0.0.1', port: 70000 })).toMatchObject({ ok: false, code: 'VALIDATION', field: 'port' });
    expect(await client.call('listEndpoints')).toEqual({ ok: true, value: [] });

    const added = (await client.call('addEndpoint', { name: 'db', host: '127.0.0.1', port: 5432, intervalMs: 60_000 })) as { ok: true; value: Endpoint };
    expect(added).toMatchObject({ ok: true, value: { name: 'db', host: '127.0.0.1', port: 5432, kind: 'tcp' } });
    const listed = (await client.call('listEndpoints')) as { ok: true; value: Endpoint[] };
    expect(listed.value.map((endpoint) => endpoint.id)).toEqual([added.value.id]);

    expect(await client.call('addEndpoint', { name: 'db', host: '127.0.0.1', port: 1 })).toMatchObject({ ok: false, code: 'CONFLICT', field: 'name' });
    expect(await client.call('removeEndpoint', 999)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await client.call('noSuchOp')).toMatchObject({ ok: false, code: 'VALIDATION', field: 'operation' });
    expect(await client.call('__proto__')).toMatchObject({ ok: false, code: 'VALIDATION', field: 'operation' });
  });

  it('pushes an update after a probe of a real loopback listener', async () => {
    listener = await tcpServer();
    const web = await start();
    const ws = web.socket({ Cookie: await web.signIn() });
    await opened(ws);
    const client = new RawClient(ws);
    const added = (await client.call('addEndpoint', { name: 'loop', host: '127.0.0.1', port: listener.port, intervalMs: 60_000 })) as { ok: true; value: Endpoint };
    const batch = await eventually(() =>
      (client.pushes as UpdateBatchDto[]).find((push) => push.samples.some((sample) => sample.endpointId === added.value.id)),
    );
    const sample = batch.samples.find((entry) => entry.endpointId === added.value.id);
    expect(sample).toMatchObject({ ok: true, kind: 'tcp', address: '127.0.0.1' });
    expect(sample?.latencyMs).toBeGreaterThan(0);
    const pushedEndpoints = (client.pushes as UpdateBatchDto[]).flatMap((push) => push.endpoints.map((endpoint) => endpoint.id));
    expect(pushedEndpoints).toContain(added.value.id);
  });

  it('answers calls that arrive together, each by its id', async () => {
    const web = await start();
    const ws = web.socket({ Cookie: await web.signIn() });
    await opened(ws);
    const client = new RawClient(ws);
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => client.call('addEndpoint', { name: `e${index}`, host: '127.0.0.1', port: 1000 + index, intervalMs: 60_000 })));
    expect(results.map((result) => (result as { value: Endpoint }).value.name)).toEqual(Array.from({ length: 20 }, (_, index) => `e${index}`));
  });
});

describe('/api malformed frames', () => {
  it.each([
    ['not JSON', '{"id": 1, op', WS_CLOSE.invalidPayload],
    ['no id', '{"op":"overview","args":[]}', WS_CLOSE.policyViolation],
    ['an array', '[]', WS_CLOSE.policyViolation],
  ])('closes on %s with a clear code, and keeps serving others', async (_, frame, code) => {
    const web = await start();
    const cookie = await web.signIn();
    const bad = web.socket({ Cookie: cookie });
    await opened(bad);
    const closing = closed(bad);
    bad.send(frame);
    expect((await closing).code).toBe(code);

    const good = web.socket({ Cookie: cookie });
    await opened(good);
    expect(await new RawClient(good).call('listEndpoints')).toEqual({ ok: true, value: [] });
  });

  it('closes on a binary frame and on a frame above maxPayload', async () => {
    const web = await start({ maxPayloadBytes: 1024 });
    const cookie = await web.signIn();
    const binary = web.socket({ Cookie: cookie });
    await opened(binary);
    const binaryClosed = closed(binary);
    binary.send(Buffer.from('{"id":1}'));
    expect((await binaryClosed).code).toBe(WS_CLOSE.unsupportedData);

    const big = web.socket({ Cookie: cookie });
    await opened(big);
    const bigClosed = closed(big);
    big.send(JSON.stringify({ id: 1, op: 'importEndpoints', args: ['x'.repeat(2048), 'json'] }));
    expect((await bigClosed).code).toBe(WS_CLOSE.messageTooBig);
  });

  it('answers a bad argument tuple with VALIDATION instead of closing', async () => {
    const web = await start();
    const ws = web.socket({ Cookie: await web.signIn() });
    await opened(ws);
    ws.send(JSON.stringify({ id: 5, op: 'removeEndpoint', args: 'x' }));
    const reply = await new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
    expect(reply).toMatchObject({ id: 5, result: { ok: false, code: 'VALIDATION' } });
  });
});

describe('closing the server', () => {
  it('closes WebSocket clients with 1001', async () => {
    const web = await start();
    const ws = web.socket({ Cookie: await web.signIn() });
    await opened(ws);
    const closing = closed(ws);
    await web.server.close();
    expect((await closing).code).toBe(WS_CLOSE.goingAway);
  });
});
