/**
 * Runs each job on its own timeout chain: the next run is due one interval after the last
 * one was due (interval − elapsed), never overlapping itself. First runs are spread over the
 * interval so a thousand endpoints don't fire in the same millisecond, and a global cap
 * bounds how many run at once.
 */

export interface Job {
  readonly id: number;
  readonly intervalMs: number;
  /** Does one run; must settle (the signal aborts it on stop/remove). */
  run(signal: AbortSignal): Promise<void>;
}

export interface SchedulerOptions {
  /** Runs in flight at once, over all jobs. @default 256 */
  readonly concurrency?: number;
  /** Called with how late each run started against its due time (ms), for slip statistics. */
  readonly onSlip?: (slipMs: number) => void;
}

interface Entry {
  job: Job;
  /** Monotonic time the next run is due. */
  due: number;
  timer: NodeJS.Timeout | undefined;
  running: boolean;
  /** A probe-now asked while a run was in flight: run again right after. */
  rerun: boolean;
  controller: AbortController;
  removed: boolean;
}

/** 1/φ: successive ids land far apart on the interval, whatever their count. */
const GOLDEN = 0.6180339887498949;

export class Scheduler {
  readonly #entries = new Map<number, Entry>();
  readonly #waiting: Entry[] = [];
  readonly #concurrency: number;
  readonly #onSlip: ((slipMs: number) => void) | undefined;
  #active = 0;
  #stopped = false;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(options: SchedulerOptions = {}) {
    this.#concurrency = options.concurrency ?? 256;
    this.#onSlip = options.onSlip;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Runs in flight now. */
  get active(): number {
    return this.#active;
  }

  /** Schedules a job; its first run comes at a spread offset within one interval. */
  add(job: Job, options: { immediate?: boolean } = {}): void {
    if (this.#stopped) throw new Error('scheduler is stopped');
    this.remove(job.id);
    const offset = options.immediate ? 0 : ((job.id * GOLDEN) % 1) * job.intervalMs;
    const entry: Entry = { job, due: performance.now() + offset, timer: undefined, running: false, rerun: false, controller: new AbortController(), removed: false };
    this.#entries.set(job.id, entry);
    this.#arm(entry);
  }

  /** Stops scheduling a job and aborts its run in flight. */
  remove(id: number): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    entry.removed = true;
    clearTimeout(entry.timer);
    entry.controller.abort();
    this.#entries.delete(id);
    const index = this.#waiting.indexOf(entry);
    if (index >= 0) this.#waiting.splice(index, 1);
  }

  has(id: number): boolean {
    return this.#entries.has(id);
  }

  /** Runs a job now (or right after its run in flight); its chain continues from now. */
  runNow(id: number): boolean {
    const entry = this.#entries.get(id);
    if (!entry) return false;
    if (entry.running) {
      entry.rerun = true;
      return true;
    }
    clearTimeout(entry.timer);
    entry.due = performance.now();
    this.#enqueue(entry);
    return true;
  }

  /** Aborts everything in flight, clears every timer, and waits for runs to settle. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const id of [...this.#entries.keys()]) this.remove(id);
    this.#waiting.length = 0;
    await Promise.allSettled([...this.#inFlight]);
  }

  #arm(entry: Entry): void {
    const delay = Math.max(0, entry.due - performance.now());
    entry.timer = setTimeout(() => this.#enqueue(entry), delay);
  }

  #enqueue(entry: Entry): void {
    entry.timer = undefined;
    if (entry.removed || entry.running) return;
    if (this.#active < this.#concurrency) this.#start(entry);
    else if (!this.#waiting.includes(entry)) this.#waiting.push(entry);
  }

  #start(entry: Entry): void {
    this.#active++;
    entry.running = true;
    const started = performance.now();
    this.#onSlip?.(started - entry.due);
    const run = entry.job
      .run(entry.controller.signal)
      .catch(() => {
        // A job reports its own failures as data; a throw here is a bug we must not let stop the chain.
      })
      .finally(() => {
        this.#inFlight.delete(run);
        this.#active--;
        entry.running = false;
        this.#next(entry, started);
        const waiting = this.#waiting.shift();
        if (waiting) this.#start(waiting);
      });
    this.#inFlight.add(run);
  }

  #next(entry: Entry, started: number): void {
    if (entry.removed || this.#stopped) return;
    if (entry.rerun) {
      entry.rerun = false;
      entry.due = performance.now();
      return this.#enqueue(entry);
    }
    // Due one interval after this run was due; if the run overran, go again at once (no burst catch-up).
    entry.due = Math.max(entry.due + entry.job.intervalMs, started);
    const now = performance.now();
    if (entry.due > now) return this.#arm(entry);
    entry.due = now;
    this.#enqueue(entry);
  }
}
