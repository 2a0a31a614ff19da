/** The application settings as the service has them; saving applies the theme at once. */
import type { Settings } from '../../../src-main/core/monitor/settings-schema.ts';
import { describeError, type Api } from '../api.ts';
import type { ThemeState } from './theme.svelte.ts';

export class SettingsState {
  settings: Settings | undefined = $state.raw();
  error: string | undefined = $state();

  readonly #api: Api;
  readonly #theme: ThemeState;

  constructor(api: Api, theme: ThemeState) {
    this.#api = api;
    this.#theme = theme;
  }

  async load(): Promise<void> {
    try {
      this.#accept(await this.#api.getSettings());
      this.error = undefined;
    } catch (error) {
      this.error = describeError(error);
    }
  }

  /** Saves the whole settings; throws the service's `ApiFailure` for the form to show. */
  async save(next: Settings): Promise<void> {
    this.#accept(await this.#api.updateSettings(next));
  }

  #accept(settings: Settings): void {
    this.settings = settings;
    this.#theme.set(settings.theme);
  }
}
