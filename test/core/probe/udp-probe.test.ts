import { afterEach, describe, expect, it } from 'vitest';
import { probeUdp } from '../../../src-main/core/probe/registry.ts';
import { udpServer, type UdpFixture } from '../../support/loopback.ts';

const fixtures: UdpFixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
});
async function server(reply?: Parameters<typeof udpServer>[0]): Promise<UdpFixture> {
  const fixture = await udpServer(reply);
  fixtures.push(fixture);
  return fixture;
}

describe('UDP probe on a connected socket', () => {
  it('measures the reply time of an echo', async () => {
    const { port } = await server();
    const outcome = await probeUdp({ host: '127.0.0.1', port }, { send: Buffer.from('hello') });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.kind).toBe('udp');
    expect(outcome.latencyMs).toBe(outcome.phases.firstByte);
    expect(outcome.latencyMs).toBeGreaterThan(0);
  });

  it('reports ICMP port-unreachable as refused', async () => {
    const fixture = await udpServer();
    const port = fixture.port;
    await fixture.close();
    const outcome = await probeUdp({ host: '127.0.0.1', port }, { send: Buffer.from('x'), timeoutMs: 1000 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure).toMatchObject({ class: 'refused', code: 'ECONNREFUSED' });
  });

  it('reports silence as timeout with the ambiguity hint', async () => {
    const { port } = await server(() => undefined);
    const outcome = await probeUdp({ host: '127.0.0.1', port }, { send: Buffer.from('x'), timeoutMs: 150 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure).toMatchObject({ class: 'timeout', phase: 'receive' });
    expect(outcome.failure.hint).toMatch(/ambiguous/);
  });

  it('reports a reply that does not match as protocol', async () => {
    const { port } = await server(() => Buffer.from('nope'));
    const outcome = await probeUdp({ host: '127.0.0.1', port }, { send: Buffer.from('x'), expect: { kind: 'string', value: 'yes' }, timeoutMs: 150 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure.class).toBe('protocol');
    expect(outcome.failure.message).toContain('nope');
  });
});
