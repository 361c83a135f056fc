/** Picks the transport: Electron's preload (window.motcua) or the browser host's WebSocket. */
import type { DesktopApi } from '../../src-shared/contract/desktop';
import { connectWebSocketBridge } from './ws-client';

declare global {
  interface Window {
    motcua?: DesktopApi;
  }
}

const TOKEN_KEY = 'motcua.hostToken';

/** The browser host passes its per-run token in the URL fragment (never sent to any server). */
function hostToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let api: DesktopApi | undefined;

export function desktop(): DesktopApi {
  if (api) return api;
  if (window.motcua) return (api = window.motcua);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  api = connectWebSocketBridge(`${scheme}://${location.host}/contract?token=${encodeURIComponent(hostToken())}`);
  return api;
}
