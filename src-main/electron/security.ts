/**
 * Security decisions for the Electron main process, as pure functions (no `electron` import) so unit
 * tests can check every rule without the Electron binary. main.ts only wires them to Electron events.
 */
import { resolveStaticFile } from '../services/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'motcua';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The subset of Electron's WebPreferences we set; typed here so this file needs no electron import. */
export interface HardenedWebPreferences {
  preload: string;
  contextIsolation: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  sandbox: true;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  spellcheck: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  devTools: boolean;
}

/** The renderer gets no Node, runs sandboxed and isolated from the preload. */
export function hardenedWebPreferences(preloadPath: string, options: { devTools?: boolean } = {}): HardenedWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    devTools: options.devTools ?? false,
  };
}

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 10_000) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for our own origin `app://motcua` (exact host, no credentials, no port). */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && !u.port && !u.username && !u.password;
}

/** Only plain web links may be handed to the OS browser; never file:, javascript:, custom schemes. */
export function isExternalWebUrl(url: unknown): boolean {
  const u = parse(url);
  return !!u && (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternal: boolean };

/**
 * will-navigate / will-redirect: the window stays on our origin. Web links open in the OS browser
 * instead, so a clicked link can never load remote content inside the privileged window.
 */
export function decideNavigation(url: unknown): NavigationDecision {
  if (isAppUrl(url)) return { action: 'allow' };
  return { action: 'deny', openExternal: isExternalWebUrl(url) };
}

/** window.open / target=_blank: never a new Electron window. */
export function decideWindowOpen(url: unknown): { action: 'deny'; openExternal: boolean } {
  return { action: 'deny', openExternal: isExternalWebUrl(url) };
}

/**
 * Permissions granted to the renderer (geolocation, notifications, clipboard read, ...). Empty: the
 * app needs none of them. Add a name here only with a reason. The camera is decided apart (below).
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

/**
 * Used for both permission requests and permission checks; only our own origin could ever be
 * granted. `media` is the camera (pages and ID cards photographed at the counter): video only,
 * never the microphone, and only when the request says what it wants.
 */
export function decidePermission(permission: string, requestingUrl: unknown, mediaTypes: readonly string[] = []): boolean {
  if (!isAppUrl(requestingUrl)) return false;
  if (permission === 'media') return mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
  return GRANTED_PERMISSIONS.has(permission);
}

/**
 * Maps an `app://motcua/...` request to a file under rootDir, or null when the URL is not ours or
 * would escape the root (`..`, encoded separators, NUL bytes, absolute paths).
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  return isAppUrl(requestUrl) ? resolveStaticFile(rootDir, new URL(requestUrl).pathname) : null;
}
