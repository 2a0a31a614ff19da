/** Time ticks for the report's charts, placed on round local times in the report's zone. */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];

export interface TimeTick {
  readonly ts: number;
  readonly label: string;
}

/** Ticks in [from, to], at most about `maxTicks`, on local round times in `timeZone`. */
export function timeTicks(from: number, to: number, timeZone: string, maxTicks = 7): TimeTick[] {
  const span = Math.max(1, to - from);
  const step = STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  const offset = zoneOffsetMs(from, timeZone);
  const ticks: TimeTick[] = [];
  // Round in local time (ts + offset), then back to UTC; a DST change shifts later ticks by its size, acceptable on a chart.
  for (let local = Math.ceil((from + offset) / step) * step; local - offset <= to && ticks.length < 100; local += step) {
    const ts = local - offset;
    ticks.push({ ts, label: label(ts, timeZone, step) });
  }
  return ticks;
}

/** How far `timeZone` is ahead of UTC at `ts`, in ms. */
export function zoneOffsetMs(ts: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(ts));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ts / 1000) * 1000;
}

function label(ts: number, timeZone: string, step: number): string {
  const format = (options: Intl.DateTimeFormatOptions): string => new Intl.DateTimeFormat('en-GB', { timeZone, ...options }).format(new Date(ts));
  const time = format({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  if (step >= DAY || (time === '00:00' && step >= HOUR)) return format({ month: 'short', day: 'numeric' });
  return time;
}
