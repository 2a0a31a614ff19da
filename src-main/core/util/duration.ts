/**
 * Human durations for flags and config: `250ms`, `1s`, `1.5s`, `2m`, `1h`, compounds such as
 * `1m30s`, and a bare `0`. Values are milliseconds, rounded to the microsecond so that
 * `1.001s` is 1001 ms and not 1000.9999999999999.
 */

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
type Unit = keyof typeof UNIT_MS;

const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
/** Units must come largest first and at most once: `1m30s`, never `30s1m` or `1s1s`. */
const ORDER: readonly Unit[] = ['h', 'm', 's', 'ms'];

/** Examples quoted in error messages, so every caller explains the format the same way. */
export const DURATION_EXAMPLES = '500ms, 1s, 2m';

/** Parses a duration to milliseconds; `undefined` when the text is not one. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^0+(?:\.0+)?$/.test(trimmed)) return 0;
  if (!WHOLE.test(trimmed)) return undefined;
  let total = 0;
  let lastRank = -1;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    const rank = ORDER.indexOf(unit as Unit);
    if (rank <= lastRank) return undefined;
    lastRank = rank;
    total += Number(amount) * UNIT_MS[unit as Unit];
  }
  return roundMicro(total);
}

/**
 * Formats milliseconds in the same grammar `parseDuration` reads, largest units first:
 * 250 → `250ms`, 1500 → `1.5s`, 90000 → `1m30s`, 3600000 → `1h`. Round-trips for values
 * that are whole microseconds.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`not a duration: ${ms}`);
  if (ms === 0) return '0s';
  if (ms < 1000) return `${trimNumber(roundMicro(ms))}ms`;
  const hours = Math.floor(ms / UNIT_MS.h);
  const minutes = Math.floor((ms - hours * UNIT_MS.h) / UNIT_MS.m);
  const seconds = roundMicro(ms - hours * UNIT_MS.h - minutes * UNIT_MS.m) / 1000;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours}h`);
  if (minutes > 0) parts.push(`${minutes}m`);
  if (seconds > 0) parts.push(`${trimNumber(seconds)}s`);
  return parts.join('');
}

function roundMicro(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Up to six decimals (microseconds of a second), without trailing zeros. */
function trimNumber(value: number): string {
  return String(Number(value.toFixed(6)));
}
