/**
 * Opens (or creates) the database file, making sure it is ours and healthy first. A damaged
 * or foreign file is never deleted and never crashes the app: it is moved aside next to the
 * path, a fresh database takes its place, and the caller gets a notice to show.
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from './migrate.ts';
import { LATEST_SCHEMA_VERSION, SYNACK_APPLICATION_ID } from './schema.ts';
import { isCorruptionError, StoreError } from './store-error.ts';

export interface OpenDatabaseOptions {
  /** Wall clock for migration records and the moved-aside file name. @default Date.now */
  readonly now?: () => number;
  /** How long a statement waits for another connection's lock. @default 5000 */
  readonly busyTimeoutMs?: number;
}

/** Why an existing file was moved aside. */
export type SetAsideReason = 'corrupt' | 'foreign' | 'newer-schema';

export interface OpenNotice {
  readonly reason: SetAsideReason;
  /** Where the old file now is (`<path>.corrupt-<timestamp>`). */
  readonly movedTo: string;
  /** One plain-language paragraph for logs and the UI. */
  readonly message: string;
}

export interface OpenedDatabase {
  readonly db: DatabaseSync;
  readonly notice: OpenNotice | undefined;
  readonly appliedMigrations: readonly number[];
}

interface Problem {
  readonly reason: SetAsideReason;
  readonly detail: string;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const now = options.now ?? Date.now;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const inMemory = path === ':memory:';
  let notice: OpenNotice | undefined;
  if (!inMemory) {
    mkdirSync(dirname(path), { recursive: true });
    const problem = inspect(path, busyTimeoutMs);
    if (problem) {
      const movedTo = moveAside(path, now());
      notice = { reason: problem.reason, movedTo, message: describe(path, problem, movedTo) };
    }
  }
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path);
    configure(db, busyTimeoutMs);
    const appliedMigrations = migrate(db, now);
    return { db, notice, appliedMigrations };
  } catch (error) {
    db?.close();
    throw new StoreError('unusable-database', `Could not open the Synack database at ${path}: ${messageOf(error)}`, { cause: error });
  }
}

function configure(db: DatabaseSync, busyTimeoutMs: number): void {
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  db.exec('PRAGMA journal_mode = WAL');
  // With WAL, NORMAL loses no committed transaction on a process crash (only on power loss) and saves an fsync per commit.
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA journal_size_limit = 67108864');
}

/** Reads the header fields and runs quick_check; undefined when the file is ours (or empty) and healthy. */
function inspect(path: string, busyTimeoutMs: number): Problem | undefined {
  if (!existsSync(path) || statSync(path).size === 0) return undefined;
  let db: DatabaseSync | undefined;
  try {
    // Read-only: inspecting must never change a file that may not be ours (no checkpoint, no WAL cleanup on close).
    db = new DatabaseSync(path, { readOnly: true });
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    const applicationId = pragmaNumber(db, 'application_id');
    const userVersion = pragmaNumber(db, 'user_version');
    const tables = Number(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()?.['n'] ?? 0);
    if (applicationId !== SYNACK_APPLICATION_ID && !(applicationId === 0 && tables === 0)) {
      return { reason: 'foreign', detail: `it belongs to another application (application_id ${applicationId}, ${tables} tables)` };
    }
    const check = db.prepare('PRAGMA quick_check').all().map((row) => String(Object.values(row)[0]));
    if (check.length !== 1 || check[0] !== 'ok') {
      return { reason: 'corrupt', detail: `the integrity check failed (${check.slice(0, 3).join('; ')})` };
    }
    if (userVersion > LATEST_SCHEMA_VERSION) {
      return { reason: 'newer-schema', detail: `it was written by a newer Synack (schema ${userVersion}, this version knows ${LATEST_SCHEMA_VERSION})` };
    }
    return undefined;
  } catch (error) {
    if (isCorruptionError(error)) return { reason: 'corrupt', detail: `it is damaged or not a database (${messageOf(error)})` };
    throw new StoreError('unusable-database', `Could not open the Synack database at ${path}: ${messageOf(error)}`, { cause: error });
  } finally {
    db?.close();
  }
}

function pragmaNumber(db: DatabaseSync, name: string): number {
  return Number(db.prepare(`PRAGMA ${name}`).get()?.[name] ?? 0);
}

/** Renames the file (and its WAL/SHM companions, keeping them paired) to `<path>.corrupt-<timestamp>`. */
function moveAside(path: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:.]/g, '');
  let target = `${path}.corrupt-${stamp}`;
  for (let n = 1; existsSync(target); n++) target = `${path}.corrupt-${stamp}-${n}`;
  renameSync(path, target);
  for (const suffix of SIDE_FILES) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

function describe(path: string, problem: Problem, movedTo: string): string {
  return `The database at ${path} could not be used: ${problem.detail}. It was moved to ${movedTo} `
    + '(nothing was deleted) and a new, empty database was created in its place.';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
