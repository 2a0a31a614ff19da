/**
 * The layering rules, checked on the source text: the core never touches Electron, the
 * renderer never touches Node or Electron, the modules the renderer bundles from src-main
 * are isomorphic (no `node:` import, also through what they import), and only the desktop
 * shell and its preload import `electron`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = /\.(ts|cts|mts|js|cjs|mjs|svelte)$/;

interface ImportRef {
  readonly specifier: string;
  /** `import type …` / `export type … from`: erased, never loaded at run time. */
  readonly typeOnly: boolean;
}

function filesUnder(dir: string): string[] {
  const absolute = join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** Every module specifier a file imports, re-exports, dynamically imports or requires. */
function importsOf(text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const match of code.matchAll(/\b(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g)) {
    refs.push({ specifier: match[3] ?? '', typeOnly: match[2] !== undefined });
  }
  for (const match of code.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) refs.push({ specifier: match[1] ?? '', typeOnly: false });
  return refs;
}

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const isElectron = (specifier: string): boolean => specifier === 'electron' || specifier.startsWith('electron/');
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '');

function offenders(files: readonly string[], bad: (specifier: string) => boolean): string[] {
  return files.flatMap((file) => importsOf(read(file)).filter((ref) => bad(ref.specifier)).map((ref) => `${file} imports ${ref.specifier}`));
}

/** A file and every module it loads at run time through relative imports. */
function runtimeClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const ref of importsOf(read(file))) {
      if (ref.typeOnly || !ref.specifier.startsWith('.')) continue;
      visit(relative(ROOT, resolve(dirname(join(ROOT, file)), ref.specifier)));
    }
  };
  visit(entry);
  return [...seen];
}

const ISOMORPHIC = [
  'src-main/ipc/contract.ts',
  'src-main/ipc/dto.ts',
  'src-main/core/endpoints/endpoint-schema.ts',
  'src-main/core/monitor/settings-schema.ts',
  'src-main/core/classify/failure-classes.ts',
];

describe('architecture', () => {
  it('finds imports of every form (the checks below can fail)', () => {
    const refs = importsOf(`import { app } from 'electron';\nimport type { X } from "node:fs";\nexport * from './a.ts';\nconst m = await import('node:net');\nconst e = require('electron');\n// import 'commented';`);
    expect(refs).toEqual([
      { specifier: 'electron', typeOnly: false },
      { specifier: 'node:fs', typeOnly: true },
      { specifier: './a.ts', typeOnly: false },
      { specifier: 'node:net', typeOnly: false },
      { specifier: 'electron', typeOnly: false },
    ]);
  });

  it('src-main/core never imports electron', () => {
    const files = filesUnder('src-main/core');
    expect(files.length).toBeGreaterThan(20);
    expect(offenders(files, isElectron)).toEqual([]);
  });

  it('src-renderer imports neither electron nor Node built-ins, also in what it loads from src-main', () => {
    // Build configuration (vite.config.ts) runs in Node, not in the page.
    const pageFiles = filesUnder('src-renderer').filter((file) => !/\.config\.[cm]?[jt]s$/.test(file));
    const loaded = [...new Set(pageFiles.flatMap(runtimeClosure))];
    expect(loaded.some((file) => file.startsWith('src-main/'))).toBe(pageFiles.length > 0);
    expect(offenders(loaded, (specifier) => isElectron(specifier) || isNodeBuiltin(specifier))).toEqual([]);
  });

  it.each(ISOMORPHIC)('%s is isomorphic: no node: or electron import, also in what it loads', (file) => {
    expect(existsSync(join(ROOT, file))).toBe(true);
    const closure = runtimeClosure(file);
    if (file.endsWith('contract.ts')) expect(closure).toEqual(expect.arrayContaining(['src-main/core/endpoints/endpoint-schema.ts', 'src-main/core/classify/failure-classes.ts']));
    expect(offenders(closure, (specifier) => isElectron(specifier) || isNodeBuiltin(specifier))).toEqual([]);
  });

  it('only src-main/shell and src-main/preload import electron', () => {
    const everywhere = ['src-main', 'src-renderer', 'scripts', 'bin', 'bench'].flatMap(filesUnder);
    const importers = everywhere.filter((file) => importsOf(read(file)).some((ref) => isElectron(ref.specifier)));
    expect(importers.filter((file) => !file.startsWith('src-main/shell/') && !file.startsWith('src-main/preload/'))).toEqual([]);
    // And inside the shell, only the adapter (plus the preload entry): the rest is testable without Electron.
    expect(importers.sort()).toEqual(['src-main/preload/preload.ts', 'src-main/shell/electron-adapter.ts']);
  });
});
