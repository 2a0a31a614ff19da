/**
 * Thousands of probes over every outcome reachable on loopback, then the process must hold
 * exactly the file descriptors and active handles it held before: every path of the TCP and
 * UDP probes releases its socket and its timer.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { readdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseExpectation } from '../../src-main/core/probe/expect.ts';
import { probe } from '../../src-main/core/probe/registry.ts';
import type { ProbeKind, ProbeOptions, ProbeOutcome } from '../../src-main/core/probe/types.ts';

const HOST = '127.0.0.1';
const TOTAL_PROBES = 3000;
const CONCURRENCY = 64;
/** Short deadline for the cases that end in a timeout; generous for the rest. */
const SHORT_MS = 100;
const LONG_MS = 5000;
/** The mismatch-at-deadline case needs the wrong reply to arrive first, even on a loaded machine. */
const HOLD_MS = 1000;
const SETTLE_DEADLINE_MS = 3000;

const closers: Array<() => Promise<void>> = [];

function tcpServer(onConnection: (socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy()); // the prober resets when it stops with unread data
    onConnection(socket);
  });
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return new Promise((resolve) => server.listen(0, HOST, () => resolve((server.address() as { port: number }).port)));
}

function udpServer(echo: boolean): Promise<number> {
  const socket: UdpSocket = createSocket('udp4');
  if (echo) socket.on('message', (message, remote) => socket.send(message, remote.port, remote.address));
  closers.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return new Promise((resolve) => socket.bind(0, HOST, () => resolve(socket.address().port)));
}

/** A port nothing listens on (TCP and UDP): bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Case {
  readonly name: string;
  readonly kind: ProbeKind;
  readonly port: () => number;
  readonly options: () => ProbeOptions;
  /** `ok`, or the expected failure class and code. */
  readonly expected: string;
}

const ports: Record<string, number> = {};
const port = (name: string) => (): number => ports[name]!;
const ping = new TextEncoder().encode('ping');

const CASES: readonly Case[] = [
  { name: 'open', kind: 'tcp', port: port('echo'), options: () => ({ timeoutMs: LONG_MS }), expected: 'ok' },
  { name: 'echo with expect', kind: 'tcp', port: port('echo'), options: () => ({ timeoutMs: LONG_MS, send: ping, expect: parseExpectation('ping') }), expected: 'ok' },
  { name: 'refused', kind: 'tcp', port: port('closed'), options: () => ({ timeoutMs: LONG_MS }), expected: 'refused ECONNREFUSED' },
  { name: 'reset', kind: 'tcp', port: port('reset'), options: () => ({ timeoutMs: LONG_MS, send: ping, expect: parseExpectation('pong') }), expected: 'reset ECONNRESET' },
  { name: 'FIN', kind: 'tcp', port: port('fin'), options: () => ({ timeoutMs: LONG_MS, expect: parseExpectation('pong') }), expected: 'peer-closed EOF' },
  { name: 'mismatch then FIN', kind: 'tcp', port: port('wrong'), options: () => ({ timeoutMs: LONG_MS, expect: parseExpectation('/^OK/') }), expected: 'protocol MISMATCH' },
  { name: 'mismatch at deadline', kind: 'tcp', port: port('wrongHold'), options: () => ({ timeoutMs: HOLD_MS, expect: parseExpectation('/^OK/') }), expected: 'protocol MISMATCH' },
  { name: 'silent listener', kind: 'tcp', port: port('silent'), options: () => ({ timeoutMs: SHORT_MS, expect: parseExpectation('x') }), expected: 'timeout TIMEOUT' },
  { name: 'aborted', kind: 'tcp', port: port('silent'), options: () => ({ timeoutMs: LONG_MS, expect: parseExpectation('x'), signal: AbortSignal.timeout(20) }), expected: 'other ABORTED' },
  { name: 'bad port', kind: 'tcp', port: () => 0, options: () => ({}), expected: 'invalid-target ERR_SOCKET_BAD_PORT' },
  { name: 'udp echo', kind: 'udp', port: port('udpEcho'), options: () => ({ timeoutMs: LONG_MS, send: ping }), expected: 'ok' },
  { name: 'udp closed', kind: 'udp', port: port('closed'), options: () => ({ timeoutMs: LONG_MS, send: ping }), expected: 'refused ECONNREFUSED' },
  { name: 'udp silent', kind: 'udp', port: port('udpSilent'), options: () => ({ timeoutMs: SHORT_MS, send: ping }), expected: 'timeout TIMEOUT' },
];

