/**
 * A week offline: 1,000 dossiers with 3,000 files made with no network, then a reconnection over a
 * bad link — connections cut at random, stalls, the link down again for a while, and the portal
 * killed (SIGKILL) mid-sync and restarted. Pass: every dossier, event and file at the portal exactly
 * once, every file's hash verified, and nothing left in the outbox but the one record the portal
 * refuses (which never held up the rest).
 */
import { createHash, randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { DossierDoc, DossierEventDoc } from '../../src-shared/contract/documents';
import { makeEvent } from '../../src-shared/domain/lifecycle/apply';
import { dossierIn } from '../unit/lifecycle/fixtures';
import { startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy';
import { PortalApi } from './support/portal-api';
import { AGENCY, PASSWORD, signIn } from './support/session';
import { Stack } from './support/stack';

const DOSSIERS = Number(process.env.E2E_WEEK_DOSSIERS ?? 1000);
const FILES_PER_DOSSIER = 3;
const stack = new Stack();
let link: FaultyProxy;

test.beforeAll(async () => {
  await stack.addUser('clerk.an', PASSWORD, 'clerk', AGENCY);
  await stack.addUser('supervisor.dung', PASSWORD, 'supervisor', AGENCY);
  await stack.startPortal();
  link = await startFaultyProxy({ port: stack.portalPort });
  await stack.startHost({ portalUrl: link.url });
});

test.afterAll(async () => {
  await stack.stop();
  await link?.close();
});

const WEEK_START = Date.UTC(2026, 10, 16, 1, 0); // Mon 16/11/2026 08:00, Vietnam

/** A received dossier and its event, as the counter would have written them on day `i % 5`. */
function offlineDossier(i: number, notes = ''): { dossier: DossierDoc; event: DossierEventDoc } {
  const receivedAt = WEEK_START + Math.floor(i / 200) * 86_400_000 + (i % 200) * 60_000;
  const day = new Date(receivedAt + 7 * 3600_000).toISOString().slice(0, 10);
  const seq = String((i % 200) + 1).padStart(4, '0');
  const dossier = dossierIn(2, {
    id: `week-${i}`,
    agencyId: AGENCY,
    code: `${AGENCY}-${day.slice(2).replaceAll('-', '')}-${seq}`,
    applicant: { kind: 'individual', name: `Công dân số ${i}`, idNumber: '', birthDate: '', gender: '', taxCode: '', phone: '', email: '', address: '' },
    nameKey: `cong dan so ${i}`,
    givenNameKey: String(i),
    receivedAt,
    receivedDay: day,
    receivedInv: 9_999_999_999_999 - receivedAt,
    ledgerNumber: i + 1,
    notes,
    updatedAt: receivedAt,
  });
  const event = makeEvent(dossier, 'received', 0, 2, { now: receivedAt, by: 'clerk.an', newId: () => `week-event-${i}` });
  return { dossier, event };
}

/** A small scan: JPEG magic and random bytes, 8–40 KB. */
const scan = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(8_000 + Math.floor(Math.random() * 32_000))]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function pendingCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('pending-count').getAttribute('data-count'));
}

