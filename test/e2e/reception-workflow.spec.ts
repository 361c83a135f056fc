/**
 * The clerk's day at the counter, through the real app, portal and Chromium: a full reception from
 * the keyboard alone (QR pre-fill included), a supplement request that comes back and is received,
 * a refusal, a transfer and a return, the ledger and its exports — and every printed form checked
 * with pdftotext.
 */
import { expect, test, type Page } from '@playwright/test';
import { download, pdfText, xlsxText } from './support/files';
import { AGENCY, PASSWORD, chooseProcedure, numbersReady, signIn } from './support/session';
import { Stack } from './support/stack';

const stack = new Stack();
test.describe.configure({ mode: 'serial' });

// The chip ID card's QR as a USB reader types it (DOMAIN.md §7): 038 = Thanh Hóa, 1 = woman born 19xx, 90.
const QR = '038190123456||Nguyễn Thị Hồng Nhung|12051990|Nữ|Số 12, đường Lê Lợi, phường Điện Biên, tỉnh Thanh Hóa|01022022';
const CODE = /^000\.17\.22\.H56-\d{6}-\d{4}$/;

let page: Page;
let receivedCode = '';

test.beforeAll(async ({ browser }) => {
  await stack.addUser('clerk.an', PASSWORD, 'clerk', AGENCY);
  await stack.startPortal();
  await stack.startHost();
  page = await signIn(stack, browser, 'clerk.an');
  await numbersReady(page);
});

test.afterAll(async () => {
  await stack.stop();
});

async function newReception(): Promise<void> {
  const next = page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' });
  if (await next.isVisible()) await next.press('Enter');
  else await page.getByRole('button', { name: 'Xóa nội dung, nhập lại' }).click();
  await expect(page.getByRole('combobox', { name: /Tìm thủ tục/ })).toBeFocused();
}

async function printed(form: string): Promise<string> {
  await page.getByTestId(`print-${form}`).press('Enter');
  return pdfText(await download(page, page.getByTestId(`download-${form}`)));
}

test('a full reception from the keyboard alone, with the ID card QR, prints an exact receipt', async () => {
  await page.keyboard.press('Tab'); // nothing is clicked from here on
  await page.getByRole('combobox', { name: /Tìm thủ tục/ }).focus();
  await page.keyboard.type('xac nhan tinh trang hon nhan');
  await expect(page.getByRole('option').first()).toContainText('1.004873');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chosen-procedure')).toContainText('1.004873');

  // Focus is in the QR field: the reader "types" the card, Enter fills the applicant.
  await expect(page.locator('input[name="qr"]')).toBeFocused();
  await page.keyboard.type(QR);
  await page.keyboard.press('Enter');
  await expect(page.locator('input[name="name"]')).toHaveValue('Nguyễn Thị Hồng Nhung');
  await expect(page.locator('input[name="idNumber"]')).toHaveValue('038190123456');
  await expect(page.locator('input[name="birthDate"]')).toHaveValue('12/05/1990');

  // QR → type → name → ID → birth date → gender → phone.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  await expect(page.locator('input[name="phone"]')).toBeFocused();
  await page.keyboard.type('0912 345 678');
  await page.keyboard.press('Tab');
  await page.keyboard.type('nhung@example.vn');
  await page.keyboard.press('F7'); // every required component handed in
  await expect(page.locator('input[name="submitted-TP1"]')).toHaveValue('1');
  await page.keyboard.press('Enter');

  const result = page.getByTestId('reception-result');
  await expect(result).toHaveAttribute('data-status', '2');
  receivedCode = (await page.getByTestId('dossier-code').textContent()) ?? '';
  expect(receivedCode).toMatch(CODE);
  await expect(page.getByTestId('appointment')).toHaveText(/^17:00 \d\d\/\d\d\/\d{4}$/);
  await expect(page.getByTestId('ledger-entry')).toContainText('số thứ tự 1');

  // The print button has the focus: Enter builds the receipt.
  await expect(page.getByTestId('print-receipt')).toBeFocused();
  const text = await printed('receipt');
  for (const expected of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    receivedCode,
    'Nguyễn Thị Hồng Nhung',
    '038190123456',
    'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    'Số 12, đường Lê Lợi, phường Điện Biên, tỉnh Thanh Hóa',
  ]) {
    expect(text).toContain(expected);
  }
});

test('an invalid ID number is refused with a clear Vietnamese message, and nothing is saved', async () => {
  await newReception();
  await chooseProcedure(page, 'chung thuc ban sao', '2.000815');
  await page.locator('input[name="name"]').fill('Lê Văn Tám');
  await page.locator('input[name="idNumber"]').fill('038190');
  await page.keyboard.press('F7');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reception-errors')).toContainText('12');
  await expect(page.getByTestId('today-list')).not.toContainText('Lê Văn Tám');
});

