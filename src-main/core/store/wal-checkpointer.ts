/**
 * Checkpoints the WAL from a worker thread with its own connection. SQLite's automatic
 * checkpoint runs inside whichever commit crosses the threshold — on the main thread, where it
 * held up probe timers for 10–30 ms. A PASSIVE checkpoint from another connection never blocks
 * the writer, so the main connection's own threshold is raised to a safety net only.
 */
import { Worker } from 'node:worker_threads';

/** The main connection still checkpoints by itself past this many pages (~40 MB), should the worker fail. */
export const SAFETY_AUTOCHECKPOINT_PAGES = 10_000;

// Plain JavaScript, evaluated: the worker needs no file of its own, so bundles (Electron) carry it as is.
const WORKER_SOURCE = `
const { DatabaseSync } = require('node:sqlite');
const { workerData, parentPort } = require('node:worker_threads');
const db = new DatabaseSync(workerData.path);
db.exec('PRAGMA busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.exec('PRAGMA wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error && error.message)); }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface WalCheckpointer {
  stop(): void;
}

export function startWalCheckpointer(path: string, intervalMs = 1000, onError: (message: string) => void = () => {}): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, intervalMs } });
  worker.unref();
  worker.on('message', (message: unknown) => onError(String(message)));
  worker.on('error', (error) => onError(error.message));
  return {
    stop: () => {
      // The worker closes its connection, then its port, and exits.
      worker.postMessage('stop');
    },
  };
}