test('a week of offline work reaches the portal exactly once over a faulty link', async ({ browser }) => {
  test.setTimeout(30 * 60_000);
  const page = await signIn(stack, browser, 'clerk.an', PASSWORD, { testHooks: true });
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-online', 'true');
  link.down();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-online', 'false', { timeout: 30_000 });

  // The week's work, through the app's own write paths (outbox first), with the network unplugged.
  const hashes = new Set<string>();
  for (let start = 0; start < DOSSIERS; start += 20) {
    const batch = Array.from({ length: Math.min(20, DOSSIERS - start) }, (_, k) => offlineDossier(start + k));
    await page.evaluate((changes) => window.__motcuaTest!.writeDossiers(changes), batch);
    for (const { dossier } of batch) {
      const files = Array.from({ length: FILES_PER_DOSSIER }, (_, k) => {
        const bytes = scan();
        hashes.add(sha(bytes));
        return { name: `trang-${k + 1}.jpg`, base64: bytes.toString('base64') };
      });
      const attached = await page.evaluate(({ d, f }) => window.__motcuaTest!.attach(d, 'TP1', f), { d: { id: dossier.id, agencyId: dossier.agencyId }, f: files });
      expect(attached).toHaveLength(FILES_PER_DOSSIER);
    }
  }
  // One record the portal will refuse (jsonb cannot hold U+0000): it must not hold up the rest.
  await page.evaluate((changes) => window.__motcuaTest!.writeDossiers(changes), [offlineDossier(DOSSIERS, 'ghi chú hỏng \u0000')]);
  const queued = (DOSSIERS + 1) * 2 + DOSSIERS * FILES_PER_DOSSIER * 2; // dossiers, events, file details, file bytes
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', String(queued));

  // Back online over a bad link.
  link.up();
  link.chaos({ seed: 20261121, cutEveryBytes: [150_000, 1_500_000], stallProbability: 0.002, stallMs: 1500 });
  await expect.poll(() => pendingCount(page), { timeout: 10 * 60_000, intervals: [1000] }).toBeLessThan(queued * 0.7);
  expect(await pendingCount(page), 'still syncing when the portal crashes').toBeGreaterThan(0);
  await stack.stopPortal('SIGKILL'); // the portal crashes mid-sync
  await new Promise((r) => setTimeout(r, 3000));
  await stack.startPortal();
  await expect.poll(() => pendingCount(page), { timeout: 10 * 60_000, intervals: [1000] }).toBeLessThan(queued * 0.4);
  expect(await pendingCount(page), 'still syncing when the link drops').toBeGreaterThan(0);
  link.down(); // the link drops for a while
  await new Promise((r) => setTimeout(r, 20_000));
  link.up();
  await expect.poll(() => pendingCount(page), { timeout: 15 * 60_000, intervals: [2000] }).toBe(0);
  link.chaos(null);

  // At the portal: everything exactly once, every file there and hashing to what was scanned.
  const supervisor = await PortalApi.signIn(stack.portalUrl, 'supervisor.dung');
  const dossiers = await supervisor.pullAll('dossiers');
  const ids = new Set(dossiers.map((d) => d.id));
  expect(dossiers).toHaveLength(DOSSIERS);
  expect(ids.size).toBe(DOSSIERS);
  expect(ids.has(`week-${DOSSIERS}`)).toBe(false);
  // The refused dossier's own event is valid and arrives: the log is append-only and never refused for its dossier.
  const events = await supervisor.pullAll('dossierEvents');
  expect(events).toHaveLength(DOSSIERS + 1);
  expect(new Set(events.map((e) => e.id)).size).toBe(DOSSIERS + 1);
  const files = await supervisor.pullAll('files');
  expect(files).toHaveLength(DOSSIERS * FILES_PER_DOSSIER);
  expect(new Set(files.map((f) => f.sha256))).toEqual(hashes);
  const missing = await supervisor.missingFiles();
  expect(missing.total, `files the portal lacks (portal log: ${stack.portalDataDir}/portal.log): ${JSON.stringify(missing.missing.slice(0, 5))}`).toBe(0);
  expect((await supervisor.storedHashes([...hashes])).size).toBe(hashes.size);
  for (const hash of hashes) expect(await supervisor.downloadedHash(hash)).toBe(hash);

  // The workstation: the refused record set aside with the portal's reason, nothing else waiting.
  await page.getByRole('navigation').getByRole('button', { name: 'Đồng bộ' }).click();
  const outbox = page.getByTestId('outbox-list');
  await expect(outbox.locator('tbody tr')).toHaveCount(1);
  await expect(outbox.locator('tbody tr')).toHaveAttribute('data-state', 'rejected');
  await expect(outbox).toContainText('NUL');
});
