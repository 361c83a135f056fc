/** Pull / push semantics: checkpoints, idempotence, conflicts, rejections, isolation, roles. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint, PullResponse, PushResponse, PushRow, WireDocument } from '../../src-shared/contract/sync';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, AGENCY_B, call, startPortal, userToken, type RunningPortal } from './support/portal';
import { dossier, dossierEvent, reverseKeys } from './support/docs';
import { applyPush } from '../../src-portal/replication/push';
import { lockAgencyWrites, writeDocument } from '../../src-portal/replication/store';

describe.each(DB_TARGETS)('replication ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let clerkA: string;
  let clerkB: string;
  let supervisorA: string;

  const push = (collection: string, token: string, rows: PushRow[]) =>
    call<PushResponse>(portal.base, `/replication/${collection}/push`, { token, body: rows });
  const pull = (collection: string, token: string, checkpoint: Checkpoint | null = null, limit = 100) =>
    call<PullResponse>(portal.base, `/replication/${collection}/pull?checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}&limit=${limit}`, { token });
  /** Everything the caller can see after the checkpoint, following pages to the end. */
  async function pullAll(collection: string, token: string, from: Checkpoint | null = null) {
    const docs: WireDocument[] = [];
    let checkpoint = from;
    for (;;) {
      const page = await pull(collection, token, checkpoint, 50);
      expect(page.status).toBe(200);
      docs.push(...page.body.documents);
      if (page.body.documents.length === 0) return { docs, checkpoint };
      checkpoint = page.body.checkpoint;
    }
  }
  const ok = { conflicts: [], rejected: [] };

  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db);
    clerkA = await userToken(portal, 'clerk-a', 'clerk', AGENCY_A);
    clerkB = await userToken(portal, 'clerk-b', 'clerk', AGENCY_B);
    supervisorA = await userToken(portal, 'sup-a', 'supervisor', AGENCY_A);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
  });

  it('round-trips pushed documents with strictly increasing checkpoints', async () => {
    const start = (await pullAll('dossiers', clerkA)).checkpoint;
    const docs = [dossier(AGENCY_A), dossier(AGENCY_A), dossier(AGENCY_A)];
    expect((await push('dossiers', clerkA, docs.map((d) => ({ newDocumentState: d })))).body).toEqual(ok);

    const seen: number[] = [];
    let checkpoint = start;
    const received: WireDocument[] = [];
    for (;;) {
      const page = await pull('dossiers', clerkA, checkpoint, 1);
      expect(page.status).toBe(200);
      if (page.body.documents.length === 0) {
        expect(page.body.checkpoint).toEqual(checkpoint); // nothing new: same checkpoint back
        break;
      }
      expect(page.body.documents).toHaveLength(1);
      received.push(...page.body.documents);
      checkpoint = page.body.checkpoint;
      expect(checkpoint?.id).toBe(page.body.documents[0]?.id);
      seen.push(checkpoint!.seq);
    }
    expect(seen).toHaveLength(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(new Set(seen).size).toBe(3);
    expect(received).toEqual(docs); // stored exactly as pushed, plus _deleted (toEqual ignores key order)
  });

  it('returns a null checkpoint for an empty collection', async () => {
    const res = await pull('files', clerkA);
    expect(res.body).toEqual({ documents: [], checkpoint: null });
  });

  it('treats a retried push as a no-op: no duplicate, no new seq', async () => {
    const doc = dossier(AGENCY_A);
    const rows = [{ newDocumentState: doc }];
    expect((await push('dossiers', clerkA, rows)).body).toEqual(ok);
    const after = (await pullAll('dossiers', clerkA)).checkpoint;
    expect((await push('dossiers', clerkA, rows)).body).toEqual(ok);
    // The retry of an update (assumed state now outdated) is also recognised as already applied.
    const updated = { ...doc, status: 4, updatedAt: doc.updatedAt as number + 1 };
    expect((await push('dossiers', clerkA, [{ assumedMasterState: doc, newDocumentState: updated }])).body).toEqual(ok);
    const afterUpdate = (await pullAll('dossiers', clerkA, after)).checkpoint;
    expect((await push('dossiers', clerkA, [{ assumedMasterState: doc, newDocumentState: updated }])).body).toEqual(ok);
    expect((await pullAll('dossiers', clerkA, afterUpdate)).docs).toEqual([]);
    const count = await portal.db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE id = $1', [doc.id]);
    expect(count[0]?.n).toBe(1);
  });

  it('returns the stored master as a conflict when the assumed state is stale', async () => {
    const v1 = dossier(AGENCY_A);
    const v2 = { ...v1, status: 4, updatedAt: 2 };
    const v3 = { ...v1, status: 5, updatedAt: 3 };
    await push('dossiers', clerkA, [{ newDocumentState: v1 }]);
    expect((await push('dossiers', clerkA, [{ assumedMasterState: v1, newDocumentState: v2 }])).body).toEqual(ok);

    const stale = await push('dossiers', clerkA, [{ assumedMasterState: v1, newDocumentState: v3 }]);
    expect(stale.body.rejected).toEqual([]);
    expect(stale.body.conflicts).toEqual([v2]);
    // Pushing as if the document were new, while it exists, is a conflict too.
    const blind = await push('dossiers', clerkA, [{ newDocumentState: v3 }]);
    expect(blind.body.conflicts).toEqual([v2]);
    const nulled = await push('dossiers', clerkA, [{ assumedMasterState: null, newDocumentState: v3 }]);
    expect(nulled.body.conflicts).toEqual([v2]);

    const stored = await portal.db.query<{ doc: { status: number } }>('SELECT doc FROM documents WHERE id = $1', [v1.id]);
    expect(stored[0]?.doc.status).toBe(4);
  });

  it('compares states regardless of object key order (jsonb reorders keys)', async () => {
    const doc = dossier(AGENCY_A, { applicant: { ...reverseKeys(dossier(AGENCY_A).applicant as object), name: 'Lê Văn Bình' } });
    await push('dossiers', clerkA, [{ newDocumentState: doc }]);
    const stored = (await pullAll('dossiers', clerkA)).docs.find((d) => d.id === doc.id)!;
    expect(Object.keys(stored)).not.toEqual(Object.keys(doc)); // jsonb did reorder
    const update = { ...doc, status: 9 };
    const res = await push('dossiers', clerkA, [{ assumedMasterState: reverseKeys(doc), newDocumentState: update }]);
    expect(res.body).toEqual(ok);
    expect((await push('dossiers', clerkA, [{ assumedMasterState: doc, newDocumentState: reverseKeys(update) }])).body).toEqual(ok);
  });

  it('soft-deletes: _deleted travels and the document stays', async () => {
    const doc = dossier(AGENCY_A);
    await push('dossiers', clerkA, [{ newDocumentState: doc }]);
    const { checkpoint } = await pullAll('dossiers', clerkA);
    const deleted = { ...doc, _deleted: true };
    expect((await push('dossiers', clerkA, [{ assumedMasterState: doc, newDocumentState: deleted }])).body).toEqual(ok);
    expect((await pullAll('dossiers', clerkA, checkpoint)).docs).toEqual([deleted]);
  });

  it('rejects an invalid document with a reason without blocking valid ones', async () => {
    const good1 = dossier(AGENCY_A);
    const good2 = dossier(AGENCY_A);
    const bad = dossier(AGENCY_A, { status: 42, extra: 'x' });
    const before = (await pullAll('dossiers', clerkA)).checkpoint;
    const res = await push('dossiers', clerkA, [{ newDocumentState: good1 }, { newDocumentState: bad }, { newDocumentState: good2 }]);
    expect(res.status).toBe(200);
    expect(res.body.conflicts).toEqual([]);
    expect(res.body.rejected).toHaveLength(1);
    expect(res.body.rejected[0]?.id).toBe(bad.id);
    expect(res.body.rejected[0]?.reason).toMatch(/status/);
    expect(res.body.rejected[0]?.reason).toMatch(/extra/);
    const ids = (await pullAll('dossiers', clerkA, before)).docs.map((d) => d.id);
    expect(ids).toEqual([good1.id, good2.id]);
  });

  it('rejects text PostgreSQL cannot store instead of failing the push', async () => {
    const bad = dossier(AGENCY_A, { procedureName: 'nul\u0000byte' });
    const good = dossier(AGENCY_A);
    const res = await push('dossiers', clerkA, [{ newDocumentState: bad }, { newDocumentState: good }]);
    expect(res.status).toBe(200);
    expect(res.body.rejected.map((r) => r.id)).toEqual([bad.id]);
  });

  it('isolates agencies: another centre can neither pull nor overwrite', async () => {
    const docA = dossier(AGENCY_A);
    await push('dossiers', clerkA, [{ newDocumentState: docA }]);
    const seenByB = (await pullAll('dossiers', clerkB)).docs;
    expect(seenByB.every((d) => d.agencyId === AGENCY_B)).toBe(true);
    expect(seenByB.map((d) => d.id)).not.toContain(docA.id);

    // B claims A's id for its own agency, and B writes a document labelled as A's.
    const hijack = { ...docA, agencyId: AGENCY_B, status: 8 };
    const forged = dossier(AGENCY_A);
    const res = await push('dossiers', clerkB, [{ assumedMasterState: docA, newDocumentState: hijack }, { newDocumentState: forged }]);
    expect(res.body.conflicts).toEqual([]); // a conflict would leak A's document
    expect(res.body.rejected).toEqual([
      { id: docA.id, reason: expect.stringMatching(/another centre/) },
      { id: forged.id, reason: expect.stringMatching(/another centre/) },
    ]);
    const stored = await portal.db.query<{ agency_id: string; doc: { status: number } }>('SELECT agency_id, doc FROM documents WHERE id = $1', [docA.id]);
    expect(stored).toEqual([{ agency_id: AGENCY_A, doc: expect.objectContaining({ status: 2 }) }]);
    expect(await portal.db.query('SELECT 1 FROM documents WHERE id = $1', [forged.id])).toEqual([]);
  });

  it('lets a supervisor pull but not push', async () => {
    const res = await push('dossiers', supervisorA, [{ newDocumentState: dossier(AGENCY_A) }]);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'forbidden' });
    const pulled = await pull('dossiers', supervisorA);
    expect(pulled.status).toBe(200);
    expect(pulled.body.documents.length).toBeGreaterThan(0);
  });

  it('keeps dossier events append-only', async () => {
    const event = dossierEvent(AGENCY_A);
    expect((await push('dossierEvents', clerkA, [{ newDocumentState: event }])).body).toEqual(ok);
    expect((await push('dossierEvents', clerkA, [{ newDocumentState: reverseKeys(event) }])).body).toEqual(ok); // retry
    const changed = { ...event, data: { note: 'sửa lại' } };
    const res = await push('dossierEvents', clerkA, [{ assumedMasterState: event, newDocumentState: changed }]);
    expect(res.body.conflicts).toEqual([]);
    expect(res.body.rejected).toEqual([{ id: event.id, reason: expect.stringMatching(/append-only/) }]);
    const removed = await push('dossierEvents', clerkA, [{ assumedMasterState: event, newDocumentState: { ...event, _deleted: true } }]);
    expect(removed.body.rejected).toHaveLength(1);
    expect((await pullAll('dossierEvents', clerkA)).docs.filter((d) => d.id === event.id)).toEqual([event]);
  });

  it('lets exactly one of two concurrent updates of the same state win', async () => {
    const base = dossier(AGENCY_A);
    await push('dossiers', clerkA, [{ newDocumentState: base }]);
    const results = await Promise.all(
      [4, 5, 9].map((status) => push('dossiers', clerkA, [{ assumedMasterState: base, newDocumentState: { ...base, status } }])),
    );
    const winners = results.filter((r) => r.body.conflicts.length === 0);
    expect(winners).toHaveLength(1);
    const stored = (await pullAll('dossiers', clerkA)).docs.find((d) => d.id === base.id);
    for (const loser of results.filter((r) => r.body.conflicts.length > 0)) expect(loser.body.conflicts).toEqual([stored]);
  });

  it('sees every document when pulling while pushes run concurrently', async () => {
    const start = (await pullAll('dossierEvents', clerkA)).checkpoint;
    const batches = Array.from({ length: 8 }, () => Array.from({ length: 5 }, () => dossierEvent(AGENCY_A)));
    let checkpoint = start;
    const seen = new Set<string>();
    const pushing = Promise.all(batches.map((b) => push('dossierEvents', clerkA, b.map((d) => ({ newDocumentState: d })))));
    let done = false;
    void pushing.then(() => (done = true));
    // Pull continuously while the pushes commit; then once more after they all finished.
    for (let last = false; ; ) {
      const page = await pull('dossierEvents', clerkA, checkpoint, 3);
      page.body.documents.forEach((d) => seen.add(d.id));
      checkpoint = page.body.checkpoint;
      if (page.body.documents.length === 0 && last) break;
      if (page.body.documents.length === 0 && done) last = true;
    }
    expect((await pushing).every((r) => r.status === 200)).toBe(true);
    expect(seen).toEqual(new Set(batches.flat().map((d) => d.id)));
  });

  it('holds a later writer until an earlier seq commits, so checkpoints cannot skip it', async () => {
    const caller = { username: 'clerk-a', role: 'clerk' as const, agencyId: AGENCY_A };
    const first = dossierEvent(AGENCY_A);
    const second = dossierEvent(AGENCY_A);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstSeq = 0;
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const slow = portal.db.transaction(async (tx) => {
      await lockAgencyWrites(tx, AGENCY_A);
      firstSeq = (await writeDocument(tx, { collection: 'dossierEvents', agencyId: AGENCY_A, doc: first, deleted: false, updatedBy: 'test' }))!;
      holding();
      await gate; // seq taken, not yet committed
    });
    await held;
    let secondDone = false;
    const fast = applyPush(portal.db, caller, 'dossierEvents', [{ newDocumentState: second }]).then((r) => {
      secondDone = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 300));
    const heldBack = !secondDone;
    release(); // before asserting, so a failure cannot leave the transaction open
    await slow;
    expect(heldBack).toBe(true);
    const result = await fast;
    expect(result.written?.checkpoint.seq).toBeGreaterThan(firstSeq);
  });

  it('answers 404 for an unknown collection and 400 for bad input', async () => {
    expect((await pull('users', clerkA)).status).toBe(404);
    expect((await push('secrets', clerkA, [])).body).toMatchObject({ error: 'not_found' });
    const badCheckpoint = await call(portal.base, '/replication/dossiers/pull?checkpoint=%7Bnope', { token: clerkA });
    expect(badCheckpoint.status).toBe(400);
    expect((await call(portal.base, '/replication/dossiers/pull?limit=100000', { token: clerkA })).status).toBe(400);
    const notRows = await call(portal.base, '/replication/dossiers/push', { token: clerkA, body: { newDocumentState: {} } });
    expect(notRows.status).toBe(400);
    expect(notRows.body).toMatchObject({ error: 'invalid_request' });
  });

  it('answers 413, not a server error, for a push body over 1 MiB', async () => {
    const big = dossier(AGENCY_A, { procedureName: 'x'.repeat(1024 * 1024 + 10) });
    const res = await push('dossiers', clerkA, [{ newDocumentState: big }]);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'payload_too_large', message: expect.any(String) });
  });

  it('never answers with a stack trace', async () => {
    const res = await call(portal.base, '/replication/dossiers/push', { token: clerkA, rawBody: '[{"newDocumentState":' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.ts:\d+/);
    expect(Object.keys(res.body as object).sort()).toEqual(['error', 'message']);
  });
});
