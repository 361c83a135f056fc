/**
 * Serving the built renderer from disk, shared by Electron's `app://` scheme and the browser host:
 * one path check, one content-type table, one single-page fallback.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path (still percent-encoded, as in `URL.pathname`) names under rootDir, or null when
 * it would leave the folder: `..` segments, encoded slashes or backslashes, NUL bytes.
 */
export function resolveStaticFile(rootDir: string, encodedPathname: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(encodedPathname);
  } catch {
    return null;
  }
  // Encoded slashes or backslashes would let a segment act as a separator after decoding.
  if (pathname.includes('\0') || pathname.includes('\\') || /%2f|%5c/i.test(encodedPathname)) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (relative.split('/').some((segment) => segment === '..')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}

/** Reads a resolved file; client-side routes (no extension) fall back to the single page. */
export async function readRendererFile(rootDir: string, file: string): Promise<{ body: Buffer; type: string } | null> {
  let target = file;
  let body = await readFileOrNull(target);
  if (!body && !path.extname(file)) {
    target = path.join(path.resolve(rootDir), 'index.html');
    body = await readFileOrNull(target);
  }
  return body ? { body, type: mimeTypeFor(target) } : null;
}
