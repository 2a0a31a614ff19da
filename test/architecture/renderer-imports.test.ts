/**
 * The renderer runs in a browser (and a sandboxed Electron window): nothing it bundles, itself
 * or through the shared modules it imports from src-main, may import `node:*`, a Node built-in
 * or `electron`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER = join(REPO, 'src-renderer');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/g;
const FORBIDDEN = new Set([...builtinModules, 'electron']);

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'public' ? [] : sourcesUnder(path);
    return /\.(ts|svelte)$/.test(entry) && entry !== 'vite.config.ts' ? [path] : [];
  });
}

function specifiersOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? '');
}

/** Every file the renderer's sources reach through relative imports, with what each imports. */
function reachable(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = sourcesUnder(RENDERER);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const specifiers = specifiersOf(file);
    seen.set(file, specifiers);
    for (const specifier of specifiers) if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
  }
  return seen;
}

describe('renderer imports', () => {
  it('bundles no Node built-in and no electron, directly or through src-main', () => {
    const files = reachable();
    expect([...files.keys()].some((file) => file.includes(`${join('src-main', 'ipc')}`))).toBe(true);
    const offending = [...files].flatMap(([file, specifiers]) =>
      specifiers.filter((specifier) => specifier.startsWith('node:') || FORBIDDEN.has(specifier.split('/')[0] ?? '')).map((specifier) => `${relative(REPO, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('would notice such an import', () => {
    expect(specifiersOf(fileURLToPath(import.meta.url))).toContain('node:fs');
  });
});
