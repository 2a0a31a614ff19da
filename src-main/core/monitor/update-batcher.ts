/**
 * Coalesces samples, status changes and events into batches pushed at most every
 * `intervalMs` (100 ms: ≤ 10 pushes per second whatever the probe rate). Statuses are keyed by
 * endpoint so a batch carries only the latest of each.
 */
import type { Endpoint } from '../endpoints/endpoint-schema.ts';
import type { EndpointStatusDto, EventDto, SampleDto, UpdateBatchDto } from '../../ipc/dto.ts';

export type UpdateListener = (batch: UpdateBatchDto) => void;

/** Samples kept per batch at most: beyond this a subscriber is far behind and gets the newest. */
const MAX_SAMPLES_PER_BATCH = 5000;

export class UpdateBatcher {
  readonly #listeners = new Set<UpdateListener>();
  readonly #intervalMs: number;
  #samples: SampleDto[] = [];
  /** Endpoints whose status changed since the last push; read at push time, once each. */
  #dirty = new Set<number>();
  readonly #statusOf: (endpointId: number) => EndpointStatusDto | undefined;
  #events: EventDto[] = [];
  #endpoints = new Map<number, Endpoint>();
  #removed = new Set<number>();
  #timer: NodeJS.Timeout | undefined;

  constructor(statusOf: (endpointId: number) => EndpointStatusDto | undefined, intervalMs = 100) {
    this.#statusOf = statusOf;
    this.#intervalMs = intervalMs;
  }

  subscribe(listener: UpdateListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  sample(sample: SampleDto): void {
    if (this.#listeners.size === 0) return;
    this.#samples.push(sample);
    if (this.#samples.length > MAX_SAMPLES_PER_BATCH) this.#samples.splice(0, this.#samples.length - MAX_SAMPLES_PER_BATCH);
    this.#schedule();
  }

  /** Marks an endpoint's status as changed; it is read once, when the batch is pushed. */
  status(endpointId: number): void {
    if (this.#listeners.size === 0) return;
    this.#dirty.add(endpointId);
    this.#schedule();
  }

  event(event: EventDto): void {
    if (this.#listeners.size === 0) return;
    this.#events.push(event);
    this.#schedule();
  }

  endpointChanged(endpoint: Endpoint): void {
    if (this.#listeners.size === 0) return;
    this.#removed.delete(endpoint.id);
    this.#endpoints.set(endpoint.id, endpoint);
    this.#schedule();
  }

  endpointRemoved(id: number): void {
    if (this.#listeners.size === 0) return;
    this.#endpoints.delete(id);
    this.#dirty.delete(id);
    this.#removed.add(id);
    this.#schedule();
  }

  /** Pushes what is pending now (used on stop). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#samples.length + this.#dirty.size + this.#events.length + this.#endpoints.size + this.#removed.size === 0) return;
    const statuses: EndpointStatusDto[] = [];
    for (const id of this.#dirty) {
      const status = this.#statusOf(id);
      if (status) statuses.push(status);
    }
    const batch: UpdateBatchDto = {
      samples: this.#samples,
      statuses,
      events: this.#events,
      endpoints: [...this.#endpoints.values()],
      removed: [...this.#removed],
    };
    this.#samples = [];
    this.#dirty = new Set();
    this.#events = [];
    this.#endpoints = new Map();
    this.#removed = new Set();
    for (const listener of this.#listeners) {
      try {
        listener(batch);
      } catch {
        // One broken subscriber must not starve the others.
      }
    }
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#listeners.clear();
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => this.flush(), this.#intervalMs);
  }
}
