/**
 * The SQLite store seen through the service's `HistoryStore` seam: converts between the
 * store's rows and the contract's DTOs, and its errors into the service's.
 */
import { classifyCode } from '../classify/classify.ts';
import { endpointInputSchema, type Endpoint, type EndpointConfig } from '../endpoints/endpoint-schema.ts';
import { ConflictError, NotFoundError, type EventQuery, type HistoryStore } from '../monitor/history-store.ts';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../monitor/settings-schema.ts';
import type { EndpointState } from '../monitor/state-machine.ts';
import type { EventDto, EventType, IncidentDto, SampleDto, SeriesDto, SummaryDto } from '../../ipc/dto.ts';
import type { EndpointRecord } from './endpoints-repo.ts';
import type { StoredEvent } from './events-repo.ts';
import type { Incident, IncidentError } from './incidents.ts';
import { openStore, type OpenStoreOptions, type Store } from './store.ts';
import { StoreError } from './store-error.ts';

const SETTINGS_KEY = 'app';

export interface OpenedHistoryStore {
  readonly store: SqliteHistoryStore;
  /** One line per problem met at open (a corrupt file set aside…), to show the user. */
  readonly notices: readonly string[];
}

/**
 * Samples are written every 50 ms: a batch then holds ~50 samples at 1,000 probes/s, a write
 * of about a millisecond that does not delay the probes' timers, where one batch a second
 * blocked the event loop for tens of ms. Each endpoint is still touched once per interval,
 * so rollup upserts per second do not grow. WAL checkpoints run in a worker (checkpointInWorker).
 */
const FLUSH_INTERVAL_MS = 50;

export function openHistoryStore(path: string, options: Omit<OpenStoreOptions, 'path'> = {}): OpenedHistoryStore {
  const notices: string[] = [];
  const store = openStore({
    checkpointInWorker: true,
    ...options,
    path,
    log: (message) => notices.push(message),
    writer: {
      flushIntervalMs: FLUSH_INTERVAL_MS,
      // A failed batch is dropped (never retried forever); say so rather than lose it silently.
      onError: (error) => process.stderr.write(`synack: could not write a batch of samples: ${(error as Error).message}\n`),
      ...options.writer,
    },
  });
  return { store: new SqliteHistoryStore(store), notices };
}

export class SqliteHistoryStore implements HistoryStore {
  readonly raw: Store;

  constructor(store: Store) {
    this.raw = store;
  }

  listEndpoints(): Endpoint[] {
    return this.raw.endpoints.list().flatMap((record) => {
      const endpoint = toEndpoint(record);
      return endpoint ? [endpoint] : [];
    });
  }

  insertEndpoint(config: EndpointConfig): Endpoint {
    return this.#guard(() => toStoredEndpoint(this.raw.endpoints.insert(config.name, config)), config.name);
  }

  updateEndpoint(id: number, config: EndpointConfig): Endpoint {
    return this.#guard(() => toStoredEndpoint(this.raw.endpoints.update(id, { name: config.name, config })), config.name);
  }

  deleteEndpoint(id: number): void {
    if (!this.raw.deleteEndpoint(id)) throw new NotFoundError(`endpoint ${id} does not exist`);
  }

  appendSample(sample: SampleDto): void {
    this.raw.writer.add({
      endpointId: sample.endpointId,
      ts: sample.ts,
      kind: sample.kind,
      ok: sample.ok,
      phases: sample.phases ?? {},
      inconclusive: sample.inconclusive,
      ...(sample.latencyMs === undefined ? {} : { latencyMs: sample.latencyMs }),
      ...(sample.failureClass === undefined ? {} : { failureClass: sample.failureClass }),
      ...(sample.code === undefined ? {} : { code: sample.code }),
      ...(sample.errno === undefined ? {} : { errno: sample.errno }),
      ...(sample.address === undefined ? {} : { address: sample.address }),
      ...(sample.synRetransmits === undefined ? {} : { synRetransmits: sample.synRetransmits }),
    });
  }

  appendEvent(event: Omit<EventDto, 'id'>): EventDto {
    const stored = this.raw.events.insert({
      endpointId: event.endpointId,
      ts: event.ts,
      type: event.type,
      details: event.details,
      ...(event.from === undefined ? {} : { fromState: event.from }),
      ...(event.to === undefined ? {} : { toState: event.to }),
      ...(event.failureClass === undefined ? {} : { failureClass: event.failureClass }),
    });
    return toEventDto(stored);
  }

