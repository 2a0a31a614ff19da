/**
 * Build of the renderer (the one UI of the desktop app and the web mode): `src-renderer` in,
 * `out/renderer` out, relative asset URLs so the same files load from `file://` (Electron)
 * and from `synack serve`. Nothing is inlined: the CSP allows scripts and styles only from files.
 */
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export const RENDERER_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const RENDERER_OUT_DIR = fileURLToPath(new URL('../out/renderer', import.meta.url));

export default defineConfig({
  root: RENDERER_ROOT,
  base: './',
  plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
  build: {
    outDir: RENDERER_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill is code in the entry chunk, but no module preloading is needed for one chunk.
    modulePreload: { polyfill: false },
    // No data: URLs for fonts or other assets (the CSP's font-src is 'self').
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
