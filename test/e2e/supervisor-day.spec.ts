/**
 * A supervisor's day, on real Chromium against the browser host and a real portal: a counter's
 * work (some of it days old, written through the app's own write paths) reaches the supervisor's
 * own workstation; the review shows the day per clerk, what is overdue and the anomalies; a
 * dossier opens with its timeline and no actions; the day is signed off and sealed at the portal;
 * a later change shows as an amendment and is signed again; the indicators match the hand-computed
 * figures, every number opens the dossiers behind it, and the reports export.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { DossierDoc, DossierEventDoc, SignoffDoc } from '../../src-shared/contract/documents';
import { formatViDate } from '../../src-shared/domain/civil-date';
import { makeEvent } from '../../src-shared/domain/lifecycle/apply';
import { sealIsIntact } from '../../src-shared/domain/signoff/seal';
import { vnDay } from '../../src-shared/domain/vn-time';
import { dossierIn } from '../unit/lifecycle/fixtures';
import { download, pdfText } from './support/files';
import { PortalApi } from './support/portal-api';
import { AGENCY, PASSWORD, chooseProcedure, numbersReady, signIn } from './support/session';
import { Stack } from './support/stack';

const stack = new Stack();
let clerkHost: { url: string };
let supervisorHost: { url: string };
let clerk: Page;
let supervisor: Page;
let todayCode = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await stack.addUser('clerk.an', PASSWORD, 'clerk', AGENCY);
  await stack.addUser('supervisor.dung', PASSWORD, 'supervisor', AGENCY);
  await stack.startPortal();
  clerkHost = await stack.startHost();
  supervisorHost = await stack.startHost({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-supervisor-')) });
});

test.afterAll(async () => {
  await stack.stop();
});

const DAY = 86_400_000;
const NOW = Date.now();
const daysAgo = (n: number, hour = 9) => {
  const day = vnDay(NOW - n * DAY);
  return Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);
};
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A dossier received `ago` days back, with its reception event, as the counter wrote it then. */
function past(key: string, ago: number, patch: Partial<DossierDoc>): { dossier: DossierDoc; event: DossierEventDoc } {
  const receivedAt = daysAgo(ago);
  const day = vnDay(receivedAt);
  const n = Number(key.slice(1));
  const dossier = dossierIn(patch.status ?? 4, {
    id: `hist-${key}`,
    agencyId: AGENCY,
    workstationId: 'ws-history',
    code: `${AGENCY}-${day.slice(2).replaceAll('-', '')}-${String(n).padStart(4, '0')}`,
    applicant: { kind: 'individual', name: `Công dân ${key}`, idNumber: '', birthDate: '', gender: '', taxCode: '', phone: '', email: '', address: '' },
    nameKey: `cong dan ${key.toLowerCase()}`,
    givenNameKey: key.toLowerCase(),
    receivedAt,
    receivedDay: day,
    receivedInv: 9_999_999_999_999 - receivedAt,
    receivedBy: 'clerk.an',
    transferredAt: receivedAt + 3_600_000,
    ledgerNumber: n,
    updatedAt: receivedAt,
    ...patch,
  });
  return { dossier, event: makeEvent(dossier, 'received', 0, 2, { now: receivedAt, by: 'clerk.an', newId: () => `hist-event-${key}` }) };
}

/** Six past dossiers whose indicator outcome is known by hand (see the indicators test below). */
const HISTORY = [
  past('H1', 8, { status: 10, appointmentAt: daysAgo(5, 17), finishedAt: daysAgo(6, 10), resultAt: daysAgo(6, 10), returnedAt: daysAgo(6, 11) }), // on time
  past('H2', 8, { status: 9, appointmentAt: daysAgo(5, 17), finishedAt: daysAgo(4, 10), resultAt: daysAgo(4, 10) }), // late
  past('H3', 6, { status: 4, appointmentAt: daysAgo(2, 17) }), // open, overdue
  past('H4', 5, { status: 2, transferredAt: 0, appointmentAt: NOW + 5 * DAY }), // never transferred, not yet due
  past('H5', 5, { status: 4, supplementRequests: 2, appointmentAt: NOW + 5 * DAY }), // two supplement requests: late
  past('H6', 4, { status: 10, channel: 2, appointmentAt: daysAgo(1, 17), finishedAt: daysAgo(2, 10), resultAt: daysAgo(2, 10), returnedAt: daysAgo(2, 11) }), // online, on time
];
const codeOf = (key: string) => HISTORY.find((h) => h.dossier.id === `hist-${key}`)!.dossier.code;

