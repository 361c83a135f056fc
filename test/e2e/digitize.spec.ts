/**
 * Digitisation (số hoá) through the real app, the Node side's OCR and Chromium: a received
 * dossier's pages are added (with two files that must be refused), read, checked, reordered and
 * saved as a searchable PDF that pdftotext reads back; an ID card photo fills the applicant only
 * after the clerk confirms; a page dropped in the watched folder is sent to the dossier by its code;
 * SANE's virtual test scanner adds a page, and "Huỷ" stops work that "Thử lại" restarts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { inputErrorMessage } from '../../src-shared/domain/digitize/messages';
import { characterErrorRate } from '../support/digitize/cer';
import { generateIdCard } from '../support/digitize/id-card';
import { generatePage, type GeneratedPage } from '../support/digitize/pages';
import { download, pdfText } from './support/files';
import { AGENCY, PASSWORD, chooseProcedure, numbersReady, signIn } from './support/session';
import { Stack } from './support/stack';

const stack = new Stack();
test.describe.configure({ mode: 'serial' });

const CODE = /^000\.17\.22\.H56-\d{6}-\d{4}$/;
const COMPONENT = 'Tờ khai đăng ký khai sinh (theo mẫu)';
const OCR_TIMEOUT = 180_000;

let page: Page;
let dossierCode = '';
let clean: GeneratedPage;
let serif: GeneratedPage;

test.beforeAll(async ({ browser }) => {
  // The host runs in this process: its scanimage sees only SANE's virtual `test` device.
  const sane = mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-sane-'));
  writeFileSync(path.join(sane, 'dll.conf'), 'test\n');
  process.env.SANE_CONFIG_DIR = sane;
  [clean, serif] = await Promise.all([generatePage('clean', 0), generatePage('serif', 1)]);
  await stack.addUser('clerk.binh', PASSWORD, 'clerk', AGENCY);
  await stack.startPortal();
  await stack.startHost();
  page = await signIn(stack, browser, 'clerk.binh');
  await numbersReady(page);
});

test.afterAll(async () => {
  await stack.stop();
});

const mime = (p: GeneratedPage) => (p.format === 'png' ? 'image/png' : 'image/jpeg');

async function openDossier(code: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Tra cứu' }).click();
  await page.locator('input[name="search"]').fill(code);
  await page.getByTestId('search-results').locator('tr', { hasText: code }).click();
  await expect(page.getByTestId('dossier-view')).toHaveAttribute('data-status', '2');
}

test('a received dossier is digitised: refused files explained, pages read, reordered and saved as a searchable PDF', async () => {
  test.setTimeout(OCR_TIMEOUT * 2);
  await chooseProcedure(page, 'khai sinh', '1.001193');
  await page.locator('input[name="name"]').fill('Đặng Thu Thảo');
  await page.keyboard.press('F7');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reception-result')).toHaveAttribute('data-status', '2');
  dossierCode = (await page.getByTestId('dossier-code').textContent()) ?? '';
  expect(dossierCode).toMatch(CODE);
  await openDossier(dossierCode);

  // "Số hoá" on the component opens the panel with that component chosen for new pages.
  await page.getByRole('button', { name: `Số hoá: ${COMPONENT}` }).click();
  const panel = page.getByTestId('scan-panel');
  await expect(panel.getByRole('heading', { name: `Số hoá hồ sơ ${dossierCode}` })).toBeFocused();
  await expect(panel.locator('select[name="scan-component"]')).toHaveValue('TP1');

  await panel.getByLabel('Chọn tệp ảnh quét hoặc PDF để số hoá').setInputFiles([
    { name: clean.name, mimeType: mime(clean), buffer: clean.bytes },
    { name: 'trang-rong.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) },
    { name: 'ghi-chu.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Đây là một tệp văn bản, không phải ảnh quét.\n', 'utf8') },
    { name: serif.name, mimeType: mime(serif), buffer: serif.bytes },
  ]);
  const notices = panel.getByTestId('scan-notices');
  await expect(notices).toContainText('Đã thêm 2 trang.');
  await expect(notices).toContainText(inputErrorMessage('empty', 'trang-rong.jpg').messageVi);
  await expect(notices).toContainText(inputErrorMessage('wrong-type', 'ghi-chu.jpg').messageVi);

  const rows = panel.getByTestId('batch-page');
  await expect(rows).toHaveCount(2);
  await expect(rows.getByTestId('page-source')).toHaveText([clean.name, serif.name]);
  const started = Date.now();
  for (const row of await rows.all()) await expect(row.getByTestId('page-state')).toHaveAttribute('data-state', 'done', { timeout: OCR_TIMEOUT });
  console.log(`two pages prepared and read in ${Date.now() - started} ms (as the clerk waits)`);
  await expect(panel.getByRole('button', { name: `Lưu PDF: ${COMPONENT}` })).toBeEnabled();

  // The page beside its text: Vietnamese read closely; unsure words marked for checking.
  await panel.getByRole('button', { name: 'Xem trang 1' }).click();
  const detail = panel.getByTestId('page-detail');
  await expect(detail.getByRole('img', { name: 'Ảnh trang 1' })).toBeVisible();
  const ocrText = detail.getByTestId('ocr-text');
  await expect(ocrText).toBeVisible();
  const read = await ocrText.innerText();
  const cer = characterErrorRate(read, clean.text);
  console.log(`clean page CER in the text view: ${(cer * 100).toFixed(2)} %`);
  expect(cer).toBeLessThan(0.08);
  expect(read).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  const marks = detail.getByTestId('low-word');
  const summary = await detail.getByTestId('ocr-summary').innerText();
  const low = Number(/(\d+) từ cần kiểm tra/.exec(summary)?.[1]);
  await expect(marks).toHaveCount(low);
  if (low > 0) await expect(marks.first()).toHaveAttribute('title', /Độ tin cậy \d+ %/);

  // Reorder: the serif page first.
  await panel.getByRole('button', { name: 'Chuyển trang 2 lên' }).click();
  await expect(rows.getByTestId('page-source')).toHaveText([serif.name, clean.name]);
  await expect(panel.getByRole('button', { name: 'Chuyển trang 1 xuống' })).toBeFocused();

  await panel.getByRole('button', { name: `Lưu PDF: ${COMPONENT}` }).click();
  const saved = panel.getByTestId('pdf-saved');
  const fileName = `${dossierCode} - ${COMPONENT}.pdf`;
  await expect(saved).toContainText(`Đã lưu «${fileName}»: 2 trang`);
  await expect(rows).toHaveCount(0);
  // Listed among the dossier's files for its component, waiting to be sent to the portal like any attachment.
  const attachments = page.getByTestId('attachments');
  await expect(attachments.locator('tr[data-component-id="TP1"]')).toContainText(fileName);

  const file = await download(page, panel.getByTestId('download-scanned-pdf'));
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n/);
  const text = pdfText(file);
  const pdfCer = characterErrorRate(text, `${serif.text}\n${clean.text}`);
  console.log(`searchable PDF text layer CER (both pages, in the clerk's order): ${(pdfCer * 100).toFixed(2)} %`);
  expect(pdfCer).toBeLessThan(0.1);
});

test('an ID card photo fills the applicant only after the clerk confirms; an image without a QR says so', async () => {
  const [card, back] = await Promise.all([generateIdCard('flat', 0), generateIdCard('no-qr', 1)]);
  await page.getByRole('button', { name: 'Đóng', exact: true }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Tiếp nhận' }).click();
  const next = page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' });
  if (await next.isVisible()) await next.click();
  await chooseProcedure(page, 'khai sinh', '1.001193');

  const reader = page.getByTestId('id-card-reader');
  const input = reader.getByLabel('Chọn ảnh chụp hoặc ảnh quét thẻ CCCD');
  await input.setInputFiles({ name: back.name, mimeType: back.format === 'png' ? 'image/png' : 'image/jpeg', buffer: back.bytes });
  await expect(reader.getByRole('alert')).toContainText('Không tìm thấy mã QR trên ảnh');

  await input.setInputFiles({ name: card.name, mimeType: card.format === 'png' ? 'image/png' : 'image/jpeg', buffer: card.bytes });
  const confirm = reader.getByTestId('id-card-confirm');
  await expect(confirm.getByTestId('card-id')).toHaveText(card.holder.idNumber);
  await expect(confirm.getByTestId('card-name')).toHaveText(card.holder.name);
  await expect(confirm).toContainText('15/03/1990');
  // Shown, not filled: nothing changes until "Điền vào hồ sơ".
  await expect(page.locator('input[name="name"]')).toHaveValue('');
  await expect(confirm.getByRole('button', { name: 'Điền vào hồ sơ' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('input[name="name"]')).toHaveValue(card.holder.name);
  await expect(page.locator('input[name="idNumber"]')).toHaveValue(card.holder.idNumber);
  await expect(page.locator('input[name="birthDate"]')).toHaveValue('15/03/1990');
  await expect(page.locator('select[name="gender"]')).toHaveValue('male');
  await expect(page.locator('input[name="address"]')).toHaveValue(card.holder.address);
  await expect(confirm).toHaveCount(0);
});

test('a page dropped in the watched folder waits in the inbox and is sent to the dossier by its code', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-scan-folder-'));
  await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
  const settings = page.getByTestId('watch-folder-settings');
  await settings.locator('input[name="watchFolder"]').fill(folder);
  await settings.getByRole('button', { name: 'Lưu' }).click();
  await expect(settings.getByTestId('watch-folder-status')).toHaveAttribute('data-watching', 'true');

  const dropped = await generatePage('small', 2);
  writeFileSync(path.join(folder, dropped.name), dropped.bytes);
  await page.getByRole('navigation').getByRole('button', { name: 'Số hóa' }).click();
  const scan = page.getByTestId('scan-page');
  const tile = scan.getByTestId('inbox-page').filter({ hasText: dropped.name });
  await expect(tile).toHaveCount(1, { timeout: 60_000 });
  await tile.getByRole('checkbox').check();
  await scan.locator('input[name="dossierCode"]').fill(dossierCode);
  await scan.getByRole('button', { name: 'Tìm hồ sơ' }).click();
  await scan.getByRole('button', { name: 'Chuyển các trang đã chọn' }).click();
  await expect(scan.getByTestId('inbox-page').filter({ hasText: dropped.name })).toHaveCount(0);

  await scan.getByRole('button', { name: `Mở hồ sơ ${dossierCode}` }).click();
  const attachments = page.getByTestId('attachments');
  await expect(attachments).toContainText('Có 1 trang đang chờ số hoá.');
  await attachments.getByRole('button', { name: 'Mở danh sách trang' }).click();
  const rows = page.getByTestId('scan-panel').getByTestId('batch-page');
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('page-source')).toHaveText(dropped.name);
  await expect(rows.getByRole('combobox', { name: 'Thành phần của trang 1' })).toHaveValue('TP1');
});

test('the scanner adds a page; "Huỷ" stops the remaining work, "Thử lại" restarts it, pages go only when confirmed', async () => {
  const panel = page.getByTestId('scan-panel');
  const rows = panel.getByTestId('batch-page');
  await expect(rows).toHaveCount(1);

  await panel.getByTestId('scanner').locator('summary').click();
  const device = panel.getByRole('combobox', { name: 'Thiết bị' });
  await expect(device).toHaveValue('test:0');
  await panel.getByRole('combobox', { name: 'Độ phân giải' }).selectOption('150');
  await panel.getByRole('combobox', { name: 'Chế độ màu' }).selectOption({ label: 'Xám' });
  await panel.getByRole('button', { name: 'Quét', exact: true }).click();
  await expect(panel.getByTestId('scan-notices')).toContainText('Đã thêm 1 trang.');
  await expect(rows).toHaveCount(2);

  // Three pages at once: with at most one OCR worker per core, some are still waiting when "Huỷ" is pressed.
  await panel.getByLabel('Chọn tệp ảnh quét hoặc PDF để số hoá').setInputFiles(
    ['a', 'b', 'c'].map((x) => ({ name: `huy-${x}.png`, mimeType: mime(clean), buffer: clean.bytes })),
  );
  await expect(panel.getByTestId('scan-notices')).toContainText('Đã thêm 3 trang.');
  await panel.getByRole('button', { name: 'Huỷ phần việc còn lại' }).click();
  await expect(panel.getByRole('button', { name: 'Huỷ phần việc còn lại' })).toBeDisabled();
  const cancelled = rows.filter({ has: page.locator('[data-testid="page-state"][data-state="cancelled"]') });
  expect(await cancelled.count()).toBeGreaterThan(0);
  const first = cancelled.first();
  const name = (await first.getByTestId('page-source').textContent()) ?? '';
  await expect(first.getByRole('alert')).toHaveText(inputErrorMessage('cancelled', name).messageVi);
  await first.getByRole('button', { name: /^Thử lại trang \d+$/ }).click();
  await expect(rows.filter({ hasText: name }).getByTestId('page-state')).not.toHaveAttribute('data-state', 'cancelled');

  // Removing asks first; "Giữ lại" keeps the page.
  await rows.first().getByRole('button', { name: 'Xoá trang 1' }).click();
  await rows.first().getByRole('button', { name: 'Giữ lại' }).click();
  await expect(rows).toHaveCount(5);
  for (let left = 5; left > 0; left--) {
    await rows.first().getByRole('button', { name: 'Xoá trang 1' }).click();
    await rows.first().getByRole('button', { name: 'Xoá trang', exact: true }).click();
    await expect(rows).toHaveCount(left - 1);
  }
  await expect(panel.getByTestId('batch-list')).toContainText('Chưa có trang nào.');
});
