/**
 * An in-memory `Api` for renderer tests: canned answers per operation, a record of calls, and
 * `push()` to deliver an update batch to subscribers as the service would.
 */
import type { OperationName, OperationResults } from '../../../src-main/ipc/contract.ts';
import type { Endpoint, EndpointStatusDto, OverviewRowDto, SampleDto, UpdateBatchDto } from '../../../src-main/ipc/dto.ts';
import { DEFAULT_SETTINGS } from '../../../src-main/core/monitor/settings-schema.ts';
import type { Api } from '../../../src-renderer/lib/api.ts';

type Handler<K extends OperationName> = (...args: unknown[]) => OperationResults[K] | Promise<OperationResults[K]>;

export interface FakeApi {
  readonly api: Api;
  readonly calls: { op: string; args: unknown[] }[];
  /** Replaces an operation's behaviour. */
  on<K extends OperationName>(op: K, handler: Handler<K>): void;
  push(batch: Partial<UpdateBatchDto>): void;
  setConnected(connected: boolean): void;
  readonly listeners: number;
}

export function fakeApi(): FakeApi {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const calls: { op: string; args: unknown[] }[] = [];
  const updateListeners = new Set<(batch: UpdateBatchDto) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  const defaults: Partial<Record<OperationName, (...args: unknown[]) => unknown>> = {
    overview: () => [],
    getSettings: () => DEFAULT_SETTINGS,
    events: () => [],
    series: (id, from, to) => ({ endpointId: id, from, to, resolution: 'raw', bucketMs: 1000, points: [] }),
    summary: (id, from, to) => ({ endpointId: id, from, to, samples: 0, ok: 0, inconclusive: 0, uptimePct: null, lossPct: null, latency: null, jitterMs: null, failures: {}, synRetransmits: 0, incidents: [] }),
  };
  const api: Record<string, unknown> = {
    onUpdate: (listener: (batch: UpdateBatchDto) => void) => {
      updateListeners.add(listener);
      return () => updateListeners.delete(listener);
    },
    onConnectionChange: (listener: (connected: boolean) => void) => {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    onNavigate: () => () => {},
  };
  const operations: OperationName[] = [
    'overview', 'listEndpoints', 'addEndpoint', 'updateEndpoint', 'removeEndpoint', 'probeNow', 'pauseEndpoint', 'resumeEndpoint',
    'pauseAll', 'resumeAll', 'series', 'summary', 'events', 'getSettings', 'updateSettings', 'importEndpoints', 'exportEndpoints',
    'exportReport',
  ];
  for (const op of operations) {
    api[op] = async (...args: unknown[]) => {
      calls.push({ op, args });
      const handler = handlers.get(op) ?? defaults[op];
      if (!handler) throw new Error(`fake api: no handler for ${op}`);
      return handler(...args);
    };
  }
  return {
    api: api as Api,
    calls,
    on(op, handler) {
      handlers.set(op, handler as (...args: unknown[]) => unknown);
    },
    push(batch) {
      const full: UpdateBatchDto = { samples: [], statuses: [], events: [], endpoints: [], removed: [], ...batch };
      for (const listener of updateListeners) listener(full);
    },
    setConnected(connected) {
      for (const listener of connectionListeners) listener(connected);
    },
    get listeners() {
      return updateListeners.size;
    },
  };
}

let nextId = 1;

/** A stored endpoint with the schema's defaults. */
export function endpoint(overrides: Partial<Endpoint> = {}): Endpoint {
  const id = overrides.id ?? nextId++;
  return {
    id,
    name: `ep-${id}`,
    host: '127.0.0.1',
    port: 8000 + id,
    kind: 'tcp',
    intervalMs: 5000,
    timeoutMs: 2000,
    family: 'auto',
    heartbeat: { mode: 'active', keepAliveMs: 10_000 },
    tags: [],
    thresholds: { downAfter: 3, downAfterByClass: {}, recoverAfter: 2, degradedAfter: 3 },
    paused: false,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

export function sample(endpointId: number, ts: number, overrides: Partial<SampleDto> = {}): SampleDto {
  return { endpointId, ts, kind: 'tcp', ok: true, latencyMs: 1.5, inconclusive: false, ...overrides };
}

export function failedSample(endpointId: number, ts: number, overrides: Partial<SampleDto> = {}): SampleDto {
  return { endpointId, ts, kind: 'tcp', ok: false, failureClass: 'refused', code: 'ECONNREFUSED', message: 'connection refused', inconclusive: false, ...overrides };
}

export function status(endpointId: number, state: EndpointStatusDto['state'], overrides: Partial<EndpointStatusDto> = {}): EndpointStatusDto {
  return { endpointId, state, since: 1_700_000_000_000, flapping: false, ...overrides };
}

export function row(ep: Endpoint, overrides: Partial<OverviewRowDto> = {}): OverviewRowDto {
  return { endpoint: ep, status: status(ep.id, 'up'), sparkline: [], uptime24h: 100, ...overrides };
}
