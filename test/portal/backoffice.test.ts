/** Back office: an officer moves a transferred dossier on at the portal and the counter receives it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackofficeActionError, BackofficeActionResponse, BackofficeDossiersResponse } from '../../src-shared/contract/backoffice-api';
import type { DossierDoc } from '../../src-shared/contract/documents';
import type { PullResponse, PushResponse, WireDocument } from '../../src-shared/contract/sync';
import { documentProblem } from '../../src-portal/replication/validate';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, AGENCY_B, call, startPortal, userToken, type RunningPortal } from './support/portal';
import { dossier } from './support/docs';
import { SseReader } from './support/sse';

const TRANSFERRED_AT = Date.UTC(2026, 10, 18, 3, 0);

describe.each(DB_TARGETS)('back office ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let clerkA: string;
  let officerA: string;
  let supervisorA: string;
  let adminA: string;
  let officerB: string;
  const aborts: AbortController[] = [];

  /** A dossier the counter transferred to the processing body (status 4), pushed by the clerk. */
  const pushTransferred = async (overrides: Record<string, unknown> = {}, agencyId = AGENCY_A, token = clerkA): Promise<WireDocument> => {
    const doc = dossier(agencyId, { status: 4, transferredAt: TRANSFERRED_AT, updatedAt: TRANSFERRED_AT, ...overrides });
    const pushed = await call<PushResponse>(portal.base, '/replication/dossiers/push', { token, body: [{ newDocumentState: doc }] });
    expect(pushed.body).toEqual({ conflicts: [], rejected: [] });
    return doc;
  };
  const act = <T = BackofficeActionResponse>(token: string, id: string, action: Record<string, unknown>, expectedUpdatedAt?: number) =>
    call<T>(portal.base, `/backoffice/dossiers/${id}/actions`, { token, body: { action, ...(expectedUpdatedAt === undefined ? {} : { expectedUpdatedAt }) } });
  const listed = (token: string, query = '') => call<BackofficeDossiersResponse>(portal.base, `/backoffice/dossiers${query}`, { token });
  const stored = async (id: string) =>
    (await portal.db.query<{ seq: string | number; updated_by: string; doc: DossierDoc }>("SELECT seq, updated_by, doc FROM documents WHERE collection = 'dossiers' AND id = $1", [id]))[0]!;
  const pull = (collection: string, after: unknown) =>
    call<PullResponse>(portal.base, `/replication/${collection}/pull?checkpoint=${encodeURIComponent(JSON.stringify(after))}`, { token: clerkA });
  const stream = async (collection: string, token: string) => {
    const abort = new AbortController();
    aborts.push(abort);
    const res = await fetch(`${portal.base}/replication/${collection}/stream`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    expect(res.status).toBe(200);
    return new SseReader(res);
  };

  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db, { heartbeatMs: 200 });
    clerkA = await userToken(portal, 'clerk.bo', 'clerk', AGENCY_A);
    officerA = await userToken(portal, 'officer.bo', 'officer', AGENCY_A);
    supervisorA = await userToken(portal, 'supervisor.bo', 'supervisor', AGENCY_A);
    adminA = await userToken(portal, 'admin.bo', 'admin', AGENCY_A);
    officerB = await userToken(portal, 'officer.b', 'officer', AGENCY_B);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    for (const abort of aborts) abort.abort();
    await portal?.close();
    await db?.cleanup();
  });

  it('an officer marks a transferred dossier processed (status 9): a valid new version and its event, by the officer', async () => {
    const doc = await pushTransferred();
    const before = Date.now();
    const res = await act(officerA, doc.id, { type: 'resultReceived', reason: 'Đã có kết quả giải quyết' }, TRANSFERRED_AT);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { dossier: updated, event } = res.body;
    expect(updated).toMatchObject({ id: doc.id, status: 9, resultAt: updated.updatedAt, finishedAt: updated.updatedAt, transferredAt: TRANSFERRED_AT });
    expect(updated.updatedAt).toBeGreaterThanOrEqual(before);
    expect(event).toMatchObject({ dossierId: doc.id, agencyId: AGENCY_A, type: 'resultReceived', from: 4, to: 9, by: 'officer.bo', reason: 'Đã có kết quả giải quyết' });
    // What the counter will receive passes the same schemas it validates with.
    expect(documentProblem('dossiers', updated as unknown as Record<string, unknown>)).toBeNull();
    expect(documentProblem('dossierEvents', event as unknown as Record<string, unknown>)).toBeNull();

    const row = await stored(doc.id);
    expect(row.updated_by).toBe('officer.bo');
    expect(row.doc).toEqual(updated);
    const [eventRow] = await portal.db.query<{ updated_by: string; agency_id: string }>(
      "SELECT updated_by, agency_id FROM documents WHERE collection = 'dossierEvents' AND id = $1",
      [event.id],
    );
    expect(eventRow).toEqual({ updated_by: 'officer.bo', agency_id: AGENCY_A });

    const found = await listed(officerA, `?status=9&code=${encodeURIComponent(String(doc.code))}`);
    expect(found.status).toBe(200);
    expect(found.body.dossiers.map((d) => d.id)).toEqual([doc.id]);
  });

  it('the counter pulls the new version and its event, and a push based on the old version is a conflict', async () => {
    const doc = await pushTransferred();
    const before = await pull('dossiers', null);
    const since = before.body.checkpoint;
    const eventsSince = (await pull('dossierEvents', null)).body.checkpoint;

    const res = await act(officerA, doc.id, { type: 'feeRequested', amountVnd: 50_000, reason: 'Lệ phí cấp giấy' });
    expect(res.status).toBe(200);
    const dossiers = await pull('dossiers', since);
    expect(dossiers.body.documents).toEqual([{ ...res.body.dossier, _deleted: false }]);
    expect(dossiers.body.documents[0]).toMatchObject({ status: 6 });
    const events = await pull('dossierEvents', eventsSince);
    expect(events.body.documents).toEqual([{ ...res.body.event, _deleted: false }]);
    expect(events.body.documents[0]).toMatchObject({ type: 'feeRequested', data: { amountVnd: 50_000 } });

    // The counter edits its stale copy offline: the portal keeps the officer's version.
    const stale = await call<PushResponse>(portal.base, '/replication/dossiers/push', {
      token: clerkA,
      body: [{ assumedMasterState: doc, newDocumentState: { ...doc, notes: 'sửa tại quầy', updatedAt: TRANSFERRED_AT + 1 } }],
    });
    expect(stale.body.conflicts).toEqual([{ ...res.body.dossier, _deleted: false }]);
  });

  it('the live stream delivers the change to the counters of the centre within seconds', async () => {
    const doc = await pushTransferred();
    const dossiersA = await stream('dossiers', clerkA);
    const eventsA = await stream('dossierEvents', clerkA);
    const dossiersB = await stream('dossiers', officerB);

    const res = await act(officerA, doc.id, { type: 'stopped', reason: 'Hồ sơ không đủ điều kiện giải quyết' });
    expect(res.status).toBe(200);
    const dossierEvent = await dossiersA.next();
    expect(dossierEvent.documents).toEqual([{ ...res.body.dossier, _deleted: false }]);
    const pulled = await pull('dossiers', null);
    expect(dossierEvent.checkpoint).toEqual({ id: doc.id, seq: Number((await stored(doc.id)).seq) });
    expect(pulled.body.documents.some((d) => d.id === doc.id && d.status === 8)).toBe(true);
    const eventEvent = await eventsA.next();
    expect(eventEvent.documents).toEqual([{ ...res.body.event, _deleted: false }]);
    expect(eventEvent.checkpoint.id).toBe(res.body.event.id);
    await expect(dossiersB.next(300)).rejects.toThrow(/timed out|no event/);
  });

  it('refuses transitions the lifecycle forbids (409), with its reason in Vietnamese and English, and writes nothing', async () => {
    const doc = await pushTransferred();
    const seq = (await stored(doc.id)).seq;
    const feePaid = await act<BackofficeActionError>(officerA, doc.id, { type: 'feePaid' });
    expect(feePaid.status).toBe(409);
    expect(feePaid.body).toEqual({
      error: 'conflict',
      reason: 'forbidden',
      message: feePaid.body.messageEn,
      messageVi: 'Không thể thực hiện "Đã thực hiện nghĩa vụ tài chính" khi hồ sơ đang ở trạng thái "Đang xử lý".',
      messageEn: '"Fees paid" is not allowed while the dossier is "Being processed".',
    });
    expect((await stored(doc.id)).seq).toEqual(seq); // refused: no new version

    const later = TRANSFERRED_AT + 7 * 86_400_000;
    expect((await act(officerA, doc.id, { type: 'rescheduled', appointmentAt: later, reason: 'Cần xác minh thêm' })).status).toBe(200);
    const again = await act<BackofficeActionError>(officerA, doc.id, { type: 'rescheduled', appointmentAt: later + 86_400_000, reason: 'Lần hai' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ reason: 'once-only', messageVi: expect.stringMatching(/hẹn lại một lần/) });

    // A missing reason is bad input (400), still explained in both languages.
    const noReason = await act<BackofficeActionError>(officerA, doc.id, { type: 'stopped', reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ error: 'invalid_request', reason: 'invalid-input', messageVi: 'Hãy ghi rõ lý do.' });

    // Still at the counter: the back office has nothing to act on yet.
    const atCounter = await pushTransferred({ status: 2, transferredAt: 0 });
    const notYet = await act<BackofficeActionError>(officerA, atCounter.id, { type: 'resultReceived' });
    expect(notYet.status).toBe(409);
    expect(notYet.body).toMatchObject({ reason: 'not-transferred', messageVi: expect.stringMatching(/chưa được chuyển/) });

    const done = await act(officerA, doc.id, { type: 'resultReceived' });
    expect(done.status).toBe(200);
    const twice = await act<BackofficeActionError>(officerA, doc.id, { type: 'resultReceived' });
    expect(twice.status).toBe(409);
    expect(twice.body.messageVi).toMatch(/trạng thái "Đã xử lý xong"/);
    expect(Number((await stored(doc.id)).seq)).toBeGreaterThan(Number(seq));
    expect((await stored(doc.id)).doc).toEqual(done.body.dossier);
  });

  it('refuses a stale expectedUpdatedAt (409) without writing', async () => {
    const doc = await pushTransferred();
    const before = await stored(doc.id);
    const res = await act(officerA, doc.id, { type: 'resultReceived' }, TRANSFERRED_AT - 1);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'conflict', message: expect.stringMatching(/changed since you read it/) });
    expect(await stored(doc.id)).toEqual(before);
  });

  it('hides other centres: 404 for their dossiers and unknown ids; listing is per centre', async () => {
    const docA = await pushTransferred();
    const officerBsees = await act(officerB, docA.id, { type: 'resultReceived' });
    expect(officerBsees.status).toBe(404);
    expect((await act(officerA, 'no-such-dossier', { type: 'resultReceived' })).status).toBe(404);
    expect((await stored(docA.id)).doc.status).toBe(4);

    const clerkB = await userToken(portal, 'clerk.b', 'clerk', AGENCY_B);
    const docB = await pushTransferred({}, AGENCY_B, clerkB);
    const ofB = await listed(officerB);
    expect(ofB.body.dossiers.map((d) => d.id)).toEqual([docB.id]);
    expect((await listed(officerA)).body.dossiers.every((d) => d.agencyId === AGENCY_A)).toBe(true);
    expect((await listed(officerA, `?agencyId=${AGENCY_B}`)).status).toBe(403);
    expect((await listed(adminA, `?agencyId=${AGENCY_B}`)).body.dossiers.map((d) => d.id)).toEqual([docB.id]);
    expect((await listed(adminA)).body.dossiers.every((d) => d.agencyId === AGENCY_A)).toBe(true);
  });

  it('lets officers and administrators act, supervisors only read, clerks neither; malformed actions are 400', async () => {
    const doc = await pushTransferred();
    expect((await act(clerkA, doc.id, { type: 'resultReceived' })).status).toBe(403);
    expect((await act(supervisorA, doc.id, { type: 'resultReceived' })).status).toBe(403);
    expect((await listed(clerkA)).status).toBe(403);
    expect((await listed(supervisorA)).status).toBe(200);
    expect((await call(portal.base, '/backoffice/dossiers')).status).toBe(401);

    for (const action of [{ type: 'returned', method: 'inPerson', signedBy: 'x' }, { type: 'transferred', to: 'UBND' }, { type: 'feeRequested', reason: 'x' }, { type: 'resultReceived', extra: 1 }]) {
      expect((await act(officerA, doc.id, action)).status, JSON.stringify(action)).toBe(400);
    }
    expect((await listed(officerA, '?status=11')).status).toBe(400);
    expect((await listed(officerA, '?limit=501')).status).toBe(400);

    const byAdmin = await act(adminA, doc.id, { type: 'supplementRequested', missing: [{ componentId: 'TP2', name: 'Giấy tờ chứng minh việc ly hôn', reason: 'Bản sao không rõ' }], reason: '' });
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
    expect(byAdmin.body.dossier).toMatchObject({ status: 5, supplementRequests: 1, pausedSince: byAdmin.body.dossier.updatedAt });
    expect(byAdmin.body.event.by).toBe('admin.bo');
  });
});
