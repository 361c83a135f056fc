/**
 * Serves the built renderer over `app://motcua/`. Uses only Node and the web Request/Response classes
 * (no electron import), so unit tests can exercise it; main.ts passes it to `protocol.handle`.
 */
import { readRendererFile } from '../services/static-files';
import { resolveAppFile } from './security';

export interface AppProtocolOptions {
  rootDir: string;
  /** Read per request so a changed portal URL applies at the next page load. */
  csp: () => string | Promise<string>;
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppFile(options.rootDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const found = await readRendererFile(options.rootDir, file);
    if (!found) return new Response('Not found', { status: 404 });
    const headers = new Headers({
      'Content-Type': found.type,
      'Content-Security-Policy': await options.csp(),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.body), { status: 200, headers });
  };
}
