/**
 * The preload of the desktop window. Built into one CommonJS file (`out/preload/preload.cjs`)
 * because a sandboxed preload can `require` only `electron` and a few Node built-ins.
 */
// First: before the contract's zod schemas are built (see the module).
import '../security/zod-jitless.ts';
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api.ts';

contextBridge.exposeInMainWorld('synack', createPreloadApi(ipcRenderer));
