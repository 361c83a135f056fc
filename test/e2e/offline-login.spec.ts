/**
 * Sign-in without the network, the screen lock and several users on one workstation, through the
 * real Chromium, browser host and portal: a user who signed in online once signs in offline (the
 * password checked against the local verifier), a wrong password or a stranger is refused in plain
 * Vietnamese, the screen locks after inactivity without losing the form, and a second user works
 * in their own session while the first one's waits for its own password.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AGENCY, PASSWORD, chooseProcedure } from './support/session';
import { Stack } from './support/stack';

const stack = new Stack();
test.describe.configure({ mode: 'serial' });

const ADMIN_PASSWORD = 'mat-khau-quan-tri-9';

test.beforeAll(async () => {
  await stack.addUser('clerk.an', PASSWORD, 'clerk', AGENCY);
  await stack.addUser('clerk.moi', PASSWORD, 'clerk', AGENCY);
  await stack.addUser('admin.e2e', ADMIN_PASSWORD, 'admin', AGENCY);
  await stack.startPortal();
  await stack.startHost();
});

test.afterAll(async () => {
  await stack.stop();
});

/**
 * A fresh page of the workstation, with the test hooks on: `window.__MOTCUA_TEST_LOCK_AFTER_MS__`
 * then shortens the inactivity lock (read again at each lock and unlock).
 */
async function openApp(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(() => (window.__MOTCUA_TEST_HOOKS__ = true));
  await page.goto(stack.host!.url);
  return page;
}

async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

const signInHeading = (page: Page) => page.getByRole('heading', { name: 'Đăng nhập', exact: true });

test('after one online sign-in, the clerk signs in offline; wrong passwords and strangers are refused', async ({ browser }) => {
  const page = await openApp(browser);
  await submitSignIn(page, 'clerk.an', PASSWORD);
  await expect(page.getByTestId('current-user')).toHaveText('clerk.an');
  await expect(page.getByTestId('current-role')).toHaveAttribute('data-role', 'clerk');
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-online', 'true');
  await expect(page.getByTestId('needs-online-sign-in')).toHaveCount(0);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(signInHeading(page)).toBeVisible();

  await stack.stopPortal();

  // Empty fields: said plainly, nothing sent.
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Hãy nhập tên đăng nhập và mật khẩu.');

  // A wrong password, checked on this computer: refused, nothing opened.
  await submitSignIn(page, 'clerk.an', 'sai-mat-khau-1');
  await expect(page.getByRole('alert')).toContainText('Mật khẩu không đúng.');
  await expect(page.getByRole('alert')).toContainText('không kết nối được Cổng');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByLabel('Mật khẩu')).toHaveValue('');

  // Someone who never signed in online on this workstation: the first sign-in must be online.
  await submitSignIn(page, 'clerk.moi', PASSWORD);
  await expect(page.getByRole('alert')).toHaveText(
    'Không kết nối được máy chủ Cổng. Lần đăng nhập đầu tiên trên máy này cần có mạng; hãy kiểm tra kết nối rồi thử lại.',
  );
  await expect(page.getByRole('navigation')).toHaveCount(0);

  // The right password: the workspace opens offline, with the role kept from the online sign-in.
  await submitSignIn(page, 'clerk.an', PASSWORD);
  await expect(page.getByTestId('current-user')).toHaveText('clerk.an');
  await expect(page.getByTestId('current-role')).toHaveAttribute('data-role', 'clerk');
  await expect(page.getByRole('navigation')).toContainText('Tiếp nhận');
  await expect(page.getByTestId('connectivity')).toHaveText('Mất kết nối');
  const needsSignIn = page.getByTestId('needs-online-sign-in');
  await expect(needsSignIn).toHaveText('Cần đăng nhập trực tuyến để đồng bộ');

  // Still offline: signing in again for sync says the portal is out of reach, and work goes on.
  await needsSignIn.click();
  await page.getByTestId('online-sign-in').getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Kết nối và đồng bộ' }).click();
  await expect(page.getByTestId('online-sign-in').getByRole('alert')).toContainText('Không kết nối được máy chủ Cổng');

  // The portal is back: the password once more gets tokens, and the session syncs.
  await stack.startPortal();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-online', 'true');
  await page.getByTestId('online-sign-in').getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Kết nối và đồng bộ' }).click();
  await expect(needsSignIn).toHaveCount(0);
  await expect(page.getByRole('status').getByText(/Lần cuối: \d\d:\d\d/)).toBeVisible();
  await page.context().close();
});

