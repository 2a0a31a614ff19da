/**
 * Interns addresses and raw error codes: each distinct string is stored once in `strings` and
 * samples carry its small integer id. Both directions are cached; there are few distinct values.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';

export class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly values = new Map<number, string>();
  private readonly insert: StatementSync;
  private readonly selectId: StatementSync;
  private readonly selectValue: StatementSync;

  constructor(db: DatabaseSync) {
    this.insert = db.prepare('INSERT INTO strings (value) VALUES (?) ON CONFLICT (value) DO NOTHING');
    this.selectId = db.prepare('SELECT id FROM strings WHERE value = ?');
    this.selectValue = db.prepare('SELECT value FROM strings WHERE id = ?');
  }

  /** The id of a string, adding it if new. Call inside the write transaction that uses it. */
  intern(value: string): number {
    const cached = this.ids.get(value);
    if (cached !== undefined) return cached;
    this.insert.run(value);
    const id = Number(this.selectId.get(value)?.['id']);
    this.remember(id, value);
    return id;
  }

  lookup(id: number): string | undefined {
    const cached = this.values.get(id);
    if (cached !== undefined) return cached;
    const value = this.selectValue.get(id)?.['value'];
    if (typeof value !== 'string') return undefined;
    this.remember(id, value);
    return value;
  }

  /** Forgets the caches: after a rolled-back transaction, ids handed out in it are void. */
  forget(): void {
    this.ids.clear();
    this.values.clear();
  }

  private remember(id: number, value: string): void {
    this.ids.set(value, id);
    this.values.set(id, value);
  }
}
