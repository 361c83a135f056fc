/**
 * Loads the real bundled main process (dist layout in a temp folder) against a fake `electron`
 * module, so the wiring of security.ts and the dispatcher is checked without the Electron binary.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { APP_VERSION } from '../../src-main/version';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMain } from '../../scripts/build-main.mjs';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../src-shared/contract/desktop';
import type { ImageTasks } from '../../src-main/services/digitize/image-worker';
import { createThreadPool } from '../../src-main/services/workers/thread-pool';
import { generateIdCard } from '../support/digitize/id-card';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const appDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-electron-app-'));
const mainFile = path.join(appDir, 'dist-main', 'electron', 'main.cjs');
const requireCjs = createRequire(import.meta.url);
type Fn = (...args: unknown[]) => unknown;

class FakeWebContents {
  listeners = new Map<string, Fn>();
  windowOpenHandler: Fn | undefined;
  sent: unknown[][] = [];
  url = '';
  on(name: string, fn: Fn) {
    this.listeners.set(name, fn);
    return this;
  }
  once(name: string, fn: Fn) {
    return this.on(name, fn);
  }
  setWindowOpenHandler(fn: Fn) {
    this.windowOpenHandler = fn;
  }
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.url;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

function fakeElectron(options: { lock: boolean; dataDir: string }) {
  const appListeners = new Map<string, Fn>();
  const paths = new Map<string, string>([['userData', options.dataDir]]);
  const opened: string[] = [];
  const windows: FakeWindow[] = [];
  const state = {
    privileged: [] as unknown[],
    protocols: new Map<string, (request: Request) => Promise<Response>>(),
    ipc: new Map<string, Fn>(),
    permissionRequest: undefined as Fn | undefined,
    permissionCheck: undefined as Fn | undefined,
    devicePermission: undefined as Fn | undefined,
    sandboxed: false,
    quits: 0,
    exits: [] as number[],
    setPaths: [] as [string, string][],
  };
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  class FakeWindow {
    webContents = new FakeWebContents();
    calls: string[] = [];
    minimized = true;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
      appListeners.get('web-contents-created')?.({}, this.webContents);
    }
    static getAllWindows() {
      return windows;
    }
    loadURL(url: string) {
      this.webContents.url = url;
      return Promise.resolve();
    }
    once(name: string) {
      this.calls.push(`once:${name}`);
    }
    on(name: string) {
      this.calls.push(`on:${name}`);
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.calls.push('restore');
    }
    show() {
      this.calls.push('show');
    }
    focus() {
      this.calls.push('focus');
    }
  }

  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => (state.sandboxed = true),
      setPath: (name: string, value: string) => {
        state.setPaths.push([name, value]);
        paths.set(name, value);
      },
      getPath: (name: string) => paths.get(name) ?? '/nonexistent',
      getAppPath: () => appDir,
      requestSingleInstanceLock: () => options.lock,
      quit: () => state.quits++,
      exit: (code: number) => state.exits.push(code),
      on: (name: string, fn: Fn) => appListeners.set(name, fn),
      whenReady: () => ready,
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: Fn) => state.ipc.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => state.protocols.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Fn) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Fn) => (state.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Fn) => (state.devicePermission = fn),
      },
    },
    shell: { openExternal: async (url: string) => void opened.push(url) },
  };
  return { electron, state, windows, opened, appListeners, markReady };
}

const savedEnv = { ...process.env };
const moduleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = moduleInternals._load;

/** Runs main.cjs afresh with the given fake standing in for `electron`. */
function loadMain(fake: ReturnType<typeof fakeElectron>) {
  moduleInternals._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return fake.electron;
    return originalLoad.call(this, request, ...rest);
  };
  delete requireCjs.cache[mainFile];
  requireCjs(mainFile);
}

