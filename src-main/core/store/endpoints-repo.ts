/**
 * Endpoint rows. `config` is opaque JSON here: the service validates it with its schema
 * before it gets here and after it comes back.
 */
import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import { sqliteCode, SQLITE_CONSTRAINT, StoreError } from './store-error.ts';

export interface EndpointRecord {
  readonly id: number;
  readonly name: string;
  readonly config: unknown;
  /** ms since the epoch */
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface EndpointChanges {
  readonly name?: string;
  readonly config?: unknown;
}

export class EndpointsRepo {
  private readonly now: () => number;
  private readonly selectAll: StatementSync;
  private readonly selectById: StatementSync;
  private readonly selectByName: StatementSync;
  private readonly insertRow: StatementSync;
  private readonly updateRow: StatementSync;
  private readonly deleteRow: StatementSync;

  constructor(db: DatabaseSync, now: () => number) {
    this.now = now;
    const columns = 'id, name, config, created_at, updated_at';
    this.selectAll = db.prepare(`SELECT ${columns} FROM endpoints ORDER BY id`);
    this.selectById = db.prepare(`SELECT ${columns} FROM endpoints WHERE id = ?`);
    this.selectByName = db.prepare(`SELECT ${columns} FROM endpoints WHERE name = ?`);
    this.insertRow = db.prepare(`INSERT INTO endpoints (name, config, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING ${columns}`);
    this.updateRow = db.prepare(`UPDATE endpoints SET name = ?, config = ?, updated_at = ? WHERE id = ? RETURNING ${columns}`);
    this.deleteRow = db.prepare('DELETE FROM endpoints WHERE id = ?');
  }

  list(): EndpointRecord[] {
    return this.selectAll.all().map(toRecord);
  }

  get(id: number): EndpointRecord | undefined {
    const row = this.selectById.get(id);
    return row ? toRecord(row) : undefined;
  }

  getByName(name: string): EndpointRecord | undefined {
    const row = this.selectByName.get(name);
    return row ? toRecord(row) : undefined;
  }

  /** @throws StoreError `duplicate-name` when the name is taken. */
  insert(name: string, config: unknown): EndpointRecord {
    const now = this.now();
    const row = this.guard(name, () => this.insertRow.get(name, toJson(config), now, now));
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return toRecord(row);
  }

  /** @throws StoreError `not-found`, or `duplicate-name` when renaming onto a taken name. */
  update(id: number, changes: EndpointChanges): EndpointRecord {
    const current = this.get(id);
    if (!current) throw new StoreError('not-found', `There is no endpoint with id ${id}.`);
    const name = changes.name ?? current.name;
    const config = 'config' in changes ? changes.config : current.config;
    const row = this.guard(name, () => this.updateRow.get(name, toJson(config), this.now(), id));
    if (!row) throw new StoreError('not-found', `There is no endpoint with id ${id}.`);
    return toRecord(row);
  }

  /**
   * Removes the endpoint at once; its samples, rollups and events are deleted afterwards by the
   * pruner in small chunks (a long history would otherwise block writes). Ids are never reused,
   * so leftover history can never be mistaken for a new endpoint's. Returns whether it existed.
   */
  delete(id: number): boolean {
    return Number(this.deleteRow.run(id).changes) > 0;
  }

  private guard<T>(name: string, write: () => T): T {
    try {
      return write();
    } catch (error) {
      if (sqliteCode(error) === SQLITE_CONSTRAINT) {
        throw new StoreError('duplicate-name', `An endpoint named "${name}" already exists.`, { cause: error });
      }
      throw error;
    }
  }
}

function toJson(config: unknown): string {
  const json = JSON.stringify(config);
  if (json === undefined) throw new TypeError('Endpoint config must be JSON-serialisable.');
  return json;
}

function toRecord(row: Record<string, SQLOutputValue>): EndpointRecord {
  return {
    id: Number(row['id']),
    name: String(row['name']),
    config: JSON.parse(String(row['config'])),
    createdAt: Number(row['created_at']),
    updatedAt: Number(row['updated_at']),
  };
}
