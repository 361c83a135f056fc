/**
 * Sync between real workstations and the portal, each workstation behind its own TCP proxy so its
 * link can be cut alone: files reach the portal (hash-verified) and wait in a searchable outbox
 * while offline; a status set by the back office reaches the counter within seconds; two
 * workstations acting on one dossier offline end with a conflict a person settles — nothing dropped.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy';
import { PortalApi } from './support/portal-api';
import { AGENCY, PASSWORD, chooseProcedure, numbersReady, signIn } from './support/session';
import { Stack } from './support/stack';

const stack = new Stack();
let link1: FaultyProxy;
let link2: FaultyProxy;
let ws1: { url: string };
let ws2: { url: string };
let an: Page;
let binh: Page;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await stack.addUser('clerk.an', PASSWORD, 'clerk', AGENCY);
  await stack.addUser('clerk.binh', PASSWORD, 'clerk', AGENCY);
  await stack.addUser('officer.chi', PASSWORD, 'officer', AGENCY);
  await stack.addUser('supervisor.dung', PASSWORD, 'supervisor', AGENCY);
  await stack.addUser('admin.e2e', PASSWORD, 'admin', AGENCY);
  await stack.startPortal();
  link1 = await startFaultyProxy({ port: stack.portalPort });
  link2 = await startFaultyProxy({ port: stack.portalPort });
  ws1 = await stack.startHost({ portalUrl: link1.url });
  ws2 = await stack.startHost({ portalUrl: link2.url, dataDir: mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-host2-')) });
});

test.afterAll(async () => {
  await stack.stop();
  await link1?.close();
  await link2?.close();
});

/** Keyboard-only reception of a dossier for `name` (everything handed in). */
async function receive(page: Page, name: string): Promise<void> {
  const next = page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' });
  if (await next.isVisible()) await next.press('Enter');
  await chooseProcedure(page, 'chung thuc ban sao', '2.000815');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type(name);
  await page.keyboard.press('F7');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reception-result')).toHaveAttribute('data-status', '2');
}

async function openFromToday(page: Page, name: string): Promise<Locator> {
  await page.getByRole('navigation').getByRole('button', { name: 'Tiếp nhận' }).click();
  await page.getByTestId('today-list').locator('tr', { hasText: name }).click();
  return page.getByTestId('dossier-view');
}

async function act(view: Locator, action: string, reason?: string): Promise<void> {
  await view.getByRole('button', { name: action, exact: true }).click();
  if (reason) await view.getByLabel('Lý do').fill(reason);
  await view.getByRole('button', { name: 'Xác nhận', exact: true }).click();
}

