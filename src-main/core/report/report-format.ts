/** Figures as people read them, shared by the HTML report and the generated summary. */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12,345 */
export function formatCount(value: number): string {
  return grouped.format(value);
}

/**
 * A percentage with enough decimals to tell 99.9 from 99.99: availability is read in "nines".
 * 100 stays "100", anything short of it never rounds up to 100.
 */
export function formatPct(value: number | null, digits = 3): string {
  if (value === null) return 'n/a';
  if (value >= 100) return '100 %';
  const factor = 10 ** digits;
  const floored = Math.floor(value * factor) / factor;
  return `${floored.toFixed(digits).replace(/\.?0+$/, '')} %`;
}

/** Latency in ms: two decimals below 100 ms, one below 1000, none above. */
export function formatMs(value: number | null): string {
  if (value === null) return 'n/a';
  const digits = value < 100 ? 2 : value < 1000 ? 1 : 0;
  return `${value.toFixed(digits)} ms`;
}

/** A length of time in words: `45 s`, `5 min 30 s`, `2 h 5 min`, `3 d 4 h`. */
export function humanDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return joinUnits(minutes, 'min', seconds % 60, 's');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return joinUnits(hours, 'h', minutes % 60, 'min');
  return joinUnits(Math.floor(hours / 24), 'd', hours % 24, 'h');
}

function joinUnits(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}

/** `2025-01-01 13:05:09 UTC+01:00` in the report's zone: an offset is unambiguous where zone abbreviations are not. */
export function formatTime(isoOrMs: string | number, timeZone: string): string {
  const date = new Date(isoOrMs);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'longOffset',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} ${get('timeZoneName').replace('GMT', 'UTC')}`;
}
