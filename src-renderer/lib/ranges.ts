/** The time ranges a detail view can show, and the window each one covers. */

export type RangeKey = 'live' | '1h' | '24h' | '7d' | '30d' | 'custom';

export interface RangeChoice {
  readonly key: RangeKey;
  readonly label: string;
  /** Span ending now; none for a custom range. */
  readonly spanMs?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const LIVE_SPAN_MS = 15 * MINUTE;

export const RANGES: readonly RangeChoice[] = [
  { key: 'live', label: 'Live 15 min', spanMs: LIVE_SPAN_MS },
  { key: '1h', label: '1 hour', spanMs: HOUR },
  { key: '24h', label: '24 hours', spanMs: DAY },
  { key: '7d', label: '7 days', spanMs: 7 * DAY },
  { key: '30d', label: '30 days', spanMs: 30 * DAY },
  { key: 'custom', label: 'Custom' },
];

export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

/**
 * The window of a range at `now`; a custom range uses `custom` (a reversed one is swapped,
 * an empty one widened to a minute).
 */
export function rangeWindow(key: RangeKey, now: number, custom?: Partial<TimeWindow>): TimeWindow {
  const choice = RANGES.find((range) => range.key === key);
  if (choice?.spanMs !== undefined) return { from: now - choice.spanMs, to: now };
  const to = custom?.to ?? now;
  const from = custom?.from ?? to - HOUR;
  const [start, end] = from <= to ? [from, to] : [to, from];
  return end - start < MINUTE ? { from: end - MINUTE, to: end } : { from: start, to: end };
}
