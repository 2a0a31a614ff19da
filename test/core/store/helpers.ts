/** Shared helpers for the store tests: temp dirs, stores on a fixed clock, sample builders. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type OpenStoreOptions, type Store, type StoredSample } from '../../../src-main/core/store/index.ts';
import type { FailureClass } from '../../../src-main/core/classify/failure-classes.ts';
export { prng } from '../../support/prng.ts';

/** 2025-01-01T00:00:00Z: a round UTC start so minutes and hours align. */
export const T0 = Date.UTC(2025, 0, 1);
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export interface TempDir {
  readonly path: string;
  file(name: string): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'synack-store-'));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Opens a store whose clock is settable; the writer's timer is effectively off (tests flush explicitly). */
export function testStore(path: string, options: Partial<OpenStoreOptions> & { nowMs?: number } = {}): { store: Store; clock: { now: number } } {
  const clock = { now: options.nowMs ?? T0 + 2 * DAY };
  const store = openStore({ path, now: () => clock.now, writer: { flushIntervalMs: 3_600_000, maxBatch: 1_000_000_000 }, ...options });
  return { store, clock };
}

export function okSample(endpointId: number, ts: number, latencyMs: number, extra: Partial<StoredSample> = {}): StoredSample {
  return { endpointId, ts, kind: 'tcp', ok: true, latencyMs, phases: { dns: 0, connect: latencyMs }, address: '127.0.0.1', inconclusive: false, ...extra };
}

export function failedSample(endpointId: number, ts: number, failureClass: FailureClass, code: string, extra: Partial<StoredSample> = {}): StoredSample {
  return { endpointId, ts, kind: 'tcp', ok: false, phases: { dns: 0 }, failureClass, code, address: '127.0.0.1', inconclusive: false, ...extra };
}


/** Nearest-rank quantile on q·(n−1) of sorted values: the same rank the sketch targets. */
export function exactQuantile(sorted: readonly number[], q: number): number {
  const value = sorted[Math.round(q * (sorted.length - 1))];
  if (value === undefined) throw new Error('empty');
  return value;
}
