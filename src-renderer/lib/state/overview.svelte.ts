/**
 * The overview's live state: a snapshot from `overview()`, kept current by `onUpdate`
 * batches, with filtering and sorting derived from it. Each row is its own object with its
 * own signals, so a sample for one endpoint redraws one row, not the table.
 */
import { CLASS_INFO } from '../../../src-main/core/classify/failure-classes.ts';
import type { Endpoint, EndpointState, EndpointStatusDto, OverviewRowDto, SampleDto, UpdateBatchDto } from '../../../src-main/ipc/dto.ts';
import { describeError, type Api } from '../api.ts';
import { PROBLEM_STATES, STATUS_LOOK } from '../status.ts';

/** Latencies kept per sparkline; the service keeps as many (SPARKLINE_LENGTH of endpoint-runner). */
export const SPARKLINE_SLOTS = 60;

/** Uptime (24 h) is not pushed: refresh the snapshot's figures this often. */
const UPTIME_REFRESH_MS = 60_000;

export type SortKey = 'status' | 'name' | 'latency' | 'uptime';
export type StatusFilter = 'all' | 'problems' | EndpointState;

/** One endpoint in the overview. */
export class EndpointRow {
  endpoint: Endpoint;
  status: EndpointStatusDto;
  /** Oldest first; null marks a failed sample. Replaced on every sample, never mutated. */
  sparkline: readonly (number | null)[];
  uptime24h: number | null;
  /** Newest sample already in the sparkline (samples may arrive twice around a snapshot). */
  #lastTs: number;

  constructor(endpoint: Endpoint, status: EndpointStatusDto, sparkline: readonly (number | null)[] = [], uptime24h: number | null = null) {
    this.endpoint = $state.raw(endpoint);
    this.status = $state.raw(status);
    this.sparkline = $state.raw(sparkline);
    this.uptime24h = $state(uptime24h);
    this.#lastTs = status.lastSample?.ts ?? 0;
  }

  get id(): number {
    return this.endpoint.id;
  }

  /** Latency of the last sample when it succeeded. */
  get lastLatency(): number | undefined {
    const sample = this.status.lastSample;
    return sample?.ok ? sample.latencyMs : undefined;
  }

  addSample(sample: SampleDto): void {
    if (sample.ts <= this.#lastTs) return;
    this.#lastTs = sample.ts;
    const value = sample.ok && sample.latencyMs !== undefined ? sample.latencyMs : sample.inconclusive ? undefined : null;
    if (value === undefined) return;
    const next = this.sparkline.length >= SPARKLINE_SLOTS ? this.sparkline.slice(1 - SPARKLINE_SLOTS) : this.sparkline.slice();
    next.push(value);
    this.sparkline = next;
  }
}

export class OverviewState {
  rows: readonly EndpointRow[] = $state.raw([]);
  loaded = $state(false);
  error: string | null = $state(null);
  /** The latest status change, read by an aria-live region. */
  announcement = $state('');

  text = $state('');
  statusFilter: StatusFilter = $state('all');
  tag = $state('');
  sort: SortKey = $state('status');
  descending = $state(false);

  /** Every tag in use, sorted. */
  readonly tags: readonly string[] = $derived([...new Set(this.rows.flatMap((row) => row.endpoint.tags))].sort());

  /** Rows after filter and sort. */
  readonly visible: readonly EndpointRow[] = $derived.by(() => {
    const needle = this.text.trim().toLowerCase();
    const filtered = this.rows.filter(
      (row) => matchesStatus(row.status.state, this.statusFilter) && (this.tag === '' || row.endpoint.tags.includes(this.tag)) && matchesText(row.endpoint, needle),
    );
    const direction = this.descending ? -1 : 1;
    const compare = COMPARE[this.sort];
    return filtered.sort((a, b) => direction * compare(a, b) || byName(a, b));
  });

  /** How many endpoints are in each state. */
  readonly counts: Readonly<Partial<Record<EndpointState, number>>> = $derived.by(() => {
    const counts: Partial<Record<EndpointState, number>> = {};
    for (const row of this.rows) counts[row.status.state] = (counts[row.status.state] ?? 0) + 1;
    return counts;
  });

  readonly #api: Api;
  readonly #byId = new Map<number, EndpointRow>();
  /** Batches that arrived while a snapshot was loading, applied after it. */
  #buffered: UpdateBatchDto[] | undefined;

  constructor(api: Api) {
    this.#api = api;
  }

