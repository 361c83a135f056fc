/** Reads what the app produced (a downloaded PDF or XLSX) with the real tools: pdftotext, unzip. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';

const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-files-'));

/** Clicks a download link and saves the file. */
export async function download(page: Page, link: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const target = path.join(dir, `${Date.now()}-${(file as Download).suggestedFilename()}`);
  await (file as Download).saveAs(target);
  return target;
}

/**
 * The text of a PDF as pdftotext sees it, NFC-normalised, whitespace collapsed. `raw` keeps the
 * content-stream order, so a value wrapped inside a narrow table cell reads whole.
 */
export function pdfText(file: string, mode: 'plain' | 'raw' = 'plain'): string {
  const args = mode === 'raw' ? ['-raw', '-enc', 'UTF-8', file, '-'] : ['-enc', 'UTF-8', file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

/** Every XML part of an XLSX file, concatenated (the cell text is in sharedStrings or the sheet). */
export function xlsxText(file: string): string {
  return execFileSync('unzip', ['-p', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).normalize('NFC');
}
