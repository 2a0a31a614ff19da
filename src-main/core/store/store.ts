/**
 * The store: one SQLite file holding endpoints, raw samples, minute/hour rollups, events and
 * settings. Opening checks the file (a damaged or foreign one is set aside, see
 * open-database.ts), applies migrations and starts the sample writer, whose timer also runs
 * retention pruning in small steps between batches.
 */
import type { DatabaseSync } from 'node:sqlite';
import { EndpointsRepo } from './endpoints-repo.ts';
import { EventsRepo } from './events-repo.ts';
import { queryIncidents, type Incident } from './incidents.ts';
import { openDatabase, type OpenNotice } from './open-database.ts';
import { defaultDbPath } from './paths.ts';
import { Pruner, type PrunerOptions, type PruneStepResult } from './pruner.ts';
import { RollupTables } from './rollup-tables.ts';
import { SamplePager } from './sample-pages.ts';
import { SampleReader } from './sample-reader.ts';
import { SampleWriter, type SampleWriterOptions } from './sample-writer.ts';
import type { StoredSample } from './sample.ts';
import { querySeries, type Series } from './series.ts';
import { SettingsRepo } from './settings-repo.ts';
import { StoreError } from './store-error.ts';
import { StringTable } from './string-table.ts';
import { querySummary, type Summary } from './summary.ts';
import { SAFETY_AUTOCHECKPOINT_PAGES, startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.ts';

export interface OpenStoreOptions {
  /** The database file. @default defaultDbPath() */
  readonly path?: string;
  /** Wall clock (timestamps, retention cutoffs). @default Date.now */
  readonly now?: () => number;
  /** Receives one line when the file had to be set aside at open. */
  readonly log?: (message: string) => void;
  readonly busyTimeoutMs?: number;
  readonly writer?: SampleWriterOptions;
  readonly pruner?: PrunerOptions;
  /**
   * Checkpoint the WAL from a worker thread instead of inside commits (see wal-checkpointer.ts).
   * @default false (tests and short-lived commands keep SQLite's own checkpointing)
   */
  readonly checkpointInWorker?: boolean;
}

export interface QueryOptions {
  /** States that make an incident. @default ['down'] */
  readonly downStates?: readonly string[];
}

export class Store {
  readonly path: string;
  /** Set when an unusable file was moved aside at open: show it to the user once. */
  readonly notice: OpenNotice | undefined;
  readonly endpoints: EndpointsRepo;
  readonly events: EventsRepo;
  readonly settings: SettingsRepo;
  /** Where samples go: `store.writer.add(sampleFromOutcome(id, outcome, inconclusive))`. */
  readonly writer: SampleWriter;
  readonly pruner: Pruner;
  private readonly db: DatabaseSync;
  private readonly samples: SampleReader;
  private readonly pager: SamplePager;
  private readonly rollups: RollupTables;
  private readonly now: () => number;
  private closed = false;
  private readonly checkpointer: WalCheckpointer | undefined;

  /** Use `openStore`. */
  constructor(path: string, db: DatabaseSync, notice: OpenNotice | undefined, options: OpenStoreOptions) {
    this.path = path;
    this.db = db;
    this.notice = notice;
    this.now = options.now ?? Date.now;
    const strings = new StringTable(db);
    this.endpoints = new EndpointsRepo(db, this.now);
    this.events = new EventsRepo(db);
    this.settings = new SettingsRepo(db);
    this.rollups = new RollupTables(db);
    this.samples = new SampleReader(db, strings);
    this.pager = new SamplePager(db, strings);
    this.pruner = new Pruner(db, () => this.settings.retention(), this.now, options.pruner);
    const afterFlush = (): void => {
      this.pruner.stepIfDue();
    };
    this.writer = new SampleWriter({ db, strings, rollups: this.rollups, afterFlush }, options.writer);
    if (options.checkpointInWorker && path !== ':memory:') {
      db.exec(`PRAGMA wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
      this.checkpointer = startWalCheckpointer(path, 1000, (message) => options.log?.(`WAL checkpoint: ${message}`));
    }
  }

  /** Removes an endpoint now; its history follows in small pruning steps (see EndpointsRepo.delete). */
  deleteEndpoint(id: number): boolean {
    const existed = this.endpoints.delete(id);
    if (existed) this.pruner.wake();
    return existed;
  }

  /** Raw samples in [fromMs, toMs), oldest first (flushes pending samples first). */
  rawSamples(endpointId: number, fromMs: number, toMs: number, limit?: number): StoredSample[] {
    this.readable();
    return this.samples.range(endpointId, fromMs, toMs, limit);
  }

  /**
   * Raw samples in [fromMs, toMs), oldest first, in pages of `pageSize` read one at a time
   * (keyset paging): exports of any length in bounded memory. Pending samples are flushed
   * before each page.
   */
  samplePages(endpointId: number, fromMs: number, toMs: number, pageSize?: number): IterableIterator<StoredSample[]> {
    this.readable();
    return this.pager.pages(endpointId, fromMs, toMs, pageSize, () => this.readable());
  }

  /** A chart series with at most `maxPoints` points, at the finest resolution that fits. */
  series(endpointId: number, fromMs: number, toMs: number, maxPoints: number): Series {
    this.readable();
    return querySeries(this.querySources(), endpointId, fromMs, toMs, maxPoints);
  }

  summary(endpointId: number, fromMs: number, toMs: number, options: QueryOptions = {}): Summary {
    this.readable();
    return querySummary(this.querySources(), endpointId, fromMs, toMs, options.downStates);
  }

  incidents(endpointId: number, fromMs: number, toMs: number, options: QueryOptions = {}): Incident[] {
    this.readable();
    return queryIncidents(this.querySources(), endpointId, fromMs, toMs, options.downStates);
  }

  /** One retention step now (normally run by the writer's timer). */
  pruneStep(): PruneStepResult {
    return this.pruner.step();
  }

  /** Flushes pending samples, then closes the database. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.checkpointer?.stop();
    this.writer.close();
    this.db.close();
  }

  private querySources(): Parameters<typeof querySummary>[0] & Parameters<typeof querySeries>[0] {
    return { samples: this.samples, rollups: this.rollups, events: this.events, now: this.now, retention: () => this.settings.retention() };
  }

  /** Queries read their own writes: pending samples are flushed first. */
  private readable(): void {
    if (this.closed) throw new StoreError('closed', 'The store is closed.');
    this.writer.flush();
  }
}

/** Opens (creating, migrating or repairing as needed) the store at `options.path` or the default path. */
export function openStore(options: OpenStoreOptions = {}): Store {
  const path = options.path ?? defaultDbPath();
  const opened = openDatabase(path, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
  });
  if (opened.notice) options.log?.(opened.notice.message);
  return new Store(path, opened.db, opened.notice, options);
}
