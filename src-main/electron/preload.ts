/**
 * Preload for the sandboxed renderer. Sandboxed preloads may only require('electron') at runtime:
 * everything else is bundled into preload.cjs by scripts/build-main.mjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld('motcua', createPreloadApi(ipcRenderer));
