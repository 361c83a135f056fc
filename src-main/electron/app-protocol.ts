/**
 * Serves the built renderer over `app://motcua/`. Uses only Node and the web Request/Response classes
 * (no electron import), so unit tests can exercise it; main.ts passes it to `protocol.handle`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveAppFile } from './security';

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

export interface AppProtocolOptions {
  rootDir: string;
  /** Read per request so a changed portal URL applies at the next page load. */
  csp: () => string | Promise<string>;
}

async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppFile(options.rootDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    let target = file;
    let body = await readFileOrNull(target);
    // Client-side routes (no file extension) fall back to the single page.
    if (!body && !path.extname(file)) {
      target = path.join(path.resolve(options.rootDir), 'index.html');
      body = await readFileOrNull(target);
    }
    if (!body) return new Response('Not found', { status: 404 });
    const headers = new Headers({
      'Content-Type': mimeTypeFor(target),
      'Content-Security-Policy': await options.csp(),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
