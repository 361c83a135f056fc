/**
 * Shows a generated PDF (receipt, forms, ledger) in a window of its own, in Chromium's PDF viewer,
 * where the print dialog is one keystroke away. The file holds personal data: it lives in a private
 * temp folder only while its window is open.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow } from 'electron';

export async function showDocument(title: string, pdf: Buffer): Promise<void> {
  const dir = path.join(app.getPath('temp'), `motcua-print-${process.pid}`);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${randomUUID()}.pdf`);
  await fs.writeFile(file, pdf, { mode: 0o600 });
  const win = new BrowserWindow({
    width: 900,
    height: 1000,
    title,
    // No preload and no Node: the viewer needs only Chromium's built-in PDF plugin.
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
  });
  win.on('closed', () => void fs.rm(file, { force: true }));
  await win.loadFile(file);
}
