/**
 * The workstation's uploader against a real portal, through the faulty proxy: clean uploads, a cut
 * mid-upload, an outage, stalls, a corrupted vault file, a killed client, an expiring token and a
 * file the portal already holds. "Bytes sent" are the proxy's client→portal bytes (headers
 * included), compared with the bytes the portal stores: the goal is under 1.1 with faults.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSigningKey, signAccessToken } from '../../src-portal/auth/access-token';
import { createUploader, type Uploader, type UploaderOptions } from '../../src-main/services/uploads/uploader';
import { createVault, type Vault } from '../../src-main/services/vault';
import { projectRoot } from '../../src-main/services/paths';
import type { UploadStatus } from '../../src-shared/contract/desktop';
import { BLOBS_PATH } from '../../src-shared/contract/files-api';
import { startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy';
import { AGENCY_A, startPortal, userToken, type RunningPortal } from './support/portal';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { sha256 as sha } from './support/tus';

const MB = 1024 * 1024;

interface LocalFile {
  fileId: string;
  sha256: string;
  size: number;
  bytes: Buffer;
}

interface Workstation {
  dataDir: string;
  vault: Vault;
  uploader: Uploader;
  events: UploadStatus[];
  /** When each event arrived (ms). */
  times: number[];
  tokenExpired: () => number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function until(check: () => boolean, ms: number, what: string, every = 10): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(every);
  }
}

