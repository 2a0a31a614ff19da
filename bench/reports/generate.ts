/**
 * A large raw history, fast: endpoints through the real store (schema, migrations), then
 * samples inserted by SQLite itself (a recursive CTE, one transaction per endpoint) in the
 * store's compact row format — 10 million rows in tens of seconds rather than minutes.
 * Rollups are not generated: the export being measured reads raw samples only.
 */
import { DatabaseSync } from 'node:sqlite';
import { endpointInputSchema } from '../../src-main/core/endpoints/endpoint-schema.ts';
import { FAILURE_CLASS_CODES, FLAG_LATENCY_IS_CONNECT, FLAG_OK } from '../../src-main/core/store/codes.ts';
import { openHistoryStore } from '../../src-main/core/store/open-history-store.ts';

export interface GeneratedHistory {
  readonly rows: number;
  readonly fromMs: number;
  readonly toMs: number;
  readonly endpoints: number;
  readonly seconds: number;
}

/** `endpoints` endpoints × `perEndpoint` samples 1 s apart, ending now (inside the default 14-day raw retention). */
export function generateHistory(dbPath: string, endpoints: number, perEndpoint: number): GeneratedHistory {
  const started = performance.now();
  const toMs = Math.floor(Date.now() / 1000) * 1000;
  const fromMs = toMs - perEndpoint * 1000;
  const { store } = openHistoryStore(dbPath);
  const ids: number[] = [];
  for (let i = 0; i < endpoints; i++) {
    ids.push(store.insertEndpoint(endpointInputSchema.parse({ name: `e${i}`, host: `192.0.2.${i + 1}`, port: 443, intervalMs: 1000, timeoutMs: 900 })).id);
  }
  store.close();
  const db = new DatabaseSync(dbPath);
  try {
    db.exec("INSERT OR IGNORE INTO strings (value) VALUES ('TIMEOUT'), ('192.0.2.1')");
    const code = Number(db.prepare("SELECT id FROM strings WHERE value = 'TIMEOUT'").get()?.['id']);
    const address = Number(db.prepare("SELECT id FROM strings WHERE value = '192.0.2.1'").get()?.['id']);
    // One failure (timeout) in 200; successes store latency as the connect phase (the common TCP case).
    const insert = db.prepare(`
      INSERT INTO samples (endpoint_id, ts, seq, flags, latency, dns, connect, first_byte, class, code, errno, address)
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?1 - 1)
      SELECT ?2, ?3 + i * 1000, 0,
        CASE WHEN i % 200 = 0 THEN 0 ELSE ${FLAG_OK | FLAG_LATENCY_IS_CONNECT} END,
        NULL, 0,
        CASE WHEN i % 200 = 0 THEN NULL ELSE 10000 + abs(random() % 25000) END,
        NULL,
        CASE WHEN i % 200 = 0 THEN ${FAILURE_CLASS_CODES.timeout} ELSE NULL END,
        CASE WHEN i % 200 = 0 THEN ?4 ELSE NULL END,
        NULL, ?5
      FROM n`);
    for (const id of ids) {
      db.exec('BEGIN');
      insert.run(perEndpoint, id, fromMs, code, address);
      db.exec('COMMIT');
    }
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return { rows: endpoints * perEndpoint, fromMs, toMs, endpoints, seconds: (performance.now() - started) / 1000 };
}
