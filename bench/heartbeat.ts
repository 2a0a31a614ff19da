/**
 * Heartbeat session benchmark: FIN/RST detection latency under load, CPU per 1,000 sessions
 * heartbeating every second, and 10,000 idle passive sessions held. The server runs in a child
 * process (bench/heartbeat-server.ts) so this process holds only the client side.
 *
 * Run alone: `npx node bench/heartbeat.ts` (about a minute).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HeartbeatSession } from '../src-main/core/heartbeat/session.ts';
import type { HeartbeatOptions } from '../src-main/core/heartbeat/types.ts';

const SERVER = fileURLToPath(new URL('./heartbeat-server.ts', import.meta.url));
const ACTIVE_SESSIONS = 1000;
const IDLE_SESSIONS = 10_000;
const DETECTION_SAMPLES = 300;

export interface HeartbeatBenchFigures {
  /** Control: plain sockets with only an 'end' listener, no session, same machine, same method. */
  readonly baselineFin: LatencyFigures;
  readonly fin: LatencyFigures;
  readonly rst: LatencyFigures;
  /** % of one core used by this process for 1,000 sessions heartbeating every second. */
  readonly cpuPercentPer1000: number;
  readonly beatsPerSecond: number;
  readonly idle: IdleFigures;
}

interface LatencyFigures {
  readonly samples: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** This process's event-loop delay p99 during the measurement: how late any callback ran, session or not. */
  readonly loopDelayP99Ms: number;
  /** 1-minute load average and core count at the end of the measurement (tails track machine load). */
  readonly load: string;
}

interface IdleFigures {
  readonly requested: number;
  readonly held: number;
  readonly openFilesLimit: string;
  readonly establishMs: number;
  readonly rssPerSessionKiB: number;
  readonly idleCpuPercent: number;
  readonly allLossesDetectedMs: number;
}

/** Runs the benchmark and prints its figures. */
export async function runHeartbeatBench(): Promise<void> {
  const figures = await measureHeartbeat((line) => process.stdout.write(`  … ${line}\n`));
  process.stdout.write(`${formatFigures(figures)}\n`);
}

/** Runs the benchmark; `progress` hears what it is doing. */
export async function measureHeartbeat(progress: (line: string) => void = () => {}): Promise<HeartbeatBenchFigures> {
  const server = await startServer();
  try {
    progress(`control: FIN detection on ${DETECTION_SAMPLES} plain sockets (no session)`);
    const baselineFin = await baseline(server);

    progress(`${ACTIVE_SESSIONS} active sessions, 1 s heartbeats`);
    const active = await openSessions(server.port, ACTIVE_SESSIONS, {
      mode: { kind: 'active', payload: Buffer.from('PING\n'), intervalMs: 1000, replyTimeoutMs: 2000 },
      backoff: { baseMs: 200, maxMs: 1000 },
    }, 1000);
    let beats = 0;
    for (const session of active.sessions) session.on('heartbeat', () => beats++);
    await sleep(2000);

    progress('CPU over 10 s');
    const beatsBefore = beats;
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await sleep(10_000);
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - wallBefore;
    const cpuPercentPer1000 = ((cpu.user + cpu.system) / 1000 / wallMs) * 100 * (1000 / ACTIVE_SESSIONS);
    const beatsPerSecond = ((beats - beatsBefore) / wallMs) * 1000;

    progress(`FIN detection, ${DETECTION_SAMPLES} closes 4 ms apart`);
    const fin = await detection(server, active.lostAt, 'fin');
    await sleep(1500);
    progress(`RST detection, ${DETECTION_SAMPLES} resets 4 ms apart`);
    const rst = await detection(server, active.lostAt, 'rst');
    await closeAll(server);
    for (const session of active.sessions) session.stop();
    await sleep(500);

    progress(`${IDLE_SESSIONS} idle passive sessions`);
    const idle = await idleSessions(server);
    return { baselineFin, fin, rst, cpuPercentPer1000, beatsPerSecond, idle };
  } finally {
    server.child.kill('SIGKILL');
  }
}