async function pending(page: Page): Promise<number> {
  return Number(await page.getByTestId('pending-count').getAttribute('data-count'));
}

test('the counter\'s work, old and new, reaches the portal', async ({ browser }) => {
  clerk = await signIn(stack, browser, 'clerk.an', PASSWORD, { host: clerkHost, testHooks: true });
  await numbersReady(clerk);
  await clerk.evaluate((changes) => window.__motcuaTest!.writeDossiers(changes), HISTORY);
  const scan = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('quét hồ sơ H6')]).toString('base64');
  await clerk.evaluate(([dossier, base64]) => window.__motcuaTest!.attach(dossier, 'TP1', [{ name: 'h6.jpg', base64 }]), [{ id: 'hist-H6', agencyId: AGENCY }, scan] as const);

  await chooseProcedure(clerk, 'chung thuc ban sao', '2.000815');
  await clerk.keyboard.press('Tab');
  await clerk.keyboard.press('Tab');
  await clerk.keyboard.type('Trần Thị Hôm Nay');
  await clerk.keyboard.press('F7');
  await clerk.keyboard.press('Enter');
  await expect(clerk.getByTestId('reception-result')).toHaveAttribute('data-status', '2');
  todayCode = (await clerk.getByTestId('dossier-code').textContent())!.trim();
  await expect.poll(() => pending(clerk), { timeout: 60_000 }).toBe(0);
});

test('the supervisor lands on the review: the day per clerk, what is overdue, the anomalies', async ({ browser }) => {
  supervisor = await signIn(stack, browser, 'supervisor.dung', PASSWORD, { host: supervisorHost });
  await expect(supervisor.getByRole('navigation').getByRole('button', { name: 'Giám sát' })).toHaveAttribute('aria-current', 'page');
  await expect(supervisor.getByRole('navigation').getByRole('button', { name: 'Tiếp nhận' })).toHaveCount(0);
  const review = supervisor.getByTestId('day-review');
  await supervisor.getByLabel('Theo').selectOption('clerk');
  await expect(review.getByTestId('day-breakdown').locator('tr', { hasText: 'clerk.an' })).toContainText('1', { timeout: 60_000 });

  await expect(review.getByTestId('due-overdue')).toContainText('Quá hạn (1)', { timeout: 30_000 });
  await review.getByTestId('due-overdue').locator('summary').click();
  await expect(review.getByTestId('due-overdue')).toContainText(codeOf('H3'));
  await review.getByTestId('anomaly-notTransferred').locator('summary').click();
  await expect(review.getByTestId('anomaly-notTransferred')).toContainText(codeOf('H4'));
  await review.getByTestId('anomaly-multipleSupplements').locator('summary').click();
  await expect(review.getByTestId('anomaly-multipleSupplements')).toContainText(codeOf('H5'));
  await expect(review.getByTestId('anomaly-notSynced')).toHaveCount(0);

  // A dossier opens with its control slip (timeline) and no actions for a supervisor.
  await review.getByTestId('due-overdue').getByRole('button', { name: codeOf('H3') }).click();
  const view = supervisor.getByTestId('dossier-view');
  await expect(view).toContainText('Công dân H3');
  await expect(view.getByText('Tiếp nhận hồ sơ').first()).toBeVisible();
  await expect(view.getByRole('button', { name: 'Chuyển cơ quan giải quyết' })).toHaveCount(0);
  await view.getByRole('button', { name: 'Đóng' }).click();
});

