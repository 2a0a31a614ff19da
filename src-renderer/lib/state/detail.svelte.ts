/**
 * One endpoint's detail view: the series, summary and events of the chosen range, loaded from
 * the service; in the live range, pushed samples and events are appended as they come (the
 * series is replaced, never mutated, so charts see one new value per change).
 */
import type { EventDto, SampleDto, SeriesDto, SeriesPointDto, SummaryDto, UpdateBatchDto } from '../../../src-main/ipc/dto.ts';
import { describeError, type Api } from '../api.ts';
import { LIVE_SPAN_MS, rangeWindow, type RangeKey, type TimeWindow } from '../ranges.ts';

/** Points asked of the server per chart (it aggregates to at most this many). */
export const MAX_POINTS = 2000;
/** Recent samples kept for the phases table. */
export const RECENT_SAMPLES = 20;
const EVENT_LIMIT = 200;

export class DetailState {
  readonly endpointId: number;
  range: RangeKey = $state('live');
  /** Bounds of a custom range (ms); empty means "an hour ago" / "now". */
  customFrom: number | undefined = $state();
  customTo: number | undefined = $state();
  /** The window currently shown. */
  window: TimeWindow = $state.raw({ from: 0, to: 0 });
  series: SeriesDto | undefined = $state.raw();
  summary: SummaryDto | undefined = $state.raw();
  /** Newest first. */
  events: readonly EventDto[] = $state.raw([]);
  /** Newest first; the probe samples seen since the view opened (for phases). */
  recent: readonly SampleDto[] = $state.raw([]);
  loading = $state(false);
  error: string | undefined = $state();

  readonly live: boolean = $derived(this.range === 'live');

  readonly #api: Api;
  #generation = 0;

  constructor(api: Api, endpointId: number, initialSample?: SampleDto) {
    this.#api = api;
    this.endpointId = endpointId;
    if (initialSample) this.recent = [initialSample];
  }

  /** Loads the live range and follows pushes; returns the stop function. */
  start(): () => void {
    const stopUpdates = this.#api.onUpdate((batch) => this.apply(batch));
    const stopConnection = this.#api.onConnectionChange((connected) => {
      if (connected) void this.load();
    });
    void this.load();
    return () => {
      stopUpdates();
      stopConnection();
    };
  }

  setRange(range: RangeKey): Promise<void> {
    this.range = range;
    return this.load();
  }

  setCustom(from: number | undefined, to: number | undefined): Promise<void> {
    this.customFrom = from;
    this.customTo = to;
    this.range = 'custom';
    return this.load();
  }

  /**
   * (Re)loads series, summary and events for the current range. Each part shows as soon as it
   * arrives (the chart need not wait for the summary); an answer overtaken by a newer load is dropped.
   */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    const window = rangeWindow(this.range, Date.now(), { ...(this.customFrom === undefined ? {} : { from: this.customFrom }), ...(this.customTo === undefined ? {} : { to: this.customTo }) });
    const current = (): boolean => generation === this.#generation;
    this.loading = true;
    const parts = [
      this.#api.series(this.endpointId, window.from, window.to, MAX_POINTS).then((series) => {
        if (!current()) return;
        this.window = window;
        this.series = series;
      }),
      this.#api.summary(this.endpointId, window.from, window.to).then((summary) => {
        if (current()) this.summary = summary;
      }),
      this.#api.events({ endpointId: this.endpointId, from: window.from, to: window.to, limit: EVENT_LIMIT }).then((events) => {
        if (current()) this.events = [...events].sort((a, b) => b.ts - a.ts);
      }),
    ];
    const failures = (await Promise.allSettled(parts)).flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    if (!current()) return;
    this.error = failures.length > 0 ? describeError(failures[0]) : undefined;
    this.loading = false;
  }

  /** Takes this endpoint's samples and events from a pushed batch. */
  apply(batch: UpdateBatchDto): void {
    const samples = batch.samples.filter((sample) => sample.endpointId === this.endpointId);
    const events = batch.events.filter((event) => event.endpointId === this.endpointId);
    if (samples.length > 0) this.recent = newestUnique([...samples].reverse().concat(this.recent));
    if (!this.live) return;
    if (events.length > 0) {
      const known = new Set(this.events.map((event) => event.id));
      const fresh = events.filter((event) => !known.has(event.id)).reverse();
      if (fresh.length > 0) this.events = fresh.concat(this.events).slice(0, EVENT_LIMIT);
    }
    if (samples.length > 0 && this.series) this.#appendLive(this.series, samples);
  }

  /** Shows a probe-now result as the newest sample. */
  noteSample(sample: SampleDto): void {
    this.recent = newestUnique([sample, ...this.recent]);
  }

  #appendLive(series: SeriesDto, samples: readonly SampleDto[]): void {
    const now = Math.max(Date.now(), ...samples.map((sample) => sample.ts));
    const from = now - LIVE_SPAN_MS;
    const last = series.points.at(-1)?.ts ?? -Infinity;
    const fresh = samples.filter((sample) => sample.ts > last).map(pointOf);
    const points = series.points.filter((point) => point.ts >= from).concat(fresh);
    this.window = { from, to: now };
    this.series = { ...series, from, to: now, points };
  }
}

/** Newest first, one sample per timestamp (a probe-now result also arrives as a push), at most RECENT_SAMPLES. */
function newestUnique(samples: readonly SampleDto[]): SampleDto[] {
  const seen = new Set<number>();
  return [...samples]
    .sort((a, b) => b.ts - a.ts)
    .filter((sample) => !seen.has(sample.ts) && seen.add(sample.ts) !== undefined)
    .slice(0, RECENT_SAMPLES);
}

/** A pushed sample as a one-sample bucket (its latency is every statistic). */
export function pointOf(sample: SampleDto): SeriesPointDto {
  const latency = sample.ok && sample.latencyMs !== undefined ? sample.latencyMs : null;
  const failed = !sample.ok && !sample.inconclusive && sample.failureClass !== undefined;
  return {
    ts: sample.ts,
    count: 1,
    ok: sample.ok && !sample.inconclusive ? 1 : 0,
    inconclusive: sample.inconclusive ? 1 : 0,
    min: latency,
    p5: latency,
    median: latency,
    p95: latency,
    max: latency,
    mean: latency,
    failures: failed && sample.failureClass ? { [sample.failureClass]: 1 } : {},
  };
}
