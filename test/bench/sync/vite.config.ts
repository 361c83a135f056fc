import { defineConfig } from 'vite';
import path from 'node:path';

/** With BENCH_SYNC_CPU_PROFILE=1: unminified, one chunk per package, so a CPU profile names who spends the time. */
const profiling = process.env.BENCH_SYNC_CPU_PROFILE === '1';

function chunkOf(id: string): string | null {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (match) return `pkg-${match[1]!.replace(/[@/]/g, '_')}`;
  const own = /\/(src-renderer|src-shared|test)\//.exec(id);
  return own ? `app-${own[1]}` : null;
}

// The sync bench page only: no React, no CSP, built into test/bench/.build/sync and served by the sync module.
export default defineConfig({
  root: path.resolve(import.meta.dirname),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, '..', '.build', 'sync'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
    ...(profiling ? { minify: false, rolldownOptions: { output: { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: chunkOf, debugName: 'per package' }] } } } } : {}),
  },
});
