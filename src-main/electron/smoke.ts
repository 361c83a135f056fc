/**
 * Used only by test/unit/electron-smoke.test.ts (MOTCUA_SMOKE_TEST=1): reports what the page sees
 * through the preload on stdout and exits, so the test needs no UI automation.
 */
import type { BrowserWindow } from 'electron';

const PROBE = `(async () => ({
  keys: Object.keys(window.motcua ?? {}).sort(),
  nodeRequire: typeof require,
  nodeProcess: typeof process,
  info: await window.motcua.invoke('app.info', {}),
  unknown: await window.motcua.invoke('no.such', {}).then(() => 'resolved', (e) => String(e && e.message)),
}))()`;

export function runSmokeCheck(win: BrowserWindow, exit: (code: number) => void): void {
  const timer = setTimeout(() => {
    console.log('MOTCUA_SMOKE {"error":"timeout"}');
    exit(2);
  }, 20_000);
  win.webContents.once('did-finish-load', () => {
    win.webContents
      .executeJavaScript(PROBE)
      .then((result: unknown) => {
        console.log(`MOTCUA_SMOKE ${JSON.stringify(result)}`);
        exit(0);
      })
      .catch((error: unknown) => {
        console.log(`MOTCUA_SMOKE ${JSON.stringify({ error: String(error) })}`);
        exit(1);
      })
      .finally(() => clearTimeout(timer));
  });
}
