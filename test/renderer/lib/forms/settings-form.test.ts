import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src-main/core/monitor/settings-schema.ts';
import { settingsInputOf, settingsValuesOf, validateSettings } from '../../../../src-renderer/lib/forms/settings-form.ts';

describe('settings form model', () => {
  it('round-trips the settings', () => {
    const form = settingsValuesOf({ ...DEFAULT_SETTINGS, sentinel: 'gateway', theme: 'dark' });
    expect(validateSettings(form)).toEqual({});
    expect(settingsInputOf(form)).toEqual({ ...DEFAULT_SETTINGS, sentinel: 'gateway', theme: 'dark', reports: { schedule: 'off', folder: null } });
    const scheduled = settingsValuesOf({ ...DEFAULT_SETTINGS, reports: { schedule: 'weekly', folder: '/srv/reports' } });
    expect(settingsInputOf(scheduled).reports).toEqual({ schedule: 'weekly', folder: '/srv/reports' });
  });

  it('turns an empty sentinel into none', () => {
    expect(settingsInputOf({ ...settingsValuesOf(DEFAULT_SETTINGS), sentinel: '  ' }).sentinel).toBeNull();
  });

  it('names the field of each problem with the schema message', () => {
    const form = { ...settingsValuesOf(DEFAULT_SETTINGS), intervalMs: '100', rawDays: 'x' };
    const errors = validateSettings(form);
    expect(errors['defaults.intervalMs']).toBe('must be at least 250 ms');
    expect(errors['retention.rawDays']).toBeDefined();
    expect(validateSettings({ ...settingsValuesOf(DEFAULT_SETTINGS), intervalMs: '1000', timeoutMs: '1000' })['defaults.timeoutMs']).toBe('must be shorter than the interval');
    expect(validateSettings({ ...settingsValuesOf(DEFAULT_SETTINGS), reportSchedule: 'daily' })['reports.folder']).toBe('is required for scheduled reports');
    expect(validateSettings({ ...settingsValuesOf(DEFAULT_SETTINGS), reportSchedule: 'daily', reportFolder: 'reports' })['reports.folder']).toBe('must be an absolute path');
  });
});
