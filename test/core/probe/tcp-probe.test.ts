import { afterEach, describe, expect, it } from 'vitest';
import { probeEveryAddress, probeTcp } from '../../../src-main/core/probe/registry.ts';
import type { LookupFn, ProbeOutcome } from '../../../src-main/core/probe/types.ts';
import { closedPort, tcpServer, type TcpFixture } from '../../support/loopback.ts';

const fixtures: TcpFixture[] = [];
async function server(handler?: Parameters<typeof tcpServer>[0]): Promise<TcpFixture> {
  const fixture = await tcpServer(handler);
  fixtures.push(fixture);
  return fixture;
}
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
});

function failureOf(outcome: ProbeOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got success in ${outcome.latencyMs} ms`);
  return outcome.failure;
}

describe('TCP connect probe on loopback', () => {
  it('reports an open port with phases, address and family', async () => {
    const { port } = await server();
    const outcome = await probeTcp({ host: '127.0.0.1', port });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.address).toBe('127.0.0.1');
    expect(outcome.family).toBe(4);
    expect(outcome.phases.dns).toBe(0);
    expect(outcome.phases.connect).toBeGreaterThan(0);
    expect(outcome.latencyMs).toBe(outcome.phases.connect);
    expect(outcome.totalMs).toBeGreaterThanOrEqual(outcome.latencyMs);
    expect(outcome.synRetransmits).toBe(0);
    expect(outcome.phases.firstByte).toBeUndefined();
  });

  it('times the DNS phase separately for a name', async () => {
    const { port } = await server();
    const lookup: LookupFn = async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const outcome = await probeTcp({ host: 'service.test', port }, { lookup });
    expect(outcome.ok).toBe(true);
    expect(outcome.phases.dns).toBeGreaterThanOrEqual(25);
    expect(outcome.phases.connect).toBeLessThan(outcome.phases.dns);
  });

  it('classifies a closed port as refused in the connect phase', async () => {
    const failure = failureOf(await probeTcp({ host: '127.0.0.1', port: await closedPort() }));
    expect(failure).toMatchObject({ class: 'refused', code: 'ECONNREFUSED', phase: 'connect' });
    expect(failure.errno).toBeLessThan(0);
    expect(failure.hint.length).toBeGreaterThan(10);
  });

  it('classifies a reset after accept as reset', async () => {
    const { port } = await server((socket) => socket.resetAndDestroy());
    const failure = failureOf(await probeTcp({ host: '127.0.0.1', port }, { expect: { kind: 'any' } }));
    expect(failure.class).toBe('reset');
    expect(failure.code).toBe('ECONNRESET');
  });

  it('classifies a FIN before any reply as peer-closed', async () => {
    const { port } = await server((socket) => socket.end());
    const failure = failureOf(await probeTcp({ host: '127.0.0.1', port }, { expect: { kind: 'any' } }));
    expect(failure).toMatchObject({ class: 'peer-closed', code: 'EOF', phase: 'receive' });
  });

  it('matches a banner and measures time to first byte', async () => {
    const { port } = await server((socket) => socket.write('SSH-2.0-test\r\n'));
    const outcome = await probeTcp({ host: '127.0.0.1', port }, { expect: { kind: 'regex', source: '^SSH-2\\.0', flags: '' } });
    expect(outcome.ok).toBe(true);
    expect(outcome.phases.firstByte).toBeGreaterThanOrEqual(0);
  });

  it('sends a payload and matches the echoed reply', async () => {
    const { port } = await server((socket) => socket.on('data', (data) => socket.write(data)));
    const outcome = await probeTcp({ host: '127.0.0.1', port }, { send: Buffer.from('PING\r\n'), expect: { kind: 'string', value: 'PING' } });
    expect(outcome.ok).toBe(true);
  });

  it('reports a non-matching reply as protocol, quoting what came back', async () => {
    const { port } = await server((socket) => socket.on('data', () => socket.write('-ERR nope\r\n')));
    const failure = failureOf(
      await probeTcp({ host: '127.0.0.1', port }, { send: Buffer.from('PING\r\n'), expect: { kind: 'string', value: '+PONG' }, timeoutMs: 300 }),
    );
    expect(failure).toMatchObject({ class: 'protocol', code: 'MISMATCH', phase: 'receive' });
    expect(failure.message).toContain('-ERR nope\\r\\n');
  });

  it('reports a non-matching reply followed by FIN as protocol at once', async () => {
    const { port } = await server((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    const outcome = await probeTcp({ host: '127.0.0.1', port }, { expect: { kind: 'string', value: '220 ' }, timeoutMs: 5000 });
    expect(failureOf(outcome).class).toBe('protocol');
    expect(outcome.totalMs).toBeLessThan(4000);
  });

  it('times out in the receive phase when a server accepts and stays silent', async () => {
    const { port } = await server();
    const outcome = await probeTcp({ host: '127.0.0.1', port }, { expect: { kind: 'any' }, timeoutMs: 150 });
    expect(failureOf(outcome)).toMatchObject({ class: 'timeout', code: 'TIMEOUT', phase: 'receive' });
    expect(outcome.totalMs).toBeGreaterThanOrEqual(140);
    expect(outcome.phases.connect).toBeDefined();
  });

  it('reports a DNS failure from the injected resolver in the dns phase', async () => {
    const lookup: LookupFn = () => Promise.reject(Object.assign(new Error('queryA ENOTFOUND'), { code: 'ENOTFOUND' }));
    const failure = failureOf(await probeTcp({ host: 'missing.test', port: 80 }, { lookup }));
    expect(failure).toMatchObject({ class: 'dns', code: 'ENOTFOUND', phase: 'dns' });
  });

  it('ends a resolver that never answers at the deadline', async () => {
    const lookup: LookupFn = () => new Promise(() => {});
    const outcome = await probeTcp({ host: 'slow.test', port: 80 }, { lookup, timeoutMs: 100 });
    expect(failureOf(outcome)).toMatchObject({ class: 'dns', code: 'ETIMEOUT', phase: 'dns' });
  });

  it('rejects a port out of range as invalid-target without dialling', async () => {
    for (const port of [0, 65536, 1.5]) {
      expect(failureOf(await probeTcp({ host: '127.0.0.1', port })).class).toBe('invalid-target');
    }
  });

  it('classifies an unusable local address as local-address', async () => {
    const { port } = await server();
    // 192.0.2.1 (TEST-NET-1) is never configured on this machine: bind fails before any packet is sent.
    const failure = failureOf(await probeTcp({ host: '127.0.0.1', port }, { localAddress: '192.0.2.1' }));
    expect(failure).toMatchObject({ class: 'local-address', code: 'EADDRNOTAVAIL' });
  });

  it('settles at once as aborted when the signal fires', async () => {
    const { port } = await server();
    const controller = new AbortController();
    const pending = probeTcp({ host: '127.0.0.1', port }, { expect: { kind: 'any' }, timeoutMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const outcome = await pending;
    expect(failureOf(outcome).code).toBe('ABORTED');
    expect(outcome.totalMs).toBeLessThan(1000);
  });

  it('probes every resolved address when asked', async () => {
    const { port } = await server();
    const lookup: LookupFn = async () => [
      { address: '127.0.0.1', family: 4 },
      { address: '127.0.0.2', family: 4 },
    ];
    const outcomes = await probeEveryAddress('tcp', { host: 'multi.test', port }, { lookup, timeoutMs: 500 });
    expect(outcomes.map((outcome) => outcome.address)).toEqual(['127.0.0.1', '127.0.0.2']);
    expect(outcomes[0]?.ok).toBe(true);
    // The server listens on 127.0.0.1 only: the second address refuses.
    expect(outcomes[1]?.ok).toBe(false);
  });

  it('probes an IPv6 literal with family 6', async () => {
    const { createServer } = await import('node:net');
    const v6 = createServer();
    const listening = await new Promise<boolean>((resolve) => {
      v6.once('error', () => resolve(false));
      v6.listen(0, '::1', () => resolve(true));
    });
    if (!listening) {
      console.warn('skipping IPv6 check: ::1 is not configured on this machine');
      expect(listening).toBe(false);
      return;
    }
    const { port } = v6.address() as { port: number };
    const outcome = await probeTcp({ host: '::1', port }, { family: 6 });
    v6.close();
    expect(outcome).toMatchObject({ ok: true, address: '::1', family: 6 });
  });
});
