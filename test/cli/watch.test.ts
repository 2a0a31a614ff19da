import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { listenLoopback, type LoopbackServer } from '../support/heartbeat.ts';

const BIN = fileURLToPath(new URL('../../bin/synack.js', import.meta.url));

interface Run {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves when stdout matches, rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  readonly exit: Promise<number | null>;
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function synack(args: readonly string[]): Run {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    return exit;
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    waitFor: (pattern, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (!pattern.test(out)) return;
          clearTimeout(timer);
          child.stdout!.removeListener('data', check);
          resolve();
        };
        const timer = setTimeout(() => {
          child.stdout!.removeListener('data', check);
          reject(new Error(`stdout never matched ${pattern}:\n${out}\nstderr:\n${err}`));
        }, timeoutMs);
        child.stdout!.on('data', check);
        check();
      }),
  };
}

async function pongServer(): Promise<LoopbackServer> {
  const server = await listenLoopback((socket) => socket.on('data', () => socket.write('PONG\r\n')));
  cleanups.push(() => server.close());
  return server;
}

describe('synack watch (CLI, child process)', () => {
  it('prints connected, heartbeat, lost and retrying as they happen, and a summary on SIGINT', async () => {
    const server = await pongServer();
    const run = synack(['watch', `127.0.0.1:${server.port}`, '--send', 'PING\\r\\n', '--expect', 'PONG', '--interval', '100ms', '--timeout', '1s']);
    await run.waitFor(/heartbeat +rtt [\d.]+ ms[\s\S]*heartbeat +rtt/);
    expect(run.stdout()).toMatch(/^watching 127\.0\.0\.1:\d+ \(active: send "PING\\r\\n" every 100 ms, expect "PONG" within 1 s/);
    expect(run.stdout()).toMatch(/\d\d:\d\d:\d\d\.\d{3}  connected +127\.0\.0\.1 from 127\.0\.0\.1:\d+ in [\d.]+ ms/);

    for (const socket of server.sockets) socket.destroy();
    await run.waitFor(/lost +peer-closed \(EOF\) after [\d.]+ (ms|s) up[\s\S]*retrying +attempt 1 in \d+ ms\n[\s\S]*connected/);
    await run.waitFor(/connected[\s\S]*lost[\s\S]*connected[\s\S]*heartbeat/);

    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    const out = run.stdout();
    expect(out).toMatch(/--- 127\.0\.0\.1:\d+ watch summary ---/);
    expect(out).toMatch(/connections 2, total uptime [\d.]+ (ms|s), losses 1 \(peer-closed 1\)/);
    expect(out).toMatch(/heartbeat rtt min\/avg\/p95\/max = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms \(\d+ samples\)/);
    expect(run.stderr()).toBe('');
  });

  it('--json prints one ProbeOutcome-carrying object per line, then a JSON summary', async () => {
    const server = await pongServer();
    const run = synack(['watch', `127.0.0.1:${server.port}`, '--send-hex', '50494e470a', '--interval', '50ms', '--json']);
    await run.waitFor(/"event":"heartbeat"/);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    const lines = run.stdout().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ event: 'connected', attempt: 0, outcome: { ok: true, kind: 'heartbeat', address: '127.0.0.1' } });
    expect(lines[1]).toMatchObject({ event: 'heartbeat', outcome: { ok: true, kind: 'heartbeat' } });
    expect(lines.at(-1)).toMatchObject({ event: 'summary', connections: 1, losses: {}, rtt: { count: expect.any(Number) } });
  });

  it('passive mode reports an RST, and exits 1 when it never connected', async () => {
    const server = await listenLoopback();
    cleanups.push(() => server.close());
    const run = synack(['watch', `127.0.0.1:${server.port}`, '--passive', '--keepalive', '2s']);
    await run.waitFor(/connected/);
    expect(run.stdout()).toMatch(/passive: FIN\/RST\/errors, TCP keepalive after 2 s idle/);
    // The client may print "connected" before this process has seen the accept: wait for it.
    for (let waited = 0; server.sockets.size === 0 && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(server.sockets.size).toBe(1);
    for (const socket of server.sockets) socket.resetAndDestroy();
    await run.waitFor(/lost +reset \(ECONNRESET\)/);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);

    const port = server.port;
    await server.close();
    const refused = synack(['watch', `127.0.0.1:${port}`]);
    await refused.waitFor(/retrying +attempt 2 in \d+ ms \(connect failed: refused, ECONNREFUSED\)/);
    refused.child.kill('SIGINT');
    expect(await refused.exit).toBe(1);
    expect(refused.stdout()).toMatch(/connections 0, total uptime 0 ms, losses 0\nfailed connects \d+ \(refused \d+\)/);
  });

  it('--help prints the usage and exits 0; the dispatcher lists watch', async () => {
    const help = synack(['watch', '--help']);
    expect(await help.exit).toBe(0);
    expect(help.stdout()).toMatch(/^Usage: synack watch HOST:PORT \[options\]/);
    const top = synack(['--help']);
    expect(await top.exit).toBe(0);
    expect(top.stdout()).toMatch(/^  watch$/m);
  });

  it.each([
    [[], /HOST:PORT: missing/],
    [['localhost'], /HOST:PORT: target "localhost": missing port/],
    [['127.0.0.1:70000'], /HOST:PORT/],
    [['127.0.0.1:80', '127.0.0.1:81'], /HOST:PORT: expected one target/],
    [['127.0.0.1:80', '--interval', 'soon'], /--interval: "soon" is not a duration/],
    [['127.0.0.1:80', '--timeout', '0'], /--timeout: 0 is too short/],
    [['127.0.0.1:80', '--keepalive', '500ms'], /--keepalive: 500ms is too short/],
    [['127.0.0.1:80', '--send', 'x', '--passive'], /--passive/],
    [['127.0.0.1:80', '--expect', 'PONG'], /--expect: needs a heartbeat/],
    [['127.0.0.1:80', '--send', 'x', '--expect', '/(/'], /--expect: Invalid regular expression/],
    [['127.0.0.1:80', '--send-hex', 'xyz'], /--send-hex: "xyz" is not hex bytes/],
    [['127.0.0.1:80', '--send', 'bad\\q'], /--send: "bad\\q" is not a payload/],
    [['127.0.0.1:80', '--bogus'], /--bogus/],
  ])('exits 2 naming the bad argument: %j', async (args, message) => {
    const run = synack(['watch', ...args]);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toMatch(message);
    expect(run.stderr()).toContain('Usage: synack watch HOST:PORT');
    expect(run.stdout()).toBe('');
  });
});
