/**
 * The preload of the desktop window. Built into one CommonJS file (`out/preload/preload.cjs`)
 * because a sandboxed preload can `require` only `electron` and a few Node built-ins.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api.ts';

contextBridge.exposeInMainWorld('synack', createPreloadApi(ipcRenderer));
