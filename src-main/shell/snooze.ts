/** Snoozing notifications: when a snooze ends, and how to say it. Local time throughout. */

export const HOUR_MS = 3_600_000;
/** "Until the morning" ends at this local hour. */
export const MORNING_HOUR = 8;

/**
 * The next 08:00 local time after `now`: today's before 08:00, tomorrow's after. Built from
 * the calendar date, not by adding 24 h, so a DST change in between still lands on 08:00.
 */
export function nextMorning(now: number, hour = MORNING_HOUR): number {
  const date = new Date(now);
  const today = new Date(date.getFullYear(), date.getMonth(), date.getDate(), hour, 0, 0, 0);
  if (today.getTime() > now) return today.getTime();
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1, hour, 0, 0, 0).getTime();
}

/** "08:00", or "08:00 tomorrow" when the time falls on a later day than `now`. */
export function formatClock(at: number, now: number): string {
  const date = new Date(at);
  const clock = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  const reference = new Date(now);
  const sameDay = date.getFullYear() === reference.getFullYear() && date.getMonth() === reference.getMonth() && date.getDate() === reference.getDate();
  return sameDay ? clock : `${clock} tomorrow`;
}
