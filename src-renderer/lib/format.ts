/**
 * Formatting of numbers and times for display. Pure and locale-independent (fixed English
 * words, local time zone), so tables, charts and tests read the same everywhere.
 */

const DASH = '—';
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** A latency: `0.42 ms`, `12.3 ms`, `143 ms`, `1.25 s`; a dash when unknown. */
export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  if (ms === 0) return '0 ms';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * A percentage that never rounds a failure away: 99.996 % shows as `99.99 %`, not `100 %`;
 * only a true 100 shows as `100 %`.
 */
export function formatPercent(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return DASH;
  if (pct >= 100) return '100 %';
  if (pct <= 0) return '0 %';
  const floored = Math.floor(pct * 100) / 100;
  return `${floored.toFixed(2)} %`;
}

/** A duration in the two largest units: `850 ms`, `42 s`, `5 min 2 s`, `2 h 3 min`, `3 d 4 h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return DASH;
  if (ms < SECOND) return `${Math.round(ms)} ms`;
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)} s`;
  const units: [number, string][] = [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'min'],
    [SECOND, 's'],
  ];
  const index = units.findIndex(([size]) => ms >= size);
  const [bigSize, bigName] = units[index] ?? [SECOND, 's'];
  const big = Math.floor(ms / bigSize);
  const next = units[index + 1];
  if (!next) return `${big} ${bigName}`;
  const small = Math.floor((ms - big * bigSize) / next[0]);
  return small === 0 ? `${big} ${bigName}` : `${big} ${bigName} ${small} ${next[1]}`;
}

/** `3 s ago`, `5 min ago` (the largest unit only), `just now` (also for times a little in the future: clocks differ). */
export function formatAgo(ts: number, now: number): string {
  const age = now - ts;
  if (age < SECOND) return 'just now';
  return `${formatDuration(age).split(' ').slice(0, 2).join(' ')} ago`;
}

/** `2026-11-25 14:03:07` in local time. */
export function formatDateTime(ts: number): string {
  const date = new Date(ts);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${clock(date, true)}`;
}

/** A value for `<input type="datetime-local">`: `2026-11-25T14:03`. */
export function toDateTimeLocal(ts: number): string {
  const date = new Date(ts);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Parses an `<input type="datetime-local">` value; undefined when empty or invalid. */
export function fromDateTimeLocal(value: string): number | undefined {
  if (value === '') return undefined;
  const ts = new Date(value).getTime();
  return Number.isNaN(ts) ? undefined : ts;
}

/**
 * An axis tick for a chart spanning `spanMs`: seconds for spans under 10 minutes, the clock
 * up to two days, the weekday and hour up to eight days, then the date.
 */
export function formatTick(ts: number, spanMs: number): string {
  const date = new Date(ts);
  if (spanMs <= 10 * MINUTE) return clock(date, true);
  if (spanMs <= 2 * DAY) return clock(date, false);
  if (spanMs <= 8 * DAY) return date.getHours() === 0 && date.getMinutes() === 0 ? `${WEEKDAYS[date.getDay()]} ${date.getDate()}` : `${WEEKDAYS[date.getDay()]} ${pad(date.getHours())}:00`;
  return `${MONTHS[date.getMonth()]} ${date.getDate()}`;
}

function clock(date: Date, seconds: boolean): string {
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return seconds ? `${hm}:${pad(date.getSeconds())}` : hm;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