test('a supplement request prints form 02; when the applicant comes back the dossier is received', async () => {
  await newReception();
  await chooseProcedure(page, 'khai sinh', '1.001193');
  await page.locator('input[name="name"]').fill('Trần Quốc Việt');
  await page.keyboard.press('F8');
  await page.locator('textarea[name="outcomeReason"]').fill('Mang theo bản chính giấy chứng sinh');
  await page.getByRole('button', { name: 'Xác nhận yêu cầu bổ sung' }).click();
  await expect(page.getByTestId('reception-result')).toHaveAttribute('data-status', '5');
  const text = await printed('supplementRequest');
  expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
  expect(text).toContain('Trần Quốc Việt');

  // Later: found by name without diacritics, resumed at the counter, received with a code.
  await page.getByRole('navigation').getByRole('button', { name: 'Tra cứu' }).click();
  await page.locator('input[name="search"]').fill('tran quoc');
  await expect(page.getByTestId('search-summary')).toContainText('họ tên');
  await page.getByTestId('search-results').locator('tr', { hasText: 'Trần Quốc Việt' }).press('Enter');
  await expect(page.getByTestId('dossier-view')).toHaveAttribute('data-status', '5');
  await page.getByTestId('dossier-view').getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tiếp nhận hồ sơ đã bổ sung');
  await expect(page.locator('input[name="name"]')).toHaveValue('Trần Quốc Việt');
  await page.locator('input[name="name"]').press('F7');
  await page.locator('input[name="name"]').press('Enter');
  await expect(page.getByTestId('reception-result')).toHaveAttribute('data-status', '2');
  await expect(page.getByTestId('dossier-code')).toHaveText(CODE);
});

test('a refusal records its reasons and prints form 03', async () => {
  await newReception();
  await chooseProcedure(page, 'ket hon', '1.000894');
  await page.locator('input[name="name"]').fill('Phạm Thị Lan');
  await page.keyboard.press('F9');
  await expect(page.locator('textarea[name="outcomeReason"]')).toBeFocused();
  await page.keyboard.type('Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan');
  await page.getByRole('button', { name: 'Xác nhận từ chối' }).click();
  await expect(page.getByTestId('reception-result')).toHaveAttribute('data-status', '3');
  const text = await printed('refusal');
  expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
  expect(text).toContain('Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan');
});

test('transfer, result and return, with the history and the control slip', async () => {
  await page.getByRole('navigation').getByRole('button', { name: 'Tra cứu' }).click();
  await page.locator('input[name="search"]').fill(receivedCode);
  await expect(page.getByTestId('search-summary')).toContainText('mã hồ sơ');
  await page.getByTestId('search-results').locator('tr', { hasText: receivedCode }).click();
  const view = page.getByTestId('dossier-view');
  await expect(view).toHaveAttribute('data-status', '2');

  await view.getByRole('button', { name: 'Chuyển cơ quan giải quyết', exact: true }).click();
  await view.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(view).toHaveAttribute('data-status', '4');
  await view.getByRole('button', { name: 'Nhận kết quả từ cơ quan giải quyết', exact: true }).click();
  await view.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(view).toHaveAttribute('data-status', '9');
  await view.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
  await expect(view.locator('input[name="signedBy"]')).toHaveValue('Nguyễn Thị Hồng Nhung');
  await view.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(view).toHaveAttribute('data-status', '10');
  await expect(view.getByTestId('dossier-status')).toContainText('Đã trả kết quả');

  const timeline = view.getByTestId('timeline');
  await expect(timeline.locator('tbody tr')).toHaveCount(4);
  await page.getByRole('button', { name: 'Đóng' }).click();
  // The in-memory status counts follow: one returned, one received (the supplemented one), one refused.
  const summary = page.getByTestId('status-summary');
  await expect(summary.locator('[data-status="10"]')).toHaveAttribute('data-count', '1');
  await expect(summary.locator('[data-status="3"]')).toHaveAttribute('data-count', '1');
  await page.getByTestId('search-results').locator('tr', { hasText: receivedCode }).click();
  await expect(timeline.locator('tbody tr')).toHaveCount(4);
  for (const type of ['received', 'transferred', 'resultReceived', 'returned']) await expect(timeline.locator(`tr[data-event-type="${type}"]`)).toHaveCount(1);

  const text = await printed('controlSlip');
  expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
  expect(text).toContain(receivedCode);
});

test('the ledger lists the day with the official columns and exports to PDF and XLSX', async () => {
  await page.getByRole('button', { name: 'Đóng' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Sổ theo dõi' }).click();
  const table = page.getByTestId('ledger-table');
  await expect(table).toContainText(receivedCode);
  for (const header of ['Mã hồ sơ', 'Tên TTHC', 'Ngày, tháng, năm', 'Hẹn trả kết quả', 'Ký nhận']) await expect(table.locator('thead')).toContainText(header);
  await expect(table.locator('tbody tr', { hasText: receivedCode })).toContainText('Nguyễn Thị Hồng Nhung');

  await page.getByTestId('ledger-xlsx').click();
  const xlsx = xlsxText(await download(page, page.getByTestId('download-ledger-xlsx')));
  expect(xlsx).toContain(receivedCode);
  expect(xlsx).toContain('Nguyễn Thị Hồng Nhung');
  expect(xlsx).toContain('Ngày, tháng, năm');

  await page.getByTestId('ledger-pdf').click();
  const file = await download(page, page.getByTestId('download-ledger-pdf'));
  expect(pdfText(file)).toContain('SỔ THEO DÕI HỒ SƠ');
  // The code wraps after a hyphen in its narrow column: read it in content order.
  expect(pdfText(file, 'raw').replace(/- /g, '-')).toContain(receivedCode);
});
