/**
 * The packaging config, loaded and validated by electron-builder's own code (app-builder-lib),
 * as `electron-builder --config electron.config.ts` would before packaging (which needs the
 * Electron download and cannot run here).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Configuration | null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function load(): Promise<Configuration> {
  return getConfig(ROOT, 'electron.config.ts', null);
}

describe('electron.config.ts', () => {
  it('passes electron-builder\'s schema validation', async () => {
    await expect(load().then((config) => validateConfiguration(config, new DebugLogger(false)))).resolves.toBeUndefined();
  });

  it('is checked for real: an unknown key is rejected', async () => {
    const config = { ...(await load()), notAnOption: true } as Configuration;
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/notAnOption/);
  });

  it('builds AppImage + deb, nsis and dmg with the icons from build/', async () => {
    const config = await load();
    expect(config).toMatchObject({ appId: 'net.synack.app', productName: 'Synack', asar: true, directories: { buildResources: 'build' } });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], icon: 'build/icons' });
    expect(config.win).toMatchObject({ target: ['nsis'], icon: 'build/icon.ico' });
    expect(config.mac).toMatchObject({ target: ['dmg'], icon: 'build/icon.icns' });
  });

  it('packs only the built output', async () => {
    const files = JSON.stringify((await load()).files);
    expect(files).toContain('out/**/*');
    expect(files).toContain('package.json');
    expect(files).not.toMatch(/src-main|src-renderer|node_modules|test|scripts/);
  });

  it('sets the fuses', async () => {
    expect((await load()).electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });
});
