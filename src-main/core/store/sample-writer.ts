/**
 * Buffers samples off the probe hot path (`add` only appends to an array) and writes them in
 * one transaction per batch, together with the minute and hour rollups they change, so raw
 * rows and rollups are always consistent — also after a crash, which loses at most the
 * batch not yet flushed.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { FAILURE_CLASS_CODES } from './codes.ts';
import { Rollup } from './rollup.ts';
import { RESOLUTION_MS, type RollupResolution, type RollupTables } from './rollup-tables.ts';
import { encodeSample, latencyMicros, type SampleRow, type StoredSample } from './sample.ts';
import type { StringTable } from './string-table.ts';

export interface SampleWriterOptions {
  /** Longest a sample waits in memory before it is written. @default 1000 */
  readonly flushIntervalMs?: number;
  /** A batch this large is written at once (on the next turn of the event loop). @default 2000 */
  readonly maxBatch?: number;
  /** Called when a batch could not be written (it is dropped, never retried forever) or a pruning step failed. */
  readonly onError?: (error: unknown) => void;
}

export interface SampleWriterStats {
  readonly written: number;
  readonly dropped: number;
  readonly batches: number;
  /** Duration of the last flush in ms. */
  readonly lastFlushMs: number;
}

interface WriterParts {
  readonly db: DatabaseSync;
  readonly strings: StringTable;
  readonly rollups: RollupTables;
  /** Runs after each timed flush, in its own transaction (retention pruning). */
  readonly afterFlush?: () => void;
}

type Deltas = Map<number, Map<number, Rollup>>;

export class SampleWriter {
  private buffer: StoredSample[] = [];
  private readonly parts: WriterParts;
  private readonly maxBatch: number;
  private readonly onError: (error: unknown) => void;
  private readonly timer: NodeJS.Timeout;
  private immediate: NodeJS.Immediate | undefined;
  private closed = false;
  private readonly insert: StatementSync;
  private readonly nextSeq: StatementSync;
  /** Last ok latency (µs) per endpoint: jitter is |Δ| between consecutive ok samples, across batches. */
  private readonly lastLatency = new Map<number, number>();
  private counters = { written: 0, dropped: 0, batches: 0, lastFlushMs: 0 };
  /** Per resolution and endpoint: the latest bucket's full rollup, as committed (see mergeDeltas). */
  private readonly openBuckets: Record<RollupResolution, Map<number, { ts: number; rollup: Rollup }>> = { minute: new Map(), hour: new Map() };

