/**
 * The failure classification checked against what the Linux kernel really does: faults are
 * injected with routes and iptables rules in a client ↔ router ↔ server namespace topology, and
 * the probe runs in the client namespace (see ../support/netns-topology.ts). These are the rows of
 * "What Linux actually returns" in the seed document, measured.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ProbeOutcome } from '../../src-main/core/probe/types.ts';
import { describeAsRoot } from '../support/netns.ts';
import type { ProbeRequest } from '../support/netns-probe-runner.ts';
import { ADDR, createTopology, type Topology } from '../support/netns-topology.ts';

const TIMEOUT_MS = 1500;
/** A connect that needed the 1 s SYN retransmission cannot be faster than this. */
const RETRANSMIT_FLOOR_MS = 900;

const PORT = {
  echo: 7000,
  closed: 7001,
  reset: 7003,
  fin: 7004,
  halfOpen: 7005,
  lostSyn: 7006,
  lostSynAck: 7007,
  droppedSyn: 7008,
  rejectAtRouter: 7100,
  rejectAtServer: 7200,
  rejectBurst: 7300,
  outputDropUdp: 7400,
  outputDropTcp: 7401,
} as const;

/** Router routes, one host each, so the rest of the server network stays reachable. */
const ROUTER_ROUTE = { unreachable: '10.251.2.10', prohibit: '10.251.2.11', blackhole: '10.251.2.12', burst: '10.251.2.13' } as const;

type Summary = { ok: true; synRetransmits: number } | { ok: false; class: string; code: string; phase: string };

function summary(outcome: ProbeOutcome): Summary {
  if (outcome.ok) return { ok: true, synRetransmits: outcome.synRetransmits };
  return { ok: false, class: outcome.failure.class, code: outcome.failure.code, phase: outcome.failure.phase };
}

function failure(cls: string, code: string, phase: string): Summary {
  return { ok: false, class: cls, code, phase };
}

