/** The offline sign-in verifier store: right and wrong passwords, unknown users, the rate limit, and a file that never holds a secret in clear. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FIRST_DELAY_MS,
  FREE_FAILURES,
  MAX_DELAY_MS,
  OFFLINE_LOGIN_FILE,
  SCRYPT_PARAMS,
  createOfflineLoginStore,
  delayAfter,
  type OfflineLoginOptions,
} from '../../../src-main/services/offline-login';
import type { SessionUser } from '../../../src-shared/contract/portal-api';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Cheap parameters keep the suite fast; one test runs the real ones. */
const FAST = { algorithm: 'scrypt', N: 2 ** 10, r: 8, p: 1, keyLength: 32 } as const;

function setup(options: OfflineLoginOptions = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-offline-login-'));
  dirs.push(dataDir);
  let clock = Date.parse('2025-03-10T08:00:00Z');
  const now = () => clock;
  const store = createOfflineLoginStore(dataDir, { params: FAST, now, ...options });
  return {
    dataDir,
    store,
    file: path.join(dataDir, OFFLINE_LOGIN_FILE),
    advance: (ms: number) => (clock += ms),
    reopen: (more: OfflineLoginOptions = {}) => createOfflineLoginStore(dataDir, { params: FAST, now, ...more }),
  };
}

const AN: SessionUser = { username: 'clerk.an', role: 'clerk', agencyId: '000.17.22.H56', displayName: 'Nguyễn Văn An' };
const PASSWORD = 'Mật-khẩu-bí-mật-42';

