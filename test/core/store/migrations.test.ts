import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/store/migrate.ts';
import { openDatabase } from '../../../src-main/core/store/open-database.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, SYNACK_APPLICATION_ID } from '../../../src-main/core/store/schema.ts';
import { tempDir, type TempDir } from './helpers.ts';

function scalar(db: DatabaseSync, sql: string): unknown {
  const row = db.prepare(sql).get();
  return row ? Object.values(row)[0] : undefined;
}

describe('migrations', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('creates the schema in an empty file, in WAL mode, stamped as Synack\'s', () => {
    const path = dir.file('nested/dir/synack.db');
    const { db, notice, appliedMigrations } = openDatabase(path, { now: () => 1234 });
    try {
      expect(notice).toBeUndefined();
      expect(appliedMigrations).toEqual(MIGRATIONS.map((m) => m.version));
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((r) => r['name']);
      expect(tables).toEqual(expect.arrayContaining(['endpoints', 'events', 'rollup_hour', 'rollup_minute', 'samples', 'schema_migrations', 'settings', 'strings']));
      expect(db.prepare('SELECT version, applied_at FROM schema_migrations').all()).toEqual([{ version: 1, applied_at: 1234 }]);
      expect(scalar(db, 'PRAGMA application_id')).toBe(SYNACK_APPLICATION_ID);
      expect(scalar(db, 'PRAGMA user_version')).toBe(LATEST_SCHEMA_VERSION);
      expect(scalar(db, 'PRAGMA journal_mode')).toBe('wal');
      expect(scalar(db, 'PRAGMA synchronous')).toBe(1); // NORMAL
      expect(scalar(db, 'PRAGMA busy_timeout')).toBe(5000);
      // The series query is served by the clustered key: no temp b-tree, no extra index.
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT ts FROM samples WHERE endpoint_id = 1 AND ts >= 0 AND ts < 10 ORDER BY ts, seq').all();
      expect(plan.map((r) => String(r['detail'])).join('|')).toMatch(/SEARCH samples USING PRIMARY KEY \(endpoint_id=\? AND ts>\? AND ts<\?\)/);
    } finally {
      db.close();
    }
  });

  it('re-opening applies nothing and changes nothing', () => {
    const path = dir.file('synack.db');
    openDatabase(path, { now: () => 1 }).db.close();
    const again = openDatabase(path, { now: () => 2 });
    try {
      expect(again.appliedMigrations).toEqual([]);
      expect(again.notice).toBeUndefined();
      expect(again.db.prepare('SELECT version, applied_at FROM schema_migrations').all()).toEqual([{ version: 1, applied_at: 1 }]);
    } finally {
      again.db.close();
    }
  });

  it('applies only the pending migrations, and a failing one leaves the database as it was', () => {
    const path = dir.file('synack.db');
    const db = new DatabaseSync(path);
    try {
      migrate(db, () => 1, [{ version: 1, description: 'a', sql: 'CREATE TABLE a (x)' }]);
      const next = [
        { version: 1, description: 'a', sql: 'CREATE TABLE a (x)' },
        { version: 2, description: 'b', sql: 'CREATE TABLE b (x)' },
      ];
      expect(migrate(db, () => 2, next)).toEqual([2]);
      const broken = [...next, { version: 3, description: 'c', sql: 'CREATE TABLE c (x); CREATE TABLE oops (' }];
      expect(() => migrate(db, () => 3, broken)).toThrow();
      expect(db.isTransaction).toBe(false);
      expect(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'c'")).toBe(0);
      expect(scalar(db, 'SELECT max(version) FROM schema_migrations')).toBe(2);
      expect(scalar(db, 'PRAGMA user_version')).toBe(2);
    } finally {
      db.close();
    }
  });

  it('refuses a migration list that is not strictly ordered', () => {
    const db = new DatabaseSync(':memory:');
    try {
      const list = [{ version: 2, description: '', sql: '' }, { version: 1, description: '', sql: '' }];
      expect(() => migrate(db, Date.now, list)).toThrow(/strictly increasing/);
    } finally {
      db.close();
    }
  });
});
