/** The machine a run happened on, and how busy it was, for the report and the README. */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, type } from 'node:os';

/** One line: date, cores, CPU model, OS and Node version. */
export function describeMachine(now = new Date()): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${now.toISOString().slice(0, 10)} · ${availableParallelism()} cores (${model}) · ${type()} ${release()} · Node ${process.version}`;
}

/** /proc/stat counts in USER_HZ, which Linux fixes at 100 for user space. */
const MS_PER_TICK = 10;

/**
 * CPU time every core has spent busy since boot (user, system, irq, softirq, steal: all but
 * idle and iowait), in ms; undefined without /proc. Read before and after a window, it shows
 * load from other processes that would distort the figures.
 */
export function machineBusyMs(): number | undefined {
  let line: string | undefined;
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  } catch {
    return undefined;
  }
  const fields = line?.startsWith('cpu ') ? line.trim().split(/\s+/).slice(1).map(Number) : [];
  if (fields.length < 5) return undefined;
  // user nice system idle iowait irq softirq steal [guest guest_nice, already inside user/nice]
  const busy = fields.slice(0, 8).reduce((sum, ticks, i) => (i === 3 || i === 4 ? sum : sum + ticks), 0);
  return busy * MS_PER_TICK;
}
