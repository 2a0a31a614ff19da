/**
 * Builds the renderer (vite's JS API) when `out/renderer/index.html` is missing or older than
 * any source it is built from, so end-to-end tests and benchmarks always run the current UI.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_DIR = join(REPO, 'out', 'renderer');
/** What the bundle is made of: the renderer and the isomorphic code it imports. */
const SOURCES = ['src-renderer', join('src-main', 'core'), join('src-main', 'ipc')].map((dir) => join(REPO, dir));

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function builtAt(): number | undefined {
  try {
    return statSync(join(RENDERER_DIR, 'index.html')).mtimeMs;
  } catch {
    return undefined;
  }
}

/** True when a build is needed. */
export function rendererIsStale(): boolean {
  const built = builtAt();
  return built === undefined || SOURCES.some((dir) => newestMtime(dir) > built);
}

/** Builds `out/renderer` if stale; resolves to whether it built. */
export async function ensureRendererBuilt(): Promise<boolean> {
  if (!rendererIsStale()) return false;
  const { build } = await import('vite');
  await build({ configFile: join(REPO, 'src-renderer', 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
