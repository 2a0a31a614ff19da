/**
 * Light, dark or the system's choice: a class on `<html>` (`theme-light` / `theme-dark`, none
 * for system, where the stylesheet follows `prefers-color-scheme`), and the resolved theme for
 * what CSS cannot reach (chart colours).
 */
import type { Settings } from '../../../src-main/core/monitor/settings-schema.ts';

export type ThemeChoice = Settings['theme'];

export class ThemeState {
  choice: ThemeChoice = $state('system');
  systemDark = $state(false);
  readonly resolved: 'light' | 'dark' = $derived(this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice);

  readonly #root: HTMLElement;

  constructor(root: HTMLElement = document.documentElement) {
    this.#root = root;
  }

  /** Follows the system's preference; returns the stop function. */
  start(): () => void {
    const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
    if (!query) return () => {};
    this.systemDark = query.matches;
    const onChange = (event: MediaQueryListEvent): void => {
      this.systemDark = event.matches;
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    this.#root.classList.toggle('theme-light', choice === 'light');
    this.#root.classList.toggle('theme-dark', choice === 'dark');
  }
}
