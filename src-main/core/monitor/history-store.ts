/**
 * What the monitor service needs from storage. The SQLite store implements it; keeping the
 * seam narrow lets the service be read without knowing any SQL.
 */
import type { EndpointConfig, Endpoint } from '../endpoints/endpoint-schema.ts';
import type { EventDto, SampleDto, SeriesDto, SummaryDto } from '../../ipc/dto.ts';
import type { Settings } from './settings-schema.ts';

export interface EventQuery {
  readonly endpointId?: number;
  readonly from: number;
  readonly to: number;
  readonly limit: number;
}

export interface HistoryStore {
  listEndpoints(): Endpoint[];
  /** Throws a ConflictError when the name is taken. */
  insertEndpoint(config: EndpointConfig, now: number): Endpoint;
  updateEndpoint(id: number, config: EndpointConfig, now: number): Endpoint;
  /** Deletes the endpoint and its history. */
  deleteEndpoint(id: number): void;
  /** Buffers a sample; written with the next batch (≤ 1 s later). */
  appendSample(sample: SampleDto): void;
  appendEvent(event: Omit<EventDto, 'id'>): EventDto;
  events(query: EventQuery): EventDto[];
  /** Raw samples in [from, to), oldest first, one bounded page at a time (exports). */
  samplePages(endpointId: number, from: number, to: number, pageSize?: number): Iterable<readonly SampleDto[]>;
  series(endpointId: number, from: number, to: number, maxPoints: number): SeriesDto;
  summary(endpointId: number, from: number, to: number): SummaryDto;
  loadSettings(): Settings | undefined;
  saveSettings(settings: Settings): void;
  flush(): void;
  close(): void;
}

export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND';
}

export class ConflictError extends Error {
  readonly code = 'CONFLICT';
  readonly field: string;
  constructor(message: string, field: string) {
    super(message);
    this.field = field;
  }
}
