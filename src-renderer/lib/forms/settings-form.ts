/** The settings form's model, validated with the service's own settings schema. */
import { issuesOf } from '../../../src-main/core/endpoints/validation-error.ts';
import { numberOf } from './number-of.ts';
import { settingsSchema, type Settings } from '../../../src-main/core/monitor/settings-schema.ts';
import type { FieldErrors } from './endpoint-form.ts';

export interface SettingsFormValues {
  intervalMs: string;
  timeoutMs: string;
  rawDays: string;
  minuteDays: string;
  hourDays: string;
  notificationsEnabled: boolean;
  onDown: boolean;
  onRecovered: boolean;
  onDegraded: boolean;
  theme: Settings['theme'];
  closeToTray: boolean;
  /** Empty for none. */
  sentinel: string;
  reportSchedule: 'off' | 'daily' | 'weekly';
  /** Empty for none. */
  reportFolder: string;
}

export function settingsValuesOf(settings: Settings): SettingsFormValues {
  return {
    intervalMs: String(settings.defaults.intervalMs),
    timeoutMs: String(settings.defaults.timeoutMs),
    rawDays: String(settings.retention.rawDays),
    minuteDays: String(settings.retention.minuteDays),
    hourDays: String(settings.retention.hourDays),
    notificationsEnabled: settings.notifications.enabled,
    onDown: settings.notifications.onDown,
    onRecovered: settings.notifications.onRecovered,
    onDegraded: settings.notifications.onDegraded,
    theme: settings.theme,
    closeToTray: settings.closeToTray,
    sentinel: settings.sentinel ?? '',
    reportSchedule: settings.reports?.schedule ?? 'off',
    reportFolder: settings.reports?.folder ?? '',
  };
}

/** The settings the values describe (unparsed: the schema judges them). */
export function settingsInputOf(values: SettingsFormValues): Settings {
  return {
    defaults: { intervalMs: numberOf(values.intervalMs), timeoutMs: numberOf(values.timeoutMs) },
    retention: { rawDays: numberOf(values.rawDays), minuteDays: numberOf(values.minuteDays), hourDays: numberOf(values.hourDays) },
    notifications: { enabled: values.notificationsEnabled, onDown: values.onDown, onRecovered: values.onRecovered, onDegraded: values.onDegraded },
    theme: values.theme,
    closeToTray: values.closeToTray,
    sentinel: values.sentinel.trim() === '' ? null : values.sentinel,
    reports: { schedule: values.reportSchedule, folder: values.reportFolder.trim() === '' ? null : values.reportFolder },
  } as unknown as Settings;
}

export function validateSettings(values: SettingsFormValues): FieldErrors {
  const input = settingsInputOf(values);
  const parsed = settingsSchema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of issuesOf(parsed.error, input)) errors[issue.field] ??= issue.message;
  return errors;
}
