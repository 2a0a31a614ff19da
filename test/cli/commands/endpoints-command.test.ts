import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linesOf, runCli } from '../support/run-cli.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof makeTempDir>;
let db: string;
beforeEach(() => {
  dir = makeTempDir();
  db = join(dir.path, 'synack.db');
});
afterEach(() => dir.remove());

describe('synack endpoints', () => {
  it('adds, lists (table and JSON), exports, removes', async () => {
    const add = await runCli(['endpoints', 'add', 'web', 'example.test:443', '--interval', '10s', '--tag', 'prod', '--db', db]);
    expect(add).toMatchObject({ code: 0, stderr: '' });
    expect(add.stdout).toContain('added web (example.test:443, tcp, every 10000 ms)');
    await runCli(['endpoints', 'add', 'cache', '[::1]:6379', '--kind', 'heartbeat', '--send', 'PING\\r\\n', '--expect', '/^\\+PONG/', '--db', db]);

    const table = await runCli(['endpoints', 'list', '--db', db]);
    expect(linesOf(table.stdout)[0]).toMatch(/^NAME\s+TARGET\s+KIND/);
    expect(table.stdout).toContain('[::1]:6379');

    const json = await runCli(['endpoints', 'list', '--json', '--db', db]);
    const listed = linesOf(json.stdout).map((line) => JSON.parse(line) as { name: string; send?: unknown; expect?: unknown; intervalMs: number });
    expect(listed.map((e) => e.name)).toEqual(['web', 'cache']);
    expect(listed[0]?.intervalMs).toBe(10_000);
    expect(listed[1]?.send).toEqual({ encoding: 'hex', value: Buffer.from('PING\r\n').toString('hex') });
    expect(listed[1]?.expect).toEqual({ kind: 'regex', source: '^\\+PONG', flags: '' });

    const csv = await runCli(['endpoints', 'export', '--format', 'csv', '--db', db]);
    expect(linesOf(csv.stdout)[0]).toBe('name,host,port,kind,intervalMs,timeoutMs,send,expect,tags,paused');

    expect((await runCli(['endpoints', 'rm', 'web', '--db', db])).code).toBe(0);
    const rmAgain = await runCli(['endpoints', 'rm', 'web', '--db', db]);
    expect(rmAgain.code).toBe(1);
    expect(rmAgain.stderr).toContain('no endpoint named "web"');
  });

  it('imports all or nothing, reporting each bad row and field', async () => {
    const bad = join(dir.path, 'bad.csv');
    writeFileSync(bad, 'name,host,port\na,a.test,80\nb,b.test,99999\n');
    const rejected = await runCli(['endpoints', 'import', bad, '--db', db]);
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toContain('row 2: port must be between 1 and 65535');
    expect((await runCli(['endpoints', 'list', '--json', '--db', db])).stdout).toBe('');

    const good = join(dir.path, 'good.csv');
    writeFileSync(good, 'name,host,port\na,a.test,80\nb,b.test,81\n');
    const imported = await runCli(['endpoints', 'import', good, '--db', db]);
    expect(imported.stdout).toContain('imported 2 endpoint(s)');
    const again = await runCli(['endpoints', 'import', good, '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('"a" already exists');
  });

  it.each([
    [['add', 'x', 'host:0'], 'port 0 is out of range'],
    [['add', 'x', 'host:80', '--interval', '1x'], '--interval: "1x" is not a duration'],
    [['add', 'x', 'host:80', '--interval', '100ms'], 'intervalMs must be at least 250 ms'],
    [['add', 'x', 'host:80', '--kind', 'icmp'], 'kind'],
    [['add', 'x', 'host:80', '--expect', '/(/'], '--expect'],
    [['add', 'x'], 'add needs NAME and HOST:PORT'],
    [['frobnicate'], 'unknown action "frobnicate"'],
    [['list', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 naming the argument for %j', async (args, message) => {
    const result = await runCli(['endpoints', ...args, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a duplicate name with exit 1', async () => {
    await runCli(['endpoints', 'add', 'dup', 'a.test:80', '--db', db]);
    const second = await runCli(['endpoints', 'add', 'dup', 'b.test:80', '--db', db]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('an endpoint named "dup" already exists');
  });
});
