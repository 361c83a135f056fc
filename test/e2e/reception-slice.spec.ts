/**
 * The thin slice through the whole system: sign in, receive a dossier, see it at once, with the
 * portal up and with it cut off; it reaches PostgreSQL (PGlite) through replication and another clerk
 * of the same centre sees it, all without a reload.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AGENCY, PASSWORD, chooseProcedure, numbersReady, signIn as signInTo } from './support/session';
import { Stack } from './support/stack';

const OTHER_AGENCY = '000.18.22.H38';
const stack = new Stack();

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await stack.addUser('clerk.an', PASSWORD, 'clerk', AGENCY);
  await stack.addUser('clerk.binh', PASSWORD, 'clerk', AGENCY);
  await stack.addUser('clerk.moi', PASSWORD, 'clerk', AGENCY); // never signs in while the portal is up
  await stack.addUser('clerk.khac', PASSWORD, 'clerk', OTHER_AGENCY);
  await stack.startPortal();
  await stack.startHost();
});

test.afterAll(async () => {
  await stack.stop();
});

const signIn = (browser: Browser, username: string, password = PASSWORD) => signInTo(stack, browser, username, password);

/** Keyboard only: procedure, Tab to the name, F7 = everything handed in, Enter = receive. */
async function receive(page: Page, search: string, expectedCode: string, name: string): Promise<void> {
  const next = page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' });
  if (await next.isVisible()) await next.press('Enter');
  await chooseProcedure(page, search, expectedCode);
  await page.keyboard.press('Tab'); // QR field -> applicant type
  await page.keyboard.press('Tab'); // -> name
  await page.keyboard.type(name);
  await page.keyboard.press('F7');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reception-result')).toHaveAttribute('data-status', '2');
  await expect(page.getByTestId('dossier-code')).toHaveText(/^000\.17\.22\.H56-\d{6}-\d{4}$/);
}

const row = (page: Page, name: string) => page.getByTestId('today-list').locator('tr', { hasText: name });

test('a wrong password is refused with a clear message', async ({ browser }) => {
  const page = await signIn(browser, 'clerk.an', 'sai-mat-khau');
  await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
});

test('a clerk receives dossiers online and offline; they reach the portal and the other clerk', async ({ browser }) => {
  const an = await signIn(browser, 'clerk.an');
  await expect(an.getByTestId('current-user')).toHaveText('clerk.an');
  await numbersReady(an);
  await expect(an.getByTestId('connectivity')).toHaveAttribute('data-online', 'true');
  await expect(an.getByRole('navigation')).toContainText('Tiếp nhận');
  for (const area of ['Số hóa', 'Sổ theo dõi', 'Đồng bộ', 'Cài đặt']) await expect(an.getByRole('navigation')).toContainText(area);
  await expect(an.getByRole('navigation')).not.toContainText('Giám sát'); // supervisors only

  // Online: diacritics-insensitive search, keyboard-only reception, synced to the portal.
  await receive(an, 'chung thuc ban sao', '2.000815', 'Nguyễn Văn An');
  await expect(row(an, 'Nguyễn Văn An')).toContainText('2.000815');
  await expect(row(an, 'Nguyễn Văn An').getByTestId('sync-state')).toHaveAttribute('data-state', 'synced');

  const binh = await signIn(browser, 'clerk.binh');
  await expect(row(binh, 'Nguyễn Văn An')).toBeVisible();

  // A clerk of another centre never sees it.
  const other = await signIn(browser, 'clerk.khac');
  await expect(other.getByTestId('connectivity')).toHaveAttribute('data-online', 'true');
  await expect(other.getByText('Chưa có hồ sơ nào hôm nay.')).toBeVisible();

  // Cut the portal off: the app says so, and reception goes on.
  await stack.stopPortal();
  await expect(an.getByTestId('connectivity')).toHaveAttribute('data-online', 'false');
  await expect(an.getByTestId('connectivity')).toHaveText('Mất kết nối');
  await receive(an, 'khai sinh', '1.001193', 'Trần Thị Bích');
  await expect(row(an, 'Trần Thị Bích').getByTestId('sync-state')).toHaveAttribute('data-state', 'pending');
  await expect(an.getByTestId('pending-count')).toHaveAttribute('data-count', '2'); // the dossier and its event

  // Signing in for the first time on this workstation needs the portal, and says so plainly.
  const late = await signIn(browser, 'clerk.moi');
  await expect(late.getByRole('alert')).toContainText('Không kết nối được máy chủ Cổng');

  // The portal comes back: everything goes out and reaches the other clerk, without a reload.
  await stack.startPortal();
  await expect(an.getByTestId('connectivity')).toHaveAttribute('data-online', 'true');
  await expect(row(an, 'Trần Thị Bích').getByTestId('sync-state')).toHaveAttribute('data-state', 'synced');
  await expect(an.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
  await expect(an.getByRole('status').getByText(/Lần cuối: \d\d:\d\d/)).toBeVisible();
  await expect(row(binh, 'Trần Thị Bích')).toBeVisible();
  await expect(row(other, 'Trần Thị Bích')).toHaveCount(0);
});

test('the interface switches to English and back', async ({ browser }) => {
  const page = await signIn(browser, 'clerk.an');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('navigation')).toContainText('Reception');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receive a dossier');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tiếp nhận hồ sơ');
});
