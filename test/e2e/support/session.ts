import { expect, type Browser, type Page } from '@playwright/test';
import type { Stack } from './stack';

export const AGENCY = '000.17.22.H56';
export const PASSWORD = 'mat-khau-thu-nghiem-1';

export interface SignInOptions {
  /** Which workstation (browser host); the stack's first by default. */
  host?: { url: string };
  /** Installs window.__motcuaTest (src-renderer/test-hooks.ts) for tests that need volume. */
  testHooks?: boolean;
}

export async function signIn(stack: Stack, browser: Browser, username: string, password = PASSWORD, options: SignInOptions = {}): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  if (options.testHooks) await page.addInitScript(() => (window.__MOTCUA_TEST_HOOKS__ = true));
  await page.goto((options.host ?? stack.host!).url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return page;
}

/** Waits until the workstation holds dossier numbers for today (fetched from the portal after sign-in). */
export async function numbersReady(page: Page): Promise<void> {
  await expect(page.getByTestId('numbers-left')).toHaveAttribute('data-count', /^[1-9]\d*$/);
}

/** Chooses a procedure from the keyboard: type, Enter on the first match; the focus ends in the QR field. */
export async function chooseProcedure(page: Page, search: string, code: string): Promise<void> {
  const box = page.getByRole('combobox', { name: /Tìm thủ tục/ });
  await box.fill(search);
  await expect(page.getByRole('option').first()).toContainText(code);
  await box.press('Enter');
  await expect(page.getByTestId('chosen-procedure')).toContainText(code);
  // The page moves the focus to the ID-card QR field on the next frame: keys typed before that land
  // elsewhere (seen once in CI under load).
  await expect(page.locator('input[name="qr"]')).toBeFocused();
}
