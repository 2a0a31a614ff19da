/**
 * Electron's entry point (bundled to `out/main/index.js`). Paths are relative to the bundle:
 * `out/renderer`, `out/preload/preload.cjs` and `out/icons`, all inside the asar when packaged.
 */
import { fileURLToPath } from 'node:url';
import { createElectronPort, prepareElectron } from './electron-adapter.ts';
import { startDesktopApp } from './desktop-app.ts';

const out = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

prepareElectron();
const port = createElectronPort();
startDesktopApp({
  port,
  env: process.env,
  paths: {
    rendererDir: out('renderer'),
    preload: out('preload/preload.cjs'),
    trayIconDir: out('icons'),
    appIcon: out('icons/app.png'),
  },
}).catch((error: unknown) => {
  process.stderr.write(`synack: the desktop app could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  port.app.quit();
});
