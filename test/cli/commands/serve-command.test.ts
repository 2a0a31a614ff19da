import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tcpServer, type TcpFixture } from '../../support/loopback.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { runCli } from '../support/run-cli.ts';

let dir: ReturnType<typeof makeTempDir>;
let db: string;
let renderer: string;
let blocker: TcpFixture | undefined;

beforeEach(() => {
  dir = makeTempDir();
  db = join(dir.path, 'synack.db');
  renderer = join(dir.path, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Synack</title>');
});
afterEach(async () => {
  await blocker?.close();
  blocker = undefined;
  dir.remove();
});

const URL_LINE = /^Synack web UI: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43}))$/m;

describe('synack serve', () => {
  it('prints a token URL that signs a browser in, serves /metrics, and exits 0 within 2 s of SIGINT', async () => {
    blocker = await tcpServer();
    const added = await runCli(['endpoints', 'add', 'loop', `127.0.0.1:${blocker.port}`, '--interval', '250ms', '--timeout', '200ms', '--db', db]);
    expect(added.code).toBe(0);
    let stoppedAt = 0;
    const checks: Promise<void>[] = [];
    const result = await runCli(['serve', '--db', db, '--renderer', renderer, '--metrics'], {
      onStdout: (stdout, child) => {
        const match = URL_LINE.exec(stdout);
        if (!match || checks.length > 0 || !stdout.includes('Ctrl-C')) return;
        const [, url = '', port = '', token = ''] = match;
        checks.push(
          (async () => {
            expect((await fetch(`http://127.0.0.1:${port}/?token=wrong`)).status).toBe(403);
            const signIn = await fetch(url, { redirect: 'manual' });
            expect(signIn.status).toBe(303);
            const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
            const page = await fetch(`http://127.0.0.1:${port}/`, { headers: { Cookie: cookie } });
            expect(page.status).toBe(200);
            expect(await page.text()).toContain('<title>Synack</title>');
            const metrics = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
            expect(metrics.status).toBe(200);
            expect(await metrics.text()).toMatch(/^synack_latency_seconds_count\{endpoint="loop"\} \d+$/m);
          })().finally(() => {
            stoppedAt = performance.now();
            child.kill('SIGINT');
          }),
        );
      },
    });
    const exitMs = performance.now() - stoppedAt;
    await Promise.all(checks);
    expect(checks).toHaveLength(1);
    expect(result.code).toBe(0);
    expect(result.signal).toBeNull();
    expect(exitMs).toBeLessThan(2000);
    expect(result.stdout).toContain(`Database: ${db}`);
    expect(result.stdout).toMatch(/^Metrics: http:\/\/127\.0\.0\.1:\d+\/metrics/m);
    // The refusal is logged without the query string (no secret ends up in a log).
    expect(result.stderr).toMatch(/^synack serve: refused GET \/: 403 invalid token \(Host "127\.0\.0\.1:\d+"\)$/m);
  });

  it('exits 0 on SIGTERM too', async () => {
    let stoppedAt = 0;
    const result = await runCli(['serve', '--db', db, '--renderer', renderer], {
      onStdout: (stdout, child) => {
        if (stoppedAt === 0 && stdout.includes('Ctrl-C')) {
          stoppedAt = performance.now();
          child.kill('SIGTERM');
        }
      },
    });
    expect(result.code).toBe(0);
    expect(performance.now() - stoppedAt).toBeLessThan(2000);
  });

  it('exits 1 when the port is taken, naming it', async () => {
    blocker = await tcpServer();
    const result = await runCli(['serve', '--db', db, '--renderer', renderer, '--port', String(blocker.port)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${blocker.port}`);
    expect(result.stderr).toContain('EADDRINUSE');
  });

  it('warns when the renderer is not built, and still serves', async () => {
    let stopped = false;
    const result = await runCli(['serve', '--db', db, '--renderer', join(dir.path, 'missing')], {
      onStdout: (stdout, child) => {
        if (!stopped && stdout.includes('Ctrl-C')) {
          stopped = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no built web UI');
  });

  it('rejects a bad port with exit 2 and prints help with 0', async () => {
    const bad = await runCli(['serve', '--port', 'eighty']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port must be a port number');
    const help = await runCli(['serve', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: synack serve');
  });
});
