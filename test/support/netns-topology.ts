/**
 * The standard fault-injection topology: client ↔ router ↔ server, three namespaces joined by
 * two veth pairs, the router forwarding. ICMP errors therefore come from a real router hop, and
 * the prober runs in its own namespace so no rule ever touches the host.
 *
 *   client 10.251.1.2 ── 10.251.1.1 router 10.251.2.1 ── 10.251.2.2 server
 *
 * The client routes 10.251.2.0/24 and 10.251.3.0/24 through the router, which has no route to
 * 10.251.3.0/24 (a remote "no route"). The client has no default route: anything else is a
 * local "no route".
 *
 * For longer-lived scenarios (a heartbeat session across the veths, then `lab.iptables(…DROP)` or
 * `lab.ip(ns, ['link', 'set', 'eth0', 'down'])`), start your own script in the client namespace
 * with `lab.spawn(client, script, args)` and read its JSON lines with `next()`.
 */
import { fileURLToPath } from 'node:url';
import type { ProbeOutcome } from '../../src-main/core/probe/types.ts';
import { createLab, type Lab } from './netns.ts';
import type { NamespaceProcess } from './netns-process.ts';
import type { ProbeRequest, ProbeResultLine } from './netns-probe-runner.ts';
import type { ServiceSpec } from './netns-services.ts';

export const ADDR = {
  client: '10.251.1.2',
  routerClientSide: '10.251.1.1',
  routerServerSide: '10.251.2.1',
  server: '10.251.2.2',
  clientNet: '10.251.1.0/24',
  serverNet: '10.251.2.0/24',
  /** Routed by the client to the router, which has no route for it. */
  noRouteAtRouterNet: '10.251.3.0/24',
} as const;

const PROBE_RUNNER = fileURLToPath(new URL('./netns-probe-runner.ts', import.meta.url));
const SERVICES = fileURLToPath(new URL('./netns-services.ts', import.meta.url));

const FIRST_FRESH_SOURCE = 100;
const MAX_FRESH_SOURCES = 150;

/** Time for a child Node process to start and load its modules, on top of its own work. */
const STARTUP_ALLOWANCE_MS = 10_000;

export interface RunningServices {
  readonly ports: readonly number[];
  readonly process: NamespaceProcess;
  stop(): Promise<void>;
}

export interface Topology {
  readonly lab: Lab;
  readonly client: string;
  readonly router: string;
  readonly server: string;
  /** Runs the requests in order from the client namespace; one outcome list per request. */
  probe(requests: readonly ProbeRequest[]): Promise<ProbeOutcome[][]>;
  /** Runs one request from the client namespace and returns its single outcome. */
  probeOne(request: ProbeRequest): Promise<ProbeOutcome>;
  /**
   * Adds a new address to the client (10.251.1.100 upwards) and returns it. The kernel
   * rate-limits ICMP errors per destination, so a probe that must see a router's ICMP at once
   * binds to a source the router has never answered.
   */
  freshSource(): Promise<string>;
  /** Starts services in a namespace (the server's by default) and waits until they listen. */
  services(specs: readonly ServiceSpec[], ns?: string): Promise<RunningServices>;
  teardown(): Promise<void>;
}

export async function createTopology(): Promise<Topology> {
  const lab = createLab();
  try {
    const client = await lab.namespace('client');
    const router = await lab.namespace('router');
    const server = await lab.namespace('server');
    await lab.link({ ns: client, dev: 'eth0', address: `${ADDR.client}/24` }, { ns: router, dev: 'eth0', address: `${ADDR.routerClientSide}/24` });
    await lab.link({ ns: router, dev: 'eth1', address: `${ADDR.routerServerSide}/24` }, { ns: server, dev: 'eth0', address: `${ADDR.server}/24` });
    await lab.sysctl(router, 'net.ipv4.ip_forward', 1);
    await lab.ip(client, ['route', 'add', ADDR.serverNet, 'via', ADDR.routerClientSide]);
    await lab.ip(client, ['route', 'add', ADDR.noRouteAtRouterNet, 'via', ADDR.routerClientSide]);
    await lab.ip(server, ['route', 'add', ADDR.clientNet, 'via', ADDR.routerServerSide]);
    let sources = 0;
    return {
      lab,
      client,
      router,
      server,
      probe: (requests) => runProbes(lab, client, requests),
      probeOne: async (request) => {
        const [outcomes] = await runProbes(lab, client, [request]);
        if (outcomes?.length !== 1) throw new Error(`Expected one outcome, got ${JSON.stringify(outcomes)}`);
        return outcomes[0]!;
      },
      freshSource: async () => {
        if (sources >= MAX_FRESH_SOURCES) throw new Error(`At most ${MAX_FRESH_SOURCES} fresh sources per topology.`);
        const address = `10.251.1.${FIRST_FRESH_SOURCE + sources++}`;
        await lab.ip(client, ['addr', 'add', `${address}/24`, 'dev', 'eth0']);
        return address;
      },
      services: (specs, ns = server) => startServices(lab, ns, specs),
      teardown: () => lab.teardown(),
    };
  } catch (error) {
    await lab.teardown().catch(() => undefined);
    throw error;
  }
}

async function runProbes(lab: Lab, ns: string, requests: readonly ProbeRequest[]): Promise<ProbeOutcome[][]> {
  const child = lab.spawn(ns, PROBE_RUNNER, { probes: requests });
  try {
    const results: ProbeOutcome[][] = [];
    for (const request of requests) {
      const line = (await child.next((request.timeoutMs ?? 2000) + STARTUP_ALLOWANCE_MS)) as ProbeResultLine;
      results.push(line.outcomes);
    }
    const status = await child.exited;
    if (status.code !== 0) throw new Error(`Probe runner exited with ${status.code}: ${child.stderr()}`);
    return results;
  } finally {
    await child.stop();
  }
}

async function startServices(lab: Lab, ns: string, specs: readonly ServiceSpec[]): Promise<RunningServices> {
  const child = lab.spawn(ns, SERVICES, { services: specs });
  try {
    const ready = (await child.next(STARTUP_ALLOWANCE_MS)) as { ready?: boolean; ports?: number[] };
    if (ready.ready !== true || !Array.isArray(ready.ports)) throw new Error(`Services did not start: ${JSON.stringify(ready)}`);
    return {
      ports: ready.ports,
      process: child,
      stop: async () => {
        await child.stop();
      },
    };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
