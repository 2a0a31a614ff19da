/**
 * Retention, done in small steps: each step deletes at most `chunkRows` rows of one endpoint
 * from one table (a few ms), so pruning never holds the write lock for long. Steps run between
 * sample batches. History of deleted endpoints (no row in `endpoints`) is removed the same way.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Retention } from './settings-repo.ts';

const DAY_MS = 86_400_000;
/** Endpoint ids a step may look at before giving up the turn: bounds a step's time. */
const MAX_SEEKS_PER_STEP = 256;

export interface PrunerOptions {
  /** Most rows one step deletes. @default 2000 */
  readonly chunkRows?: number;
  /** Pause between the end of one full pass and the next. @default 60000 */
  readonly passIntervalMs?: number;
}

export interface PruneStepResult {
  readonly table: string | undefined;
  readonly endpointId: number | undefined;
  readonly deleted: number;
  readonly ms: number;
  /** The pass over all tables finished with this step. */
  readonly passComplete: boolean;
}

interface PrunedTable {
  readonly name: string;
  readonly retentionDays: (retention: Retention) => number;
  readonly nextEndpoint: StatementSync;
  readonly chunkBound: StatementSync;
  readonly deleteBelow: StatementSync;
  readonly deleteUpTo: StatementSync;
}

export class Pruner {
  private readonly tables: readonly PrunedTable[];
  private readonly endpointExists: StatementSync;
  private readonly retention: () => Retention;
  private readonly now: () => number;
  private readonly chunkRows: number;
  private readonly passIntervalMs: number;
  private tableIndex = 0;
  private cursor = Number.MIN_SAFE_INTEGER;
  private cutoffs: number[] | undefined;
  private nextPassAt = 0;

  constructor(db: DatabaseSync, retention: () => Retention, now: () => number, options: PrunerOptions = {}) {
    this.retention = retention;
    this.now = now;
    this.chunkRows = Math.max(1, Math.trunc(options.chunkRows ?? 2000));
    this.passIntervalMs = options.passIntervalMs ?? 60_000;
    this.endpointExists = db.prepare('SELECT 1 AS found FROM endpoints WHERE id = ?');
    const table = (name: string, retentionDays: (r: Retention) => number): PrunedTable => ({
      name,
      retentionDays,
      nextEndpoint: db.prepare(`SELECT endpoint_id FROM ${name} WHERE endpoint_id > ? ORDER BY endpoint_id LIMIT 1`),
      chunkBound: db.prepare(`SELECT ts FROM ${name} WHERE endpoint_id = ? AND ts < ? ORDER BY ts LIMIT 1 OFFSET ?`),
      deleteBelow: db.prepare(`DELETE FROM ${name} WHERE endpoint_id = ? AND ts < ?`),
      deleteUpTo: db.prepare(`DELETE FROM ${name} WHERE endpoint_id = ? AND ts <= ?`),
    });
    this.tables = [
      table('samples', (r) => r.rawDays),
      table('rollup_minute', (r) => r.minuteDays),
      table('rollup_hour', (r) => r.hourDays),
      // Events (state changes) are kept as long as the coarsest history they explain.
      table('events', (r) => r.hourDays),
    ];
  }

  /** A pass is under way or due. */
  get due(): boolean {
    return this.cutoffs !== undefined || this.now() >= this.nextPassAt;
  }

  /** Starts a pass at the next opportunity (after a retention change or an endpoint deletion). */
  wake(): void {
    this.nextPassAt = 0;
  }

  /** One step if a pass is due; a no-op otherwise. */
  stepIfDue(): PruneStepResult | undefined {
    return this.due ? this.step() : undefined;
  }

  /** Deletes at most one chunk; walks tables and endpoints with cheap index seeks until it finds work. */
  step(): PruneStepResult {
    const started = performance.now();
    const cutoffs = (this.cutoffs ??= this.computeCutoffs());
    for (let seeks = 0; seeks < MAX_SEEKS_PER_STEP; seeks++) {
      const table = this.tables[this.tableIndex];
      if (!table) {
        this.finishPass();
        return { table: undefined, endpointId: undefined, deleted: 0, ms: performance.now() - started, passComplete: true };
      }
      const next = table.nextEndpoint.get(this.cursor)?.['endpoint_id'];
      if (next === undefined || next === null) {
        this.tableIndex++;
        this.cursor = Number.MIN_SAFE_INTEGER;
        continue;
      }
      const endpointId = Number(next);
      // A deleted endpoint's history goes entirely.
      const cutoff = this.endpointExists.get(endpointId) ? cutoffs[this.tableIndex]! : Number.MAX_SAFE_INTEGER;
      const bound = table.chunkBound.get(endpointId, cutoff, this.chunkRows - 1)?.['ts'];
      let deleted: number;
      if (bound === undefined || bound === null) {
        deleted = Number(table.deleteBelow.run(endpointId, cutoff).changes);
        this.cursor = endpointId;
      } else {
        deleted = Number(table.deleteUpTo.run(endpointId, bound).changes);
      }
      if (deleted > 0) return { table: table.name, endpointId, deleted, ms: performance.now() - started, passComplete: false };
    }
    return { table: undefined, endpointId: undefined, deleted: 0, ms: performance.now() - started, passComplete: false };
  }

  /** Steps until the pass completes (tests, maintenance); each step is still its own transaction. */
  runPass(maxSteps = 1_000_000): PruneStepResult[] {
    this.wake();
    const steps: PruneStepResult[] = [];
    for (let i = 0; i < maxSteps; i++) {
      const result = this.step();
      steps.push(result);
      if (result.passComplete) break;
    }
    return steps;
  }

  private computeCutoffs(): number[] {
    const retention = this.retention();
    const now = this.now();
    return this.tables.map((table) => now - table.retentionDays(retention) * DAY_MS);
  }

  private finishPass(): void {
    this.tableIndex = 0;
    this.cursor = Number.MIN_SAFE_INTEGER;
    this.cutoffs = undefined;
    this.nextPassAt = this.now() + this.passIntervalMs;
  }
}
