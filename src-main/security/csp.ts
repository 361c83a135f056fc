/**
 * The Content-Security-Policy of the renderer, the same in Electron and in the browser host.
 * Only our own scripts run; the network is limited to the configured portal (and the host's
 * loopback WebSocket in browser mode), which also blocks RxDB dev-mode's remote page.
 */
export function contentSecurityPolicy(connectSources: string[]): string {
  const connect = ["'self'", ...connectSources.map(originOf)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `http://host:port/path` -> `http://host:port`; WebSocket URLs keep their scheme. */
export function originOf(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}
