import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ONLINE_POLL_MS, watchPowerAndNetwork } from '../../src-main/shell/power-watch.ts';
import { fakeElectron, type FakeElectron } from './fake-electron.ts';

describe('watchPowerAndNetwork', () => {
  let electron: FakeElectron;
  let resumes: number;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    electron = fakeElectron('/nowhere');
    resumes = 0;
    stop = watchPowerAndNetwork(electron.port, () => resumes++);
  });
  afterEach(() => {
    stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('reports resume and unlock', () => {
    electron.power.emit('resume');
    electron.power.emit('unlock-screen');
    expect(resumes).toBe(2);
  });

  it('reports each online/offline flip, not a steady state', () => {
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(resumes).toBe(0);
    electron.online = false;
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    expect(resumes).toBe(1);
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(resumes).toBe(1);
    electron.online = true;
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    expect(resumes).toBe(2);
  });

  it('reports nothing once stopped', () => {
    stop();
    electron.power.emit('resume');
    electron.online = false;
    vi.advanceTimersByTime(ONLINE_POLL_MS * 2);
    expect(resumes).toBe(0);
  });
});
