/** Ledger-day sign-offs at the portal: supervisors only, in their own name, with an intact seal, never changed. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignoffDoc } from '../../src-shared/contract/documents';
import type { PullResponse, PushResponse } from '../../src-shared/contract/sync';
import { sealOf } from '../../src-shared/domain/signoff/seal';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, AGENCY_B, call, startPortal, userToken, type RunningPortal } from './support/portal';
import { dossier } from './support/docs';

const sha256 = async (text: string) => createHash('sha256').update(text).digest('hex');

async function signoff(agencyId: string, signedBy: string, patch: Partial<SignoffDoc> = {}): Promise<SignoffDoc> {
  const base = { agencyId, day: '2026-11-16', signedBy, signedAt: Date.UTC(2026, 10, 16, 10), lines: [{ dossierId: 'd1', hash: 'a'.repeat(64) }], ...patch };
  return { id: `s-${Math.random().toString(36).slice(2)}`, signerName: 'Đặng Dung', workstationId: 'ws-9', note: '', seal: await sealOf(base, sha256), ...base };
}

describe.each(DB_TARGETS)('sign-offs ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let supervisor: string;
  let clerk: string;
  let admin: string;
  let supervisorB: string;

  const push = (token: string, doc: unknown, collection = 'signoffs') =>
    call<PushResponse>(portal.base, `/replication/${collection}/push`, { token, body: [{ newDocumentState: { ...(doc as object), _deleted: false } }] });

  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db);
    supervisor = await userToken(portal, 'supervisor.so', 'supervisor', AGENCY_A);
    clerk = await userToken(portal, 'clerk.so', 'clerk', AGENCY_A);
    admin = await userToken(portal, 'admin.so', 'admin', AGENCY_A);
    supervisorB = await userToken(portal, 'supervisor.sob', 'supervisor', AGENCY_B);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
  });

  it('a supervisor signs a day off in their own name; the centre pulls it', async () => {
    const doc = await signoff(AGENCY_A, 'supervisor.so');
    expect((await push(supervisor, doc)).body).toEqual({ conflicts: [], rejected: [] });
    const pulled = await call<PullResponse>(portal.base, '/replication/signoffs/pull?limit=10', { token: clerk });
    expect(pulled.body.documents.map((d) => d.id)).toContain(doc.id);
    // Another centre sees nothing of it.
    const other = await call<PullResponse>(portal.base, '/replication/signoffs/pull?limit=10', { token: supervisorB });
    expect(other.body.documents).toEqual([]);
  });

  it('clerks and admins may not sign off; supervisors may not write dossiers', async () => {
    expect((await push(clerk, await signoff(AGENCY_A, 'clerk.so'))).status).toBe(403);
    expect((await push(admin, await signoff(AGENCY_A, 'admin.so'))).status).toBe(403);
    expect((await push(supervisor, dossier(AGENCY_A), 'dossiers')).status).toBe(403);
  });

  it('refuses a sign-off in another name, a broken seal, or a change to a stored one', async () => {
    const other = await push(supervisor, await signoff(AGENCY_A, 'supervisor.khac'));
    expect(other.body.rejected[0]?.reason).toMatch(/own name/);
    const tampered = { ...(await signoff(AGENCY_A, 'supervisor.so')), lines: [{ dossierId: 'd1', hash: 'b'.repeat(64) }] };
    expect((await push(supervisor, tampered)).body.rejected[0]?.reason).toMatch(/seal does not match/);
    const stored = await signoff(AGENCY_A, 'supervisor.so');
    await push(supervisor, stored);
    const changed = { ...stored, note: 'sửa sau khi ký' };
    expect((await push(supervisor, changed)).body.rejected[0]?.reason).toMatch(/append-only|cannot be changed/);
    const rows = await portal.db.query<{ n: number }>("SELECT count(*)::int AS n FROM documents WHERE collection = 'signoffs'");
    expect(rows[0]?.n).toBe(2);
  });
});
