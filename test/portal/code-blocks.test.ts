/** Dossier-number blocks: allocation, disjointness under concurrency, isolation, roles, full days. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src-shared/domain/civil-date';
import {
  acceptBlocks,
  blocksToRequest,
  issueNext,
  newIssuerState,
  type BlockRequest,
  type NumberBlock,
} from '../../src-shared/domain/dossier-code/allocator';
import { parseDossierCode } from '../../src-shared/domain/dossier-code/format';
import type { ApiError } from '../../src-shared/contract/portal-api';
import { blocksResponseSchema, type BlocksResponse } from '../../src-shared/contract/reference-api';
import { parseDossierCodeFormat, readConfig } from '../../src-portal/config';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, AGENCY_B, call, startPortal, userToken, type RunningPortal } from './support/portal';

const MAX_SEQ = 9999; // the default format's {seq:4}

/** Every pair of blocks of one agency sharing a (day, sequence) cell; must always be empty. */
function sharedCells(blocks: readonly NumberBlock[]): [NumberBlock, NumberBlock][] {
  const clashes: [NumberBlock, NumberBlock][] = [];
  blocks.forEach((a, i) =>
    blocks.slice(i + 1).forEach((b) => {
      const days = a.validFrom <= b.validUntil && b.validFrom <= a.validUntil;
      const seqs = a.first <= b.last && b.first <= a.last;
      if (a.agencyId === b.agencyId && days && seqs) clashes.push([a, b]);
    }),
  );
  return clashes;
}

describe('dossier code format configuration', () => {
  it('accepts both presets and templates, refuses anything else with a hint', () => {
    expect(parseDossierCodeFormat('agency-yyMMdd-seq4')).toBe('agency-yyMMdd-seq4');
    expect(parseDossierCodeFormat(' agency-yyyyMMdd-seq7 ')).toBe('agency-yyyyMMdd-seq7');
    expect(parseDossierCodeFormat('{agency}/{yyyyMMdd}/{seq:5}')).toEqual({ template: '{agency}/{yyyyMMdd}/{seq:5}' });
    expect(() => parseDossierCodeFormat('{agency}-{seq:4}')).toThrow(/DOSSIER_CODE_FORMAT: .*date token.*agency-yyMMdd-seq4/);
    expect(() => parseDossierCodeFormat('agency-yyMMdd-seq5')).toThrow(/DOSSIER_CODE_FORMAT/);
    expect(readConfig({ DATA_DIR: '/d', DOSSIER_CODE_FORMAT: 'agency-yyyyMMdd-seq7' }).dossierCodeFormat).toBe('agency-yyyyMMdd-seq7');
    expect(readConfig({ DATA_DIR: '/d' }).dossierCodeFormat).toBeUndefined();
    expect(() => readConfig({ DATA_DIR: '/d', DOSSIER_CODE_FORMAT: '{seq:4}' })).toThrow(/DOSSIER_CODE_FORMAT/);
  });
});

