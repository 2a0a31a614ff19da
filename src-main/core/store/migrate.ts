/**
 * Applies pending migrations, all in one transaction: a database is either at its old version
 * or fully at the new one. BEGIN IMMEDIATE serialises two processes opening the same file.
 */
import type { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS, SYNACK_APPLICATION_ID, type Migration } from './schema.ts';

/** Brings the schema up to date; returns the versions applied (empty when already current). */
export function migrate(db: DatabaseSync, now: () => number = Date.now, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertOrdered(migrations);
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    const row = db.prepare('SELECT coalesce(max(version), 0) AS version FROM schema_migrations').get();
    const current = Number(row?.['version'] ?? 0);
    const pending = migrations.filter((m) => m.version > current);
    const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, now());
    }
    const latest = Math.max(current, ...migrations.map((m) => m.version));
    db.exec(`PRAGMA application_id = ${SYNACK_APPLICATION_ID}`);
    db.exec(`PRAGMA user_version = ${latest}`);
    db.exec('COMMIT');
    return pending.map((m) => m.version);
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (!Number.isInteger(m.version) || m.version < 1 || (previous !== undefined && m.version <= previous.version)) {
      throw new Error(`Migrations must have strictly increasing positive versions (at index ${i}: ${m.version}).`);
    }
  });
}
