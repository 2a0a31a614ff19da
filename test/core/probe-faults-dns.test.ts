/**
 * The DNS phase against a real DNS server in the server namespace (../support/dns-responder.ts):
 * once through a c-ares Resolver pointed at it (`resolverLookup`), once through getaddrinfo with a
 * namespace-private resolv.conf (`systemLookup`), which is what the seed table's codes describe.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ProbeOutcome } from '../../src-main/core/probe/types.ts';
import { describeAsRoot } from '../support/netns.ts';
import type { ProbeRequest } from '../support/netns-probe-runner.ts';
import { ADDR, createTopology, type Topology } from '../support/netns-topology.ts';

const TIMEOUT_MS = 1500;
const ECHO_PORT = 7000;
/** A UDP port on the server where nothing listens: the query draws ICMP port-unreachable. */
const NO_DNS_PORT = 5353;

const ZONE = {
  'good.test': { kind: 'a', addresses: [ADDR.server] },
  'missing.test': { kind: 'nxdomain' },
  'broken.test': { kind: 'servfail' },
  'silent.test': { kind: 'silent' },
} as const;

type Summary = { ok: true; address: string } | { ok: false; class: string; code: string; phase: string };

function summary(outcome: ProbeOutcome): Summary {
  if (outcome.ok) return { ok: true, address: outcome.address };
  return { ok: false, class: outcome.failure.class, code: outcome.failure.code, phase: outcome.failure.phase };
}

const dnsFailure = (code: string): Summary => ({ ok: false, class: 'dns', code, phase: 'dns' });

describeAsRoot('the DNS phase against a DNS server in a namespace', () => {
  let topo: Topology;

  beforeAll(async () => {
    topo = await createTopology();
    await topo.services([
      { kind: 'tcp-echo', port: ECHO_PORT },
      { kind: 'dns', port: 53, zone: ZONE },
    ]);
    // Seen only by processes started in the client namespace from now on.
    await topo.lab.etcFile(topo.client, 'resolv.conf', `nameserver ${ADDR.server}\noptions timeout:1 attempts:1\n`);
    await topo.lab.etcFile(topo.client, 'nsswitch.conf', 'hosts: dns\n');
  });

  afterAll(async () => {
    await topo?.teardown();
  });

  const viaResolver = (host: string, servers: string[] = [ADDR.server]): ProbeRequest => ({
    kind: 'tcp',
    host,
    port: ECHO_PORT,
    timeoutMs: TIMEOUT_MS,
    resolver: { servers, timeout: 300, tries: 1 },
  });

  test('c-ares resolver: a name with an A record resolves and the connect to it succeeds', async () => {
    const outcome = await topo.probeOne(viaResolver('good.test'));
    expect(summary(outcome)).toEqual({ ok: true, address: ADDR.server });
    expect(outcome.phases.dns).toBeGreaterThan(0);
    expect(outcome.phases.connect).toBeDefined();
  });

  test.each([
    ['missing.test', 'NXDOMAIN', 'ENOTFOUND'],
    ['broken.test', 'SERVFAIL', 'ESERVFAIL'],
    ['silent.test', 'no answer', 'ETIMEOUT'],
  ])('c-ares resolver: %s (%s) is a dns failure %s, before any connect', async (host, _answer, code) => {
    const outcome = await topo.probeOne(viaResolver(host));
    expect(summary(outcome)).toEqual(dnsFailure(code));
    expect(outcome.phases.connect).toBeUndefined();
  });

  test('c-ares resolver: no DNS server on the port (ICMP port-unreachable) is a dns failure ECONNREFUSED', async () => {
    const request = viaResolver('good.test', [`${ADDR.server}:${NO_DNS_PORT}`]);
    const outcome = await topo.probeOne({ ...request, resolver: { ...request.resolver!, localAddress: await topo.freshSource() } });
    expect(summary(outcome)).toEqual(dnsFailure('ECONNREFUSED'));
  });

  test.each([
    ['good.test', { ok: true, address: ADDR.server }],
    // getaddrinfo: EAI_NONAME, which Node names ENOTFOUND.
    ['missing.test', dnsFailure('ENOTFOUND')],
    ['broken.test', dnsFailure('EAI_AGAIN')],
    // After resolv.conf's timeout (1 s) × attempts (1), inside the probe's deadline.
    ['silent.test', dnsFailure('EAI_AGAIN')],
  ] as const)('getaddrinfo with the namespace resolv.conf: %s', async (host, expected) => {
    const outcome = await topo.probeOne({ kind: 'tcp', host, port: ECHO_PORT, timeoutMs: 3000 });
    expect(summary(outcome)).toEqual(expected);
  });
});