describe('offline sign-in store', () => {
  it('accepts the right password with the stored role and centre, with the real scrypt parameters', async () => {
    const { store } = setup({ params: undefined });
    await store.remember(AN, PASSWORD);
    await expect(store.verify('clerk.an', PASSWORD)).resolves.toEqual({ result: 'ok', user: AN });
    // The portal compares usernames trimmed and lower-cased; so does the store.
    await expect(store.verify('  Clerk.An ', PASSWORD)).resolves.toEqual({ result: 'ok', user: AN });
  });

  it('refuses a wrong password and says nothing of the user beyond that', async () => {
    const { store } = setup();
    await store.remember(AN, PASSWORD);
    await expect(store.verify('clerk.an', 'mat-khau-sai')).resolves.toEqual({ result: 'wrong', retryAfterMs: 0 });
    await expect(store.verify('clerk.an', PASSWORD.toUpperCase())).resolves.toMatchObject({ result: 'wrong' });
  });

  it('matches the password in any Unicode normal form, like the portal', async () => {
    const { store } = setup();
    await store.remember(AN, PASSWORD.normalize('NFD'));
    await expect(store.verify('clerk.an', PASSWORD.normalize('NFC'))).resolves.toMatchObject({ result: 'ok' });
  });

  it('does not know a user who never signed in online here, nor one forgotten', async () => {
    const { store } = setup();
    await expect(store.verify('clerk.binh', PASSWORD)).resolves.toEqual({ result: 'unknown' });
    await store.remember(AN, PASSWORD);
    await expect(store.forget('CLERK.AN')).resolves.toBe(true);
    await expect(store.forget('clerk.an')).resolves.toBe(false);
    await expect(store.verify('clerk.an', PASSWORD)).resolves.toEqual({ result: 'unknown' });
    await expect(store.list()).resolves.toEqual([]);
  });

  it('keeps a salted verifier on disk, never the password; a new sign-in renews it', async () => {
    const { store, file, reopen, dataDir } = setup({ params: undefined });
    await store.remember(AN, PASSWORD);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('hex'));
    const [record] = (JSON.parse(text) as { users: Record<string, unknown>[] }).users;
    expect(record).toMatchObject({ username: 'clerk.an', role: 'clerk', agencyId: AN.agencyId, displayName: AN.displayName, params: SCRYPT_PARAMS, failures: 0 });
    expect(Buffer.from(record!.salt as string, 'base64')).toHaveLength(16);
    expect(Buffer.from(record!.verifier as string, 'base64')).toHaveLength(32);
    expect(Object.keys(record!).sort()).toEqual(['agencyId', 'blockedUntil', 'displayName', 'failures', 'params', 'role', 'salt', 'updatedAt', 'username', 'verifier']);
    expect(readdirSync(dataDir)).toEqual([OFFLINE_LOGIN_FILE]); // no temp file left behind

    // The same password again: a fresh salt, so a fresh verifier. A changed password and role replace the old.
    await store.remember(AN, PASSWORD);
    const again = (JSON.parse(readFileSync(file, 'utf8')) as { users: { salt: string }[] }).users[0]!;
    expect(again.salt).not.toBe(record!.salt);
    await store.remember({ ...AN, role: 'supervisor' }, 'mat-khau-moi-123');
    const fresh = reopen({ params: undefined });
    await expect(fresh.verify('clerk.an', PASSWORD)).resolves.toMatchObject({ result: 'wrong' });
    await expect(fresh.verify('clerk.an', 'mat-khau-moi-123')).resolves.toEqual({ result: 'ok', user: { ...AN, role: 'supervisor' } });
  });

  it('lists known users without any secret, most recent first', async () => {
    const { store, advance } = setup();
    await store.remember(AN, PASSWORD);
    advance(60_000);
    await store.remember({ username: 'supervisor.dung', role: 'supervisor', agencyId: AN.agencyId, displayName: 'Lê Dũng' }, PASSWORD);
    const users = await store.list();
    expect(users.map((u) => u.username)).toEqual(['supervisor.dung', 'clerk.an']);
    expect(users[1]).toEqual({ username: 'clerk.an', displayName: AN.displayName, role: 'clerk', agencyId: AN.agencyId, updatedAt: '2025-03-10T08:00:00.000Z' });
    expect(JSON.stringify(users)).not.toMatch(/salt|verifier/);
  });

  it('makes repeated failures wait, longer each time, even across a restart', async () => {
    expect([0, 1, 4].map(delayAfter)).toEqual([0, 0, 0]);
    expect(delayAfter(FREE_FAILURES)).toBe(FIRST_DELAY_MS);
    expect(delayAfter(FREE_FAILURES + 1)).toBe(2 * FIRST_DELAY_MS);
    expect(delayAfter(FREE_FAILURES + 50)).toBe(MAX_DELAY_MS);

    const { store, advance, reopen } = setup();
    await store.remember(AN, PASSWORD);
    for (let i = 1; i < FREE_FAILURES; i++) await expect(store.verify('clerk.an', `sai-${i}`)).resolves.toEqual({ result: 'wrong', retryAfterMs: 0 });
    await expect(store.verify('clerk.an', 'sai-5')).resolves.toEqual({ result: 'wrong', retryAfterMs: FIRST_DELAY_MS });
    // While blocked even the right password is not checked.
    await expect(store.verify('clerk.an', PASSWORD)).resolves.toEqual({ result: 'throttled', retryAfterMs: FIRST_DELAY_MS });
    advance(10_000);
    // Restarting the app does not reset the counter.
    const restarted = reopen();
    await expect(restarted.verify('clerk.an', PASSWORD)).resolves.toEqual({ result: 'throttled', retryAfterMs: FIRST_DELAY_MS - 10_000 });
    advance(FIRST_DELAY_MS);
    await expect(restarted.verify('clerk.an', 'sai-6')).resolves.toEqual({ result: 'wrong', retryAfterMs: 2 * FIRST_DELAY_MS });
    advance(2 * FIRST_DELAY_MS);
    // Success clears the counter: the next mistake costs nothing again.
    await expect(restarted.verify('clerk.an', PASSWORD)).resolves.toMatchObject({ result: 'ok' });
    await expect(restarted.verify('clerk.an', 'sai-7')).resolves.toEqual({ result: 'wrong', retryAfterMs: 0 });
    // Another user is not affected by clerk.an's failures.
    await restarted.remember({ ...AN, username: 'clerk.binh' }, PASSWORD);
    await expect(restarted.verify('clerk.binh', PASSWORD)).resolves.toMatchObject({ result: 'ok' });
  });

  it('counts concurrent failures without losing any', async () => {
    const { store } = setup();
    await store.remember(AN, PASSWORD);
    const results = await Promise.all(Array.from({ length: FREE_FAILURES + 2 }, (_, i) => store.verify('clerk.an', `sai-${i}`)));
    expect(results.filter((r) => r.result === 'wrong')).toHaveLength(FREE_FAILURES);
    expect(results.filter((r) => r.result === 'throttled')).toHaveLength(2);
  });

  it('a successful online sign-in clears the failures', async () => {
    const { store } = setup();
    await store.remember(AN, PASSWORD);
    for (let i = 0; i < FREE_FAILURES; i++) await store.verify('clerk.an', 'sai');
    await expect(store.verify('clerk.an', PASSWORD)).resolves.toMatchObject({ result: 'throttled' });
    await store.remember(AN, PASSWORD);
    await expect(store.verify('clerk.an', PASSWORD)).resolves.toMatchObject({ result: 'ok' });
  });

  it('re-derives a verifier made with older parameters at its next successful check', async () => {
    const { store, file, reopen } = setup();
    await store.remember(AN, PASSWORD);
    const stronger = { ...FAST, N: 2 ** 11 };
    const upgraded = reopen({ params: stronger });
    await expect(upgraded.verify('clerk.an', PASSWORD)).resolves.toMatchObject({ result: 'ok' });
    expect((JSON.parse(readFileSync(file, 'utf8')) as { users: { params: unknown }[] }).users[0]!.params).toEqual(stronger);
    await expect(reopen({ params: stronger }).verify('clerk.an', PASSWORD)).resolves.toMatchObject({ result: 'ok' });
  });

  it('sets a corrupt file aside and starts empty', async () => {
    const { dataDir, file } = setup();
    writeFileSync(file, '{"version":1,"users":[{"username":"clerk.an", tru');
    const logged: string[] = [];
    const store = createOfflineLoginStore(dataDir, { params: FAST, log: (m) => logged.push(m) });
    await expect(store.verify('clerk.an', PASSWORD)).resolves.toEqual({ result: 'unknown' });
    expect(readdirSync(dataDir).some((f) => f.startsWith(`${OFFLINE_LOGIN_FILE}.corrupt-`))).toBe(true);
    expect(logged.join('\n')).toContain('set aside');
    await store.remember(AN, PASSWORD);
    await expect(store.verify('clerk.an', PASSWORD)).resolves.toMatchObject({ result: 'ok' });
  });

  it('drops only the damaged record of an otherwise sound file', async () => {
    const { store, file, reopen } = setup();
    await store.remember(AN, PASSWORD);
    await store.remember({ ...AN, username: 'clerk.binh' }, PASSWORD);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { users: Record<string, unknown>[] };
    const binh = data.users.find((u) => u.username === 'clerk.binh')!;
    binh.verifier = 42;
    writeFileSync(file, JSON.stringify(data));
    const fresh = reopen();
    await expect(fresh.verify('clerk.binh', PASSWORD)).resolves.toEqual({ result: 'unknown' });
    await expect(fresh.verify('clerk.an', PASSWORD)).resolves.toMatchObject({ result: 'ok' });
  });

  it('refuses to remember a malformed user', async () => {
    const { store } = setup();
    await expect(store.remember({ ...AN, role: 'root' as never }, PASSWORD)).rejects.toThrow();
    await expect(store.list()).resolves.toEqual([]);
  });
});
