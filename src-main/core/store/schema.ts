/**
 * The schema, as an ordered list of migrations. A migration is never edited once released:
 * a change is a new entry with the next version.
 */

/** `PRAGMA application_id` of a Synack database: "SYNK". */
export const SYNACK_APPLICATION_ID = 0x53594e4b;

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'endpoints, raw samples, minute/hour rollups, events, settings, interned strings',
    sql: `
      -- AUTOINCREMENT: an id is never reused, so a new endpoint never inherits a deleted one's history.
      CREATE TABLE endpoints (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        config TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      -- Addresses and raw error codes, stored once and referenced by id from samples.
      CREATE TABLE strings (
        id INTEGER PRIMARY KEY,
        value TEXT NOT NULL UNIQUE
      );

      -- Clustered on (endpoint, time): a series read is one range scan, no second index.
      -- seq tells apart two samples of one endpoint with the same millisecond (0 otherwise,
      -- which SQLite stores in zero bytes). Durations are integer microseconds.
      CREATE TABLE samples (
        endpoint_id INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        flags INTEGER NOT NULL,
        latency INTEGER,
        dns INTEGER,
        connect INTEGER,
        first_byte INTEGER,
        class INTEGER,
        code INTEGER,
        errno INTEGER,
        address INTEGER,
        PRIMARY KEY (endpoint_id, ts, seq)
      ) WITHOUT ROWID;

      CREATE TABLE rollup_minute (
        endpoint_id INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        n INTEGER NOT NULL,
        ok INTEGER NOT NULL,
        inconclusive INTEGER NOT NULL,
        syn INTEGER NOT NULL,
        lat_n INTEGER NOT NULL,
        lat_min INTEGER,
        lat_max INTEGER,
        lat_sum INTEGER NOT NULL,
        jitter_sum INTEGER NOT NULL,
        jitter_n INTEGER NOT NULL,
        sketch BLOB,
        failures BLOB,
        PRIMARY KEY (endpoint_id, ts)
      ) WITHOUT ROWID;

      CREATE TABLE rollup_hour (
        endpoint_id INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        n INTEGER NOT NULL,
        ok INTEGER NOT NULL,
        inconclusive INTEGER NOT NULL,
        syn INTEGER NOT NULL,
        lat_n INTEGER NOT NULL,
        lat_min INTEGER,
        lat_max INTEGER,
        lat_sum INTEGER NOT NULL,
        jitter_sum INTEGER NOT NULL,
        jitter_n INTEGER NOT NULL,
        sketch BLOB,
        failures BLOB,
        PRIMARY KEY (endpoint_id, ts)
      ) WITHOUT ROWID;

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        endpoint_id INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        type TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        failure_class TEXT,
        details TEXT
      );
      CREATE INDEX events_by_endpoint_time ON events (endpoint_id, ts);
      CREATE INDEX events_by_time ON events (ts);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
