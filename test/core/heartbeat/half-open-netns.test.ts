import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HeartbeatSession } from '../../../src-main/core/heartbeat/session.ts';
import type { HeartbeatOptions, RetryingEvent } from '../../../src-main/core/heartbeat/types.ts';
import { spawnServer, type ChildServer } from '../../support/child-server.ts';
import { nextEvent } from '../../support/heartbeat.ts';
import { createNetnsPeer, isRoot, type NetnsPeer } from '../../support/netns-peer.ts';

if (!isRoot()) console.log('half-open netns tests skipped: they need root (ip netns, veth, iptables)');

describe.skipIf(!isRoot())('heartbeat session: a real half-open link (netns + iptables DROP)', () => {
  let peer: NetnsPeer;
  let server: ChildServer;
  const cleanups: (() => unknown)[] = [];

  beforeAll(async () => {
    peer = await createNetnsPeer();
    server = await spawnServer('echo', 0, { host: peer.peerAddress, netns: peer.name });
  });
  afterAll(async () => {
    await server?.kill();
    await peer?.destroy();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** Silently drops the server's traffic in both directions: no FIN, no RST, no ICMP. */
  async function dropLink(): Promise<void> {
    const rules = [['INPUT', '--dport'], ['OUTPUT', '--sport']] as const;
    for (const [chain, match] of rules) await peer.exec('iptables', ['-A', chain, '-p', 'tcp', match, String(server.port), '-j', 'DROP']);
    cleanups.push(async () => {
      for (const [chain, match] of rules) await peer.exec('iptables', ['-D', chain, '-p', 'tcp', match, String(server.port), '-j', 'DROP']).catch(() => '');
    });
  }

  function session(options: HeartbeatOptions): HeartbeatSession {
    const created = new HeartbeatSession({ host: peer.peerAddress, port: server.port }, options);
    cleanups.push(() => created.stop());
    return created;
  }

  it('active: a dropped link is half-open after interval + timeout; SYNs then time out; it recovers when the link does', async () => {
    const watched = session({
      mode: { kind: 'active', payload: Buffer.from('PING\n'), intervalMs: 300, replyTimeoutMs: 300 },
      connectTimeoutMs: 400,
      backoff: { baseMs: 100, maxMs: 400 },
    });
    const connected = nextEvent(watched, 'connected');
    watched.start();
    await connected;
    await nextEvent(watched, 'heartbeat');

    const lost = nextEvent(watched, 'lost', 3000);
    const droppedAt = performance.now();
    await dropLink();
    const { value, at } = await lost;
    expect(value.outcome.failure).toMatchObject({ class: 'half-open', code: 'HALF_OPEN' });
    // The next heartbeat goes out within one interval of the drop, then waits the reply timeout.
    expect(at - droppedAt).toBeLessThanOrEqual(300 + 300 + 100);

    const retries: RetryingEvent[] = [];
    watched.on('retrying', (event) => retries.push(event));
    await nextEvent(watched, 'retrying', 3000);
    await nextEvent(watched, 'retrying', 3000);
    expect(retries.at(-1)!.cause.failure).toMatchObject({ class: 'timeout', code: 'TIMEOUT', phase: 'connect' });

    await cleanups.pop()!(); // lift the DROP
    const { value: again } = await nextEvent(watched, 'connected', 5000);
    expect(again.outcome.ok).toBe(true);
  });

  it('passive: TCP keepalive (1 s idle, 1 s interval, 2 probes) ends a dropped link with ETIMEDOUT after ≈ 3 s', async () => {
    const watched = session({ mode: { kind: 'passive' }, keepAlive: { idleMs: 1000, intervalMs: 1000, count: 2 } });
    const connected = nextEvent(watched, 'connected');
    watched.start();
    const { at: upAt } = await connected;
    const lost = nextEvent(watched, 'lost', 8000);
    await dropLink();
    const { value, at } = await lost;
    expect(value.outcome.failure).toMatchObject({ class: 'timeout', code: 'ETIMEDOUT', phase: 'receive' });
    // idle + interval × count = 3 s; the kernel's keepalive timer is not exact to the millisecond.
    expect(at - upAt).toBeGreaterThanOrEqual(2500);
    expect(at - upAt).toBeLessThanOrEqual(4500);
    expect(value.uptimeMs).toBeGreaterThanOrEqual(2500);
  });
});
