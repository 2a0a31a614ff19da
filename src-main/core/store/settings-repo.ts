/** Key/value settings, each value stored as JSON. */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { z } from 'zod';

export const RETENTION_KEY = 'retention';

/** How long each level of history is kept, in days. */
export const RetentionSchema = z.object({
  rawDays: z.number().positive().catch(14).default(14),
  minuteDays: z.number().positive().catch(90).default(90),
  hourDays: z.number().positive().catch(730).default(730),
});

export type Retention = z.infer<typeof RetentionSchema>;

export class SettingsRepo {
  private readonly selectOne: StatementSync;
  private readonly selectAll: StatementSync;
  private readonly upsert: StatementSync;
  private readonly remove: StatementSync;

  constructor(db: DatabaseSync) {
    this.selectOne = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.selectAll = db.prepare('SELECT key, value FROM settings ORDER BY key');
    this.upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.remove = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  /** The parsed value, or undefined when unset. */
  get(key: string): unknown {
    const value = this.selectOne.get(key)?.['value'];
    return typeof value === 'string' ? JSON.parse(value) : undefined;
  }

  /** Stores any JSON-serialisable value. */
  set(key: string, value: unknown): void {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`Setting ${key}: the value is not JSON-serialisable.`);
    this.upsert.run(key, json);
  }

  delete(key: string): boolean {
    return Number(this.remove.run(key).changes) > 0;
  }

  all(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const row of this.selectAll.iterate()) result[String(row['key'])] = JSON.parse(String(row['value']));
    return result;
  }

  /** Retention in days; defaults (14 / 90 / 730) stand in for anything unset or invalid. */
  retention(): Retention {
    const stored = this.get(RETENTION_KEY);
    return RetentionSchema.parse(typeof stored === 'object' && stored !== null ? stored : {});
  }

  setRetention(retention: Partial<Retention>): Retention {
    const merged = RetentionSchema.parse({ ...this.retention(), ...retention });
    this.set(RETENTION_KEY, merged);
    return merged;
  }
}
