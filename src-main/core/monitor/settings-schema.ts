/** Application settings, validated as a whole; isomorphic (the renderer's settings form uses it). */
import { z } from 'zod';
import { MIN_INTERVAL_MS } from '../endpoints/endpoint-schema.ts';

/** A daily or weekly HTML report of the period just ended, written to `folder`. */
export const reportScheduleSchema = z
  .object({
    schedule: z.enum(['off', 'daily', 'weekly'], { error: 'must be off, daily or weekly' }),
    /** An absolute path (POSIX, `C:\\…` or `\\\\server\\share`). */
    folder: z.string().trim().max(4096).regex(/^(?:\/|[A-Za-z]:[\\/]|\\\\)/, 'must be an absolute path').nullable(),
  })
  .strict()
  .refine((r) => r.schedule === 'off' || r.folder !== null, { message: 'is required for scheduled reports', path: ['folder'] });

export type ReportSchedule = z.output<typeof reportScheduleSchema>;

export const settingsSchema = z
  .object({
    defaults: z
      .object({
        intervalMs: z.number().int().min(MIN_INTERVAL_MS, `must be at least ${MIN_INTERVAL_MS} ms`).max(86_400_000),
        timeoutMs: z.number().int().min(10, 'must be at least 10 ms'),
      })
      .strict()
      .refine((d) => d.timeoutMs < d.intervalMs, { message: 'must be shorter than the interval', path: ['timeoutMs'] }),
    retention: z
      .object({
        rawDays: z.number().int().min(1).max(365),
        minuteDays: z.number().int().min(1).max(3650),
        hourDays: z.number().int().min(1).max(3650),
      })
      .strict(),
    notifications: z.object({ enabled: z.boolean(), onDown: z.boolean(), onRecovered: z.boolean(), onDegraded: z.boolean() }).strict(),
    theme: z.enum(['light', 'dark', 'system']),
    closeToTray: z.boolean(),
    sentinel: z.string().trim().min(1).max(100).nullable(),
    /** Scheduled reports (HTML written to a folder); absent means off. */
    reports: reportScheduleSchema.optional(),
  })
  .strict();

export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  defaults: { intervalMs: 5000, timeoutMs: 2000 },
  retention: { rawDays: 14, minuteDays: 90, hourDays: 730 },
  notifications: { enabled: true, onDown: true, onRecovered: true, onDegraded: false },
  theme: 'system',
  closeToTray: true,
  sentinel: null,
};

/** A settings change: any top-level section, each replaced whole and the result validated. */
export const settingsPatchSchema = z
  .object({
    defaults: settingsSchema.shape.defaults,
    retention: settingsSchema.shape.retention,
    notifications: settingsSchema.shape.notifications,
    theme: settingsSchema.shape.theme,
    closeToTray: settingsSchema.shape.closeToTray,
    sentinel: settingsSchema.shape.sentinel,
    reports: reportScheduleSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
