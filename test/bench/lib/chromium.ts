/**
 * Debian's Chromium through Playwright, with a fresh on-disk profile per run: a persistent context,
 * because Playwright's ordinary contexts are incognito-like and keep IndexedDB in memory, which would
 * not measure what a workstation does.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
];

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  /** e.g. `HeadlessChrome/156.0.8078.79`. */
  version: string;
  close(): Promise<void>;
}

export async function launchBenchBrowser(onConsole?: (text: string, type: string) => void): Promise<BenchBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (onConsole) {
      page.on('console', (m) => onConsole(m.text(), m.type()));
      page.on('pageerror', (e) => onConsole(`page error: ${e.message}`, 'error'));
    }
    const cdp = await context.newCDPSession(page);
    const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
    await cdp.detach();
    return {
      context,
      page,
      version: product,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
