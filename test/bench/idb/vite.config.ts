import { defineConfig } from 'vite';
import path from 'node:path';

// The bench page only: no React, no CSP, built into test/bench/.build/idb and served by test/bench/run.ts.
export default defineConfig({
  root: path.resolve(import.meta.dirname),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, '..', '.build', 'idb'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
});
