/** Reads and writes the per-minute and per-hour rollup tables. */
import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import type { RollupRow } from './rollup.ts';

export type RollupResolution = 'minute' | 'hour';

export const RESOLUTION_MS: Readonly<Record<RollupResolution, number>> = { minute: 60_000, hour: 3_600_000 };

export const ROLLUP_TABLES: Readonly<Record<RollupResolution, string>> = { minute: 'rollup_minute', hour: 'rollup_hour' };

const COLUMNS = 'n, ok, inconclusive, syn, lat_n, lat_min, lat_max, lat_sum, jitter_sum, jitter_n, sketch, failures';

export interface StoredRollupRow extends RollupRow {
  readonly ts: number;
}

interface Statements {
  readonly get: StatementSync;
  readonly count: StatementSync;
  readonly put: StatementSync;
  readonly range: StatementSync;
}

export class RollupTables {
  private readonly statements: Readonly<Record<RollupResolution, Statements>>;

  constructor(db: DatabaseSync) {
    const prepare = (table: string): Statements => ({
      get: db.prepare(`SELECT ${COLUMNS} FROM ${table} WHERE endpoint_id = ? AND ts = ?`),
      count: db.prepare(`SELECT n FROM ${table} WHERE endpoint_id = ? AND ts = ?`),
      put: db.prepare(`INSERT OR REPLACE INTO ${table} (endpoint_id, ts, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      range: db.prepare(`SELECT ts, ${COLUMNS} FROM ${table} WHERE endpoint_id = ? AND ts >= ? AND ts < ? ORDER BY ts`),
    });
    this.statements = { minute: prepare(ROLLUP_TABLES.minute), hour: prepare(ROLLUP_TABLES.hour) };
  }

  get(resolution: RollupResolution, endpointId: number, ts: number): RollupRow | undefined {
    const row = this.statements[resolution].get.get(endpointId, ts);
    return row ? toRollupRow(row) : undefined;
  }

  /** The sample count of a stored bucket (0 when absent), without reading its blobs. */
  count(resolution: RollupResolution, endpointId: number, ts: number): number {
    return Number(this.statements[resolution].count.get(endpointId, ts)?.['n'] ?? 0);
  }

  put(resolution: RollupResolution, endpointId: number, ts: number, row: RollupRow): void {
    this.statements[resolution].put.run(
      endpointId, ts, row.n, row.ok, row.inconclusive, row.syn, row.lat_n, row.lat_min, row.lat_max,
      row.lat_sum, row.jitter_sum, row.jitter_n, row.sketch, row.failures,
    );
  }

  /** Rows whose bucket starts in [fromMs, toMs), in time order. */
  *range(resolution: RollupResolution, endpointId: number, fromMs: number, toMs: number): Generator<StoredRollupRow> {
    for (const row of this.statements[resolution].range.iterate(endpointId, fromMs, toMs)) {
      yield { ...toRollupRow(row), ts: Number(row['ts']) };
    }
  }
}

function toRollupRow(row: Record<string, SQLOutputValue>): RollupRow {
  return {
    n: Number(row['n']),
    ok: Number(row['ok']),
    inconclusive: Number(row['inconclusive']),
    syn: Number(row['syn']),
    lat_n: Number(row['lat_n']),
    lat_min: nullableNumber(row['lat_min']),
    lat_max: nullableNumber(row['lat_max']),
    lat_sum: Number(row['lat_sum']),
    jitter_sum: Number(row['jitter_sum']),
    jitter_n: Number(row['jitter_n']),
    sketch: row['sketch'] instanceof Uint8Array ? row['sketch'] : null,
    failures: row['failures'] instanceof Uint8Array ? row['failures'] : null,
  };
}

function nullableNumber(value: SQLOutputValue | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
