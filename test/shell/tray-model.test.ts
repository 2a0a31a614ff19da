import { describe, expect, it } from 'vitest';
import type { EndpointState } from '../../src-main/core/monitor/state-machine.ts';
import { nextMorning } from '../../src-main/shell/snooze.ts';
import { trayLevel, trayMenu, trayTooltip, type TrayMenuEntry } from '../../src-main/shell/tray-model.ts';

const NOW = new Date(2026, 10, 25, 14, 30).getTime();

describe('trayLevel: the worst state wins (down > degraded > inconclusive > paused > up)', () => {
  it.each<[EndpointState[], string]>([
    [[], 'up'],
    [['up', 'up'], 'up'],
    [['pending'], 'up'],
    [['up', 'paused'], 'paused'],
    [['paused', 'inconclusive', 'up'], 'inconclusive'],
    [['inconclusive', 'degraded', 'paused'], 'degraded'],
    [['recovering', 'up'], 'degraded'],
    [['up', 'degraded', 'down', 'inconclusive', 'paused'], 'down'],
    [['down'], 'down'],
  ])('%j → %s', (states, level) => {
    expect(trayLevel(states)).toBe(level);
  });
});

describe('trayTooltip', () => {
  it('counts states, good news first, zero counts left out', () => {
    const states: EndpointState[] = [...Array<EndpointState>(12).fill('up'), 'down'];
    expect(trayTooltip(states, null, NOW)).toBe('Synack — 12 up, 1 down');
    expect(trayTooltip(['paused', 'degraded', 'up', 'inconclusive', 'down', 'pending', 'recovering'], null, NOW)).toBe(
      'Synack — 1 up, 1 degraded, 1 recovering, 1 down, 1 inconclusive, 1 pending, 1 paused',
    );
    expect(trayTooltip([], null, NOW)).toBe('Synack — no endpoints');
  });

  it('says until when notifications are snoozed, and forgets an expired snooze', () => {
    expect(trayTooltip(['up'], NOW + 3_600_000, NOW)).toBe('Synack — 1 up\nNotifications snoozed until 15:30');
    expect(trayTooltip(['up'], nextMorning(NOW), NOW)).toBe('Synack — 1 up\nNotifications snoozed until 08:00 tomorrow');
    expect(trayTooltip(['up'], NOW - 1, NOW)).toBe('Synack — 1 up');
  });
});

function flat(entries: readonly TrayMenuEntry[]): string[] {
  return entries.flatMap((entry) => (entry.separator ? ['---'] : [entry.label ?? '', ...(entry.submenu ? flat(entry.submenu).map((label) => `  ${label}`) : [])]));
}

describe('trayMenu', () => {
  const morning = nextMorning(NOW);

  it('offers open, probe all, pause all, snooze and quit', () => {
    const menu = trayMenu({ states: ['up', 'down'], snoozedUntil: null, now: NOW, morning });
    expect(flat(menu)).toEqual(['Open Synack', '---', 'Probe all now', 'Pause all', '---', 'Snooze notifications', '  For 1 hour', '  Until 08:00 tomorrow', '---', 'Quit Synack']);
    const actions = menu.flatMap((entry) => [entry.action, ...(entry.submenu ?? []).map((item) => item.action)]).filter(Boolean);
    expect(actions).toEqual(['open', 'probe-all', 'pause-all', 'snooze-hour', 'snooze-morning', 'quit']);
  });

  it('offers resume all (and no probing) when everything is paused', () => {
    const menu = trayMenu({ states: ['paused', 'paused'], snoozedUntil: null, now: NOW, morning });
    expect(menu.find((entry) => entry.action === 'resume-all')?.label).toBe('Resume all');
    expect(menu.find((entry) => entry.action === 'pause-all')).toBeUndefined();
    expect(menu.find((entry) => entry.action === 'probe-all')?.enabled).toBe(false);
  });

  it('disables probing and pausing with no endpoints', () => {
    const menu = trayMenu({ states: [], snoozedUntil: null, now: NOW, morning });
    expect(menu.find((entry) => entry.action === 'probe-all')?.enabled).toBe(false);
    expect(menu.find((entry) => entry.action === 'pause-all')?.enabled).toBe(false);
  });

  it('offers to end a snooze while snoozed', () => {
    const menu = trayMenu({ states: ['up'], snoozedUntil: NOW + 3_600_000, now: NOW, morning });
    expect(flat(menu)).toContain('Notifications snoozed');
    expect(flat(menu)).toContain('  Resume notifications (snoozed until 15:30)');
  });
});

describe('nextMorning', () => {
  it('is today 08:00 before 08:00, tomorrow 08:00 after', () => {
    expect(nextMorning(new Date(2026, 10, 25, 2, 0).getTime())).toBe(new Date(2026, 10, 25, 8, 0).getTime());
    expect(nextMorning(new Date(2026, 10, 25, 8, 0).getTime())).toBe(new Date(2026, 10, 26, 8, 0).getTime());
    expect(nextMorning(new Date(2026, 10, 25, 23, 59).getTime())).toBe(new Date(2026, 10, 26, 8, 0).getTime());
    expect(nextMorning(new Date(2026, 11, 31, 20, 0).getTime())).toBe(new Date(2027, 0, 1, 8, 0).getTime());
  });
});