beforeAll(async () => {
  await buildMain({ outDir: path.dirname(mainFile) });
  // Mirror the repository layout: the bundle finds resources/ two folders up, like the sources do.
  cpSync(path.join(repo, 'resources', 'seed'), path.join(appDir, 'resources', 'seed'), { recursive: true });
  // Native and WebAssembly modules (sharp, tesseract.js) stay external to the bundle, as in the package.
  symlinkSync(path.join(repo, 'node_modules'), path.join(appDir, 'node_modules'), 'dir');
  mkdirSync(path.join(appDir, 'dist-renderer'), { recursive: true });
  writeFileSync(path.join(appDir, 'dist-renderer', 'index.html'), '<!doctype html><title>motcua</title>');
}, 60_000);

afterEach(() => {
  moduleInternals._load = originalLoad;
  process.env = { ...savedEnv };
});

const dataDirs: string[] = [];
afterAll(() => {
  moduleInternals._load = originalLoad;
  for (const dir of [appDir, ...dataDirs]) rmSync(dir, { recursive: true, force: true });
});

function freshDataDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-electron-data-'));
  dataDirs.push(dir);
  return dir;
}

async function startApp() {
  delete process.env.MOTCUA_RESOURCES_DIR;
  delete process.env.MOTCUA_DATA_DIR;
  delete process.env.MOTCUA_SMOKE_TEST;
  delete process.env.MOTCUA_RENDERER_DIR;
  process.env.MOTCUA_PORTAL_URL = 'https://portal.example.gov.vn/base';
  const fake = fakeElectron({ lock: true, dataDir: freshDataDir() });
  loadMain(fake);
  fake.markReady();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  return fake;
}

const appSender = { senderFrame: { url: 'app://motcua/index.html' } };