test('the screen locks after inactivity and hides the app; unlocking keeps the unsaved form', async ({ browser }) => {
  const page = await openApp(browser);
  await submitSignIn(page, 'clerk.an', PASSWORD);
  await chooseProcedure(page, 'khai sinh', '1.001193');
  const name = page.locator('input[name="name"]');
  await name.fill('Lê Thị Chưa Lưu');

  // Lock now, from the top bar. The app is inert and not painted; only the lock screen is reachable.
  const lock = page.getByTestId('lock-screen');
  await page.getByRole('button', { name: 'Khóa màn hình' }).click();
  await expect(lock).toBeVisible();
  await expect(page.getByTestId('locked-user')).toContainText('clerk.an');
  await expect(page.getByTestId('app-root')).toHaveAttribute('inert', '');
  await expect(name).toBeHidden();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(lock.getByLabel('Mật khẩu')).toBeFocused();
  // The keyboard cannot reach the app: Tab goes round the lock screen (and the browser's own UI).
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="app-root"]')))).toBe(false);
  }
  await page.keyboard.type('gõ vào đâu cũng không tới ứng dụng');
  await expect(name).toHaveValue('Lê Thị Chưa Lưu');
  await lock.getByLabel('Mật khẩu').fill('sai-mat-khau-2');
  await lock.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(lock.getByRole('alert')).toHaveText('Mật khẩu không đúng.');
  await expect(lock).toBeVisible();

  // From the unlock on, 1.5 s without input locks the screen (the test hook shortens the minutes).
  await page.evaluate(() => (window.__MOTCUA_TEST_LOCK_AFTER_MS__ = 1500));
  await lock.getByLabel('Mật khẩu').fill(PASSWORD);
  await lock.getByLabel('Mật khẩu').press('Enter');
  await expect(lock).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Khóa màn hình' })).toBeFocused(); // where the focus was
  await name.focus(); // moving the focus is no input: the clock keeps running
  await expect(name).toHaveValue('Lê Thị Chưa Lưu');
  await expect(lock).toBeVisible(); // nobody touched anything
  await expect(name).toBeHidden();
  await expect(page.getByTestId('app-root')).toHaveAttribute('inert', '');

  await page.evaluate(() => (window.__MOTCUA_TEST_LOCK_AFTER_MS__ = 600_000));
  await lock.getByLabel('Mật khẩu').fill(PASSWORD);
  await lock.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(lock).toHaveCount(0);
  await expect(name).toHaveValue('Lê Thị Chưa Lưu');
  await expect(name).toBeFocused(); // the clerk types on where they left off
  await page.context().close();
});

test('switch user: the second user works in their own session; switching back needs the first one’s password', async ({ browser }) => {
  const page = await openApp(browser);
  await submitSignIn(page, 'clerk.an', PASSWORD);
  await expect(page.getByTestId('current-user')).toHaveText('clerk.an');

  // A clerk sees the lock timeout but cannot change it.
  await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
  await expect(page.getByTestId('lock-after')).toHaveText('10 phút');
  await expect(page.locator('input[name="lockAfterMinutes"]')).toHaveCount(0);

  await page.getByRole('button', { name: 'Đổi người dùng' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập người dùng khác' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toBeHidden();
  await submitSignIn(page, 'admin.e2e', ADMIN_PASSWORD);
  await expect(page.getByTestId('current-user')).toHaveText('admin.e2e');
  await expect(page.getByTestId('current-role')).toHaveAttribute('data-role', 'admin');

  // The administrator may change the lock timeout; a wrong value is explained, a right one kept.
  await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
  const minutes = page.locator('input[name="lockAfterMinutes"]');
  await minutes.fill('0');
  await page.getByTestId('lock-settings').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('lock-settings').getByRole('alert')).toHaveText('Số phút phải là số nguyên từ 1 đến 240.');
  await minutes.fill('15');
  await page.getByTestId('lock-settings').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('lock-settings').getByText('Đã lưu.')).toBeVisible();
  await expect(page.getByTestId('known-users')).toContainText('clerk.an');

  // Back to clerk.an — without the network: the password is checked on this computer. (SIGKILL: a
  // graceful stop can wait forever on an event stream that reconnected while the portal was closing.)
  await stack.stopPortal('SIGKILL');
  await page.getByRole('button', { name: 'Đổi người dùng' }).click();
  const openSessions = page.getByTestId('open-sessions');
  await openSessions.getByRole('button', { name: /clerk\.an/ }).click();
  await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('clerk.an');
  await expect(page.getByLabel('Mật khẩu')).toBeFocused();
  await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Mật khẩu không đúng.');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page.getByTestId('current-user')).toHaveText('clerk.an');
  await expect(page.getByTestId('current-role')).toHaveAttribute('data-role', 'clerk');
  // clerk.an's session kept its portal tokens: nothing to sign in again for.
  await expect(page.getByTestId('needs-online-sign-in')).toHaveCount(0);
  await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
  await expect(page.getByTestId('lock-after')).toHaveText('15 phút');

  // Signing out ends clerk.an's session only; the administrator's is still offered.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(signInHeading(page)).toBeVisible();
  await expect(page.getByTestId('open-sessions').getByRole('button')).toHaveText([/admin\.e2e/]);
  await page.context().close();
});