const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size)]);
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('files reach the portal verified; offline they wait in the outbox, searchable, and go when the link returns', async ({ browser }) => {
  an = await signIn(stack, browser, 'clerk.an', PASSWORD, { host: ws1 });
  await numbersReady(an);
  await receive(an, 'Lê Văn Tệp');
  const code = (await an.getByTestId('dossier-code').textContent())!.trim();
  const view = await openFromToday(an, 'Lê Văn Tệp');
  const attachments = view.getByTestId('attachments');
  const other = attachments.getByLabel('Đính kèm tệp cho: Khác');

  const scan = jpeg(300_000);
  const form = pdf(120_000);
  await other.setInputFiles([
    { name: 'to-khai.jpg', mimeType: 'image/jpeg', buffer: scan },
    { name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: form },
    { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải ảnh') },
    { name: 'rong.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) },
  ]);
  // Bad files are refused with the reason, in Vietnamese; the good ones are kept.
  await expect(attachments.getByRole('alert').filter({ hasText: 'ghi-chu.txt' })).toContainText('không phải ảnh JPEG, PNG, TIFF hay tệp PDF');
  await expect(attachments.getByRole('alert').filter({ hasText: 'rong.jpg' })).toContainText('tệp rỗng');
  await expect(attachments.locator('[data-file-id]')).toHaveCount(2);
  await expect(attachments.locator('[data-file-id] [data-testid="sync-state"][data-state="synced"]')).toHaveCount(2, { timeout: 30_000 });

  const supervisor = await PortalApi.signIn(stack.portalUrl, 'supervisor.dung');
  const stored = await supervisor.storedHashes([sha(scan), sha(form)]);
  expect([...stored].sort()).toEqual([sha(scan), sha(form)].sort());
  expect(await supervisor.downloadedHash(sha(scan))).toBe(sha(scan));
  expect((await supervisor.missingFiles()).total).toBe(0);

  // The link goes down: a new file waits, the outbox lists it and finds it by the dossier code.
  link1.down();
  await expect(an.getByTestId('connectivity')).toHaveAttribute('data-online', 'false', { timeout: 30_000 });
  const late = jpeg(200_000);
  await other.setInputFiles([{ name: 'bo-sung.jpg', mimeType: 'image/jpeg', buffer: late }]);
  await expect(attachments.locator('[data-file-id]')).toHaveCount(3);
  await expect(view.getByTestId('sync-state').first()).not.toHaveAttribute('data-state', 'synced');
  await an.getByRole('button', { name: 'Đóng' }).click();
  await an.getByRole('navigation').getByRole('button', { name: 'Đồng bộ' }).click();
  const outbox = an.getByTestId('outbox-list');
  await an.getByRole('searchbox', { name: /Tìm theo mã hồ sơ/ }).fill(code);
  await expect(outbox.locator('tbody tr')).toHaveCount(2); // the file's details and its bytes
  await expect(outbox).toContainText('Nội dung tệp');
  await an.getByRole('searchbox', { name: /Tìm theo mã hồ sơ/ }).fill('le van tep'); // without diacritics
  await expect(outbox.locator('tbody tr')).toHaveCount(2);
  await an.getByRole('searchbox', { name: /Tìm theo mã hồ sơ/ }).fill('không có hồ sơ này');
  await expect(an.getByText('Không có mục nào khớp.')).toBeVisible();

  link1.up();
  await expect(an.getByText('Mọi dữ liệu đã lên Cổng.')).toBeVisible({ timeout: 60_000 });
  expect(await supervisor.storedHashes([sha(late)])).toEqual(new Set([sha(late)]));
  expect((await supervisor.missingFiles()).total).toBe(0);
});

test('a status set by the back office reaches the counter within seconds', async () => {
  const view = await openFromToday(an, 'Lê Văn Tệp');
  await act(view, 'Chuyển cơ quan giải quyết');
  await expect(view).toHaveAttribute('data-status', '4');
  await expect(view.getByTestId('sync-state').first()).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });

  const officer = await PortalApi.signIn(stack.portalUrl, 'officer.chi');
  const [doc] = (await officer.pullAll('dossiers')).filter((d) => (d.applicant as { name: string }).name === 'Lê Văn Tệp');
  const res = await officer.request(`/api/v1/backoffice/dossiers/${doc!.id}/actions`, { body: { action: { type: 'resultReceived', reason: 'Đã ký kết quả' } } });
  expect(res.status).toBe(200);
  // Live stream: no reload, no click.
  await expect(view.getByTestId('dossier-status')).toContainText('Đã xử lý xong', { timeout: 15_000 });
  await expect(view.getByTestId('timeline').locator('tr[data-event-type="resultReceived"]')).toHaveCount(1);
  await an.getByRole('button', { name: 'Đóng' }).click();
});

