/**
 * `npm start` where no Electron runtime can start (this machine: no binary, and the test
 * points ELECTRON_OVERRIDE_DIST_PATH at an empty directory to make sure): one line saying
 * so, then web mode serving its URL. The process runs in its own group and is killed by pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir.ts';

const START = fileURLToPath(new URL('../../../bin/start.js', import.meta.url));

describe('bin/start.js without an Electron runtime', () => {
  let child: ChildProcess | undefined;
  const dir = makeTempDir('synack-start-');

  afterEach(() => {
    if (child?.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    dir.remove();
  });

  it('prints one line and starts web mode, which prints its URL; SIGTERM stops it cleanly', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(dir.path, 'no-electron-here'), SYNACK_DB: join(dir.path, 'synack.db') };
    delete env['DISPLAY'];
    delete env['WAYLAND_DISPLAY'];
    child = spawn(process.execPath, [START, '--no-build', '--port', '0'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));

    const deadline = Date.now() + 15_000;
    while (!/Synack web UI: http:\/\/127\.0\.0\.1:\d+\//.test(stdout)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`web mode did not start:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [first] = stderr.split('\n');
    expect(first).toMatch(/^synack: cannot start the desktop app: the Electron binary is missing \(.*no-electron-here\/electron\); starting web mode instead$/);
    expect(stderr.split('\n').filter((line) => line.includes('desktop app'))).toHaveLength(1);
    expect(stdout).toContain(`Database: ${join(dir.path, 'synack.db')}`);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
