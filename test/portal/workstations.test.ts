/** Workstation enrollment: one-time codes, identity and first number blocks, listing and revocation. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptBlocks, issueNext, newIssuerState } from '../../src-shared/domain/dossier-code/allocator';
import type { BlocksResponse } from '../../src-shared/contract/reference-api';
import {
  enrollResponseSchema,
  normaliseEnrollmentCode,
  type EnrollmentCodeResponse,
  type EnrollResponse,
  type WorkstationsResponse,
  type WorkstationSummary,
} from '../../src-shared/contract/workstations-api';
import { vnDay } from '../../src-shared/domain/vn-time';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, AGENCY_B, call, startPortal, userToken, type RunningPortal } from './support/portal';

const HOUR = 3_600_000;
const CODE_SHAPE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hashOf = (code: string) => sha256(normaliseEnrollmentCode(code)!);

describe('enrollment code normalisation', () => {
  it('ignores case, dashes and spaces, reads I/L as 1 and O as 0, and refuses anything else', () => {
    expect(normaliseEnrollmentCode('7k3m-q9tx-4rbd')).toBe('7K3MQ9TX4RBD');
    expect(normaliseEnrollmentCode(' 7K3M Q9TX 4RBD ')).toBe('7K3MQ9TX4RBD');
    expect(normaliseEnrollmentCode('ILO0-0000-0000')).toBe('110000000000');
    expect(normaliseEnrollmentCode('7K3M-Q9TX-4RB')).toBeNull();
    expect(normaliseEnrollmentCode('7K3M-Q9TX-4RBU')).toBeNull(); // U is not Crockford
    expect(normaliseEnrollmentCode('7K3M-Q9TX-4RB!')).toBeNull();
  });
});

describe.each(DB_TARGETS)('workstation enrollment ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let admin: string;
  let supervisorA: string;
  let clerkA: string;
  let officerA: string;

  const makeCode = (token: string, body: unknown) => call<EnrollmentCodeResponse>(portal.base, '/workstations/enrollment-codes', { token, body });
  const newCode = async (agencyId = AGENCY_A) => {
    const res = await makeCode(admin, { agencyId });
    expect(res.status).toBe(200);
    return res.body.code;
  };
  const enroll = <T = EnrollResponse>(code: string, name = 'Quầy 3 – Tư pháp', extra: Record<string, unknown> = {}) =>
    call<T>(portal.base, '/workstations/enroll', { body: { code, name, ...extra } });
  const count = async (sql: string, params: unknown[] = []) => Number((await portal.db.query<{ n: string | number }>(sql, params))[0]!.n);
  const list = (token: string, query = '') => call<WorkstationsResponse>(portal.base, `/workstations${query}`, { token });

  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db);
    admin = await userToken(portal, 'admin.ws', 'admin', AGENCY_A);
    supervisorA = await userToken(portal, 'supervisor.ws', 'supervisor', AGENCY_A);
    clerkA = await userToken(portal, 'clerk.ws', 'clerk', AGENCY_A);
    officerA = await userToken(portal, 'officer.ws', 'officer', AGENCY_A);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
  });

  it('lets only an administrator make codes, readable, expiring as asked and stored only as a hash', async () => {
    const before = Date.now();
    const made = await makeCode(admin, { agencyId: AGENCY_B, validHours: 2 });
    expect(made.status).toBe(200);
    expect(made.body).toEqual({ code: expect.stringMatching(CODE_SHAPE), agencyId: AGENCY_B, expiresAt: expect.any(Number) });
    expect(made.body.expiresAt).toBeGreaterThan(before + 2 * HOUR - 60_000);
    expect(made.body.expiresAt).toBeLessThan(Date.now() + 2 * HOUR + 60_000);
    const byDefault = await makeCode(admin, { agencyId: AGENCY_A });
    expect(byDefault.body.expiresAt).toBeGreaterThan(before + 24 * HOUR - 60_000);
    expect(byDefault.body.code).not.toBe(made.body.code);

    const stored = await portal.db.query<{ code_hash: string; agency_id: string; created_by: string }>('SELECT code_hash, agency_id, created_by FROM enrollment_codes');
    expect(stored).toContainEqual({ code_hash: hashOf(made.body.code), agency_id: AGENCY_B, created_by: 'admin.ws' });
    expect(JSON.stringify(stored)).not.toContain(normaliseEnrollmentCode(made.body.code));

    expect((await makeCode(clerkA, { agencyId: AGENCY_A })).status).toBe(403);
    expect((await makeCode(supervisorA, { agencyId: AGENCY_A })).status).toBe(403);
    expect((await makeCode(officerA, { agencyId: AGENCY_A })).status).toBe(403);
    expect((await call(portal.base, '/workstations/enrollment-codes', { body: { agencyId: AGENCY_A } })).status).toBe(401);
    for (const body of [{ agencyId: 'H56' }, { agencyId: AGENCY_A, validHours: 0 }, { agencyId: AGENCY_A, validHours: 169 }, { agencyId: AGENCY_A, validHours: 1.5 }, {}]) {
      expect((await makeCode(admin, body)).status, JSON.stringify(body)).toBe(400);
    }
  });

  it('enrolls with the code typed loosely: identity, a secret shown once and the first number blocks', async () => {
    const code = await newCode();
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const res = await enroll(typed, '  Quầy 3 – Tư pháp ', { holder: 'ws-old:1a2b3c4d' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = enrollResponseSchema.parse(res.body);
    expect(body).toMatchObject({ agencyId: AGENCY_A, name: 'Quầy 3 – Tư pháp', today: vnDay(Date.now()), format: 'agency-yyMMdd-seq4', errors: [] });
    expect(Math.abs(body.enrolledAt - Date.now())).toBeLessThan(60_000);

    // The default supply for a new holder: a standing block and leases to the 14-day horizon.
    expect(body.blocks.map((b) => b.kind).sort()).toEqual(['lease', 'lease', 'standing']);
    expect(body.blocks.every((b) => b.holder === body.workstationId && b.agencyId === AGENCY_A)).toBe(true);
    const state = acceptBlocks(newIssuerState(body.workstationId), body.blocks);
    const issued = issueNext(state, { agencyId: AGENCY_A, now: Date.now(), format: body.format });
    expect(issued.ok).toBe(true);

    // The same blocks are the holder's at /codes/blocks, and only hashes were stored.
    const held = await call<BlocksResponse>(portal.base, `/codes/blocks?holder=${body.workstationId}`, { token: clerkA });
    expect(held.body.blocks).toEqual(body.blocks);
    const [row] = await portal.db.query<{ secret_hash: string; enrolled_with: string; agency_id: string }>(
      'SELECT secret_hash, enrolled_with, agency_id FROM workstations WHERE id = $1',
      [body.workstationId],
    );
    expect(row).toEqual({ secret_hash: sha256(body.secret), enrolled_with: hashOf(code), agency_id: AGENCY_A });
    const [used] = await portal.db.query<{ used: boolean; workstation_id: string }>(
      'SELECT used_at IS NOT NULL AS used, workstation_id FROM enrollment_codes WHERE code_hash = $1',
      [hashOf(code)],
    );
    expect(used).toEqual({ used: true, workstation_id: body.workstationId });
  });

  it('enrolls a code once, even when two workstations present it at the same moment', async () => {
    const code = await newCode();
    const blocksBefore = await count('SELECT count(*) AS n FROM code_blocks');
    const results = await Promise.all(['Quầy 5', 'Quầy 6', 'Quầy 7', 'Quầy 8'].map((name) => enroll(code, name)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410, 410]);
    const winner = results.find((r) => r.status === 200)!.body;
    const loser = results.find((r) => r.status === 410)! as { body: unknown };
    expect(loser.body).toEqual({ error: 'enrollment_code_used', message: expect.stringMatching(/already been used/) });
    expect(await count('SELECT count(*) AS n FROM workstations WHERE enrolled_with = $1', [hashOf(code)])).toBe(1);
    // The loser's blocks were rolled back with everything else.
    expect(await count('SELECT count(*) AS n FROM code_blocks')).toBe(blocksBefore + winner.blocks.length);
    expect((await enroll(code, 'Quầy 9')).status).toBe(410);
  });

  it('refuses an expired, unknown or malformed code and writes nothing', async () => {
    const code = await newCode();
    await portal.db.query("UPDATE enrollment_codes SET expires_at = now() - interval '1 minute' WHERE code_hash = $1", [hashOf(code)]);
    const counts = async () => [await count('SELECT count(*) AS n FROM workstations'), await count('SELECT count(*) AS n FROM code_blocks')];
    const before = await counts();

    const expired = await enroll(code);
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ error: 'enrollment_code_expired', message: expect.stringMatching(/expired/) });
    const unknown = await enroll('0000-0000-0000');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: 'enrollment_code_unknown' });
    expect((await enroll('abc')).body).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(/^code:/) });
    expect((await enroll(code, '   ')).status).toBe(400);
    expect((await enroll(code, 'x'.repeat(101))).status).toBe(400);
    expect((await enroll(code, 'Quầy 8', { extra: true })).status).toBe(400);

    expect(await counts()).toEqual(before);
    const [row] = await portal.db.query<{ used: boolean }>('SELECT used_at IS NOT NULL AS used FROM enrollment_codes WHERE code_hash = $1', [hashOf(code)]);
    expect(row?.used).toBe(false);
  });

  it('lists workstations by role and shows revocations', async () => {
    const b = await enroll(await newCode(AGENCY_B), 'Quầy B1');
    expect(b.status).toBe(200);
    const a = await enroll(await newCode(AGENCY_A), 'Quầy A9');

    const all = await list(admin);
    expect(all.status).toBe(200);
    const agencies = new Set(all.body.workstations.map((w) => w.agencyId));
    expect(agencies).toEqual(new Set([AGENCY_A, AGENCY_B]));
    expect((await list(admin, `?agencyId=${AGENCY_B}`)).body.workstations.map((w) => w.id)).toEqual([b.body.workstationId]);

    const own = await list(supervisorA);
    expect(own.status).toBe(200);
    expect(own.body.workstations.length).toBeGreaterThan(0);
    expect(own.body.workstations.every((w) => w.agencyId === AGENCY_A)).toBe(true);
    expect(own.body.workstations.map((w) => w.id)).toContain(a.body.workstationId);
    expect((await list(supervisorA, `?agencyId=${AGENCY_A}`)).status).toBe(200);
    expect((await list(supervisorA, `?agencyId=${AGENCY_B}`)).status).toBe(403);
    expect((await list(clerkA)).status).toBe(403);
    expect((await list(officerA)).status).toBe(403);
    expect((await list(admin, '?agencyId=nope')).status).toBe(400);

    const revoke = (token: string, id: string) => call<WorkstationSummary>(portal.base, `/workstations/${id}/revoke`, { token, method: 'POST' });
    expect((await revoke(clerkA, a.body.workstationId)).status).toBe(403);
    expect((await revoke(supervisorA, a.body.workstationId)).status).toBe(403);
    const revoked = await revoke(admin, a.body.workstationId);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: a.body.workstationId, agencyId: AGENCY_A, name: 'Quầy A9', revokedAt: expect.any(Number) });
    expect((await revoke(admin, a.body.workstationId)).body.revokedAt).toBe(revoked.body.revokedAt);
    expect((await revoke(admin, 'no-such-workstation')).status).toBe(404);

    const listed = (await list(supervisorA)).body.workstations;
    expect(listed.find((w) => w.id === a.body.workstationId)?.revokedAt).toBe(revoked.body.revokedAt);
    expect(listed.filter((w) => w.id !== a.body.workstationId).every((w) => w.revokedAt === null)).toBe(true);
  });
});
