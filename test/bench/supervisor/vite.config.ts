import { defineConfig } from 'vite';
import path from 'node:path';

// The supervisor bench page only: no React, no CSP, built into test/bench/.build/supervisor and served by its module.
export default defineConfig({
  root: path.resolve(import.meta.dirname),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, '..', '.build', 'supervisor'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
});
