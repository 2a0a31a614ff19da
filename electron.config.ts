/**
 * electron-builder configuration (electron-builder 26): Linux AppImage + deb, Windows NSIS,
 * macOS dmg. Only the built output (`out/`) and package.json are packed, into an asar; the
 * runtime `dependencies` come along, devDependencies never. Fuses lock the binary down.
 *
 *   npm run build && npx electron-builder --config electron.config.ts --linux AppImage deb
 */
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'net.synack.app',
  productName: 'Synack',
  copyright: 'Copyright © 2026 the Synack authors',
  directories: { output: 'dist', buildResources: 'build' },
  files: ['out/**/*', '!out/**/*.map', 'package.json'],
  asar: true,
  icon: 'build/icon.png',
  // node:sqlite is built into Electron: there is no native module to rebuild.
  npmRebuild: false,
  nodeGypRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    // The window loads app://synack/, never file://: file pages need no extra privileges.
    grantFileProtocolExtraPrivileges: false,
    enableCookieEncryption: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icons',
    category: 'Network',
    executableName: 'synack',
    synopsis: 'Network monitor that says why a connection failed',
    maintainer: 'Synack authors <synack@users.noreply.github.com>',
  },
  deb: { priority: 'optional' },
  win: { target: ['nsis'], icon: 'build/icon.ico' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], icon: 'build/icon.icns', category: 'public.app-category.utilities' },
};

export default config;
