import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/core/store/index.ts';
import { T0, tempDir, type TempDir } from './helpers.ts';

const WRITER = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
const BATCH = 500;

/** Runs the writer until it reports `atLeast` samples written, then SIGKILLs it. Returns the last total it reported. */
function writeThenKill(path: string, startTs: number, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, path, String(BATCH), String(startTs)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastReported = 0;
    let buffered = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) lastReported = Number(line);
      if (lastReported >= atLeast && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${String(signal)}): ${stderr}`));
      else resolve(lastReported);
    });
  });
}

describe('crash safety', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('loses at most the batch in flight when the writer is killed with SIGKILL, and reopens cleanly', async () => {
    const path = dir.file('synack.db');
    let committedBefore = 0;
    for (let round = 0; round < 3; round++) {
      const reported = await writeThenKill(path, T0 + round * 1e10, 20_000 + round * 7_000);
      const notices: string[] = [];
      const store = openStore({ path, log: (m) => notices.push(m) });
      try {
        expect(store.notice).toBeUndefined();
        expect(notices).toEqual([]);
      } finally {
        store.close();
      }
      const db = new DatabaseSync(path);
      try {
        expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
        const n = (sql: string): number => Number(Object.values(db.prepare(sql).get() ?? {})[0] ?? 0);
        const thisRound = n('SELECT count(*) FROM samples') - committedBefore;
        // Everything the writer reported as committed survived (it may have committed more before the kill landed)…
        expect(thisRound).toBeGreaterThanOrEqual(reported);
        // …and the batch in flight is entirely absent: batches are atomic, rollups committed with their samples.
        expect(thisRound % BATCH).toBe(0);
        expect(n('SELECT sum(n) FROM rollup_minute')).toBe(committedBefore + thisRound);
        expect(n('SELECT sum(n) FROM rollup_hour')).toBe(committedBefore + thisRound);
        expect(n('SELECT count(*) FROM endpoints')).toBe(1);
        committedBefore += thisRound;
      } finally {
        db.close();
      }
    }
  }, 90_000);
});
