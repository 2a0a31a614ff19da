/**
 * Tick positions for a linear time axis (we use no date adapter): round steps (1 min, 15 min,
 * 3 h, 1 day…) aligned to the local clock, at most `maxTicks` of them.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STEPS = [
  SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY,
];

/** Local-time tick values within [from, to]. */
export function timeTicks(from: number, to: number, maxTicks: number): number[] {
  const span = Math.max(1, to - from);
  const step = STEPS.find((candidate) => span / candidate <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  // Align to local midnight-based multiples: shift by the zone offset at the start of the range.
  const offset = -new Date(from).getTimezoneOffset() * MINUTE;
  const first = Math.ceil((from + offset) / step) * step - offset;
  const ticks: number[] = [];
  for (let tick = first; tick <= to && ticks.length <= maxTicks; tick += step) ticks.push(tick);
  return ticks;
}
