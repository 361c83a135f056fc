import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../src-main/electron/app-protocol';
import { mimeTypeFor } from '../../src-main/services/static-files';
import {
  APP_ENTRY_URL,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  hardenedWebPreferences,
  isAppUrl,
  resolveAppFile,
} from '../../src-main/electron/security';

describe('hardenedWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node', () => {
    const prefs = hardenedWebPreferences('/app/preload.cjs');
    expect(prefs).toEqual({
      preload: '/app/preload.cjs',
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
      devTools: false,
    });
    expect(hardenedWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://motcua/', 'app://motcua/assets/x.js?v=1#h'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each([
    'app://other/index.html',
    'app://motcua.evil.com/',
    'app://motcua:8080/',
    'app://user:pw@motcua/',
    'https://motcua/',
    'file:///motcua/index.html',
    'http://127.0.0.1:5173/',
    'javascript:alert(1)',
    'not a url',
    '',
    null,
    undefined,
    42,
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('keeps the window on our origin', () => {
    expect(decideNavigation('app://motcua/index.html#/ledger')).toEqual({ action: 'allow' });
  });
  it('opens web links in the OS browser instead of navigating', () => {
    expect(decideNavigation('https://dichvucong.gov.vn/')).toEqual({ action: 'deny', openExternal: true });
    expect(decideNavigation('http://example.com/')).toEqual({ action: 'deny', openExternal: true });
  });
  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'smb://host/share', 'ms-settings:', 'https://u:p@evil.example/', 'app://other/'])(
    'denies %s without handing it to the OS',
    (url) => {
      expect(decideNavigation(url)).toEqual({ action: 'deny', openExternal: false });
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternal: false });
    },
  );
  it('never opens a new Electron window, even for our own origin', () => {
    expect(decideWindowOpen(APP_ENTRY_URL)).toEqual({ action: 'deny', openExternal: false });
    expect(decideWindowOpen('https://example.com/help')).toEqual({ action: 'deny', openExternal: true });
  });
});

describe('decidePermission', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'unknown'])(
    'denies %s, even to our own origin',
    (permission) => {
      expect(decidePermission(permission, 'app://motcua')).toBe(false);
      expect(decidePermission(permission, 'https://evil.example')).toBe(false);
    },
  );

  it('grants the camera (video only) to our own origin, never the microphone or another origin', () => {
    expect(decidePermission('media', 'app://motcua/', ['video'])).toBe(true);
    expect(decidePermission('media', 'app://motcua/', ['video', 'audio'])).toBe(false);
    expect(decidePermission('media', 'app://motcua/', ['audio'])).toBe(false);
    expect(decidePermission('media', 'app://motcua/', ['unknown'])).toBe(false);
    expect(decidePermission('media', 'https://evil.example', ['video'])).toBe(false);
    expect(decidePermission('geolocation', 'app://motcua/', ['video'])).toBe(false);
  });
});

describe('resolveAppFile', () => {
  const root = path.resolve('/srv/renderer');
  it('maps our URLs under the root', () => {
    expect(resolveAppFile(root, 'app://motcua/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://motcua/assets/app.js?x=1')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveAppFile(root, 'app://motcua/fonts/Be%20Vietnam.woff2')).toBe(path.join(root, 'fonts', 'Be Vietnam.woff2'));
  });
  // The URL parser already folds dot segments (also %2e%2e) at the root, so these stay inside it.
  it.each(['app://motcua/../secret.txt', 'app://motcua/%2e%2e/secret.txt', 'app://motcua/assets/%2e%2e/%2e%2e/secret.txt'])(
    'keeps %s inside the root',
    (url) => {
      expect(resolveAppFile(root, url)).toBe(path.join(root, 'secret.txt'));
    },
  );
  it.each([
    'app://motcua/..%2fsecret.txt',
    'app://motcua/..%5csecret.txt',
    'app://motcua/assets%2f..%2f..%2fsecret.txt',
    'app://motcua/a\\..\\..\\secret.txt',
    'app://motcua/x%00.html',
    'app://motcua/%E0%A4%A',
    'app://motcua/C:/Windows/win.ini',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    const resolved = resolveAppFile(root, url);
    if (url === 'app://motcua/C:/Windows/win.ini' && resolved !== null) {
      // On POSIX `C:` is an ordinary folder name under the root; on Windows it must be refused.
      expect(process.platform).not.toBe('win32');
      expect(resolved.startsWith(root + path.sep)).toBe(true);
      return;
    }
    expect(resolved).toBeNull();
  });
});

describe('app:// protocol handler', () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'motcua-renderer-'));
  const root = path.join(parent, 'root');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>motcua</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(parent, 'motcua-outside.txt'), 'secret');
  const handler = createAppProtocolHandler({ rootDir: root, csp: () => "default-src 'self'" });

  it('serves files with type, CSP and nosniff', async () => {
    const res = await handler(new Request('app://motcua/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });
  it('falls back to index.html for client-side routes only', async () => {
    expect(await (await handler(new Request('app://motcua/ledger/today'))).text()).toContain('<title>motcua</title>');
    expect((await handler(new Request('app://motcua/assets/missing.js'))).status).toBe(404);
  });
  it('never serves a file outside the root', async () => {
    for (const url of ['app://motcua/%2e%2e/motcua-outside.txt', 'app://motcua/..%2fmotcua-outside.txt', 'app://other/index.html']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
    }
  });
  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler(new Request('app://motcua/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
  it('knows the MIME types the renderer ships', () => {
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.WOFF2')).toBe('font/woff2');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
