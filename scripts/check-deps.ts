/**
 * Enforces the dependency direction of ARCHITECTURE.md (run by `npm run lint`):
 * src-shared is pure; the renderer talks to the Node side only through the contract; nothing but the
 * portal and its tests imports src-portal; only src-main/electron imports electron.
 * Specifiers come from TypeScript's own pre-processor, which skips comments and strings and sees
 * `import type`, `export … from`, dynamic `import()` and `require()`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

export interface SourceFile {
  /** Repository-relative, forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

export const CHECKED_ROOTS = ['src-shared', 'src-main', 'src-renderer', 'src-portal', 'test'] as const;
const SOURCE_EXT = /\.(ts|tsx|mts|cts)$/;
const BUILTINS = new Set(builtinModules);

type Target =
  | { kind: 'local'; path: string }
  | { kind: 'builtin' }
  | { kind: 'package'; name: string };

export function importSpecifiers(text: string): string[] {
  // detectJavaScriptImports = true also reports require() calls.
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function classify(importer: string, specifier: string): Target {
  const spec = specifier.replace(/[?#].*$/, '');
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const resolved = spec.startsWith('/') ? spec.slice(1) : path.posix.join(path.posix.dirname(importer), spec);
    return { kind: 'local', path: path.posix.normalize(resolved) };
  }
  if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0] ?? '')) return { kind: 'builtin' };
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
  return { kind: 'package', name };
}

const under = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);
const isReact = (t: Target) => t.kind === 'package' && (t.name === 'react' || t.name === 'react-dom');
const isElectron = (t: Target) => t.kind === 'package' && t.name === 'electron';
const localUnder = (t: Target, dir: string) => t.kind === 'local' && under(t.path, dir);
// Build configs next to the renderer run in Node, not in the page.
const isNodeConfig = (file: string) => /\.config\.(ts|mts|cts)$/.test(file);

/** Every rule the import of `specifier` from `file` breaks (usually none). */
export function rulesBroken(file: string, specifier: string): string[] {
  const t = classify(file, specifier);
  const broken: string[] = [];
  if (under(file, 'src-shared')) {
    if (t.kind === 'local' && !under(t.path, 'src-shared')) broken.push('src-shared may import only src-shared');
    if (t.kind === 'builtin') broken.push('src-shared may not import Node builtins');
    if (isElectron(t)) broken.push('src-shared may not import electron');
    if (isReact(t)) broken.push('src-shared may not import react');
  }
  if (under(file, 'src-renderer') && !isNodeConfig(file)) {
    if (localUnder(t, 'src-main')) broken.push('src-renderer may not import src-main (use the desktop contract)');
    if (t.kind === 'builtin') broken.push('src-renderer may not import Node builtins');
    if (isElectron(t)) broken.push('src-renderer may not import electron (use the desktop contract)');
  }
  if (localUnder(t, 'src-portal') && !under(file, 'src-portal') && !under(file, 'test/portal')) {
    broken.push('only src-portal and test/portal may import src-portal');
  }
  if ((under(file, 'src-main') || under(file, 'src-portal')) && localUnder(t, 'src-renderer')) {
    broken.push(`${file.split('/')[0]} may not import src-renderer`);
  }
  if (under(file, 'src-portal') && localUnder(t, 'src-main')) broken.push('src-portal may not import src-main');
  if (isElectron(t) && (under(file, 'src-portal') || (under(file, 'src-main') && !under(file, 'src-main/electron')))) {
    broken.push('only src-main/electron may import electron');
  }
  return broken;
}

export function checkDependencies(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    for (const specifier of importSpecifiers(file.text)) {
      for (const rule of rulesBroken(file.path, specifier)) violations.push({ file: file.path, specifier, rule });
    }
  }
  return violations;
}

/** Reads every TypeScript source under the checked roots of `rootDir`. */
export function readSourceTree(rootDir: string, roots: readonly string[] = CHECKED_ROOTS): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(rootDir, rel), { withFileTypes: true });
    } catch {
      return; // a root that does not exist yet has nothing to check
    }
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(child);
      else if (entry.isFile() && SOURCE_EXT.test(entry.name)) {
        files.push({ path: child, text: readFileSync(path.join(rootDir, child), 'utf8') });
      }
    }
  };
  roots.forEach(walk);
  return files;
}

export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `  ${v.file}: '${v.specifier}' — ${v.rule}`).join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = readSourceTree(root);
  const violations = checkDependencies(files);
  if (violations.length > 0) {
    console.error(`check-deps: ${violations.length} forbidden import(s):\n${formatViolations(violations)}`);
    process.exit(1);
  }
  console.log(`check-deps: ${files.length} files, dependency rules hold`);
}
