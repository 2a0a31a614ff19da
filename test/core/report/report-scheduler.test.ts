import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRequest } from '../../../src-main/core/report/report-request.ts';
import { lastPeriod, ReportScheduler } from '../../../src-main/core/report/report-scheduler.ts';
import type { ReportSchedule } from '../../../src-main/core/monitor/settings-schema.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { DAY, openFixture, type Fixture } from './fixture.ts';

describe('lastPeriod', () => {
  it('is the local day just ended', () => {
    // 00:00:30 on 15 January in Berlin (UTC+1).
    expect(lastPeriod('daily', Date.parse('2025-01-14T23:00:30Z'), 'Europe/Berlin')).toEqual({
      from: Date.parse('2025-01-13T23:00:00Z'), to: Date.parse('2025-01-14T23:00:00Z'), filename: 'synack-daily-2025-01-14.html',
    });
    expect(lastPeriod('daily', Date.parse('2025-01-15T12:00:00Z'), 'UTC')).toMatchObject({ from: Date.parse('2025-01-14T00:00:00Z'), to: Date.parse('2025-01-15T00:00:00Z') });
  });

  it('has 23 hours on the day clocks go forward', () => {
    const period = lastPeriod('daily', Date.parse('2025-03-31T01:00:00+02:00'), 'Europe/Berlin');
    expect(period).toEqual({ from: Date.parse('2025-03-30T00:00:00+01:00'), to: Date.parse('2025-03-31T00:00:00+02:00'), filename: 'synack-daily-2025-03-30.html' });
    expect(period.to - period.from).toBe(23 * 3_600_000);
  });

  it('is the Monday-to-Monday week just ended', () => {
    // Wednesday 15 January 2025.
    expect(lastPeriod('weekly', Date.parse('2025-01-15T12:00:00Z'), 'UTC')).toEqual({
      from: Date.parse('2025-01-06T00:00:00Z'), to: Date.parse('2025-01-13T00:00:00Z'), filename: 'synack-weekly-2025-01-06.html',
    });
    // A Monday just after midnight: the week that ended at that midnight.
    expect(lastPeriod('weekly', Date.parse('2025-01-13T00:00:01Z'), 'UTC').from).toBe(Date.parse('2025-01-06T00:00:00Z'));
  });
});

describe('ReportScheduler', () => {
  let fixture: Fixture;
  let dir: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    fixture = openFixture();
    dir = makeTempDir('synack-scheduled-');
  });
  afterAll(async () => {
    await fixture.close();
    dir.remove();
  });

  function scheduler(schedule: ReportSchedule | undefined, folder: string, requests: ReportRequest[] = [], log: string[] = []): ReportScheduler {
    return new ReportScheduler({
      exportReport: (request) => {
        requests.push(request);
        return fixture.service.exportReport(request);
      },
      schedule: () => schedule && { ...schedule, folder },
      timeZone: 'UTC',
      now: () => fixture.t0 + DAY + 60_000,
      log: (line) => log.push(line),
    });
  }

  it('writes the HTML report of the day just ended, once', async () => {
    const folder = join(dir.path, 'daily', 'reports');
    const requests: ReportRequest[] = [];
    const run = scheduler({ schedule: 'daily', folder }, folder, requests);
    const path = await run.runDue();
    expect(path).toBe(join(folder, 'synack-daily-2025-01-14.html'));
    expect(requests).toEqual([{ from: fixture.t0, to: fixture.t0 + DAY, format: 'html' }]);
    const html = readFileSync(path!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('isp-gateway');
    expect(await run.runDue()).toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(readdirSync(folder)).toEqual(['synack-daily-2025-01-14.html']);
  });

  it('does nothing when off or unset', async () => {
    const folder = join(dir.path, 'off');
    expect(await scheduler({ schedule: 'off', folder }, folder).runDue()).toBeUndefined();
    expect(await scheduler(undefined, folder).runDue()).toBeUndefined();
    expect(existsSync(folder)).toBe(false);
  });

  it('catches up a missed period when started, logs it, and stops cleanly', async () => {
    const folder = join(dir.path, 'weekly');
    const log: string[] = [];
    const run = scheduler({ schedule: 'weekly', folder }, folder, [], log);
    run.start();
    const deadline = Date.now() + 10_000;
    while (log.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await run.stop();
    // 15 January 2025 is a Wednesday: the week of 6 January ended last.
    expect(log).toEqual([`scheduled report written: ${join(folder, 'synack-weekly-2025-01-06.html')}`]);
    expect(existsSync(join(folder, 'synack-weekly-2025-01-06.html'))).toBe(true);
  });

  it('logs a failure and carries on', async () => {
    const log: string[] = [];
    const failing = new ReportScheduler({
      exportReport: () => Promise.reject(new Error('disk on fire')),
      schedule: () => ({ schedule: 'daily', folder: join(dir.path, 'failing') }),
      now: () => fixture.t0 + DAY,
      log: (line) => log.push(line),
    });
    failing.start();
    const deadline = Date.now() + 10_000;
    while (log.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await failing.stop();
    expect(log).toEqual(['scheduled report failed: disk on fire']);
  });

  it('is a setting the service validates, naming the field', () => {
    expect(() => fixture.service.updateSettings({ reports: { schedule: 'daily', folder: null } })).toThrow('reports.folder is required for scheduled reports');
    expect(() => fixture.service.updateSettings({ reports: { schedule: 'weekly', folder: 'relative/dir' } })).toThrow(/must be an absolute path/);
    const saved = fixture.service.updateSettings({ reports: { schedule: 'weekly', folder: dir.path } });
    expect(saved.reports).toEqual({ schedule: 'weekly', folder: dir.path });
    expect(fixture.service.updateSettings({ reports: { schedule: 'off', folder: null } }).reports).toEqual({ schedule: 'off', folder: null });
  });
});
