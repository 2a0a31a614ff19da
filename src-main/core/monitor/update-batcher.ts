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
  #statuses = new Map<number, EndpointStatusDto>();
  #events: EventDto[] = [];
  #endpoints = new Map<number, Endpoint>();
  #removed = new Set<number>();
  #timer: NodeJS.Timeout | undefined;

  constructor(intervalMs = 100) {
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

  status(status: EndpointStatusDto): void {
    if (this.#listeners.size === 0) return;
    this.#statuses.set(status.endpointId, status);
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
    this.#statuses.delete(id);
    this.#removed.add(id);
    this.#schedule();
  }

  /** Pushes what is pending now (used on stop). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#samples.length + this.#statuses.size + this.#events.length + this.#endpoints.size + this.#removed.size === 0) return;
    const batch: UpdateBatchDto = {
      samples: this.#samples,
      statuses: [...this.#statuses.values()],
      events: this.#events,
      endpoints: [...this.#endpoints.values()],
      removed: [...this.#removed],
    };
    this.#samples = [];
    this.#statuses = new Map();
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