test('two workstations act on one dossier offline: the conflict is kept for a person, who settles it', async ({ browser }) => {
  await receive(an, 'Phạm Thị Xung Đột');
  binh = await signIn(stack, browser, 'clerk.binh', PASSWORD, { host: ws2 });
  const atBinh = await openFromToday(binh, 'Phạm Thị Xung Đột'); // replicated to the second workstation
  const atAn = await openFromToday(an, 'Phạm Thị Xung Đột');
  await expect(atAn.getByTestId('sync-state').first()).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });

  link1.down();
  link2.down();
  await act(atAn, 'Rút hồ sơ theo yêu cầu', 'Công dân xin rút hồ sơ');
  await expect(atAn).toHaveAttribute('data-status', '7');
  await act(atBinh, 'Nhận kết quả từ cơ quan giải quyết');
  await expect(atBinh).toHaveAttribute('data-status', '9');

  link1.up(); // the withdrawal reaches the portal first
  await expect(atAn.getByTestId('sync-state').first()).toHaveAttribute('data-state', 'synced', { timeout: 60_000 });
  link2.up(); // the second push conflicts: no rule settles two counters' status before transfer
  await expect(atBinh).toHaveAttribute('data-status', '7', { timeout: 60_000 });
  await binh.getByRole('button', { name: 'Đóng' }).click();
  await binh.getByRole('navigation').getByRole('button', { name: 'Đồng bộ' }).click();
  const conflicts = binh.getByTestId('conflicts');
  await expect(conflicts.locator('[data-conflict-id]')).toHaveCount(1);
  await expect(conflicts).toContainText('status');
  await conflicts.getByRole('button', { name: 'Dùng bản trên máy này' }).click();
  await expect(conflicts).toHaveCount(0);

  // The person's choice reaches the other workstation; both events are at the portal (append-only).
  await expect(atAn).toHaveAttribute('data-status', '9', { timeout: 60_000 });
  const supervisor = await PortalApi.signIn(stack.portalUrl, 'supervisor.dung');
  const [doc] = (await supervisor.pullAll('dossiers')).filter((d) => (d.applicant as { name: string }).name === 'Phạm Thị Xung Đột');
  expect(doc!.status).toBe(9);
  // Events replicate on their own: the second counter's may land a moment after its dossier.
  const eventTypes = async () => (await supervisor.pullAll('dossierEvents')).filter((e) => e.dossierId === doc!.id).map((e) => String(e.type)).sort();
  await expect.poll(eventTypes, { timeout: 60_000 }).toEqual(['received', 'resultReceived', 'withdrawn']);
});

test('a workstation enrolls once with a one-time code and numbers from its own blocks', async () => {
  const admin = await PortalApi.signIn(stack.portalUrl, 'admin.e2e');
  const issued = await admin.request<{ code: string }>('/api/v1/workstations/enrollment-codes', { body: { agencyId: AGENCY, validHours: 2 } });
  expect(issued.status).toBe(200);

  await an.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
  const form = an.getByTestId('enrollment');
  await form.locator('input[name="enrollmentCode"]').fill(issued.body.code.toLowerCase().replaceAll('-', ' '));
  await form.locator('input[name="workstationName"]').fill('Quầy 1 – Tư pháp');
  await form.getByRole('button', { name: 'Đăng ký' }).click();
  const enrolled = form.getByTestId('enrolled');
  await expect(enrolled).toContainText('Quầy 1 – Tư pháp');
  const workstationId = await enrolled.getAttribute('data-workstation-id');
  const listed = await admin.request<{ workstations: { id: string; name: string }[] }>(`/api/v1/workstations?agencyId=${AGENCY}`);
  expect(listed.body.workstations.map((w) => w.id)).toContain(workstationId);

  // The same code again, at the other workstation: refused, in Vietnamese.
  await binh.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
  const other = binh.getByTestId('enrollment');
  await other.locator('input[name="enrollmentCode"]').fill(issued.body.code);
  await other.locator('input[name="workstationName"]').fill('Quầy 2');
  await other.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(other.getByRole('alert')).toHaveText('Mã đăng ký đã được dùng. Mỗi mã chỉ dùng một lần; hãy xin mã mới.');

  // Receiving still works, now numbered from the enrolled workstation's blocks.
  await an.getByRole('navigation').getByRole('button', { name: 'Tiếp nhận' }).click();
  await numbersReady(an);
  await receive(an, 'Đỗ Văn Đăng Ký');
});
