/**
 * Bundles the Electron main process and the preload into dist-main/electron/ (CommonJS, electron
 * external). The preload runs sandboxed, where only require('electron') works at runtime, so the
 * build fails if anything else is left as a require in it.
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultOutDir = path.join(root, 'dist-main', 'electron');

const common = {
  bundle: true,
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  // package.json is imported with `with { type: 'json' }` (src-main/version.ts); esbuild reads it natively.
  loader: { '.json': 'json' },
};

const nodeBundle = {
  platform: 'node',
  // Native modules, WebAssembly and their own worker scripts load from node_modules at run time
  // (electron-builder.yml unpacks them from the asar).
  external: ['electron', 'sharp', 'tesseract.js', 'tesseract.js-core', 'pdfjs-dist', '@napi-rs/canvas', 'zxing-wasm'],
  // services/paths.ts finds the repo through import.meta.url, which CommonJS lacks. The bundles sit
  // two folders deep (dist-main/electron) like the source (src-main/services), so the same
  // relative walk lands on the repo root.
  define: { 'import.meta.url': '__motcuaImportMetaUrl' },
  banner: { js: 'const __motcuaImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
};

/** outDir is a parameter so tests can build into a temporary folder. */
export async function buildMain({ outDir = defaultOutDir } = {}) {
  await build({
    ...common,
    ...nodeBundle,
    entryPoints: ['src-main/electron/main.ts'],
    outfile: path.join(outDir, 'main.cjs'),
  });
  // The digitisation worker thread (image preparation, PDF, QR): started by the engine from beside main.cjs.
  await build({
    ...common,
    ...nodeBundle,
    entryPoints: ['src-main/services/digitize/image-worker.ts'],
    outfile: path.join(outDir, 'digitize-worker.cjs'),
  });
  await build({
    ...common,
    entryPoints: ['src-main/electron/preload.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
    platform: 'browser',
    minify: true,
  });
  const preload = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
  const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  const forbidden = required.filter((name) => name !== 'electron');
  if (forbidden.length > 0) {
    throw new Error(`preload.cjs requires ${forbidden.join(', ')}: a sandboxed preload may only require electron`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildMain();
  console.log(`built ${path.relative(root, defaultOutDir)}/main.cjs and preload.cjs`);
}