describe.each(DB_TARGETS)('dossier-number blocks ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let clerkA: string;
  let clerkA2: string;
  let adminA: string;
  let supervisorA: string;
  let clerkB: string;
  /** The portal's Vietnam day, as it reports it. */
  let today: string;

  const post = <T = BlocksResponse>(token: string, holder: string, requests: BlockRequest[]) =>
    call<T>(portal.base, '/codes/blocks', { token, body: { holder, requests } });
  const get = <T = BlocksResponse>(token: string, holder: string) =>
    call<T>(portal.base, `/codes/blocks?holder=${encodeURIComponent(holder)}`, { token });
  const request = (holder: string, overrides: Partial<BlockRequest> = {}): BlockRequest => ({
    agencyId: AGENCY_A,
    holder,
    kind: 'lease',
    size: 100,
    validFrom: today,
    validUntil: addDays(today, 6),
    ...overrides,
  });
  const agencyBlocks = async (agencyId: string) =>
    (
      await portal.db.query<{ id: string; agency_id: string; holder: string; kind: NumberBlock['kind']; first: number; last: number; valid_from: string; valid_until: string }>(
        'SELECT id, agency_id, holder, kind, first, last, valid_from, valid_until FROM code_blocks WHERE agency_id = $1',
        [agencyId],
      )
    ).map((r) => ({ id: r.id, agencyId: r.agency_id, holder: r.holder, kind: r.kind, first: r.first, last: r.last, validFrom: r.valid_from, validUntil: r.valid_until, allocatedAt: 0 }));

  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db);
    clerkA = await userToken(portal, 'clerk-a', 'clerk', AGENCY_A);
    clerkA2 = await userToken(portal, 'clerk-a2', 'clerk', AGENCY_A);
    adminA = await userToken(portal, 'admin-a', 'admin', AGENCY_A);
    supervisorA = await userToken(portal, 'sup-a', 'supervisor', AGENCY_A);
    clerkB = await userToken(portal, 'clerk-b', 'clerk', AGENCY_B);
    today = (await get(clerkA, 'nobody')).body.today;
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
  });

  it('allocates what a new workstation asks for, and the workstation can issue from it', async () => {
    const state = newIssuerState('ws-1');
    const requests = blocksToRequest(state, AGENCY_A, today, MAX_SEQ);
    expect(requests.map((r) => r.kind)).toEqual(['standing', 'lease', 'lease']);
    const res = await post(clerkA, 'ws-1', requests);
    expect(res.status).toBe(200);
    expect(blocksResponseSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.today).toBe(today);
    expect(res.body.format).toBe('agency-yyMMdd-seq4');
    expect(res.body.errors).toEqual([]);
    expect(res.body.blocks).toHaveLength(3);
    for (const r of requests) {
      const b = res.body.blocks.find((x) => x.kind === r.kind && x.validFrom === r.validFrom)!;
      expect(b).toMatchObject({ agencyId: AGENCY_A, holder: 'ws-1', validUntil: r.validUntil });
      expect(b.last - b.first + 1).toBe(r.size);
    }
    expect(sharedCells(res.body.blocks)).toEqual([]);

    const held = acceptBlocks(state, res.body.blocks);
    const issued = issueNext(held, { agencyId: AGENCY_A, now: Date.now(), format: res.body.format });
    expect(issued.ok).toBe(true);
    if (issued.ok) expect(parseDossierCode(issued.code, res.body.format)).toMatchObject({ agencyId: AGENCY_A, sequence: 1 });

    // Asking again with the blocks in hand: nothing more is needed, the same blocks come back.
    const again = blocksToRequest(held, AGENCY_A, today, MAX_SEQ);
    expect(again).toEqual([]);
    const noop = await post(clerkA, 'ws-1', again);
    expect(noop.status).toBe(200);
    expect(noop.body.blocks).toEqual(res.body.blocks);
  });

  it('never lets two holders asking at the same time share a (day, sequence) cell', async () => {
    const holders = ['ws-par-1', 'ws-par-2', 'ws-par-3', 'ws-par-4'];
    const tokens = [clerkA, clerkA2, clerkA, adminA];
    const results = await Promise.all(
      holders.map((h, i) => post(tokens[i]!, h, [...blocksToRequest(newIssuerState(h), AGENCY_A, today, MAX_SEQ), request(h, { kind: 'top-up', validUntil: today })])),
    );
    for (const res of results) {
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([]);
      expect(res.body.blocks).toHaveLength(4);
    }
    const all = results.flatMap((r) => r.body.blocks);
    expect(sharedCells(all)).toEqual([]);
    // ... nor with anything else the agency holds.
    expect(sharedCells(await agencyBlocks(AGENCY_A))).toEqual([]);
    // Cell by cell on today, for good measure.
    const cells = new Map<number, string>();
    for (const b of all.filter((x) => x.validFrom <= today && today <= x.validUntil)) {
      for (let s = b.first; s <= b.last; s++) {
        expect(cells.get(s), `sequence ${s} on ${today}`).toBeUndefined();
        cells.set(s, b.holder);
      }
    }
  });

  it('returns the blocks a holder still has, without allocating, to any role of its agency only', async () => {
    const posted = await post(clerkA, 'ws-get', [request('ws-get')]);
    expect(posted.body.blocks).toHaveLength(1);
    // An expired block is no longer listed.
    await portal.db.query(
      `INSERT INTO code_blocks (id, agency_id, holder, kind, first, last, valid_from, valid_until, allocated_at, requested_by)
       VALUES ('expired-1', $1, 'ws-get', 'lease', 1, 100, $2, $3, 0, 'clerk-a')`,
      [AGENCY_A, addDays(today, -10), addDays(today, -1)],
    );
    const before = (await agencyBlocks(AGENCY_A)).length;
    for (const token of [clerkA, clerkA2, supervisorA]) {
      const res = await get(token, 'ws-get');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...posted.body, errors: [] });
    }
    expect((await agencyBlocks(AGENCY_A)).length).toBe(before);
    expect((await get(clerkB, 'ws-get')).body.blocks).toEqual([]); // another centre sees none of them
    expect((await get(clerkA, 'never-enrolled')).body.blocks).toEqual([]);
    expect((await call<ApiError>(portal.base, '/codes/blocks', { token: clerkA })).status).toBe(400);
    expect((await call(portal.base, '/codes/blocks?holder=ws-get')).status).toBe(401);
  });

  it('rejects requests for another agency (403) or another holder (400), and supervisors (403)', async () => {
    const foreign = await post<ApiError>(clerkA, 'ws-x', [request('ws-x', { agencyId: AGENCY_B })]);
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toMatch(/another centre/);
    const otherHolder = await post<ApiError>(clerkA, 'ws-x', [request('ws-x'), request('ws-y')]);
    expect(otherHolder.status).toBe(400);
    expect(otherHolder.body.message).toMatch(/requests\.1: holder/);
    const supervisor = await post<ApiError>(supervisorA, 'ws-x', [request('ws-x')]);
    expect(supervisor.status).toBe(403);
    expect((await call(portal.base, '/codes/blocks', { body: { holder: 'ws-x', requests: [] } })).status).toBe(401);
    expect((await get(clerkA, 'ws-x')).body.blocks).toEqual([]); // nothing was allocated by any of them
    expect((await get(clerkB, 'ws-x')).body.blocks).toEqual([]);
  });

  it('rejects malformed bodies with 400', async () => {
    const cases: unknown[] = [
      { holder: '', requests: [] },
      { holder: 'x'.repeat(65), requests: [] },
      { holder: 'ws-m', requests: Array.from({ length: 11 }, () => request('ws-m')) },
      { holder: 'ws-m', requests: [{ ...request('ws-m'), size: 0 }] },
      { holder: 'ws-m', requests: [{ ...request('ws-m'), validFrom: '2026-02-30' }] },
      { holder: 'ws-m', requests: [{ ...request('ws-m'), kind: 'forever' }] },
      { requests: [] },
    ];
    for (const body of cases) {
      const res = await call<ApiError>(portal.base, '/codes/blocks', { token: clerkA, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error).toBe('invalid_request');
    }
  });

  it('answers a full day, a back-dated or an over-long request with an AllocationError, not a 500', async () => {
    const day = addDays(today, 120); // beyond every standing block (90 days)
    const fill = await post(clerkA, 'ws-filler', [request('ws-filler', { size: MAX_SEQ, validFrom: day, validUntil: day })]);
    expect(fill.status).toBe(200);
    expect(fill.body.errors).toEqual([]);
    expect(fill.body.blocks).toEqual([expect.objectContaining({ first: 1, last: MAX_SEQ, validFrom: day })]);

    const full = await post(clerkA2, 'ws-late', [
      request('ws-late', { validFrom: addDays(day, -2), validUntil: addDays(day, 2) }), // crosses the full day
      request('ws-late', { validFrom: addDays(today, -1), validUntil: today }), // back-dated
      request('ws-late', { validFrom: today, validUntil: addDays(today, 400) }), // too long
      request('ws-late', { kind: 'top-up', size: 5, validUntil: today }), // still fine
    ]);
    expect(full.status).toBe(200);
    expect(full.body.errors.map((e) => e.kind)).toEqual(['no-space', 'invalid-request', 'invalid-request']);
    expect(full.body.errors[0]).toMatchObject({ largestFree: 0 });
    expect(full.body.errors[0]?.messageVi).toMatch(/^Cơ quan không còn đủ số hồ sơ trống/);
    expect(full.body.errors[1]?.detail).toMatch(/before today/);
    expect(full.body.errors[2]?.detail).toMatch(/at most 366 days/);
    expect(full.body.blocks).toEqual([expect.objectContaining({ kind: 'top-up', holder: 'ws-late', last: expect.any(Number) })]);
    expect(sharedCells(await agencyBlocks(AGENCY_A))).toEqual([]);

    // Another agency's day is not affected.
    const other = await post(clerkB, 'ws-b', [{ ...request('ws-b', { validFrom: day, validUntil: day }), agencyId: AGENCY_B }]);
    expect(other.body.errors).toEqual([]);
    expect(other.body.blocks[0]).toMatchObject({ agencyId: AGENCY_B, first: 1 });
  });
});
