/**
 * Electron main process: lifecycle, the window, the `app://motcua/` scheme and the IPC binding.
 * Thin on purpose: every decision lives in security.ts, every behaviour in the services.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, shell, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type DesktopEvent, type EventPayload } from '../../src-shared/contract/desktop';
import type { EventEnvelope, Outcome } from '../../src-shared/contract/transport';
import { createDispatcher } from '../contract/dispatch';
import { createHandlers, createWorkstationServices } from '../contract/handlers';
import { showDocument } from './document-window';
import { contentSecurityPolicy } from '../security/csp';
import { defaultDataDir, defaultResourcesDir } from '../services/paths';
import { APP_VERSION } from '../version';
import { createAppProtocolHandler } from './app-protocol';
import { runSmokeCheck } from './smoke';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  hardenedWebPreferences,
  isAppUrl,
} from './security';

const log = (message: string) => console.error(`[motcua] ${message}`);

// Every renderer sandboxed, whatever a window's options say (defence in depth on top of security.ts).
app.enableSandbox();

// Privileges must be registered before 'ready'; standard+secure gives the page a real origin for IndexedDB.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// Set before the single-instance lock, which lives in userData: separate data dirs run side by side (tests).
if (process.env.MOTCUA_DATA_DIR) app.setPath('userData', defaultDataDir());

let mainWindow: BrowserWindow | null = null;

function emit<E extends DesktopEvent>(event: E, payload: EventPayload<E>): void {
  const envelope: EventEnvelope = { event, payload };
  for (const win of BrowserWindow.getAllWindows()) {
    const contents = win.webContents;
    if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(IPC_EVENT_CHANNEL, envelope);
  }
}

function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.openExternal) void shell.openExternal(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url).action !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternal) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function createWindow(resourcesDir: string): BrowserWindow {
  const icon = path.join(resourcesDir, 'icons', '512x512.png');
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'motcua',
    ...(existsSync(icon) ? { icon } : {}),
    webPreferences: hardenedWebPreferences(path.join(app.getAppPath(), 'dist-main', 'electron', 'preload.cjs'), {
      devTools: !app.isPackaged,
    }),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

async function ready(): Promise<void> {
  const dataDir = app.getPath('userData');
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : defaultResourcesDir();
  // The renderer dir override exists for the binary smoke test only, never in a packaged app.
  const rendererDir =
    !app.isPackaged && process.env.MOTCUA_RENDERER_DIR
      ? path.resolve(process.env.MOTCUA_RENDERER_DIR)
      : path.join(app.getAppPath(), 'dist-renderer');
  // In-flight uploads need no goodbye on quit: their URL is saved and the next start resumes them.
  const services = createWorkstationServices(dataDir, resourcesDir, log);
  const { settings } = services;
  const dispatch = createDispatcher(createHandlers({ version: APP_VERSION, host: 'electron', resourcesDir, ...services, emit, showDocument }), log);

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(decidePermission(permission, details.requestingUrl, 'mediaTypes' in details ? (details.mediaTypes ?? []) : [])),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission(permission, requestingOrigin, 'mediaType' in details && details.mediaType ? [details.mediaType] : []),
  );
  ses.setDevicePermissionHandler(() => false);

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: rendererDir,
      csp: async () => contentSecurityPolicy([(await settings.get()).portalUrl]),
    }),
  );

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, params: unknown): Promise<Outcome<unknown>> => {
    // Only our own page may call the contract, never a frame that navigated elsewhere.
    if (!isAppUrl(event.senderFrame?.url)) {
      log(`refused IPC call from ${String(event.senderFrame?.url).slice(0, 200)}`);
      return { ok: false, error: { code: 'forbidden', message: 'Forbidden' } };
    }
    return dispatch(method, params);
  });

  mainWindow = createWindow(resourcesDir);
  if (process.env.MOTCUA_SMOKE_TEST === '1') runSmokeCheck(mainWindow, (code) => app.exit(code));
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the data folder; it restores its window on 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(ready)
    .catch((error: unknown) => {
      log(`start failed: ${(error as Error).stack ?? String(error)}`);
      app.exit(1);
    });
}