interface BenchServer {
  readonly child: ChildProcess;
  readonly port: number;
  request<T>(message: object, reply: string): Promise<T>;
}

function startServer(): Promise<BenchServer> {
  const child = fork(SERVER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const request = <T>(message: object, reply: string): Promise<T> =>
    new Promise((resolve) => {
      const onMessage = (answer: { op: string }): void => {
        if (answer.op !== reply) return;
        child.removeListener('message', onMessage);
        resolve(answer as T);
      };
      child.on('message', onMessage);
      child.send(message);
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message: { port: number }) => resolve({ child, port: message.port, request }));
  });
}

interface OpenSessions {
  readonly sessions: HeartbeatSession[];
  /** Client port → CLOCK_MONOTONIC ns of each loss seen on it. */
  readonly lostAt: Map<number, bigint[]>;
}

/**
 * Starts `count` sessions and waits until all are up. With `spreadMs`, starts are spread evenly
 * over that time, as a monitor spreads probe phases: sessions started in one burst would
 * heartbeat in one burst every interval, and that burst (not detection) would set the tail.
 * Without it, they start in batches of 500 (the listen backlog is finite).
 */
async function openSessions(port: number, count: number, options: HeartbeatOptions, spreadMs = 0): Promise<OpenSessions> {
  const sessions: HeartbeatSession[] = [];
  const lostAt = new Map<number, bigint[]>();
  let connected = 0;
  const deadline = performance.now() + 60_000;
  const batch = spreadMs > 0 ? Math.max(1, Math.round(count / spreadMs)) : 500;
  const began = performance.now();
  for (let start = 0; start < count; start += batch) {
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const session = new HeartbeatSession({ host: '127.0.0.1', port }, options);
      session.on('lost', ({ local }) => {
        const at = process.hrtime.bigint();
        const list = lostAt.get(local.port);
        if (list) list.push(at);
        else lostAt.set(local.port, [at]);
      });
      session.once('connected', () => connected++);
      session.on('retrying', ({ cause }) => {
        if (cause.failure.phase === 'connect') throw new Error(`connect failed during setup: ${cause.failure.code} (raise limits?)`);
      });
      sessions.push(session.start());
    }
    if (spreadMs > 0) await sleep(Math.max(0, began + ((start + batch) / count) * spreadMs - performance.now()));
    else while (connected < Math.min(count, start + batch) && performance.now() < deadline) await sleep(10);
  }
  while (connected < count && performance.now() < deadline) await sleep(10);
  if (connected < count) throw new Error(`only ${connected} of ${count} sessions connected`);
  return { sessions, lostAt };
}

/** The same FIN measurement on plain sockets: what the machine itself costs (scheduling, epoll, Node streams). */
async function baseline(server: BenchServer): Promise<LatencyFigures> {
  const lostAt = new Map<number, bigint[]>();
  const sockets: Socket[] = [];
  await Promise.all(Array.from({ length: DETECTION_SAMPLES }, () => new Promise<void>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: server.port }, () => {
      const port = socket.localPort!;
      socket.on('end', () => lostAt.set(port, [process.hrtime.bigint()]));
      resolve();
    });
    socket.on('error', reject);
    socket.resume();
    sockets.push(socket);
  })));
  try {
    return await detection(server, lostAt, 'fin');
  } finally {
    for (const socket of sockets) socket.destroy();
  }
}

async function detection(server: BenchServer, lostAt: Map<number, bigint[]>, how: 'fin' | 'rst'): Promise<LatencyFigures> {
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const { closes } = await server.request<{ closes: { port: number; at: string }[] }>(
    { op: 'close', count: DETECTION_SAMPLES, how, spacingMs: 4 }, 'closed');
  await sleep(200);
  loopDelay.disable();
  const latencies: number[] = [];
  for (const close of closes) {
    const closedAt = BigInt(close.at);
    const seen = lostAt.get(close.port)?.find((at) => at >= closedAt);
    if (seen !== undefined) latencies.push(Number(seen - closedAt) / 1e6);
  }
  if (latencies.length < closes.length) throw new Error(`${closes.length - latencies.length} of ${closes.length} ${how} closes went undetected`);
  return {
    ...latencyFigures(latencies),
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    load: `load ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`,
  };
}