  /** Subscribes to updates, loads the snapshot, reloads it after a reconnect; returns the stop function. */
  start(): () => void {
    const stopUpdates = this.#api.onUpdate((batch) => this.#receive(batch));
    const stopConnection = this.#api.onConnectionChange((connected) => {
      if (connected && this.loaded) void this.load();
    });
    const timer = setInterval(() => void this.refreshUptime(), UPTIME_REFRESH_MS);
    void this.load();
    return () => {
      stopUpdates();
      stopConnection();
      clearInterval(timer);
    };
  }

  /** Replaces everything with a fresh snapshot, then applies the batches that raced it. */
  async load(): Promise<void> {
    this.#buffered = [];
    try {
      const snapshot = await this.#api.overview();
      this.#byId.clear();
      for (const dto of snapshot) this.#byId.set(dto.endpoint.id, rowOf(dto));
      this.rows = [...this.#byId.values()];
      this.error = null;
      const raced = this.#buffered;
      this.#buffered = undefined;
      for (const batch of raced) this.apply(batch);
      this.loaded = true;
    } catch (error) {
      this.#buffered = undefined;
      this.error = describeError(error);
    }
  }

  /** Updates the 24 h uptime figures (not part of the pushes). */
  async refreshUptime(): Promise<void> {
    try {
      for (const dto of await this.#api.overview()) {
        const row = this.#byId.get(dto.endpoint.id);
        if (row) row.uptime24h = dto.uptime24h;
      }
    } catch {
      // Kept as it was; the next refresh or a reload will tell.
    }
  }

  /** The row of an endpoint; reactive (it follows additions and removals). */
  row(id: number): EndpointRow | undefined {
    return this.rows.find((row) => row.id === id);
  }

  /** Applies one pushed batch. */
  apply(batch: UpdateBatchDto): void {
    let membershipChanged = false;
    for (const endpoint of batch.endpoints) {
      const row = this.#byId.get(endpoint.id);
      if (row) row.endpoint = endpoint;
      else {
        const status = batch.statuses.find((s) => s.endpointId === endpoint.id) ?? initialStatus(endpoint);
        this.#byId.set(endpoint.id, new EndpointRow(endpoint, status));
        membershipChanged = true;
      }
    }
    for (const id of batch.removed) membershipChanged = this.#byId.delete(id) || membershipChanged;
    for (const sample of batch.samples) this.#byId.get(sample.endpointId)?.addSample(sample);
    const changes: string[] = [];
    for (const status of batch.statuses) {
      const row = this.#byId.get(status.endpointId);
      if (!row) continue;
      if (row.status.state !== status.state && row.status !== status) changes.push(describeChange(row.endpoint.name, status));
      row.status = status;
    }
    if (membershipChanged) this.rows = [...this.#byId.values()];
    if (changes.length > 0) this.announcement = changes.length <= 3 ? changes.join('. ') : `${changes.length} endpoints changed status`;
  }

  #receive(batch: UpdateBatchDto): void {
    if (this.#buffered) this.#buffered.push(batch);
    else this.apply(batch);
  }
}

function rowOf(dto: OverviewRowDto): EndpointRow {
  return new EndpointRow(dto.endpoint, dto.status, dto.sparkline, dto.uptime24h);
}

function initialStatus(endpoint: Endpoint): EndpointStatusDto {
  return { endpointId: endpoint.id, state: endpoint.paused ? 'paused' : 'pending', since: endpoint.updatedAt, flapping: false };
}

function describeChange(name: string, status: EndpointStatusDto): string {
  const word = STATUS_LOOK[status.state].word.toLowerCase();
  return status.failureClass ? `${name} is ${word}: ${CLASS_INFO[status.failureClass].title.toLowerCase()}` : `${name} is ${word}`;
}

function matchesStatus(state: EndpointState, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'problems') return PROBLEM_STATES.has(state);
  return state === filter;
}

function matchesText(endpoint: Endpoint, needle: string): boolean {
  if (needle === '') return true;
  const haystack = [endpoint.name, `${endpoint.host}:${endpoint.port}`, ...endpoint.tags].join('\n').toLowerCase();
  return haystack.includes(needle);
}

/** One collator for every sort: far cheaper than `localeCompare` per comparison, re-sorting on every batch. */
const collator = new Intl.Collator(undefined, { numeric: true });

function byName(a: EndpointRow, b: EndpointRow): number {
  return collator.compare(a.endpoint.name, b.endpoint.name);
}

const COMPARE: Readonly<Record<SortKey, (a: EndpointRow, b: EndpointRow) => number>> = {
  status: (a, b) => STATUS_LOOK[a.status.state].severity - STATUS_LOOK[b.status.state].severity,
  name: (a, b) => byName(a, b),
  // Unknown latency and uptime sort after every known value in ascending order.
  latency: (a, b) => (a.lastLatency ?? Infinity) - (b.lastLatency ?? Infinity) || 0,
  uptime: (a, b) => (a.uptime24h ?? Infinity) - (b.uptime24h ?? Infinity) || 0,
};