describeAsRoot('probe failures on real kernel paths (network namespaces)', () => {
  let topo: Topology;
  const probe = (request: Omit<ProbeRequest, 'timeoutMs'> & { timeoutMs?: number }): Promise<ProbeOutcome> =>
    topo.probeOne({ timeoutMs: TIMEOUT_MS, ...request });

  beforeAll(async () => {
    topo = await createTopology();
    await topo.services([
      { kind: 'tcp-echo', port: PORT.echo },
      { kind: 'udp-echo', port: PORT.echo },
      { kind: 'tcp-reset', port: PORT.reset },
      { kind: 'tcp-fin', port: PORT.fin },
      { kind: 'tcp-echo', port: PORT.halfOpen },
      { kind: 'tcp-echo', port: PORT.lostSyn },
      { kind: 'tcp-echo', port: PORT.lostSynAck },
      { kind: 'tcp-echo', port: PORT.droppedSyn },
    ]);
  });

  afterAll(async () => {
    await topo?.teardown();
  });

  test('the topology works: a TCP connect and a UDP echo across the router succeed at once', async () => {
    expect(summary(await probe({ kind: 'tcp', host: ADDR.server, port: PORT.echo }))).toEqual({ ok: true, synRetransmits: 0 });
    expect(summary(await probe({ kind: 'udp', host: ADDR.server, port: PORT.echo, send: 'ping', expect: 'ping' }))).toEqual({ ok: true, synRetransmits: 0 });
  });

  test('nothing listens: TCP gets an RST (refused at connect), UDP an ICMP port-unreachable (refused on receive)', async () => {
    expect(summary(await probe({ kind: 'tcp', host: ADDR.server, port: PORT.closed }))).toEqual(failure('refused', 'ECONNREFUSED', 'connect'));
    expect(summary(await probe({ kind: 'udp', host: ADDR.server, port: PORT.closed, send: 'ping' }))).toEqual(failure('refused', 'ECONNREFUSED', 'receive'));
  });

  test.each([
    ['unreachable', failure('host-unreachable', 'EHOSTUNREACH', 'connect')],
    // The router sends ICMP 13 (communication administratively prohibited): Linux reports EHOSTUNREACH.
    ['prohibit', failure('host-unreachable', 'EHOSTUNREACH', 'connect')],
  ] as const)('a `%s` route on the router: its ICMP error ends the TCP connect', async (type, expected) => {
    await topo.lab.ip(topo.router, ['route', 'add', type, `${ROUTER_ROUTE[type]}/32`]);
    const outcome = await probe({ kind: 'tcp', host: ROUTER_ROUTE[type], port: 80, localAddress: await topo.freshSource() });
    expect(summary(outcome)).toEqual(expected);
  });

  test('no route on the router: ICMP net-unreachable, ENETUNREACH', async () => {
    const outcome = await probe({ kind: 'tcp', host: '10.251.3.3', port: 80, localAddress: await topo.freshSource() });
    expect(summary(outcome)).toEqual(failure('net-unreachable', 'ENETUNREACH', 'connect'));
  });

  test('a `blackhole` route on the router drops silently: timeout at the probe deadline, not the kernel 2-minute one', async () => {
    await topo.lab.ip(topo.router, ['route', 'add', 'blackhole', `${ROUTER_ROUTE.blackhole}/32`]);
    const outcome = await probe({ kind: 'tcp', host: ROUTER_ROUTE.blackhole, port: 80 });
    expect(summary(outcome)).toEqual(failure('timeout', 'TIMEOUT', 'connect'));
    expect(outcome.totalMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(outcome.totalMs).toBeLessThan(TIMEOUT_MS + 1000);
  });

  test('UDP sees only hard ICMP errors: `prohibit` (code 13) arrives as EHOSTUNREACH, `unreachable` (code 1) is ignored', async () => {
    // A connected UDP socket without IP_RECVERR drops "soft" ICMP errors (net/host unreachable): silence.
    await topo.lab.ip(topo.router, ['route', 'add', 'unreachable', '10.251.2.20/32']);
    await topo.lab.ip(topo.router, ['route', 'add', 'prohibit', '10.251.2.21/32']);
    const soft = await probe({ kind: 'udp', host: '10.251.2.20', port: 80, send: 'ping', localAddress: await topo.freshSource() });
    const hard = await probe({ kind: 'udp', host: '10.251.2.21', port: 80, send: 'ping', localAddress: await topo.freshSource() });
    expect(summary(soft)).toEqual(failure('timeout', 'TIMEOUT', 'receive'));
    expect(summary(hard)).toEqual(failure('host-unreachable', 'EHOSTUNREACH', 'receive'));
  });

  test.each([
    ['unreachable', '10.251.5.0/24', '10.251.5.5', failure('host-unreachable', 'EHOSTUNREACH', 'connect')],
    ['prohibit', '10.251.6.0/24', '10.251.6.6', failure('permission-denied', 'EACCES', 'connect')],
    ['blackhole', '10.251.7.0/24', '10.251.7.7', failure('net-unreachable', 'EINVAL', 'connect')],
    ['(none)', undefined, '10.251.8.8', failure('net-unreachable', 'ENETUNREACH', 'connect')],
  ] as const)('a local route %s in the client namespace fails TCP and UDP at once, sending no packet', async (type, net, host, expected) => {
    if (net !== undefined) await topo.lab.ip(topo.client, ['route', 'add', type, net]);
    const sent = await topo.lab.countPackets(topo.client, 'OUTPUT', ['-d', host]);
    const [tcp, udp] = await topo.probe([
      { kind: 'tcp', host, port: 80, timeoutMs: TIMEOUT_MS },
      { kind: 'udp', host, port: 80, send: 'ping', timeoutMs: TIMEOUT_MS },
    ]);
    expect(summary(tcp![0]!)).toEqual(expected);
    expect(summary(udp![0]!)).toEqual(expected);
    expect(await sent()).toBe(0);
  });

  test('an on-link address with no host: ARP fails and TCP gets EHOSTUNREACH after about 3 s, UDP hears nothing', async () => {
    const [tcp, udp] = await topo.probe([
      { kind: 'tcp', host: '10.251.1.77', port: 80, timeoutMs: 5000 },
      { kind: 'udp', host: '10.251.1.78', port: 80, send: 'ping', timeoutMs: TIMEOUT_MS },
    ]);
    expect(summary(tcp![0]!)).toEqual(failure('host-unreachable', 'EHOSTUNREACH', 'connect'));
    expect(tcp![0]!.totalMs).toBeGreaterThanOrEqual(2000); // neighbour resolution gives up after its probes, not at once
    expect(summary(udp![0]!)).toEqual(failure('timeout', 'TIMEOUT', 'receive'));
  });

  const REJECTS = [
    ['icmp-host-unreachable', failure('host-unreachable', 'EHOSTUNREACH', 'connect')],
    ['icmp-net-unreachable', failure('net-unreachable', 'ENETUNREACH', 'connect')],
    ['icmp-host-prohibited', failure('host-unreachable', 'EHOSTUNREACH', 'connect')],
    ['icmp-net-prohibited', failure('net-unreachable', 'ENETUNREACH', 'connect')],
    ['icmp-admin-prohibited', failure('host-unreachable', 'EHOSTUNREACH', 'connect')],
    ['icmp-port-unreachable', failure('refused', 'ECONNREFUSED', 'connect')],
    ['icmp-proto-unreachable', failure('refused', 'ENOPROTOOPT', 'connect')],
    ['tcp-reset', failure('refused', 'ECONNREFUSED', 'connect')],
  ] as const;

  test.each(REJECTS.flatMap(([rejectWith, expected], i) => [
    { where: 'router', rejectWith, expected, port: PORT.rejectAtRouter + i },
    { where: 'server', rejectWith, expected, port: PORT.rejectAtServer + i },
  ]))('REJECT --reject-with $rejectWith on the $where', async ({ where, rejectWith, expected, port }) => {
    const [ns, chain] = where === 'router' ? [topo.router, 'FORWARD'] : [topo.server, 'INPUT'];
    await topo.lab.iptables(ns, ['-A', chain, '-p', 'tcp', '--dport', String(port), '-j', 'REJECT', '--reject-with', rejectWith]);
    const outcome = await probe({ kind: 'tcp', host: ADDR.server, port, localAddress: await topo.freshSource() });
    expect(summary(outcome)).toEqual(expected);
  });

  test('SYNs dropped by the server firewall: timeout (connect) at the probe deadline', async () => {
    await topo.lab.iptables(topo.server, ['-A', 'INPUT', '-p', 'tcp', '--dport', String(PORT.droppedSyn), '--syn', '-j', 'DROP']);
    const outcome = await probe({ kind: 'tcp', host: ADDR.server, port: PORT.droppedSyn });
    expect(summary(outcome)).toEqual(failure('timeout', 'TIMEOUT', 'connect'));
    expect(outcome.totalMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(outcome.totalMs).toBeLessThan(TIMEOUT_MS + 1000);
  });

  test("the prober's own OUTPUT DROP: EPERM from send() for UDP, but a silent timeout for a TCP SYN", async () => {
    await topo.lab.iptables(topo.client, ['-A', 'OUTPUT', '-p', 'udp', '--dport', String(PORT.outputDropUdp), '-j', 'DROP']);
    await topo.lab.iptables(topo.client, ['-A', 'OUTPUT', '-p', 'tcp', '--dport', String(PORT.outputDropTcp), '-j', 'DROP']);
    const udp = await probe({ kind: 'udp', host: ADDR.server, port: PORT.outputDropUdp, send: 'ping' });
    const tcp = await probe({ kind: 'tcp', host: ADDR.server, port: PORT.outputDropTcp });
    expect(summary(udp)).toEqual(failure('permission-denied', 'EPERM', 'send'));
    expect(summary(tcp)).toEqual(failure('timeout', 'TIMEOUT', 'connect'));
  });

  test.each([
    ['SYN', 'INPUT', '--dport', PORT.lostSyn, ['--syn']],
    ['SYN-ACK', 'OUTPUT', '--sport', PORT.lostSynAck, ['--tcp-flags', 'SYN,ACK', 'SYN,ACK']],
  ] as const)('a lost %s: success after the 1 s retransmission, flagged synRetransmits 1', async (_what, chain, portFlag, port, flags) => {
    // `nth` counts per rule: exactly the first matching packet is dropped.
    await topo.lab.iptables(topo.server, [
      '-A', chain, '-p', 'tcp', portFlag, String(port), ...flags, '-m', 'statistic', '--mode', 'nth', '--every', '1000000', '--packet', '0', '-j', 'DROP',
    ]);
    const outcome = await probe({ kind: 'tcp', host: ADDR.server, port });
    expect(summary(outcome)).toEqual({ ok: true, synRetransmits: 1 });
    expect(outcome.phases.connect).toBeGreaterThanOrEqual(RETRANSMIT_FLOOR_MS);
  });

  test('accepted, then RST: reset (ECONNRESET); the RST can race the connect completion', async () => {
    const outcome = await probe({ kind: 'tcp', host: ADDR.server, port: PORT.reset, send: 'ping', expect: 'pong' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect({ class: outcome.failure.class, code: outcome.failure.code }).toEqual({ class: 'reset', code: 'ECONNRESET' });
    expect(['connect', 'receive']).toContain(outcome.failure.phase);
  });

  test('accepted, then FIN: peer-closed (EOF) while waiting for the reply', async () => {
    const outcome = await probe({ kind: 'tcp', host: ADDR.server, port: PORT.fin, send: 'ping', expect: 'pong' });
    expect(summary(outcome)).toEqual(failure('peer-closed', 'EOF', 'receive'));
  });

  test('accepted, then every packet from the server dropped (half-open): connect succeeds, the reply never comes', async () => {
    // Only the SYN-ACK gets out: the handshake completes, the echoed bytes are dropped.
    await topo.lab.iptables(topo.server, ['-A', 'OUTPUT', '-p', 'tcp', '--sport', String(PORT.halfOpen), '--tcp-flags', 'SYN', 'NONE', '-j', 'DROP']);
    const outcome = await probe({ kind: 'tcp', host: ADDR.server, port: PORT.halfOpen, send: 'ping', expect: 'ping' });
    expect(summary(outcome)).toEqual(failure('timeout', 'TIMEOUT', 'receive'));
    expect(outcome.phases.connect).toBeLessThan(RETRANSMIT_FLOOR_MS);
  });

  test('ICMP errors are rate-limited per destination: after a burst, only the retransmitted SYN draws the REJECT', async () => {
    await topo.lab.iptables(topo.router, ['-A', 'FORWARD', '-p', 'tcp', '--dport', String(PORT.rejectBurst), '-j', 'REJECT', '--reject-with', 'icmp-host-unreachable']);
    const source = await topo.freshSource();
    const request: ProbeRequest = { kind: 'tcp', host: ADDR.server, port: PORT.rejectBurst, localAddress: source, timeoutMs: TIMEOUT_MS };
    const outcomes = (await topo.probe(Array.from({ length: 8 }, () => request))).map((list) => list[0]!);
    for (const outcome of outcomes) expect(summary(outcome)).toEqual(failure('host-unreachable', 'EHOSTUNREACH', 'connect'));
    // A fresh destination is answered at once; the 8th error in a row waits for a token.
    expect(outcomes[0]!.totalMs).toBeLessThan(RETRANSMIT_FLOOR_MS);
    expect(outcomes[7]!.totalMs).toBeGreaterThanOrEqual(RETRANSMIT_FLOOR_MS);
  });

  test("a router's own routing errors cost two tokens each: the third probe in a row hears nothing and times out", async () => {
    // ip_error() and icmp_send() both draw on the same per-destination bucket (1 token/s).
    await topo.lab.ip(topo.router, ['route', 'add', 'unreachable', `${ROUTER_ROUTE.burst}/32`]);
    const source = await topo.freshSource();
    const request: ProbeRequest = { kind: 'tcp', host: ROUTER_ROUTE.burst, port: 80, localAddress: source, timeoutMs: TIMEOUT_MS };
    const outcomes = (await topo.probe([request, request, request])).map((list) => summary(list[0]!));
    expect(outcomes).toEqual([
      failure('host-unreachable', 'EHOSTUNREACH', 'connect'),
      failure('host-unreachable', 'EHOSTUNREACH', 'connect'),
      failure('timeout', 'TIMEOUT', 'connect'),
    ]);
  });
});
