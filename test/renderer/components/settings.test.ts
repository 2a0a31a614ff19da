import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import SettingsForm from '../../../src-renderer/components/SettingsForm.svelte';
import { DEFAULT_SETTINGS } from '../../../src-main/core/monitor/settings-schema.ts';
import { SettingsState } from '../../../src-renderer/lib/state/settings.svelte.ts';
import { ThemeState } from '../../../src-renderer/lib/state/theme.svelte.ts';
import { fakeApi } from '../support/fake-api.ts';

describe('settings', () => {
  it('validates with the settings schema and saves the whole settings', async () => {
    const onsave = vi.fn(async () => {});
    render(SettingsForm, { settings: DEFAULT_SETTINGS, onsave });
    const interval = screen.getByLabelText('Interval (ms)');
    await fireEvent.input(interval, { target: { value: '100' } });
    await fireEvent.blur(interval);
    expect(screen.getByTestId('field-error').textContent).toBe('Interval (ms) must be at least 250 ms');
    await fireEvent.submit(screen.getByTestId('settings-form'));
    expect(onsave).not.toHaveBeenCalled();
    await fireEvent.input(interval, { target: { value: '10000' } });
    await fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    await fireEvent.submit(screen.getByTestId('settings-form'));
    await vi.waitFor(() => expect(onsave).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, defaults: { intervalMs: 10_000, timeoutMs: 2000 }, theme: 'dark', reports: { schedule: 'off', folder: null } }));
    expect((await screen.findByRole('status')).textContent).toBe('Settings saved.');
  });

  it('applies the theme as a class on the root element', async () => {
    const fake = fakeApi();
    fake.on('getSettings', () => ({ ...DEFAULT_SETTINGS, theme: 'dark' }));
    fake.on('updateSettings', (next) => next as typeof DEFAULT_SETTINGS);
    const root = document.createElement('html');
    const theme = new ThemeState(root);
    const settings = new SettingsState(fake.api, theme);
    await settings.load();
    expect(root.classList.contains('theme-dark')).toBe(true);
    expect(theme.resolved).toBe('dark');
    await settings.save({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect([...root.classList]).toEqual(['theme-light']);
    await settings.save({ ...DEFAULT_SETTINGS, theme: 'system' });
    expect([...root.classList]).toEqual([]);
    theme.systemDark = true;
    expect(theme.resolved).toBe('dark');
  });
});
