/** Serves the built renderer; any path outside the folder is refused, unknown routes get index.html. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The file for a URL path, or null when it would leave the root. */
export function resolveStaticPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

export async function readStatic(rootDir: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const file = resolveStaticPath(rootDir, urlPath);
  if (!file) return null;
  const target = (await fs.stat(file).catch(() => null))?.isFile() ? file : path.join(rootDir, 'index.html');
  const body = await fs.readFile(target).catch(() => null);
  return body ? { body, type: TYPES[path.extname(target)] ?? 'application/octet-stream' } : null;
}