  constructor(parts: WriterParts, options: SampleWriterOptions = {}) {
    this.parts = parts;
    this.maxBatch = Math.max(1, options.maxBatch ?? 2000);
    this.onError = options.onError ?? (() => {});
    this.insert = parts.db.prepare(
      'INSERT INTO samples (endpoint_id, ts, seq, flags, latency, dns, connect, first_byte, class, code, errno, address) '
      + 'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.nextSeq = parts.db.prepare('SELECT coalesce(max(seq), -1) + 1 AS seq FROM samples WHERE endpoint_id = ? AND ts = ?');
    this.timer = setInterval(() => this.tick(), Math.max(10, options.flushIntervalMs ?? 1000));
    // Never the reason the process stays alive; whoever owns the store closes it (which flushes).
    this.timer.unref();
  }

  get stats(): SampleWriterStats {
    return { ...this.counters };
  }

  /** Samples waiting for the next flush. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Queues a sample. O(1): the write happens later, off this call stack. Dropped (and counted) once closed. */
  add(sample: StoredSample): void {
    if (this.closed) {
      this.counters.dropped++;
      return;
    }
    this.buffer.push(sample);
    if (this.buffer.length >= this.maxBatch && this.immediate === undefined) {
      this.immediate = setImmediate(() => {
        this.immediate = undefined;
        this.flush();
      });
    }
  }

  /** Writes everything buffered in one transaction; returns how many samples were written. */
  flush(): number {
    const batch = this.buffer;
    if (batch.length === 0) return 0;
    this.buffer = [];
    const started = performance.now();
    const { db, strings } = this.parts;
    try {
      db.exec('BEGIN IMMEDIATE');
      const deltas: Record<RollupResolution, Deltas> = { minute: new Map(), hour: new Map() };
      let written = 0;
      for (const sample of batch) {
        let row: SampleRow;
        try {
          row = encodeSample(sample, 0, (value) => strings.intern(value));
        } catch (error) {
          // A malformed sample is a caller's bug: drop it alone, not the batch.
          this.counters.dropped++;
          this.onError(error);
          continue;
        }
        this.insertRow(row);
        this.accumulate(sample, deltas);
        written++;
      }
      this.mergeDeltas('minute', deltas.minute);
      this.mergeDeltas('hour', deltas.hour);
      db.exec('COMMIT');
      this.counters.written += written;
      this.counters.batches++;
      return written;
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      // Caches may hold what the rolled-back transaction wrote.
      strings.forget();
      this.openBuckets.minute.clear();
      this.openBuckets.hour.clear();
      this.counters.dropped += batch.length;
      this.onError(error);
      return 0;
    } finally {
      this.counters.lastFlushMs = performance.now() - started;
    }
  }

  /** Flushes and stops the timer. Later `add` calls are dropped. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    clearInterval(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
    this.immediate = undefined;
  }

  private tick(): void {
    this.flush();
    try {
      this.parts.afterFlush?.();
    } catch (error) {
      // A timer callback must never throw: that would take the process down.
      this.onError(error);
    }
  }

  private insertRow(row: SampleRow): void {
    if (Number(this.runInsert(row).changes) > 0) return;
    // Same endpoint and millisecond as a stored sample: keep both, told apart by seq.
    const seq = Number(this.nextSeq.get(row.endpoint_id, row.ts)?.['seq'] ?? 0);
    this.runInsert({ ...row, seq });
  }

  private runInsert(row: SampleRow): { changes: number | bigint } {
    return this.insert.run(
      row.endpoint_id, row.ts, row.seq, row.flags, row.latency, row.dns, row.connect,
      row.first_byte, row.class, row.code, row.errno, row.address,
    );
  }

  private accumulate(sample: StoredSample, deltas: Record<RollupResolution, Deltas>): void {
    const latencyUs = latencyMicros(sample);
    const input = {
      ok: sample.ok,
      inconclusive: sample.inconclusive,
      latencyUs,
      failureCode: sample.failureClass === undefined ? undefined : FAILURE_CLASS_CODES[sample.failureClass],
      synRetransmits: sample.synRetransmits ?? 0,
    };
    let delta: number | undefined;
    if (latencyUs !== undefined) {
      const previous = this.lastLatency.get(sample.endpointId);
      if (previous !== undefined) delta = latencyUs - previous;
      this.lastLatency.set(sample.endpointId, latencyUs);
    }
    for (const resolution of ['minute', 'hour'] as const) {
      const rollup = bucketRollup(deltas[resolution], sample.endpointId, floorTo(Math.round(sample.ts), RESOLUTION_MS[resolution]));
      rollup.add(input);
      if (delta !== undefined) rollup.addJitter(delta);
    }
  }

  /**
   * Adds each bucket's delta to its stored row. The latest bucket per endpoint is kept in
   * memory as committed, so the usual flush (samples landing in the open minute and hour) costs
   * no decode; its stored count is still checked, in case another process wrote the same row.
   */
  private mergeDeltas(resolution: RollupResolution, deltas: Deltas): void {
    const { rollups } = this.parts;
    const open = this.openBuckets[resolution];
    for (const [endpointId, buckets] of deltas) {
      for (const [ts, delta] of buckets) {
        const cached = open.get(endpointId);
        let full: Rollup;
        if (cached?.ts === ts && rollups.count(resolution, endpointId, ts) === cached.rollup.count) {
          cached.rollup.merge(delta);
          full = cached.rollup;
        } else {
          full = delta;
          const stored = rollups.get(resolution, endpointId, ts);
          if (stored) full.mergeRow(stored);
          if (!cached || ts >= cached.ts) open.set(endpointId, { ts, rollup: full });
        }
        rollups.put(resolution, endpointId, ts, full.toRow());
      }
    }
  }
}

export function floorTo(ts: number, stepMs: number): number {
  return Math.floor(ts / stepMs) * stepMs;
}

function bucketRollup(deltas: Deltas, endpointId: number, ts: number): Rollup {
  let buckets = deltas.get(endpointId);
  if (!buckets) deltas.set(endpointId, (buckets = new Map()));
  let rollup = buckets.get(ts);
  if (!rollup) buckets.set(ts, (rollup = new Rollup()));
  return rollup;
}
