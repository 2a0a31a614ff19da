/** Reads raw samples back: whole samples for detail views, lean rows for aggregation. */
import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import { FLAG_INCONCLUSIVE, FLAG_LATENCY_IS_CONNECT, FLAG_OK } from './codes.ts';
import { Rollup } from './rollup.ts';
import { decodeSample, type SampleRow, type StoredSample } from './sample.ts';
import type { StringTable } from './string-table.ts';

const COLUMNS = 'endpoint_id, ts, seq, flags, latency, dns, connect, first_byte, class, code, errno, address';
/** A conclusive failure: neither ok nor inconclusive. */
const FAILED = `flags & ${FLAG_OK | FLAG_INCONCLUSIVE} = 0`;

/** What aggregation needs from a raw row. */
export interface LeanSample {
  readonly ts: number;
  readonly ok: boolean;
  readonly inconclusive: boolean;
  readonly latencyUs: number | undefined;
  readonly failureCode: number | undefined;
  readonly synRetransmits: number;
}

export class SampleReader {
  private readonly strings: StringTable;
  private readonly selectRange: StatementSync;
  private readonly selectLean: StatementSync;
  private readonly arrays: boolean;
  private readonly selectFirstFailure: StatementSync;
  private readonly selectLastFailure: StatementSync;
  private readonly selectLastOk: StatementSync;

  constructor(db: DatabaseSync, strings: StringTable) {
    this.strings = strings;
    this.selectRange = db.prepare(`SELECT ${COLUMNS} FROM samples WHERE endpoint_id = ? AND ts >= ? AND ts < ? ORDER BY ts, seq LIMIT ?`);
    this.selectLean = db.prepare('SELECT ts, flags, latency, connect, class FROM samples WHERE endpoint_id = ? AND ts >= ? AND ts < ? ORDER BY ts, seq');
    // setReturnArrays is recent (Node 24); Electron's bundled Node may lack it.
    this.arrays = typeof (this.selectLean as Partial<StatementSync>).setReturnArrays === 'function';
    if (this.arrays) this.selectLean.setReturnArrays(true);
    this.selectFirstFailure = db.prepare(`SELECT ${COLUMNS} FROM samples WHERE endpoint_id = ? AND ts >= ? AND ts < ? AND ${FAILED} ORDER BY ts, seq LIMIT 1`);
    this.selectLastFailure = db.prepare(`SELECT ${COLUMNS} FROM samples WHERE endpoint_id = ? AND ts >= ? AND ts < ? AND ${FAILED} ORDER BY ts DESC, seq DESC LIMIT 1`);
    this.selectLastOk = db.prepare(`SELECT ts FROM samples WHERE endpoint_id = ? AND ts >= ? AND ts < ? AND flags & ${FLAG_OK} != 0 ORDER BY ts DESC, seq DESC LIMIT 1`);
  }

  /** Samples in [fromMs, toMs), oldest first, at most `limit`. */
  range(endpointId: number, fromMs: number, toMs: number, limit = 100_000): StoredSample[] {
    return this.selectRange.all(endpointId, fromMs, toMs, limit).map((row) => this.decode(row));
  }

  /** Calls `visit` for each sample in [fromMs, toMs), oldest first. */
  forEachLean(endpointId: number, fromMs: number, toMs: number, visit: (sample: LeanSample) => void): void {
    for (const [ts, flagsValue, latencyValue, connectValue, classValue] of this.leanRows(endpointId, fromMs, toMs)) {
      const flags = Number(flagsValue);
      const ok = (flags & FLAG_OK) !== 0;
      const latency = (flags & FLAG_LATENCY_IS_CONNECT) !== 0 ? connectValue : latencyValue;
      visit({
        ts: Number(ts),
        ok,
        inconclusive: (flags & FLAG_INCONCLUSIVE) !== 0,
        latencyUs: ok && latency !== null && latency !== undefined ? Number(latency) : undefined,
        failureCode: classValue === null || classValue === undefined ? undefined : Number(classValue),
        synRetransmits: (flags >> 4) & 3,
      });
    }
  }

  /** Rows as arrays (ts, flags, latency, connect, class): about twice as fast to read as objects. */
  private leanRows(endpointId: number, fromMs: number, toMs: number): SQLOutputValue[][] {
    if (this.arrays) return this.selectLean.all(endpointId, fromMs, toMs) as unknown as SQLOutputValue[][];
    return this.selectLean.all(endpointId, fromMs, toMs).map((row) => Object.values(row));
  }

  /** A Rollup of the raw samples in [fromMs, toMs), jitter included (within the range). */
  aggregate(endpointId: number, fromMs: number, toMs: number, into = new Rollup()): Rollup {
    let previous: number | undefined;
    this.forEachLean(endpointId, fromMs, toMs, (sample) => {
      into.add(sample);
      if (sample.latencyUs === undefined) return;
      if (previous !== undefined) into.addJitter(sample.latencyUs - previous);
      previous = sample.latencyUs;
    });
    return into;
  }

  firstFailure(endpointId: number, fromMs: number, toMs: number): StoredSample | undefined {
    const row = this.selectFirstFailure.get(endpointId, fromMs, toMs);
    return row ? this.decode(row) : undefined;
  }

  lastFailure(endpointId: number, fromMs: number, toMs: number): StoredSample | undefined {
    const row = this.selectLastFailure.get(endpointId, fromMs, toMs);
    return row ? this.decode(row) : undefined;
  }

  /** The time of the last ok sample in [fromMs, toMs). */
  lastOk(endpointId: number, fromMs: number, toMs: number): number | undefined {
    const ts = this.selectLastOk.get(endpointId, fromMs, toMs)?.['ts'];
    return ts === undefined || ts === null ? undefined : Number(ts);
  }

  private decode(row: Record<string, SQLOutputValue>): StoredSample {
    return decodeSample(row as unknown as SampleRow, (id) => this.strings.lookup(id));
  }
}