function verdict(outcome: ProbeOutcome): string {
  return outcome.ok ? 'ok' : `${outcome.failure.class} ${outcome.failure.code}`;
}

/** Runs `count` probes, cycling through the cases, `CONCURRENCY` at a time; returns the verdicts per case. */
async function runMany(count: number): Promise<Map<string, Map<string, number>>> {
  const tally = new Map<string, Map<string, number>>(CASES.map((c) => [c.name, new Map()]));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const spec = CASES[next++ % CASES.length]!;
      const outcome = await probe(spec.kind, { host: HOST, port: spec.port() }, spec.options());
      const counts = tally.get(spec.name)!;
      const key = verdict(outcome);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return tally;
}

function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}

/** Active resources by type (TCPSocketWrap, UDPWrap, Timeout…), sorted so readings compare as strings. */
function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo().sort()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

interface Reading {
  readonly fds: number;
  readonly resources: Record<string, number>;
}

const read = (): Reading => ({ fds: openFds(), resources: resourceCounts() });
const sameReading = (a: Reading, b: Reading): boolean => a.fds === b.fds && JSON.stringify(a.resources) === JSON.stringify(b.resources);

/**
 * Polls until `done(reading)` holds or the deadline passes; returns the last reading. Closing
 * is asynchronous (the server ends of loopback connections close a moment after the client's).
 */
async function pollUntil(done: (reading: Reading, previous: Reading) => boolean): Promise<Reading> {
  const deadline = performance.now() + SETTLE_DEADLINE_MS;
  let previous = read();
  for (;;) {
    await sleep(50);
    const now = read();
    if (done(now, previous) || performance.now() > deadline) return now;
    previous = now;
  }
}

beforeAll(async () => {
  ports.echo = await tcpServer((socket) => socket.pipe(socket));
  ports.reset = await tcpServer((socket) => socket.resetAndDestroy());
  ports.fin = await tcpServer((socket) => socket.end());
  ports.wrong = await tcpServer((socket) => socket.end('NOPE\r\n'));
  ports.wrongHold = await tcpServer((socket) => socket.write('NOPE\r\n'));
  ports.silent = await tcpServer((socket) => socket.resume());
  ports.udpEcho = await udpServer(true);
  ports.udpSilent = await udpServer(false);
  ports.closed = await closedPort();
});

afterAll(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

test(`${TOTAL_PROBES} probes over every loopback outcome leave no fd, socket or timer behind`, { timeout: 60_000 }, async () => {
  // Warm up once per case so lazily created, long-lived handles exist before the baseline.
  await runMany(CASES.length);
  const baseline = await pollUntil(sameReading);

  const tally = await runMany(TOTAL_PROBES);

  for (const spec of CASES) {
    const verdicts = Object.fromEntries(tally.get(spec.name)!);
    expect(Object.keys(verdicts), spec.name).toEqual([spec.expected]);
  }
  const total = [...tally.values()].reduce((sum, counts) => sum + [...counts.values()].reduce((a, b) => a + b, 0), 0);
  expect(total).toBe(TOTAL_PROBES);

  const after = await pollUntil((reading) => sameReading(reading, baseline));
  expect(after.fds).toBe(baseline.fds);
  expect(after.resources).toEqual(baseline.resources);
});
