/**
 * Real Chromium for tests (playwright-core + Debian's chromium): a fresh profile per launch,
 * removed on close, with the browser's own network features off.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { makeTempDir } from './temp-dir.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface TestBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(viewport = { width: 1000, height: 1300 }): Promise<TestBrowser> {
  const profile = makeTempDir('synack-chromium-');
  try {
    const context = await chromium.launchPersistentContext(profile.path, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport, headless: true });
    return {
      context,
      close: async () => {
        try {
          await context.close();
        } finally {
          profile.remove();
        }
      },
    };
  } catch (error) {
    profile.remove();
    throw error;
  }
}