describe.each(DB_TARGETS)('uploads from a workstation ($name)', (target) => {
  let db: TestDatabase;
  let filesDir: string;
  let portal: RunningPortal;
  let proxy: FaultyProxy;
  let token: string;
  const cleanups: (() => Promise<void> | void)[] = [];
  let counter = 0;

  beforeAll(async () => {
    db = await target.create();
    filesDir = mkdtempSync(join(tmpdir(), 'motcua-uploads-test-'));
    portal = await startPortal(db, { filesDir });
    token = await userToken(portal, 'clerk-up', 'clerk', AGENCY_A);
    proxy = await startFaultyProxy({ port: Number(new URL(portal.base).port) });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await proxy?.close();
    await portal?.close();
    await db?.cleanup();
    rmSync(filesDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    proxy.cutAll(); // no kept-alive connection carries over from the previous test
    proxy.up();
    proxy.chaos(null);
    proxy.cutAfterBytes(null);
    proxy.resetCounters();
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function workstation(options: Partial<UploaderOptions> = {}): Workstation {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-ws-'));
    const vault = createVault(dataDir);
    const uploader = createUploader({ dataDir, vault, ...options });
    const events: UploadStatus[] = [];
    const times: number[] = [];
    let expired = 0;
    uploader.on('changed', (s) => {
      events.push(s);
      times.push(Date.now());
    });
    uploader.on('tokenExpired', () => expired++);
    cleanups.push(async () => {
      await uploader.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    return { dataDir, vault, uploader, events, times, tokenExpired: () => expired };
  }

  async function putFiles(vault: Vault, sizes: number[]): Promise<LocalFile[]> {
    const files: LocalFile[] = [];
    for (const size of sizes) {
      const bytes = randomBytes(size);
      const stored = await vault.put(bytes);
      files.push({ fileId: `file-${++counter}`, sha256: stored.sha256, size, bytes });
    }
    return files;
  }

  const meta = (files: LocalFile[]) => files.map(({ fileId, sha256, size }) => ({ fileId, sha256, size }));
  const totalSize = (files: LocalFile[]) => files.reduce((n, f) => n + f.size, 0);
  const connect = (ws: Workstation, accessToken = token) => ws.uploader.connect({ portalUrl: proxy.url, accessToken });

  async function blobRows(): Promise<Map<string, number>> {
    const rows = await portal.db.query<{ sha256: string; n: number }>('SELECT sha256, count(*)::int AS n FROM file_blobs GROUP BY sha256');
    return new Map(rows.map((r) => [r.sha256, Number(r.n)]));
  }

  /** Downloaded straight from the portal (not through the proxy): same bytes, one row each. */
  async function expectStoredOnce(files: LocalFile[]): Promise<void> {
    const rows = await blobRows();
    for (const file of files) {
      const res = await fetch(`${portal.origin}${BLOBS_PATH}/${file.sha256}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(file.sha256);
      expect(rows.get(file.sha256)).toBe(1);
    }
  }

  async function expectAllDone(ws: Workstation, files: LocalFile[]): Promise<void> {
    const list = await ws.uploader.list();
    for (const file of files) expect(list.find((s) => s.fileId === file.fileId)).toMatchObject({ state: 'done', sent: file.size, errorCode: null });
    // Finished uploads leave the queue folder.
    const left = new Set(readdirSync(join(ws.dataDir, 'uploads')));
    for (const file of files) expect(left.has(`${sha(Buffer.from(file.fileId))}.json`)).toBe(false);
  }

  function overhead(files: LocalFile[], label: string): number {
    const ratio = proxy.bytesUp / totalSize(files);
    console.log(`[uploads ${target.name}] ${label}: ${proxy.bytesUp} bytes sent for ${totalSize(files)} stored = ${ratio.toFixed(4)}, ${proxy.connections} connections, ${proxy.cuts} cuts`);
    return ratio;
  }

  it('(a) uploads 5 files of 1–3 MB, each stored once with its hash', async () => {
    const rowsBefore = [...(await blobRows()).values()].reduce((a, b) => a + b, 0);
    const ws = workstation();
    const files = await putFiles(ws.vault, [1 * MB, 1.5 * MB, 2 * MB, 2.5 * MB, 3 * MB].map(Math.round));
    expect(await ws.uploader.enqueue(meta(files))).toEqual({ queued: 5 });
    expect(await ws.uploader.enqueue(meta(files))).toEqual({ queued: 0 });
    const started = Date.now();
    connect(ws);
    await within(ws.uploader.settled(), 30_000, 'uploads settled');
    console.log(`[uploads ${target.name}] (a) ${(totalSize(files) / MB).toFixed(1)} MB in ${Date.now() - started} ms`);
    await expectAllDone(ws, files);
    await expectStoredOnce(files);
    expect([...(await blobRows()).values()].reduce((a, b) => a + b, 0)).toBe(rowsBefore + 5);
    expect(overhead(files, '(a) clean')).toBeLessThan(1.01);
    // Per file: the state change to uploading at once, then progress at most every 250 ms, then done.
    for (const file of files) {
      const mine = ws.events.map((e, i) => ({ e, t: ws.times[i]! })).filter(({ e }) => e.fileId === file.fileId);
      expect(mine.map(({ e }) => e.state).filter((s, i, all) => s !== all[i - 1])).toEqual(['pending', 'uploading', 'done']);
      const progress = mine.filter(({ e }) => e.state === 'uploading').slice(1);
      for (let i = 1; i < progress.length; i++) expect(progress[i]!.t - progress[i - 1]!.t).toBeGreaterThanOrEqual(240);
      expect(mine.at(-1)?.e).toEqual({ fileId: file.fileId, sha256: file.sha256, size: file.size, state: 'done', sent: file.size, errorCode: null, error: null });
    }
  });

  it('(b) resumes from the offset after a cut mid-upload', async () => {
    const ws = workstation();
    const files = await putFiles(ws.vault, [4 * MB]);
    proxy.cutAfterBytes(2 * MB, { times: 1 });
    await ws.uploader.enqueue(meta(files));
    connect(ws);
    await within(ws.uploader.settled(), 30_000, 'upload settled');
    expect(proxy.cuts).toBe(1);
    expect(ws.events.some((e) => e.state === 'error' && e.errorCode === 'network')).toBe(true);
    await expectAllDone(ws, files);
    await expectStoredOnce(files);
    expect(overhead(files, '(b) one cut')).toBeLessThan(1.1);
  });

  it('(c) completes by itself after the link was down for a few seconds', async () => {
    const ws = workstation();
    const files = await putFiles(ws.vault, [3 * MB, 3 * MB]);
    proxy.chaos({ seed: 3, stallProbability: 0.2, stallMs: 20 }); // slow enough to go down mid-upload
    await ws.uploader.enqueue(meta(files));
    connect(ws);
    await until(() => proxy.bytesUp > 1 * MB, 10_000, 'first MB sent');
    proxy.down();
    proxy.chaos(null);
    const downAt = Date.now();
    await sleep(3000);
    expect(ws.events.some((e) => e.state === 'error' && e.errorCode === 'network')).toBe(true);
    proxy.up();
    await within(ws.uploader.settled(), 30_000, 'uploads settled after the outage');
    console.log(`[uploads ${target.name}] (c) done ${Date.now() - downAt - 3000} ms after the link came back`);
    await expectAllDone(ws, files);
    await expectStoredOnce(files);
    expect(overhead(files, '(c) outage')).toBeLessThan(1.1);
  });

  it('(d) rides out a short stall, and gives up on a long one then resumes', async () => {
    const ws = workstation({ stallTimeoutMs: 1500 });
    const files = await putFiles(ws.vault, [3 * MB, 3 * MB]);
    proxy.chaos({ seed: 4, stallProbability: 0.2, stallMs: 20 });
    await ws.uploader.enqueue(meta(files));
    connect(ws);
    await until(() => proxy.bytesUp > 1 * MB, 10_000, 'first MB sent');
    proxy.stall(800); // under the stall timeout: the same requests carry on
    await sleep(900);
    expect(ws.events.some((e) => e.state === 'error')).toBe(false);
    await until(() => proxy.bytesUp > 3.5 * MB, 10_000, 'more sent');
    proxy.stall(4000); // over it: the attempt is abandoned and resumed
    await until(() => ws.events.some((e) => e.state === 'error' && e.errorCode === 'network' && /no progress/.test(e.error ?? '')), 10_000, 'stall detected');
    proxy.chaos(null);
    await within(ws.uploader.settled(), 30_000, 'uploads settled after the stall');
    await expectAllDone(ws, files);
    await expectStoredOnce(files);
    expect(overhead(files, '(d) stalls')).toBeLessThan(1.1);
  });

  it('(e) rejects a file whose vault copy is corrupt after 3 restarts; the others still arrive', async () => {
    const ws = workstation();
    const files = await putFiles(ws.vault, [1 * MB, 1 * MB, 1 * MB]);
    await ws.uploader.enqueue(meta(files));
    const bad = files[1]!;
    const onDisk = join(ws.dataDir, 'vault', bad.sha256.slice(0, 2), bad.sha256);
    const corrupt = readFileSync(onDisk);
    corrupt[1000] = corrupt[1000]! ^ 0xff;
    writeFileSync(onDisk, corrupt);
    connect(ws);
    await within(ws.uploader.settled(), 30_000, 'uploads settled');
    const list = await ws.uploader.list();
    expect(list.find((s) => s.fileId === bad.fileId)).toMatchObject({ state: 'rejected', errorCode: 'hash-mismatch' });
    expect(list.find((s) => s.fileId === bad.fileId)?.error).toMatch(/SHA-256/);
    expect(ws.events.filter((e) => e.fileId === bad.fileId && e.errorCode === 'hash-mismatch')).toHaveLength(4);
    const good = files.filter((f) => f !== bad);
    await expectAllDone(ws, good);
    await expectStoredOnce(good);
    expect((await blobRows()).has(bad.sha256)).toBe(false);
    // The rejection is kept across restarts, with its reason.
    const [record] = readdirSync(join(ws.dataDir, 'uploads')).map((n) => JSON.parse(readFileSync(join(ws.dataDir, 'uploads', n), 'utf8')) as Record<string, unknown>);
    expect(record).toMatchObject({ fileId: bad.fileId, state: 'rejected', errorCode: 'hash-mismatch', uploadUrl: null, hashMismatches: 4 });
  });

  it('(e2) rejects a file missing from the vault and uploads the rest', async () => {
    const ws = workstation();
    const files = await putFiles(ws.vault, [200_000]);
    const ghost = { fileId: `ghost-${++counter}`, sha256: 'e'.repeat(64), size: 10 };
    await ws.uploader.enqueue([ghost, ...meta(files)]);
    connect(ws);
    await within(ws.uploader.settled(), 30_000, 'uploads settled');
    expect((await ws.uploader.list()).find((s) => s.fileId === ghost.fileId)).toMatchObject({ state: 'rejected', errorCode: 'missing-in-vault' });
    await expectAllDone(ws, files);
    // retry: same outcome, still not blocking anything
    expect(await ws.uploader.retry(ghost.fileId)).toBe(true);
    expect(await ws.uploader.retry('no-such-file')).toBe(false);
    await within(ws.uploader.settled(), 10_000, 'retry settled');
    expect((await ws.uploader.list()).find((s) => s.fileId === ghost.fileId)).toMatchObject({ state: 'rejected', errorCode: 'missing-in-vault' });
  });

  it('(e3) a supervisor (no upload right) gets rejected with the portal\'s message', async () => {
    const supervisor = await userToken(portal, `sup-${++counter}`, 'supervisor', AGENCY_A);
    const ws = workstation();
    const files = await putFiles(ws.vault, [100_000]);
    await ws.uploader.enqueue(meta(files));
    connect(ws, supervisor);
    await within(ws.uploader.settled(), 30_000, 'uploads settled');
    const [status] = await ws.uploader.list();
    expect(status).toMatchObject({ state: 'rejected', errorCode: 'forbidden' });
    expect(status?.error).toMatch(/clerks/i);
  });

  it('(f) resumes from the saved URL after the client is killed mid-upload', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-ws-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const vault = createVault(dataDir);
    const [file] = await putFiles(vault, [20 * MB]);
    const list = join(dataDir, 'enqueue.json');
    writeFileSync(list, JSON.stringify(meta([file!])));

    const children: ChildProcess[] = [];
    cleanups.push(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
    const runChild = (args: string[]) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot(), 'test/portal/support/upload-child.ts'), dataDir, proxy.url, ...args], {
        cwd: projectRoot(),
        env: { ...process.env, MOTCUA_TEST_TOKEN: token },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      return { child, output: () => out, exited };
    };

    // Throttled by stalls so the kill lands mid-upload.
    proxy.chaos({ seed: 6, stallProbability: 0.3, stallMs: 15 });
    const first = runChild([list]);
    await until(() => proxy.bytesUp > 6 * MB, 60_000, 'first run sent 6 MB');
    first.child.kill('SIGKILL');
    await first.exited;
    proxy.chaos(null);
    const sentBeforeKill = proxy.bytesUp;
    const [queued] = readdirSync(join(dataDir, 'uploads')).filter((n) => n.endsWith('.json'));
    const record = JSON.parse(readFileSync(join(dataDir, 'uploads', queued!), 'utf8')) as { uploadUrl: string | null };
    expect(record.uploadUrl).toMatch(/\/api\/v1\/files\/uploads\/[0-9a-f-]+$/);

    const second = runChild([]);
    expect(await within(second.exited, 60_000, 'second run')).toBe(0);
    expect(second.output()).toContain('settled');
    expect(second.output()).toContain('"state":"done"');
    console.log(`[uploads ${target.name}] (f) killed after ${(sentBeforeKill / MB).toFixed(1)} MB sent`);
    expect(overhead([file!], '(f) client killed')).toBeLessThan(1.1);
    await expectStoredOnce([file!]);
    expect(readdirSync(join(dataDir, 'uploads')).filter((n) => n.endsWith('.json'))).toEqual([]);
  }, 120_000);

  it('(g) waits for a new token when the old one expires mid-queue, then continues', async () => {
    const key = await loadSigningKey(portal.db);
    const shortToken = await signAccessToken(key, { username: 'clerk-up', role: 'clerk', agencyId: AGENCY_A, displayName: '' }, 2);
    const ws = workstation();
    const files = await putFiles(ws.vault, [500_000, 500_000, 500_000, 500_000]);
    await ws.uploader.enqueue(meta(files.slice(0, 2)));
    connect(ws, shortToken);
    await within(ws.uploader.settled(), 20_000, 'first two settled');
    await expectAllDone(ws, files.slice(0, 2));
    await sleep(Math.max(0, 2100 - (Date.now() % 1000)) + 1000); // past the token's expiry
    await ws.uploader.enqueue(meta(files.slice(2)));
    await until(() => ws.tokenExpired() === 1, 10_000, 'token-expired event');
    await sleep(300);
    const waiting = (await ws.uploader.list()).filter((s) => files.slice(2).some((f) => f.fileId === s.fileId));
    expect(waiting.map((s) => s.state)).toEqual(['pending', 'pending']);
    expect(ws.tokenExpired()).toBe(1);
    connect(ws, token);
    await within(ws.uploader.settled(), 20_000, 'all settled with the new token');
    await expectAllDone(ws, files);
    await expectStoredOnce(files);
  });

  it('(h) sends no bytes for a file the portal already holds', async () => {
    const first = workstation();
    const [file] = await putFiles(first.vault, [2 * MB]);
    await first.uploader.enqueue(meta([file!]));
    connect(first);
    await within(first.uploader.settled(), 20_000, 'first upload');
    proxy.resetCounters();

    const second = workstation();
    await second.vault.put(file!.bytes);
    const again = { ...meta([file!])[0]!, fileId: `copy-${++counter}` };
    await second.uploader.enqueue([again]);
    connect(second);
    await within(second.uploader.settled(), 20_000, 'second upload');
    expect((await second.uploader.list())[0]).toMatchObject({ fileId: again.fileId, state: 'done' });
    console.log(`[uploads ${target.name}] (h) already stored: ${proxy.bytesUp} bytes sent`);
    expect(proxy.bytesUp).toBeLessThan(2000);
    await expectStoredOnce([file!]);
  });

  it('sets an unreadable queue file aside and keeps the rest of the queue', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-ws-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = createUploader({ dataDir, vault: createVault(dataDir) });
    await first.enqueue([{ fileId: 'kept', sha256: 'b'.repeat(64), size: 5 }]);
    await first.close();
    writeFileSync(join(dataDir, 'uploads', `${'0'.repeat(64)}.json`), '{"fileId": "half-writ');
    writeFileSync(join(dataDir, 'uploads', `${'1'.repeat(64)}.json.1234.tmp`), 'left by a crash');
    const second = createUploader({ dataDir, vault: createVault(dataDir) });
    cleanups.push(() => second.close());
    expect((await second.list()).map((s) => [s.fileId, s.state])).toEqual([['kept', 'pending']]);
    expect(readdirSync(join(dataDir, 'uploads')).sort()).toEqual([`${'0'.repeat(64)}.json.corrupt`, `${sha(Buffer.from('kept'))}.json`].sort());
  });

  it('pauses on connect(null) without losing the upload URL, and resumes on connect', async () => {
    const ws = workstation();
    const files = await putFiles(ws.vault, [6 * MB]);
    proxy.chaos({ seed: 8, stallProbability: 0.3, stallMs: 15 });
    await ws.uploader.enqueue(meta(files));
    connect(ws);
    await until(() => proxy.bytesUp > 2 * MB, 20_000, '2 MB sent');
    const pausedAt = proxy.bytesUp;
    ws.uploader.connect(null);
    proxy.chaos(null);
    await until(() => ws.events.at(-1)?.state === 'pending', 5000, 'paused');
    const [name] = readdirSync(join(ws.dataDir, 'uploads'));
    expect(JSON.parse(readFileSync(join(ws.dataDir, 'uploads', name!), 'utf8'))).toMatchObject({ uploadUrl: expect.stringContaining('/files/uploads/') });
    // Paused: no new request, no state change. (Bytes the client had already handed to the kernel
    // still drain to the portal, which keeps them: loopback buffers hold megabytes.)
    const connections = proxy.connections;
    const events = ws.events.length;
    await sleep(1500);
    expect(proxy.connections).toBe(connections);
    expect(ws.events.length).toBe(events);
    console.log(`[uploads ${target.name}] paused at ${(pausedAt / MB).toFixed(1)} MB forwarded`);
    connect(ws);
    await within(ws.uploader.settled(), 20_000, 'resumed');
    await expectAllDone(ws, files);
    expect(overhead(files, 'pause and resume')).toBeLessThan(1.1);
  });
});
