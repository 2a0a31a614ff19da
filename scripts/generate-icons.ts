/**
 * Generates Synack's icons into `build/` (committed; rerun after changing a design):
 * - `build/icons/<N>x<N>.png` for N in 16…512 and `build/icon.png` (1024): Linux and the source set,
 * - `build/icon.ico` (16…256) for Windows, `build/icon.icns` (16…1024) for macOS,
 * - `build/tray/tray-<level>.png` (16 px) and `@2x` (32 px) per tray level.
 *
 * Run: `npx node scripts/generate-icons.ts`
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRAY_LEVELS } from '../src-main/shell/tray-model.ts';
import { encodeIcns, encodeIco } from './icons/containers.ts';
import { drawAppIcon, drawTrayIcon } from './icons/designs.ts';
import { encodePng } from './icons/png.ts';

export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** Writes every icon under `buildDir`; returns the paths written. */
export function generateIcons(buildDir: string): string[] {
  const written: string[] = [];
  const write = (path: string, data: Buffer): void => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, data);
    written.push(path);
  };
  const app = new Map<number, Buffer>();
  for (const size of APP_ICON_SIZES) app.set(size, encodePng(size, size, drawAppIcon(size).pixels));
  const png = (size: number): Buffer => app.get(size) ?? Buffer.alloc(0);
  for (const size of LINUX_ICON_SIZES) write(join(buildDir, 'icons', `${size}x${size}.png`), png(size));
  write(join(buildDir, 'icon.png'), png(1024));
  write(join(buildDir, 'icon.ico'), encodeIco(ICO_SIZES.map(png)));
  write(join(buildDir, 'icon.icns'), encodeIcns(app));
  for (const level of TRAY_LEVELS) {
    write(join(buildDir, 'tray', `tray-${level}.png`), encodePng(16, 16, drawTrayIcon(level, 16).pixels));
    write(join(buildDir, 'tray', `tray-${level}@2x.png`), encodePng(32, 32, drawTrayIcon(level, 32).pixels));
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = generateIcons(fileURLToPath(new URL('../build', import.meta.url)));
  process.stdout.write(`wrote ${written.length} icon files to build/\n`);
}
