/** The machine a run happened on, for the report header and the README. */
import { availableParallelism, cpus, release, type } from 'node:os';

/** One line: date, cores, CPU model, OS and Node version. */
export function describeMachine(now = new Date()): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${now.toISOString().slice(0, 10)} · ${availableParallelism()} cores (${model}) · ${type()} ${release()} · Node ${process.version}`;
}
