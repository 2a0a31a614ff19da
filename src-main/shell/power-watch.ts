/**
 * Tells the service when the machine woke up or its network changed, so failures in the
 * next seconds count as inconclusive rather than as outages: the OS's resume and unlock
 * events, and a poll of the online state (Electron has no network-change event).
 */
import type { ElectronPort } from './electron-port.ts';

/** How often the online state is polled. */
export const ONLINE_POLL_MS = 5000;

/** Calls `onChange` on resume, unlock, and each online/offline flip; returns a stop function. */
export function watchPowerAndNetwork(port: Pick<ElectronPort, 'onPowerEvent' | 'isOnline'>, onChange: () => void, pollMs = ONLINE_POLL_MS): () => void {
  let stopped = false;
  const notify = (): void => {
    if (!stopped) onChange();
  };
  port.onPowerEvent('resume', notify);
  port.onPowerEvent('unlock-screen', notify);
  let online = port.isOnline();
  const timer = setInterval(() => {
    const now = port.isOnline();
    if (now !== online) {
      online = now;
      notify();
    }
  }, pollMs);
  timer.unref?.();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