  events(query: EventQuery): EventDto[] {
    return this.raw.events.range(query.endpointId, query.from, query.to, { limit: query.limit }).map(toEventDto);
  }

  samplePages(endpointId: number, from: number, to: number, pageSize?: number): Iterable<readonly SampleDto[]> {
    // A stored sample is a SampleDto without the probe's message/hint (derivable from the code).
    return this.raw.samplePages(endpointId, from, to, pageSize);
  }

  series(endpointId: number, from: number, to: number, maxPoints: number): SeriesDto {
    const series = this.raw.series(endpointId, from, to, maxPoints);
    return {
      endpointId,
      from,
      to,
      resolution: series.resolution,
      bucketMs: series.bucketMs,
      points: series.points.map((p) => ({
        ts: p.ts, count: p.count, ok: p.ok, inconclusive: p.inconclusive,
        min: p.minMs, p5: p.p5Ms, median: p.medianMs, p95: p.p95Ms, max: p.maxMs, mean: p.meanMs, failures: p.failures,
      })),
    };
  }

  summary(endpointId: number, from: number, to: number): SummaryDto {
    const s = this.raw.summary(endpointId, from, to);
    return {
      endpointId, from, to,
      samples: s.samples, ok: s.ok, inconclusive: s.inconclusive,
      uptimePct: s.uptimePct, lossPct: s.lossPct,
      latency: s.latency && { min: s.latency.minMs, median: s.latency.medianMs, mean: s.latency.meanMs, p95: s.latency.p95Ms, p99: s.latency.p99Ms, max: s.latency.maxMs },
      jitterMs: s.jitterMs,
      failures: s.failures,
      synRetransmits: s.synRetransmits,
      incidents: s.incidents.map(toIncidentDto),
    };
  }

  loadSettings(): Settings | undefined {
    const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(asObject(this.raw.settings.get(SETTINGS_KEY)) ?? {}) });
    const base = parsed.success ? parsed.data : DEFAULT_SETTINGS;
    return { ...base, retention: this.raw.settings.retention() };
  }

  saveSettings(settings: Settings): void {
    this.raw.settings.set(SETTINGS_KEY, settings);
    this.raw.settings.setRetention(settings.retention);
  }

  flush(): void {
    this.raw.writer.flush();
  }

  close(): void {
    this.raw.close();
  }

  #guard<T>(write: () => T, name: string): T {
    try {
      return write();
    } catch (error) {
      if (error instanceof StoreError && error.code === 'duplicate-name') throw new ConflictError(`an endpoint named "${name}" already exists`, 'name');
      if (error instanceof StoreError && error.code === 'not-found') throw new NotFoundError(error.message);
      throw error;
    }
  }
}

/** A stored config that no longer validates (a newer or hand-edited file) is skipped, not fatal. */
function toEndpoint(record: EndpointRecord): Endpoint | undefined {
  const parsed = endpointInputSchema.safeParse(record.config);
  if (!parsed.success) return undefined;
  return { ...parsed.data, id: record.id, createdAt: record.createdAt, updatedAt: record.updatedAt };
}

/** What was just written must read back: anything else is a bug, not user input. */
function toStoredEndpoint(record: EndpointRecord): Endpoint {
  const endpoint = toEndpoint(record);
  if (!endpoint) throw new Error(`endpoint ${record.id} was stored with an invalid config`);
  return endpoint;
}

function toEventDto(event: StoredEvent): EventDto {
  return {
    id: event.id,
    ts: event.ts,
    endpointId: event.endpointId,
    type: event.type as EventType,
    details: asObject(event.details) ?? {},
    ...(event.fromState === undefined ? {} : { from: event.fromState as EndpointState }),
    ...(event.toState === undefined ? {} : { to: event.toState as EndpointState }),
    ...(event.failureClass === undefined ? {} : { failureClass: event.failureClass }),
  };
}

function toIncidentDto(incident: Incident): IncidentDto {
  return {
    start: incident.startMs,
    end: incident.endMs,
    durationMs: incident.durationMs,
    ...(incident.failureClass === undefined ? {} : { failureClass: incident.failureClass }),
    ...(incident.firstError ? { firstError: errorText(incident.firstError) } : {}),
    ...(incident.lastError ? { lastError: errorText(incident.lastError) } : {}),
  };
}

function errorText(error: IncidentError): string {
  const code = error.code ?? 'UNKNOWN';
  const message = classifyCode(code, { phase: 'connect' }).message;
  return `${code}${error.address ? ` (${error.address})` : ''}: ${message}`;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
