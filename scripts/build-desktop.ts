/**
 * Builds what Electron runs, into `out/`: the main process (`out/main/index.js`, ESM; the
 * runtime `dependencies` stay external and are packed by electron-builder), the preload
 * (`out/preload/preload.cjs`, one CommonJS file: a sandboxed preload can require only
 * `electron`), and the window/tray icons (`out/icons`). The renderer is built by its own
 * script (`npm run build:renderer`, when the project defines one) into `out/renderer`.
 *
 * Run: `npx node scripts/build-desktop.ts` (or `npm run build:desktop`).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BuiltFile {
  readonly path: string;
  readonly bytes: number;
}

/** Bundles the preload into one CommonJS file whose only `require` is `electron`. */
export async function buildPreload(root = PROJECT_ROOT, outFile = join(root, 'out/preload/preload.cjs')): Promise<BuiltFile> {
  const result = await build({
    input: join(root, 'src-main/preload/preload.ts'),
    platform: 'browser',
    external: ['electron'],
    logLevel: 'warn',
    output: { file: outFile, format: 'cjs', minify: true, sourcemap: false },
  });
  return { path: outFile, bytes: result.output[0].code.length };
}

/** Bundles the main process; Node built-ins, `electron` and the runtime dependencies stay imports. */
export async function buildMain(root = PROJECT_ROOT, outFile = join(root, 'out/main/index.js')): Promise<BuiltFile> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const dependencies = Object.keys(pkg.dependencies ?? {});
  const builtins = new Set(builtinModules);
  const result = await build({
    input: join(root, 'src-main/shell/main.ts'),
    platform: 'node',
    external: (id) =>
      id === 'electron' || id.startsWith('node:') || builtins.has(id) || dependencies.some((name) => id === name || id.startsWith(`${name}/`)),
    logLevel: 'warn',
    output: { file: outFile, format: 'esm', sourcemap: true },
  });
  return { path: outFile, bytes: result.output[0].code.length };
}

/** Copies the tray icons and the window icon from `build/` to `out/icons`. */
export function copyIcons(root = PROJECT_ROOT): string[] {
  const target = join(root, 'out/icons');
  mkdirSync(target, { recursive: true });
  const copied: string[] = [];
  for (const name of readdirSync(join(root, 'build/tray'))) {
    if (!name.endsWith('.png')) continue;
    copyFileSync(join(root, 'build/tray', name), join(target, name));
    copied.push(name);
  }
  copyFileSync(join(root, 'build/icons/256x256.png'), join(target, 'app.png'));
  copied.push('app.png');
  return copied;
}

/** Main, preload and icons. */
export async function buildDesktop(root = PROJECT_ROOT): Promise<BuiltFile[]> {
  const files = await Promise.all([buildMain(root), buildPreload(root)]);
  copyIcons(root);
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await buildDesktop();
  for (const file of files) process.stdout.write(`built ${file.path} (${(file.bytes / 1024).toFixed(1)} KiB)\n`);
}
