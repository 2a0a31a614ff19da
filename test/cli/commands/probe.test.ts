/**
 * `synack probe` end to end: the real bin/synack.js in a child process against loopback
 * servers on port 0.
 */
import type { ChildProcess } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CLASS_INFO, FAILURE_CLASSES } from '../../../src-main/core/classify/failure-classes.ts';
import { linesOf, runCli } from '../support/run-cli.ts';
import { createServers } from '../support/servers.ts';

const servers = createServers();
afterEach(() => servers.closeAll());

const ATTEMPT_LINE = /^\d\d:\d\d:\d\d\.\d{3} {2}\S+/;

describe('synack probe (human output)', () => {
  it('probes an open port N times, prints N lines and a summary, exits 0', async () => {
    const port = await servers.tcp();
    const result = await runCli(['probe', `127.0.0.1:${port}`, '--count', '3', '--interval', '0']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = linesOf(result.stdout);
    expect(lines[0]).toBe(`PROBE 127.0.0.1:${port} over TCP: 3 attempts back to back, timeout 2s`);
    const attempts = lines.filter((line) => ATTEMPT_LINE.test(line));
    expect(attempts).toHaveLength(3);
    attempts.forEach((line, i) => {
      expect(line).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}  127\\.0\\.0\\.1  #${i + 1}  ok  time=[\\d.]+ms  dns=[\\d.]+ms connect=[\\d.]+ms$`));
    });
    expect(lines).toContain(`--- 127.0.0.1:${port} tcp probe statistics ---`);
    expect(lines).toContain('3 sent, 3 ok, 0 failed, 0% loss');
    expect(result.stdout).toMatch(/connect min\/avg\/median\/p95\/max\/stddev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms, jitter [\d.]+ ms/);
  });

  it('reports a closed port as refused with its hint and exits 1', async () => {
    const port = await servers.closedTcpPort();
    const result = await runCli(['probe', `localhost:${port}`, '-c', '2', '-i', '0']);
    expect(result.code).toBe(1);
    const attempts = linesOf(result.stdout).filter((line) => ATTEMPT_LINE.test(line));
    expect(attempts).toHaveLength(2);
    for (const line of attempts) {
      expect(line).toContain('  refused  ECONNREFUSED in connect after ');
      expect(line).toContain(`hint: ${CLASS_INFO.refused.hint}`);
    }
    expect(result.stdout).toContain('2 sent, 0 ok, 2 failed, 100% loss');
    expect(result.stdout).toContain('failures: refused 2');
  });

  it('probes several targets in round-robin and exits 1 when one never answers', async () => {
    const open = await servers.tcp();
    const closed = await servers.closedTcpPort();
    const result = await runCli(['probe', `127.0.0.1:${open}`, `127.0.0.1:${closed}`, '-c', '2', '-i', '10ms']);
    expect(result.code).toBe(1);
    const attempts = linesOf(result.stdout).filter((line) => ATTEMPT_LINE.test(line));
    const order = attempts.map((line) => /(127\.0\.0\.1:\d+) .*#(\d)/.exec(line)?.slice(1).join(' '));
    expect(order).toEqual([`127.0.0.1:${open} 1`, `127.0.0.1:${closed} 1`, `127.0.0.1:${open} 2`, `127.0.0.1:${closed} 2`]);
  });

  it('takes bracketed IPv6 literals', async () => {
    const server = createServer((socket) => socket.destroy());
    const port = await new Promise<number>((resolve) => server.listen(0, '::1', () => resolve((server.address() as AddressInfo).port)));
    try {
      const result = await runCli(['probe', `[::1]:${port}`, '-c', '1', '-6']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`[::1]:${port}  ::1  #1  ok`);
    } finally {
      await closeServer(server);
    }
  });

  it('--quiet prints only the summary', async () => {
    const port = await servers.tcp();
    const result = await runCli(['probe', `127.0.0.1:${port}`, '-c', '2', '-i', '0', '--quiet']);
    expect(result.code).toBe(0);
    expect(linesOf(result.stdout)).toEqual([
      `--- 127.0.0.1:${port} tcp probe statistics ---`,
      '2 sent, 2 ok, 0 failed, 0% loss',
      expect.stringMatching(/^connect min\/avg\/median\/p95\/max\/stddev = /),
    ]);
  });

  it('--all-addresses prints one line per resolved address', async () => {
    const port = await servers.tcp();
    const expected = (await lookup('localhost', { all: true, order: 'verbatim' })).map((entry) => entry.address);
    const result = await runCli(['probe', `localhost:${port}`, '-c', '1', '--all-addresses', '--json']);
    const attempts = linesOf(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>).filter((o) => o.type === 'attempt');
    expect(attempts.map((attempt) => attempt.address)).toEqual(expected);
    expect(attempts.find((attempt) => attempt.address === '127.0.0.1')?.ok).toBe(true);
    expect(result.code).toBe(0);
  });
});

describe('synack probe --json', () => {
  const phases = z.strictObject({ dns: z.number().min(0), connect: z.number().min(0).optional(), firstByte: z.number().min(0).optional() });
  const common = {
    type: z.literal('attempt'),
    time: z.iso.datetime(),
    target: z.string(),
    kind: z.enum(['tcp', 'udp']),
    seq: z.number().int().min(1),
    phases,
    total: z.number().min(0),
  };
  const attemptSchema = z.discriminatedUnion('ok', [
    z.strictObject({ ...common, ok: z.literal(true), address: z.string(), family: z.union([z.literal(4), z.literal(6)]), latency: z.number().min(0), synRetransmits: z.number().int().min(0) }),
    z.strictObject({
      ...common,
      ok: z.literal(false),
      address: z.string().nullable(),
      family: z.union([z.literal(4), z.literal(6)]).nullable(),
      latency: z.null(),
      class: z.enum(FAILURE_CLASSES),
      code: z.string(),
      phase: z.enum(['dns', 'connect', 'send', 'receive']),
      message: z.string().min(1),
      hint: z.string().min(1),
      errno: z.number().int().optional(),
    }),
  ]);
  const latency = z.strictObject({
    count: z.number().int().min(1),
    min: z.number(), avg: z.number(), median: z.number(), p95: z.number(), max: z.number(), stddev: z.number(), jitter: z.number(),
  });
  const summarySchema = z.strictObject({
    type: z.literal('summary'),
    target: z.string(),
    kind: z.enum(['tcp', 'udp']),
    sent: z.number().int().min(0),
    ok: z.number().int().min(0),
    failed: z.number().int().min(0),
    lossPct: z.number().min(0).max(100).nullable(),
    latency: latency.nullable(),
    failures: z.partialRecord(z.enum(FAILURE_CLASSES), z.number().int().min(1)),
    interrupted: z.boolean(),
  });

  it('writes one valid object per line: attempts, then one summary per target', async () => {
    const open = await servers.tcp();
    const closed = await servers.closedTcpPort();
    const result = await runCli(['probe', `127.0.0.1:${open}`, `127.0.0.1:${closed}`, '-c', '3', '-i', '0', '--json']);
    expect(result.code).toBe(1);
    const objects = linesOf(result.stdout).map((line) => JSON.parse(line) as { type: string });
    expect(objects.map((o) => o.type)).toEqual([...Array<string>(6).fill('attempt'), 'summary', 'summary']);
    const attempts = objects.slice(0, 6).map((o) => attemptSchema.parse(o));
    const [up, down] = objects.slice(6).map((o) => summarySchema.parse(o));

    const good = attempts.filter((a) => a.target === `127.0.0.1:${open}`);
    expect(good.map((a) => a.seq)).toEqual([1, 2, 3]);
    for (const a of good) {
      expect(a.ok).toBe(true);
      if (a.ok) expect(a.latency).toBe(a.phases.connect);
    }
    const bad = attempts.filter((a) => a.target === `127.0.0.1:${closed}`);
    for (const a of bad) {
      expect(a).toMatchObject({ ok: false, class: 'refused', code: 'ECONNREFUSED', phase: 'connect', errno: -111, hint: CLASS_INFO.refused.hint });
    }

    expect(up).toMatchObject({ target: `127.0.0.1:${open}`, sent: 3, ok: 3, failed: 0, lossPct: 0, failures: {}, interrupted: false });
    expect(up?.latency?.count).toBe(3);
    expect(up?.latency?.min).toBeLessThanOrEqual(up?.latency?.median ?? -1);
    expect(up?.latency?.median).toBeLessThanOrEqual(up?.latency?.max ?? -1);
    expect(down).toMatchObject({ target: `127.0.0.1:${closed}`, sent: 3, ok: 0, failed: 3, lossPct: 100, latency: null, failures: { refused: 3 } });
  });

  it('probes UDP: an echo answers, a closed port is refused (ICMP port-unreachable)', async () => {
    const echo = await servers.udpEcho();
    const closed = await servers.closedTcpPort(); // nothing listens on UDP there either, in practice
    const result = await runCli(['probe', `127.0.0.1:${echo}`, `127.0.0.1:${closed}`, '--udp', '--send', 'ping\\n', '-c', '2', '-i', '0', '--json']);
    const objects = linesOf(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    const echoed = objects.filter((o) => o.type === 'attempt' && o.target === `127.0.0.1:${echo}`).map((o) => attemptSchema.parse(o));
    expect(echoed).toHaveLength(2);
    for (const a of echoed) {
      expect(a).toMatchObject({ ok: true, kind: 'udp' });
      expect(a.phases.firstByte).toBe(a.latency);
    }
    const refused = objects.filter((o) => o.type === 'attempt' && o.target === `127.0.0.1:${closed}`).map((o) => attemptSchema.parse(o));
    expect(refused.map((a) => !a.ok && a.class)).toEqual(['refused', 'refused']);
    expect(result.code).toBe(1);
  });

  it('checks --send/--expect: a matching reply is ok, another one is a protocol failure', async () => {
    const port = await servers.tcp((socket) => {
      socket.once('data', (data) => socket.end(data.toString() === 'PING\r\n' ? 'PONG\r\n' : 'WHAT?\r\n'));
    });
    const match = await runCli(['probe', `127.0.0.1:${port}`, '-c', '1', '--send', 'PING\\r\\n', '--expect', '/^pong\\r$/mi', '--json']);
    expect(match.code).toBe(0);
    const ok = attemptSchema.parse(JSON.parse(linesOf(match.stdout)[0]!));
    expect(ok.ok).toBe(true);
    expect(ok.phases.firstByte).toBeGreaterThanOrEqual(0);

    const mismatch = await runCli(['probe', `127.0.0.1:${port}`, '-c', '1', '--send', 'hex:50 49 4e 47 0d 0a', '--expect', 'HELLO', '--json']);
    expect(mismatch.code).toBe(1);
    const failed = attemptSchema.parse(JSON.parse(linesOf(mismatch.stdout)[0]!));
    expect(failed).toMatchObject({ ok: false, class: 'protocol', code: 'MISMATCH', phase: 'receive' });
    if (!failed.ok) expect(failed.message).toContain('got "PONG\\r\\n"');

    const human = await runCli(['probe', `127.0.0.1:${port}`, '-c', '1', '--send', 'nope', '--expect', 'PONG']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('protocol  MISMATCH in receive after');
    expect(human.stdout).toContain('got "WHAT?\\r\\n"');
  });
});

describe('synack probe: Ctrl-C', () => {
  it('prints the summary and exits by the same rule when interrupted during --forever', async () => {
    const port = await servers.tcp();
    let interrupted = false;
    const result = await runCli(['probe', `127.0.0.1:${port}`, '--forever', '--interval', '50ms'], {
      onStdout: (stdout, child) => {
        // Once: a second Ctrl-C after the summary would kill the process, as it does for ping.
        if (!interrupted && linesOf(stdout).filter((line) => line.includes('  ok  ')).length >= 3) {
          interrupted = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const sent = Number(/(\d+) sent, (\d+) ok, 0 failed, 0% loss/.exec(result.stdout)?.[1]);
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(linesOf(result.stdout).filter((line) => line.includes('  ok  '))).toHaveLength(sent);
  });

  it('aborts an attempt in flight and leaves it out of the statistics', async () => {
    let child: ChildProcess | undefined;
    // The server accepts and never replies: the attempt waits for its 1-minute deadline until Ctrl-C.
    const port = await servers.tcp(() => child?.kill('SIGINT'));
    const started = performance.now();
    const result = await runCli(['probe', `127.0.0.1:${port}`, '--forever', '--expect', 'never', '--timeout', '1m'], {
      onSpawn: (spawned) => {
        child = spawned;
      },
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(linesOf(result.stdout).slice(1)).toEqual([
      `--- 127.0.0.1:${port} tcp probe statistics ---`,
      '0 sent, 0 ok, 0 failed, no attempt finished',
    ]);
    // Bounded well below the 1-minute deadline: the abort, not the timeout, ended the attempt.
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('synack probe: output closed early', () => {
  it('stops quietly when the reader goes away (`| head`)', async () => {
    const port = await servers.tcp();
    const result = await runCli(['probe', `127.0.0.1:${port}`, '--forever', '--interval', '20ms'], {
      onStdout: (stdout, child) => {
        if (linesOf(stdout).length >= 2) child.stdout?.destroy();
      },
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