test('the day is signed off and sealed at the portal; a later change shows as an amendment and is signed again', async () => {
  const panel = supervisor.getByTestId('signoff');
  await expect(panel).toContainText('1 dòng trong sổ');
  await supervisor.getByTestId('sign-day').click();
  await expect(panel.getByTestId('signoff-status')).toContainText('Đã ký duyệt bởi');

  const api = await PortalApi.signIn(stack.portalUrl, 'supervisor.dung');
  const signoffsAtPortal = async () => (await api.pullAll('signoffs')) as unknown as SignoffDoc[];
  await expect.poll(async () => (await signoffsAtPortal()).length, { timeout: 60_000 }).toBe(1);
  const [first] = await signoffsAtPortal();
  expect(first!.signedBy).toBe('supervisor.dung');
  expect(first!.lines).toHaveLength(1);
  expect(await sealIsIntact(first!, async (t) => sha(t))).toBe(true);
  // A clerk cannot sign a day off at the portal, even with a valid seal.
  const asClerk = await PortalApi.signIn(stack.portalUrl, 'clerk.an');
  const forged = await asClerk.request(`/api/v1/replication/signoffs/push`, { body: [{ newDocumentState: { ...first!, id: 'forged', _deleted: false } }] });
  expect(forged.status).toBe(403);

  // The counter transfers today's dossier: the signed day's line changes.
  await clerk.getByTestId('today-list').locator('tr', { hasText: 'Trần Thị Hôm Nay' }).click();
  const view = clerk.getByTestId('dossier-view');
  await view.getByRole('button', { name: 'Chuyển cơ quan giải quyết', exact: true }).click();
  await view.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(view.getByTestId('dossier-status')).toContainText('Đang xử lý');

  await expect(panel).toHaveAttribute('data-amendments', '1', { timeout: 60_000 });
  await expect(panel.getByTestId('amendments')).toContainText('Đã sửa');
  await expect(panel.getByTestId('amendments')).toContainText(todayCode);
  await supervisor.getByTestId('sign-day').click();
  await expect(panel).toHaveAttribute('data-amendments', '0');
  await expect.poll(async () => (await signoffsAtPortal()).length, { timeout: 60_000 }).toBe(2);
});

test('indicators match the hand-computed figures; every number opens its dossiers; the reports export', async () => {
  await supervisor.getByRole('tab', { name: 'Chỉ số chất lượng' }).click();
  const view = supervisor.getByTestId('indicators');
  const from = formatViDate(vnDay(NOW - 10 * DAY));
  await view.getByLabel('Từ ngày').fill(from);
  // Received 7: H1–H6 and today's. On time: H1, H6, and the open H4 and today's (judged at the
  // period's end, before their appointment) = 4. Late: H2 (finished late), H3 (open, overdue),
  // H5 (two supplement requests) = 3. Online: H6. Digitised: H6 (its only file). All synced.
  await expect(view.getByTestId('total-received')).toHaveText('7');
  await expect(view.getByTestId('total-onTimeRate')).toHaveText('57,1 %');
  await expect(view.getByTestId('total-digitisedRate')).toContainText('14,3 %');
  await expect(view.getByTestId('total-syncRate')).toContainText('100 %');

  await view.getByTestId('total-received').getByRole('button').click();
  await expect(supervisor.getByTestId('drill-down')).toHaveAttribute('data-count', '7');
  await view.locator('button[data-metric="late"][data-group="total"]').click();
  const drill = supervisor.getByTestId('drill-down');
  await expect(drill).toHaveAttribute('data-count', '3');
  for (const key of ['H2', 'H3', 'H5']) await expect(drill).toContainText(codeOf(key));
  await view.getByTestId('indicator-by-procedure').locator('button[data-metric="online"]').first().click();
  await expect(drill).toHaveAttribute('data-count', '1');
  await expect(drill).toContainText(codeOf('H6'));

  await expect(view.getByTestId('chart-rates').locator('canvas')).toBeVisible();
  await view.getByTestId('indicators-pdf').click();
  const pdf = pdfText(await download(supervisor, supervisor.getByTestId('download-indicators-pdf')));
  expect(pdf).toContain('BÁO CÁO CHỈ SỐ');
  expect(pdf).toContain('2.000815');
  expect(pdf).toContain('57,1');
  await view.getByTestId('indicators-csv').click();
  const csv = readFileSync(await download(supervisor, supervisor.getByTestId('download-indicators-csv')), 'utf8');
  expect(csv).toContain('Tỷ lệ đúng hạn');
  expect(csv.split('\r\n')[1]).toContain('Tổng hợp');

  // The ledger as CSV too (the PDF and XLSX exports are checked in reception-workflow).
  await supervisor.getByRole('navigation').getByRole('button', { name: 'Sổ theo dõi' }).click();
  await supervisor.getByTestId('ledger-csv').click();
  const ledger = readFileSync(await download(supervisor, supervisor.getByTestId('download-ledger-csv')), 'utf8');
  expect(ledger.charCodeAt(0)).toBe(0xfeff);
  expect(ledger).toContain('Mã hồ sơ');
  expect(ledger).toContain(todayCode);
});
