import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { okSample, T0, tempDir, testStore, type TempDir } from './helpers.ts';
import { waitUntil } from '../../support/wait.ts';

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

/** Writes enough samples to fill a few hundred WAL pages, far below SQLite's own 1,000-page checkpoint. */
function fill(checkpointInWorker: boolean): { mainBytesAfterWrite: () => number; close: () => void; path: string } {
  const path = dir.file(checkpointInWorker ? 'worker.db' : 'auto.db');
  const { store } = testStore(path, { checkpointInWorker });
  const id = store.endpoints.insert('e', {}).id;
  for (let i = 0; i < 20_000; i++) store.writer.add(okSample(id, T0 + i * 1000, 1 + (i % 50) / 10));
  store.writer.flush();
  return { path, mainBytesAfterWrite: () => statSync(path).size, close: () => store.close() };
}

describe('WAL checkpoints in a worker thread', () => {
  it('moves committed pages into the database file without the main connection checkpointing', async () => {
    const auto = fill(false);
    const sizeWithoutWorker = auto.mainBytesAfterWrite();
    const worker = fill(true);
    const start = worker.mainBytesAfterWrite();
    // The worker checkpoints every second: the main file grows while this connection stays idle.
    await waitUntil(() => worker.mainBytesAfterWrite() > start + 100_000, 'the worker to checkpoint', 5000, 50);
    // Without it, the same writes stay in the WAL (below the 1,000-page automatic threshold).
    expect(auto.mainBytesAfterWrite()).toBe(sizeWithoutWorker);
    auto.close();
    worker.close();
  });
});
