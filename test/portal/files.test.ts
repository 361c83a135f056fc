/** File transfer over tus: upload, resume, hash check, dedupe, isolation, roles, missing list, restart. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FILE_MAX_BYTES,
  HASH_MISMATCH_STATUS,
  STATUS_MAX,
  type BlobStatusResponse,
  type MissingFilesResponse,
} from '../../src-shared/contract/files-api';
import type { PushResponse, WireDocument } from '../../src-shared/contract/sync';
import { FsBlobStore } from '../../src-portal/files/fs-blob-store';
import { sweepIdleUploads } from '../../src-portal/files/sweep';
import { UPLOAD_IDLE_MS } from '../../src-portal/files/tus';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, AGENCY_B, call, startPortal, userToken, type RunningPortal } from './support/portal';
import {
  createUpload,
  cutOffPatch,
  fileDoc,
  head,
  metadataFor,
  newUpload,
  patch,
  sha256,
  someBytes,
  terminate,
  uploadIdOf,
} from './support/tus';

describe.each(DB_TARGETS)('files over tus ($name)', (target) => {
  let db: TestDatabase;
  let filesDir: string;
  let portal: RunningPortal;
  let clerkA: string;
  let clerkB: string;
  let supervisorA: string;

  const uploadsDir = () => join(filesDir, '.uploads');
  const blobPath = (agencyId: string, sha: string) => join(filesDir, agencyId, sha.slice(0, 2), sha);
  const download = async (token: string | undefined, sha: string) => {
    const res = await fetch(`${portal.base}/files/blobs/${sha}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
  };
  const blobStatus = (token: string, hashes: string[]) =>
    call<BlobStatusResponse>(portal.base, `/files/status?sha256=${hashes.join(',')}`, { token });
  const blobRows = async (sha: string) =>
    portal.db.query<{ agency_id: string; size: string | number; stored_by: string }>(
      'SELECT agency_id, size, stored_by FROM file_blobs WHERE sha256 = $1',
      [sha],
    );
  const missing = (token: string, query = '') => call<MissingFilesResponse>(portal.base, `/files/missing${query}`, { token });
  const pushFiles = (token: string, docs: WireDocument[]) =>
    call<PushResponse>(portal.base, '/replication/files/push', { token, body: docs.map((d) => ({ newDocumentState: d })) });
  /** Upload `bytes` whole: one POST, one PATCH; returns the final PATCH. */
  const uploadWhole = async (token: string, bytes: Uint8Array) => patch(await newUpload(portal.base, token, bytes), token, 0, bytes);

  /** The bytes came back, exactly one row records them, they sit at their path and no upload is left over. */
  async function expectStored(agencyId: string, token: string, bytes: Uint8Array, storedBy: string) {
    const sha = sha256(bytes);
    const got = await download(token, sha);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(got.headers.get('content-length')).toBe(String(bytes.length));
    expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
    const rows = await blobRows(sha);
    expect(rows).toHaveLength(1);
    expect({ ...rows[0], size: Number(rows[0]?.size) }).toEqual({ agency_id: agencyId, size: bytes.length, stored_by: storedBy });
    expect(Buffer.from(readFileSync(blobPath(agencyId, sha))).equals(Buffer.from(bytes))).toBe(true);
    expect((await blobStatus(token, [sha])).body).toEqual({ stored: [sha] });
  }

  beforeAll(async () => {
    db = await target.create();
    filesDir = mkdtempSync(join(tmpdir(), 'motcua-files-test-'));
    portal = await startPortal(db, { filesDir });
    clerkA = await userToken(portal, 'clerk-a', 'clerk', AGENCY_A);
    clerkB = await userToken(portal, 'clerk-b', 'clerk', AGENCY_B);
    supervisorA = await userToken(portal, 'sup-a', 'supervisor', AGENCY_A);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  it('stores a whole upload: the download equals the bytes, one row, nothing left in .uploads', async () => {
    const bytes = someBytes(300_000);
    const url = await newUpload(portal.base, clerkA, bytes);
    expect(url).toMatch(/\/api\/v1\/files\/uploads\/[0-9a-f]{16}-[0-9a-f]{32}$/);
    expect(readdirSync(uploadsDir()).sort()).toEqual([uploadIdOf(url), `${uploadIdOf(url)}.json`].sort());
    const res = await patch(url, clerkA, 0, bytes);
    expect(res.status).toBe(204);
    expect(res.headers.get('upload-offset')).toBe(String(bytes.length));
    await expectStored(AGENCY_A, clerkA, bytes, 'clerk-a');
    expect(readdirSync(uploadsDir())).toEqual([]);
    expect((await head(url, clerkA)).status).toBe(404); // a finished upload is forgotten
  });

  it('accepts an upload in two PATCHes, HEAD reporting the offset in between', async () => {
    const bytes = someBytes(200_001);
    const url = await newUpload(portal.base, clerkA, bytes);
    const first = await patch(url, clerkA, 0, bytes.subarray(0, 70_000));
    expect(first.status).toBe(204);
    expect(first.headers.get('upload-offset')).toBe('70000');
    const mid = await head(url, clerkA);
    expect(mid.status).toBe(200);
    expect(mid.headers.get('upload-offset')).toBe('70000');
    expect(mid.headers.get('upload-length')).toBe('200001');
    // A PATCH at the wrong offset changes nothing.
    expect((await patch(url, clerkA, 0, bytes.subarray(0, 10))).status).toBe(409);
    const second = await patch(url, clerkA, 70_000, bytes.subarray(70_000));
    expect(second.status).toBe(204);
    expect(second.headers.get('upload-offset')).toBe('200001');
    await expectStored(AGENCY_A, clerkA, bytes, 'clerk-a');
  });

  it('keeps the bytes of a PATCH cut off mid-body; HEAD gives them and the rest completes', async () => {
    const bytes = someBytes(1024 * 1024);
    const url = await newUpload(portal.base, clerkA, bytes);
    const onDisk = join(uploadsDir(), uploadIdOf(url));
    const part = bytes.subarray(0, 256 * 1024);
    await cutOffPatch(url, clerkA, 0, part, bytes.length, () => statSync(onDisk).size === part.length);
    const after = await head(url, clerkA);
    expect(after.status).toBe(200);
    expect(after.headers.get('upload-offset')).toBe(String(part.length));
    const rest = await patch(url, clerkA, part.length, bytes.subarray(part.length));
    expect(rest.status).toBe(204);
    expect(rest.headers.get('upload-offset')).toBe(String(bytes.length));
    await expectStored(AGENCY_A, clerkA, bytes, 'clerk-a');
  });

  it(`refuses bytes that do not match the announced SHA-256 with ${HASH_MISMATCH_STATUS} and stores nothing`, async () => {
    const bytes = someBytes(50_000);
    const announced = sha256(someBytes(10));
    const url = await newUpload(portal.base, clerkA, bytes, announced);
    const res = await patch(url, clerkA, 0, bytes);
    expect(res.status).toBe(HASH_MISMATCH_STATUS);
    expect(res.text).toContain('do not match the announced SHA-256');
    expect(res.text).toContain(sha256(bytes));
    expect(await blobRows(announced)).toEqual([]);
    expect(await blobRows(sha256(bytes))).toEqual([]);
    expect((await blobStatus(clerkA, [announced, sha256(bytes)])).body).toEqual({ stored: [] });
    expect(existsSync(blobPath(AGENCY_A, announced))).toBe(false);
    expect(existsSync(blobPath(AGENCY_A, sha256(bytes)))).toBe(false);
    expect(readdirSync(uploadsDir())).toEqual([]); // the received bytes are forgotten
    expect((await head(url, clerkA)).status).toBe(404);
    expect((await download(clerkA, announced)).status).toBe(404);
  });

  it('stores the same bytes uploaded twice once', async () => {
    const bytes = someBytes(40_000);
    expect((await uploadWhole(clerkA, bytes)).status).toBe(204);
    const again = await uploadWhole(clerkA, bytes);
    expect(again.status).toBe(204);
    await expectStored(AGENCY_A, clerkA, bytes, 'clerk-a');
    expect(readdirSync(join(filesDir, AGENCY_A, sha256(bytes).slice(0, 2))).filter((f) => f.includes(sha256(bytes)))).toEqual([sha256(bytes)]);
    expect(readdirSync(uploadsDir())).toEqual([]);
  });

  it('completes an empty file at creation', async () => {
    const empty = new Uint8Array(0);
    const res = await createUpload(portal.base, clerkA, 0, metadataFor(sha256(empty)));
    expect(res.status, res.text).toBe(201);
    await expectStored(AGENCY_A, clerkA, empty, 'clerk-a');
  });

  it('completes an upload sent with its creation (creation-with-upload)', async () => {
    const bytes = someBytes(30_000);
    const res = await fetch(new URL('/api/v1/files/uploads', portal.base), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${clerkA}`,
        'tus-resumable': '1.0.0',
        'upload-length': String(bytes.length),
        'upload-metadata': metadataFor(sha256(bytes)),
        'content-type': 'application/offset+octet-stream',
      },
      body: bytes,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('upload-offset')).toBe(String(bytes.length));
    await expectStored(AGENCY_A, clerkA, bytes, 'clerk-a');
    expect(readdirSync(uploadsDir())).toEqual([]);
  });

  it('forgets unfinished uploads left idle too long, and only those', async () => {
    const idle = await newUpload(portal.base, clerkA, someBytes(100));
    const active = await newUpload(portal.base, clerkA, someBytes(100));
    const longAgo = (Date.now() - UPLOAD_IDLE_MS - 60_000) / 1000;
    for (const name of [uploadIdOf(idle), `${uploadIdOf(idle)}.json`]) utimesSync(join(uploadsDir(), name), longAgo, longAgo);
    expect(await sweepIdleUploads(uploadsDir(), UPLOAD_IDLE_MS)).toBe(1);
    expect((await head(idle, clerkA)).status).toBe(404);
    expect((await head(active, clerkA)).status).toBe(200);
    expect((await terminate(active, clerkA)).status).toBe(204);
    expect(readdirSync(uploadsDir())).toEqual([]);
  });

  it("isolates centres: another centre's clerk finds neither A's upload nor A's blob", async () => {
    const bytes = someBytes(64_000);
    const url = await newUpload(portal.base, clerkA, bytes);
    expect((await patch(url, clerkA, 0, bytes.subarray(0, 1000))).status).toBe(204);

    expect((await head(url, clerkB)).status).toBe(404);
    expect((await patch(url, clerkB, 1000, bytes.subarray(1000))).status).toBe(404);
    expect((await terminate(url, clerkB)).status).toBe(404);
    expect((await head(url, clerkA)).headers.get('upload-offset')).toBe('1000'); // untouched

    expect((await patch(url, clerkA, 1000, bytes.subarray(1000))).status).toBe(204);
    const sha = sha256(bytes);
    expect((await download(clerkB, sha)).status).toBe(404);
    expect((await blobStatus(clerkB, [sha])).body).toEqual({ stored: [] });
    expect((await blobStatus(clerkA, [sha])).body).toEqual({ stored: [sha] });

    // B uploading the same bytes gets its own copy and row.
    expect((await uploadWhole(clerkB, bytes)).status).toBe(204);
    const rows = await blobRows(sha);
    expect(rows.map((r) => r.agency_id).sort()).toEqual([AGENCY_A, AGENCY_B].sort());
    expect(existsSync(blobPath(AGENCY_B, sha))).toBe(true);
  });

  it('lets a supervisor read but not upload', async () => {
    const bytes = someBytes(10_000);
    const created = await createUpload(portal.base, supervisorA, bytes.length, metadataFor(sha256(bytes)));
    expect(created.status).toBe(403);
    expect(JSON.parse(created.text)).toMatchObject({ error: 'forbidden' });
    const url = await newUpload(portal.base, clerkA, bytes);
    expect((await patch(url, supervisorA, 0, bytes)).status).toBe(403);
    expect((await terminate(url, supervisorA)).status).toBe(403);
    expect((await head(url, supervisorA)).headers.get('upload-offset')).toBe('0');
    expect((await patch(url, clerkA, 0, bytes)).status).toBe(204);
    const got = await download(supervisorA, sha256(bytes));
    expect(got.status).toBe(200);
    expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses missing or invalid sha256 metadata with 400 and creates nothing', async () => {
    const sha = sha256(someBytes(10));
    const cases: (string | undefined)[] = [
      undefined,
      `fileId ${Buffer.from('f-1').toString('base64')}`,
      metadataFor(sha.toUpperCase()),
      metadataFor(sha.slice(0, 63)),
      'sha256',
      metadataFor(sha, 'x'.repeat(65)),
    ];
    for (const metadata of cases) {
      const res = await createUpload(portal.base, clerkA, 10, metadata);
      expect(res.status, String(metadata)).toBe(400);
      expect(res.text).toMatch(/sha256|fileId/);
    }
    expect(readdirSync(uploadsDir())).toEqual([]);
  });

  it('refuses an Upload-Length above FILE_MAX_BYTES with 413 and accepts the limit itself', async () => {
    const sha = sha256(someBytes(10));
    expect((await createUpload(portal.base, clerkA, FILE_MAX_BYTES + 1, metadataFor(sha))).status).toBe(413);
    const atLimit = await createUpload(portal.base, clerkA, FILE_MAX_BYTES, metadataFor(sha));
    expect(atLimit.status).toBe(201);
    const url = new URL(atLimit.headers.get('location')!, portal.base).toString();
    expect((await terminate(url, clerkA)).status).toBe(204);
    expect((await head(url, clerkA)).status).toBe(404);
    expect(readdirSync(uploadsDir())).toEqual([]);
  });

  it('answers 401 without a token', async () => {
    const bytes = someBytes(100);
    const sha = sha256(bytes);
    expect((await createUpload(portal.base, undefined, 100, metadataFor(sha))).status).toBe(401);
    const url = await newUpload(portal.base, clerkA, bytes);
    expect((await head(url, undefined)).status).toBe(401);
    expect((await patch(url, undefined, 0, bytes)).status).toBe(401);
    expect((await terminate(url, undefined)).status).toBe(401);
    expect((await patch(url, clerkA, 0, bytes)).status).toBe(204);
    expect((await download(undefined, sha)).status).toBe(401);
    expect((await call(portal.base, `/files/status?sha256=${sha}`)).status).toBe(401);
    expect((await call(portal.base, '/files/missing')).status).toBe(401);
  });

  it('validates the status query', async () => {
    const ok = sha256(someBytes(5));
    expect((await blobStatus(clerkA, Array.from({ length: STATUS_MAX }, () => ok))).status).toBe(200);
    const tooMany = await blobStatus(clerkA, Array.from({ length: STATUS_MAX + 1 }, () => ok));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({ error: 'invalid_request', message: `sha256: at most ${STATUS_MAX} hashes` });
    expect((await blobStatus(clerkA, [ok, 'abc'])).body).toEqual({ error: 'invalid_request', message: 'sha256.1: a SHA-256 in lower-case hex' });
    expect((await blobStatus(clerkA, [ok.toUpperCase()])).status).toBe(400);
    expect((await call(portal.base, '/files/status', { token: clerkA })).status).toBe(400);
    expect((await download(clerkA, 'not-a-hash')).status).toBe(400);
  });

  it('lists file metadata whose bytes are missing, by id, paginated with after', async () => {
    const contents = [someBytes(1000), someBytes(2000), someBytes(3000)];
    const docs = contents.map((c) => fileDoc(AGENCY_A, c)).sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
    const deleted = fileDoc(AGENCY_A, someBytes(10), { _deleted: true });
    const ofB = fileDoc(AGENCY_B, someBytes(10));
    expect((await pushFiles(clerkA, [...docs, deleted])).body).toEqual({ conflicts: [], rejected: [] });
    expect((await pushFiles(clerkB, [ofB])).body).toEqual({ conflicts: [], rejected: [] });
    const expected = docs.map((d) => ({ fileId: d.id, dossierId: d.dossierId, sha256: d.sha256, size: d.size }));

    expect((await missing(clerkA)).body).toEqual({ missing: expected, total: 3 });
    const page1 = await missing(clerkA, '?limit=2');
    expect(page1.body).toEqual({ missing: expected.slice(0, 2), total: 3 });
    const page2 = await missing(clerkA, `?limit=2&after=${encodeURIComponent(String(docs[1]!.id))}`);
    expect(page2.body).toEqual({ missing: expected.slice(2), total: 3 });
    const page3 = await missing(clerkA, `?limit=2&after=${encodeURIComponent(String(docs[2]!.id))}`);
    expect(page3.body).toEqual({ missing: [], total: 3 });
    expect((await missing(clerkB)).body).toEqual({ missing: [{ fileId: ofB.id, dossierId: ofB.dossierId, sha256: ofB.sha256, size: ofB.size }], total: 1 });
    expect((await missing(supervisorA)).body.total).toBe(3);

    // Once its bytes arrive, a file is no longer missing.
    const idx = contents.findIndex((c) => sha256(c) === docs[1]!.sha256);
    expect((await uploadWhole(clerkA, contents[idx]!)).status).toBe(204);
    expect((await missing(clerkA)).body).toEqual({ missing: [expected[0], expected[2]], total: 2 });

    expect((await missing(clerkA, '?limit=0')).status).toBe(400);
    expect((await missing(clerkA, '?limit=1001')).status).toBe(400);
    expect((await missing(clerkA, '?limit=abc')).status).toBe(400);
  });

  it('resumes an upload across a portal restart', async () => {
    const bytes = someBytes(500_000);
    const url = await newUpload(portal.base, clerkA, bytes);
    expect((await patch(url, clerkA, 0, bytes.subarray(0, 123_456))).status).toBe(204);

    await portal.close();
    portal = await startPortal(db, { filesDir });
    const resumed = new URL(new URL(url).pathname, portal.base).toString(); // the new portal listens elsewhere
    const after = await head(resumed, clerkA);
    expect(after.status).toBe(200);
    expect(after.headers.get('upload-offset')).toBe('123456');
    const rest = await patch(resumed, clerkA, 123_456, bytes.subarray(123_456));
    expect(rest.status).toBe(204);
    await expectStored(AGENCY_A, clerkA, bytes, 'clerk-a');
    expect(readdirSync(uploadsDir())).toEqual([]);
  });

  it('finishes, on the next HEAD, an upload whose bytes all arrived before the portal died unchecked', async () => {
    const bytes = someBytes(200_000);
    const url = await newUpload(portal.base, clerkA, bytes);
    await portal.close();
    // The crash landed after the last byte was written and before the hash check ran.
    writeFileSync(join(uploadsDir(), uploadIdOf(url)), bytes);
    portal = await startPortal(db, { filesDir });
    const resumed = new URL(new URL(url).pathname, portal.base).toString();
    expect((await head(resumed, clerkA)).status).toBe(404); // finished: the client asks the blob status next
    await expectStored(AGENCY_A, clerkA, bytes, 'clerk-a');
    expect(readdirSync(uploadsDir())).toEqual([]);

    // The same crash with bytes that do not match what was announced: refused, forgotten.
    const other = someBytes(1000);
    const bad = await newUpload(portal.base, clerkA, other);
    await portal.close();
    writeFileSync(join(uploadsDir(), uploadIdOf(bad)), someBytes(1000));
    portal = await startPortal(db, { filesDir });
    expect((await head(new URL(new URL(bad).pathname, portal.base).toString(), clerkA)).status).toBe(HASH_MISMATCH_STATUS);
    expect(readdirSync(uploadsDir())).toEqual([]);
  });
});

describe('FsBlobStore', () => {
  it('moves a file in once, reads it back, deletes it, and refuses keys that could escape its folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'motcua-blobs-test-'));
    try {
      const store = new FsBlobStore(root);
      const content = 'giấy tờ';
      const key = { agencyId: AGENCY_A, sha256: sha256(Buffer.from(content)) };
      const local = (name: string) => {
        const path = join(root, name);
        writeFileSync(path, content);
        return path;
      };
      expect(await store.has(key)).toBe(false);
      expect(await store.open(key)).toBeNull();
      const first = local('first');
      expect(await store.put(key, first)).toBe(true);
      expect(existsSync(first)).toBe(false); // moved, not copied
      const second = local('second');
      expect(await store.put(key, second)).toBe(false);
      expect(existsSync(second)).toBe(false); // the duplicate is dropped
      expect(await store.size(key)).toBe(Buffer.byteLength(content));
      const blob = await store.open(key);
      expect(blob?.size).toBe(Buffer.byteLength(content));
      expect(await text(blob!.stream)).toBe(content);
      expect(readdirSync(join(root, AGENCY_A, key.sha256.slice(0, 2)))).toEqual([key.sha256]);
      await store.delete(key);
      expect(await store.has(key)).toBe(false);
      await store.delete(key); // absent is fine
      expect(() => store.pathOf({ agencyId: '../x', sha256: key.sha256 })).toThrow(/agency/);
      expect(() => store.pathOf({ agencyId: AGENCY_A, sha256: '../../etc/passwd' })).toThrow(/SHA-256/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
