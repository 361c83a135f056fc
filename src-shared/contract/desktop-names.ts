/**
 * The names in the desktop contract, without their schemas: what the sandboxed preload needs to
 * refuse unknown calls, kept free of zod so the preload bundle stays small. desktop.ts checks at
 * compile time that these lists and the schemas name the same methods and events.
 */
export const DESKTOP_METHOD_NAMES = [
  'app.info',
  'catalog.seed',
  'calendar.tables',
  'document.show',
  'settings.get',
  'settings.update',
  'vault.put',
  'vault.read',
  'uploads.enqueue',
  'uploads.list',
  'uploads.connect',
  'uploads.retry',
  'auth.remember',
  'auth.verifyOffline',
  'auth.knownUsers',
  'auth.forget',
  'digitize.add',
  'digitize.batch',
  'digitize.arrange',
  'digitize.remove',
  'digitize.rotate',
  'digitize.retry',
  'digitize.cancel',
  'digitize.take',
  'digitize.pageImage',
  'digitize.pageText',
  'digitize.assemble',
  'digitize.discard',
  'digitize.readIdCard',
  'scanner.list',
  'scanner.scan',
  'watchFolder.get',
  'watchFolder.set',
] as const;
export const DESKTOP_EVENT_NAMES = ['settings.changed', 'uploads.changed', 'uploads.tokenExpired', 'digitize.changed', 'watchFolder.changed'] as const;

export type DesktopMethod = (typeof DESKTOP_METHOD_NAMES)[number];
export type DesktopEvent = (typeof DESKTOP_EVENT_NAMES)[number];

export function isDesktopMethod(name: unknown): name is DesktopMethod {
  return typeof name === 'string' && (DESKTOP_METHOD_NAMES as readonly string[]).includes(name);
}
export function isDesktopEvent(name: unknown): name is DesktopEvent {
  return typeof name === 'string' && (DESKTOP_EVENT_NAMES as readonly string[]).includes(name);
}

/** Channel names used by Electron IPC. */
export const IPC_INVOKE_CHANNEL = 'motcua:invoke';
export const IPC_EVENT_CHANNEL = 'motcua:event';
