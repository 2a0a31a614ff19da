import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linesOf, runCli } from '../support/run-cli.ts';
import { closedPort, tcpServer, type TcpFixture } from '../../support/loopback.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof makeTempDir>;
let db: string;
let server: TcpFixture | undefined;
beforeEach(() => {
  dir = makeTempDir();
  db = join(dir.path, 'synack.db');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  dir.remove();
});

describe('synack run (daemon)', () => {
  it('prints JSON transitions and stops cleanly on SIGTERM within 2 s', async () => {
    server = await tcpServer();
    await runCli(['endpoints', 'add', 'up-one', `127.0.0.1:${server.port}`, '--interval', '250ms', '--timeout', '200ms', '--db', db]);
    await runCli(['endpoints', 'add', 'down-one', `127.0.0.1:${await closedPort()}`, '--interval', '250ms', '--timeout', '200ms', '--db', db]);
    let stoppedAt = 0;
    const result = await runCli(['run', '--json', '--db', db], {
      onStdout: (stdout, child) => {
        const lines = linesOf(stdout);
        if (stoppedAt === 0 && lines.some((l) => l.includes('"to":"down"')) && lines.some((l) => l.includes('"to":"up"'))) {
          stoppedAt = performance.now();
          child.kill('SIGTERM');
        }
      },
    });
    const exitMs = performance.now() - stoppedAt;
    expect(result.code).toBe(0);
    expect(stoppedAt).toBeGreaterThan(0);
    expect(exitMs).toBeLessThan(2000);
    const events = linesOf(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toContainEqual(expect.objectContaining({ endpoint: 'up-one', from: 'pending', to: 'up' }));
    expect(events).toContainEqual(expect.objectContaining({ endpoint: 'down-one', from: 'pending', to: 'down', class: 'refused', code: 'ECONNREFUSED' }));
    for (const event of events) expect(new Date(String(event['at'])).toISOString()).toBe(event['at']);
    expect(result.stderr).toContain('monitoring 2 endpoint(s)');
  });

  it('sets aside a corrupt database file, says so, and starts fresh', async () => {
    writeFileSync(db, 'this is not a database at all, just text'.repeat(200));
    const result = await runCli(['endpoints', 'list', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/set aside|moved/i);
    expect(readdirSync(dir.path).some((name) => name.includes('.corrupt-') || name.includes('.foreign-'))).toBe(true);
  });

  it('rejects unknown flags with exit 2', async () => {
    const result = await runCli(['run', '--bogus', '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--bogus');
  });
});