async function closeAll(server: BenchServer): Promise<bigint> {
  const { at } = await server.request<{ at: string }>({ op: 'close-all' }, 'closed-all');
  return BigInt(at);
}

async function idleSessions(server: BenchServer): Promise<IdleFigures> {
  const openFilesLimit = /Max open files\s+(\d+|unlimited)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? 'unknown';
  const fdsNow = readdirSync('/proc/self/fd').length;
  const limit = Number(openFilesLimit);
  // Each session holds one fd here (the server's are in the child); keep headroom for Node itself.
  const requested = Number.isFinite(limit) ? Math.min(IDLE_SESSIONS, limit - fdsNow - 100) : IDLE_SESSIONS;
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const idle = await openSessions(server.port, requested, { mode: { kind: 'passive' }, keepAlive: { idleMs: 30_000 }, backoff: { baseMs: 1000 } });
  const establishMs = performance.now() - started;
  await sleep(1000);
  global.gc?.();
  const rssPerSessionKiB = (process.memoryUsage().rss - rssBefore) / 1024 / requested;
  const { count: held } = await server.request<{ count: number }>({ op: 'count' }, 'count');

  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  await sleep(5000);
  const cpu = process.cpuUsage(cpuBefore);
  const idleCpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;

  let losses = 0;
  for (const session of idle.sessions) session.on('lost', () => losses++);
  const closedAt = await closeAll(server);
  const deadline = performance.now() + 20_000;
  while (losses < requested && performance.now() < deadline) await sleep(5);
  const allLossesDetectedMs = Number(process.hrtime.bigint() - closedAt) / 1e6;
  for (const session of idle.sessions) session.stop();
  if (losses < requested) throw new Error(`only ${losses} of ${requested} idle losses detected`);
  return { requested, held, openFilesLimit, establishMs, rssPerSessionKiB, idleCpuPercent, allLossesDetectedMs };
}

function latencyFigures(values: number[]): Pick<LatencyFigures, 'samples' | 'medianMs' | 'p99Ms' | 'maxMs'> {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { samples: sorted.length, medianMs: at(0.5), p99Ms: at(0.99), maxMs: sorted.at(-1)! };
}

export function formatFigures(figures: HeartbeatBenchFigures): string {
  const latency = (name: string, l: LatencyFigures, target: number): string =>
    `  ${name} detection (server close → lost event): median ${l.medianMs.toFixed(3)} ms, p99 ${l.p99Ms.toFixed(3)} ms, max ${l.maxMs.toFixed(3)} ms` +
    ` (${l.samples} samples; event-loop delay p99 ${l.loopDelayP99Ms.toFixed(2)} ms, ${l.load}) — target p99 ≤ ${target} ms: ${l.p99Ms <= target ? 'met' : 'MISSED'}`;
  const { idle } = figures;
  return [
    `heartbeat sessions (${ACTIVE_SESSIONS} sessions heartbeating every 1 s, phases spread over the interval, server in a child process)`,
    latency('control: plain-socket FIN', figures.baselineFin, 2),
    latency('FIN', figures.fin, 2),
    latency('RST', figures.rst, 2),
    `  CPU: ${figures.cpuPercentPer1000.toFixed(2)} % of one core per 1,000 sessions (${figures.beatsPerSecond.toFixed(0)} heartbeats/s) — target < 5 %: ${figures.cpuPercentPer1000 < 5 ? 'met' : 'MISSED'}`,
    `  idle passive sessions: ${idle.held} of ${idle.requested} held (open-files limit ${idle.openFilesLimit}), established in ${(idle.establishMs / 1000).toFixed(2)} s,` +
      ` ~${idle.rssPerSessionKiB.toFixed(1)} KiB RSS each, ${idle.idleCpuPercent.toFixed(2)} % CPU while idle, all ${idle.requested} losses seen ${idle.allLossesDetectedMs.toFixed(0)} ms after the server closed them all`,
  ].join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runHeartbeatBench();
}
