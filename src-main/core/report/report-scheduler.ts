/**
 * Scheduled reports: when the setting asks for it, the HTML report of each day (or week,
 * Monday to Monday) that has just ended is written to a folder, in this machine's time zone.
 * Idempotent by file name: a period whose file exists is never written again, so a missed
 * run (the app was closed at midnight) is caught up once at start, and restarts are harmless.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportSchedule } from '../monitor/settings-schema.ts';
import type { ReportFileDto } from '../../ipc/dto.ts';
import { localTimeZone } from './app-info.ts';
import type { ReportRequest } from './report-request.ts';
import { zoneOffsetMs } from './time-axis.ts';

const DAY = 86_400_000;
/** After a period ends, wait this long so the last samples are written before reading them. */
const SETTLE_MS = 5000;

export interface ReportSchedulerOptions {
  readonly exportReport: (request: ReportRequest) => Promise<ReportFileDto>;
  /** The current setting (read at each run, so a change applies without restarting). */
  readonly schedule: () => ReportSchedule | undefined;
  /** @default this machine's zone */
  readonly timeZone?: string;
  /** @default Date.now */
  readonly now?: () => number;
  /** A report was written, or could not be (the scheduler carries on with the next period). */
  readonly log?: (message: string) => void;
}

export interface Period {
  readonly from: number;
  readonly to: number;
  /** The file name, e.g. `synack-daily-2025-01-14.html` (the period's first local day). */
  readonly filename: string;
}

export class ReportScheduler {
  readonly #options: ReportSchedulerOptions;
  readonly #now: () => number;
  readonly #timeZone: string;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> = Promise.resolve();
  #stopped = true;

  constructor(options: ReportSchedulerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#timeZone = options.timeZone ?? localTimeZone();
  }

  /** Catches up the last ended period if its file is missing, then waits for the next one. */
  start(): void {
    this.#stopped = false;
    this.#tick();
  }

  /** The setting changed: run now if something is due, and re-arm. */
  reschedule(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#tick();
  }

  /** Stops the timer and waits for a report being written. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** Writes the report of the last ended period unless its file exists; resolves to the path written. */
  async runDue(): Promise<string | undefined> {
    const setting = this.#options.schedule();
    if (!setting || setting.schedule === 'off' || setting.folder === null) return undefined;
    const period = lastPeriod(setting.schedule, this.#now(), this.#timeZone);
    const path = join(setting.folder, period.filename);
    if (existsSync(path)) return undefined;
    const file = await this.#options.exportReport({ from: period.from, to: period.to, format: 'html' });
    await mkdir(setting.folder, { recursive: true });
    const partial = `${path}.partial`;
    try {
      await writeFile(partial, file.content);
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    this.#options.log?.(`scheduled report written: ${path}`);
    return path;
  }

  #tick(): void {
    this.#running = this.#running
      .then(() => this.runDue())
      .catch((error: unknown) => this.#options.log?.(`scheduled report failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.#arm());
  }

  #arm(): void {
    clearTimeout(this.#timer);
    const setting = this.#options.schedule();
    if (this.#stopped || !setting || setting.schedule === 'off') return;
    const now = this.#now();
    const due = lastPeriod(setting.schedule, now, this.#timeZone).to + periodLength(setting.schedule) + SETTLE_MS;
    // Never the reason the process stays alive; a long wait is re-armed in steps below setTimeout's limit.
    this.#timer = setTimeout(() => this.#tick(), Math.min(Math.max(1000, due - now), 2 ** 31 - 1));
    this.#timer.unref();
  }
}

/** The last whole day (or Monday-to-Monday week) ended at or before `now`, in `timeZone`. */
export function lastPeriod(schedule: 'daily' | 'weekly', now: number, timeZone: string): Period {
  const today = localMidnight(now, timeZone);
  if (schedule === 'daily') {
    const from = localMidnight(today - DAY / 2, timeZone);
    return { from, to: today, filename: `synack-daily-${localDate(from, timeZone)}.html` };
  }
  // Days since Monday, from the local calendar date (UTC arithmetic on the date alone).
  const [y, m, d] = localDate(today, timeZone).split('-').map(Number) as [number, number, number];
  const sinceMonday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  const to = localMidnightOf(y, m, d - sinceMonday, timeZone);
  const from = localMidnightOf(y, m, d - sinceMonday - 7, timeZone);
  return { from, to, filename: `synack-weekly-${localDate(from, timeZone)}.html` };
}

function periodLength(schedule: 'daily' | 'weekly'): number {
  return schedule === 'daily' ? DAY : 7 * DAY;
}

/** `2025-01-14`: the local calendar date of `ts`. */
function localDate(ts: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ts));
}

/** The start of the local day holding `ts`. */
function localMidnight(ts: number, timeZone: string): number {
  const [y, m, d] = localDate(ts, timeZone).split('-').map(Number) as [number, number, number];
  return localMidnightOf(y, m, d, timeZone);
}

/** Local 00:00 of a calendar date (day may overflow: Date.UTC normalises it). */
function localMidnightOf(year: number, month: number, day: number, timeZone: string): number {
  const utc = Date.UTC(year, month - 1, day);
  // The offset at local midnight, found in two steps (it can differ from the offset at UTC midnight).
  const guess = utc - zoneOffsetMs(utc, timeZone);
  return utc - zoneOffsetMs(guess, timeZone);
}