describe('Electron main process wiring (fake electron)', () => {
  it('quits a second instance before creating anything', async () => {
    const fake = fakeElectron({ lock: false, dataDir: freshDataDir() });
    loadMain(fake);
    fake.markReady();
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.state.quits).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.state.ipc.size).toBe(0);
  });

  it('registers app:// as a privileged standard, secure scheme before ready', () => {
    const fake = fakeElectron({ lock: true, dataDir: freshDataDir() });
    loadMain(fake);
    expect(fake.state.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(fake.state.sandboxed).toBe(true);
    expect(fake.windows).toHaveLength(0);
  });

  it('opens one hardened window on app://motcua with the bundled preload', async () => {
    const fake = await startApp();
    const win = fake.windows[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, nodeIntegration: false, sandbox: true, webSecurity: true, webviewTag: false });
    expect(prefs.preload).toBe(path.join(appDir, 'dist-main', 'electron', 'preload.cjs'));
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(win.webContents.url).toBe('app://motcua/index.html');
  });

  it('restores and focuses the window when a second instance starts', async () => {
    const fake = await startApp();
    fake.appListeners.get('second-instance')?.();
    expect(fake.windows[0]!.calls).toEqual(expect.arrayContaining(['restore', 'show', 'focus']));
  });

  it('denies every permission request and check', async () => {
    const { state } = await startApp();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      state.permissionRequest?.({}, permission, callback, { requestingUrl: 'app://motcua/index.html' });
      expect(callback).toHaveBeenCalledWith(false);
      expect(state.permissionCheck?.({}, permission, 'app://motcua', {})).toBe(false);
    }
    expect(state.devicePermission?.({})).toBe(false);
  });

  it('blocks navigation, redirects, webviews and new windows; web links go to the OS browser', async () => {
    const fake = await startApp();
    const contents = fake.windows[0]!.webContents;
    const navigate = (name: string, url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.listeners.get(name)?.(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'app://motcua/index.html')).toBe(false);
    expect(navigate('will-attach-webview', 'app://motcua/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://dichvucong.gov.vn/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.opened).toEqual(['https://evil.example/', 'https://dichvucong.gov.vn/']);
  });

  it('serves the renderer with the CSP naming the configured portal', async () => {
    const { state } = await startApp();
    const handler = state.protocols.get('app');
    const res = await handler!(new Request('app://motcua/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' https://portal.example.gov.vn;");
    expect((await handler!(new Request('app://motcua/..%2f..%2fpackage.json'))).status).toBe(404);
  });

  it('answers contract calls from our page only', async () => {
    const { state } = await startApp();
    const invoke = state.ipc.get(IPC_INVOKE_CHANNEL)!;
    await expect(invoke(appSender, 'app.info', {})).resolves.toMatchObject({ ok: true, result: { host: 'electron', version: APP_VERSION } });
    await expect(invoke(appSender, 'catalog.seed', {})).resolves.toMatchObject({ ok: true });
    await expect(invoke(appSender, 'no.such', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await expect(invoke(appSender, 'settings.update', { language: 'xx' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    for (const sender of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: null }, { senderFrame: { url: 'app://other/' } }]) {
      await expect(invoke(sender, 'settings.get', {})).resolves.toEqual({ ok: false, error: { code: 'forbidden', message: 'Forbidden' } });
    }
  });

  it('pushes settings.changed to the page over the event channel', async () => {
    const fake = await startApp();
    const invoke = fake.state.ipc.get(IPC_INVOKE_CHANNEL)!;
    await expect(invoke(appSender, 'settings.update', { language: 'en' })).resolves.toMatchObject({ ok: true });
    // Other services (the watched folder) may speak at start: only the settings events are counted.
    const settingsEvents = fake.windows[0]!.webContents.sent.filter(([, m]) => (m as { event: string }).event === 'settings.changed');
    expect(settingsEvents).toEqual([[IPC_EVENT_CHANNEL, { event: 'settings.changed', payload: expect.objectContaining({ language: 'en' }) }]]);
  });

  it('binds the vault and the upload queue, and pushes uploads.changed to the page', async () => {
    const fake = await startApp();
    const invoke = fake.state.ipc.get(IPC_INVOKE_CHANNEL)!;
    const put = (await invoke(appSender, 'vault.put', { bytesBase64: Buffer.from('scan').toString('base64') })) as { ok: true; result: { sha256: string; size: number } };
    expect(put).toMatchObject({ ok: true, result: { size: 4 } });
    const file = { fileId: 'f-1', sha256: put.result.sha256, size: 4 };
    await expect(invoke(appSender, 'uploads.enqueue', { files: [file] })).resolves.toEqual({ ok: true, result: { queued: 1 } });
    expect(fake.windows[0]!.webContents.sent).toContainEqual([
      IPC_EVENT_CHANNEL,
      { event: 'uploads.changed', payload: { ...file, state: 'pending', sent: 0, errorCode: null, error: null } },
    ]);
    await expect(invoke(appSender, 'uploads.retry', { fileId: 'other' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('keeps its data in MOTCUA_DATA_DIR when set', async () => {
    const dataDir = freshDataDir();
    process.env.MOTCUA_DATA_DIR = dataDir;
    const fake = fakeElectron({ lock: true, dataDir: '/nonexistent' });
    loadMain(fake);
    expect(fake.state.setPaths).toEqual([['userData', dataDir]]);
    fake.markReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    await fake.state.ipc.get(IPC_INVOKE_CHANNEL)!(appSender, 'settings.get', {});
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toHaveProperty('workstationId');
  });

  it('ships a digitisation worker bundle that loads sharp and the QR reader from node_modules', async () => {
    const card = await generateIdCard('rotated-90');
    const file = path.join(appDir, card.name);
    writeFileSync(file, card.bytes);
    const pool = createThreadPool<ImageTasks>({ file: path.join(path.dirname(mainFile), 'digitize-worker.cjs'), workerData: {} }, 1);
    try {
      expect(await pool.run('inspect', file, card.name)).toEqual({ kind: 'png', pageCount: 1 });
      const prepared = await pool.run('prepare', file, card.name, 0);
      expect([...Buffer.from(prepared.jpeg).subarray(0, 2)]).toEqual([0xff, 0xd8]);
      expect(Math.max(prepared.width, prepared.height) / Math.min(prepared.width, prepared.height)).toBeCloseTo(Math.max(card.width, card.height) / Math.min(card.width, card.height), 1);
      expect(await pool.run('readQrBytes', new Uint8Array(card.bytes))).toEqual([card.qrText]);
    } finally {
      await pool.close();
    }
  });
});
