import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EndpointState } from '../../src-main/core/monitor/state-machine.ts';
import type { EndpointStatusDto, UpdateBatchDto } from '../../src-main/ipc/dto.ts';
import { TrayController, type TrayActions } from '../../src-main/shell/tray-controller.ts';
import { FakeTray } from './fake-electron.ts';

const NOW = new Date(2026, 10, 25, 14, 30).getTime();

function batch(statuses: [number, EndpointState][], removed: number[] = []): UpdateBatchDto {
  const dto = statuses.map(([endpointId, state]): EndpointStatusDto => ({ endpointId, state, since: NOW, flapping: false }));
  return { samples: [], statuses: dto, events: [], endpoints: [], removed };
}

describe('TrayController', () => {
  let tray: FakeTray;
  let calls: string[];
  let controller: TrayController;

  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
    tray = new FakeTray('/icons/tray-up.png');
    calls = [];
    const actions: TrayActions = {
      open: () => calls.push('open'),
      probeAll: () => calls.push('probeAll'),
      pauseAll: () => calls.push('pauseAll'),
      resumeAll: () => calls.push('resumeAll'),
      snooze: (until) => calls.push(`snooze ${until === null ? 'off' : new Date(until).toString()}`),
      quit: () => calls.push('quit'),
    };
    controller = new TrayController(tray, (level) => `/icons/tray-${level}.png`, actions);
  });

  afterEach(() => {
    controller.dispose();
    vi.useRealTimers();
  });

  it('follows the worst state in icon and tooltip as batches arrive', () => {
    controller.reset([[1, 'up'], [2, 'up']]);
    expect(tray.image).toBe('/icons/tray-up.png');
    expect(tray.tooltip).toBe('Synack — 2 up');
    controller.apply(batch([[2, 'degraded']]));
    expect(tray.image).toBe('/icons/tray-degraded.png');
    controller.apply(batch([[1, 'down']]));
    expect(tray.image).toBe('/icons/tray-down.png');
    expect(tray.tooltip).toBe('Synack — 1 degraded, 1 down');
    controller.apply(batch([], [1]));
    expect(tray.image).toBe('/icons/tray-degraded.png');
    expect(tray.tooltip).toBe('Synack — 1 degraded');
  });

  it('repaints only what changed', () => {
    controller.reset([[1, 'up']]);
    const images = tray.images.length;
    const menus = tray.menuUpdates;
    controller.apply(batch([[1, 'up']]));
    controller.apply({ samples: [], statuses: [], events: [], endpoints: [], removed: [] });
    expect(tray.images.length).toBe(images);
    expect(tray.menuUpdates).toBe(menus);
    controller.apply(batch([[1, 'paused']]));
    expect(tray.image).toBe('/icons/tray-paused.png');
    expect(tray.menuUpdates).toBe(menus + 1); // "Pause all" became "Resume all"
  });

  it('runs the menu actions', () => {
    controller.reset([[1, 'up']]);
    tray.click('Open Synack');
    tray.click('Probe all now');
    tray.click('Pause all');
    tray.click('For 1 hour');
    tray.click('Until 08:00 tomorrow');
    tray.click('Quit Synack');
    tray.emit('click');
    expect(calls).toEqual([
      'open',
      'probeAll',
      'pauseAll',
      `snooze ${new Date(NOW + 3_600_000).toString()}`,
      `snooze ${new Date(2026, 10, 26, 8, 0).toString()}`,
      'quit',
      'open',
    ]);
    controller.apply(batch([[1, 'paused']]));
    tray.click('Resume all');
    expect(calls.at(-1)).toBe('resumeAll');
  });

  it('shows a snooze until it runs out', () => {
    controller.reset([[1, 'up']]);
    controller.setSnooze(NOW + 3_600_000);
    expect(tray.tooltip).toBe('Synack — 1 up\nNotifications snoozed until 15:30');
    tray.click(/^Resume notifications/);
    expect(calls.at(-1)).toBe('snooze off');
    vi.advanceTimersByTime(3_600_000);
    expect(tray.tooltip).toBe('Synack — 1 up');
    expect(tray.labels()).toContainEqual({ 'Snooze notifications': ['For 1 hour', 'Until 08:00 tomorrow'] });
  });

  it('destroys the tray on dispose', () => {
    controller.dispose();
    expect(tray.destroyed).toBe(true);
  });
});
