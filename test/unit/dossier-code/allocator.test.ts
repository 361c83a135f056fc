import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  acceptBlocks,

  allocateBlock,
  blocksToRequest,
  DEFAULT_LEASE_POLICY,
  issuedByHolder,
  issueNext,
  mergeIssuedMarks,
  newIssuerState,
  pruneIssuerState,
  remainingFor,
  type AllocationContext,
  type IssuerState,
  type NumberBlock,
} from '../../../src-shared/domain/dossier-code/allocator';
import { parseDossierCode } from '../../../src-shared/domain/dossier-code/format';
import { addDays } from '../../../src-shared/domain/civil-date';

const H56 = '000.17.22.H56';
const G22 = '000.00.12.G22';
const F4 = 'agency-yyMMdd-seq4' as const;
/** 09:00 in Vietnam on `day`. */
const at = (day: string, hour = 9) => Date.parse(`${day}T00:00:00Z`) + (hour - 7) * 3_600_000;

let ids = 0;
const ctx = (today: string, maxSequence = 9999): AllocationContext => ({ today, maxSequence, now: 0, newId: () => `b${++ids}` });

function block(over: Partial<NumberBlock>): NumberBlock {
  return { id: `b${++ids}`, agencyId: H56, holder: 'ws-1', kind: 'lease', first: 1, last: 10, validFrom: '2026-11-21', validUntil: '2026-11-21', allocatedAt: 0, ...over };
}

const overlap = (a: NumberBlock, b: NumberBlock) =>
  a.agencyId === b.agencyId && a.validFrom <= b.validUntil && b.validFrom <= a.validUntil && a.first <= b.last && b.first <= a.last;

describe('portal allocator', () => {
  it('gives the lowest free range, above the holder’s own ranges on shared days', () => {
    const existing = [block({ holder: 'a', first: 1, last: 50 }), block({ holder: 'b', first: 51, last: 80, validUntil: '2026-11-30' })];
    const r = allocateBlock(existing, { agencyId: H56, holder: 'c', kind: 'lease', size: 20, validFrom: '2026-11-21', validUntil: '2026-11-27' }, ctx('2026-11-21'));
    expect(r.ok && [r.block.first, r.block.last]).toEqual([81, 100]);
    // Days the first block does not cover: its range is free again.
    const later = allocateBlock(existing, { agencyId: H56, holder: 'c', kind: 'lease', size: 20, validFrom: '2026-11-22', validUntil: '2026-11-23' }, ctx('2026-11-21'));
    expect(later.ok && [later.block.first, later.block.last]).toEqual([1, 20]);
    // The holder 'a' asks again for the same day: above its own 1..50.
    const topUp = allocateBlock(existing, { agencyId: H56, holder: 'a', kind: 'top-up', size: 5, validFrom: '2026-11-21', validUntil: '2026-11-21' }, ctx('2026-11-21'));
    expect(topUp.ok && topUp.block.first).toBe(81);
    // Another agency has its own numbering space.
    const other = allocateBlock(existing, { agencyId: G22, holder: 'c', kind: 'lease', size: 5, validFrom: '2026-11-21', validUntil: '2026-11-21' }, ctx('2026-11-21'));
    expect(other.ok && other.block.first).toBe(1);
  });

  it('refuses back-dated, empty or malformed requests', () => {
    const base = { agencyId: H56, holder: 'a', kind: 'lease' as const, size: 5, validFrom: '2026-11-21', validUntil: '2026-11-21' };
    for (const bad of [{ validFrom: '2026-11-20' }, { size: 0 }, { size: 2.5 }, { minSize: 6 }, { validUntil: '2026-11-19' }, { validFrom: '2026-11-31' }, { holder: '' }]) {
      const r = allocateBlock([], { ...base, ...bad }, ctx('2026-11-21'));
      expect(!r.ok && r.error.kind, JSON.stringify(bad)).toBe('invalid-request');
    }
  });

  it('says, in Vietnamese, when the agency’s day is full, and settles for less when allowed', () => {
    const full = [block({ holder: 'a', first: 1, last: 90 }), block({ holder: 'b', first: 95, last: 99 })];
    const req = { agencyId: H56, holder: 'c', kind: 'lease' as const, size: 10, validFrom: '2026-11-21', validUntil: '2026-11-21' };
    const r = allocateBlock(full, req, ctx('2026-11-21', 99));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ kind: 'no-space', largestFree: 4 });
      expect(r.error.messageVi).toContain('không còn đủ số hồ sơ trống cho ngày 21/11/2026');
      expect(r.error.messageEn).toContain('at most 99 a day');
    }
    const partial = allocateBlock(full, { ...req, minSize: 1 }, ctx('2026-11-21', 99));
    expect(partial.ok && [partial.block.first, partial.block.last]).toEqual([91, 94]);
  });

  it('never hands out one (agency, day, sequence) twice — 300 random histories of up to 60 requests', () => {
    const req = fc.record({
      agencyId: fc.constantFrom(H56, G22),
      holder: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      kind: fc.constantFrom('standing', 'lease', 'top-up') as fc.Arbitrary<NumberBlock['kind']>,
      size: fc.integer({ min: 1, max: 30 }),
      partial: fc.boolean(),
      start: fc.integer({ min: 0, max: 20 }),
      length: fc.integer({ min: 1, max: 10 }),
      today: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(req, { maxLength: 60 }), (reqs) => {
        const blocks: NumberBlock[] = [];
        for (const q of reqs) {
          const validFrom = addDays('2026-11-01', q.start);
          const r = allocateBlock(
            blocks,
            { agencyId: q.agencyId, holder: q.holder, kind: q.kind, size: q.size, minSize: q.partial ? 1 : q.size, validFrom, validUntil: addDays(validFrom, q.length - 1) },
            ctx(addDays('2026-11-01', q.today), 99),
          );
          if (!r.ok) continue;
          const b = r.block;
          expect(b.first).toBeGreaterThanOrEqual(1);
          expect(b.last).toBeLessThanOrEqual(99);
          expect(b.last - b.first + 1).toBeLessThanOrEqual(q.size);
          for (const o of blocks) {
            expect(overlap(o, b), `${JSON.stringify(o)} / ${JSON.stringify(b)}`).toBe(false);
            if (o.holder === b.holder && overlap({ ...o, first: 1, last: 99 }, b)) expect(b.first).toBeGreaterThan(o.last);
          }
          blocks.push(b);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('workstation issuer', () => {
  const day = '2026-11-21';
  const state = (blocks: NumberBlock[]): IssuerState => acceptBlocks(newIssuerState('ws-1'), blocks);

  it('issues increasing codes from its blocks, lowest first, then reports exhaustion in Vietnamese', () => {
    let s = state([block({ first: 21, last: 22 }), block({ kind: 'standing', first: 5, last: 5, validUntil: '2027-02-18' })]);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = issueNext(s, { agencyId: H56, now: at(day), format: F4 });
      if (!r.ok) throw new Error(r.error.messageEn);
      codes.push(r.code);
      expect(r.remainingToday).toBe(2 - i);
      s = r.newState;
    }
    expect(codes).toEqual(['000.17.22.H56-261121-0005', '000.17.22.H56-261121-0021', '000.17.22.H56-261121-0022']);
    const r = issueNext(s, { agencyId: H56, now: at(day, 16), format: F4 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ kind: 'exhausted', reason: 'day-used-up', agencyId: H56, day });
      expect(r.error.messageVi).toBe('Đã hết số hồ sơ được cấp cho máy này trong ngày 21/11/2026; hãy kết nối mạng để nhận thêm số.');
      expect(r.error.messageEn).toContain('connect to the network');
    }
    // The next day starts again from the standing block.
    const next = issueNext(s, { agencyId: H56, now: at('2026-11-22'), format: F4 });
    expect(next.ok && next.code).toBe('000.17.22.H56-261122-0005');
  });

  it('takes the day in Vietnam time and says when it holds nothing for that day (wrong clock)', () => {
    const s = state([block({ first: 1, last: 9 })]);
    // 2026-11-20T17:30Z is already 00:30 on 21/11 in Vietnam.
    const r = issueNext(s, { agencyId: H56, now: Date.UTC(2026, 10, 20, 17, 30), format: F4 });
    expect(r.ok && r.code).toBe('000.17.22.H56-261121-0001');
    const wrongClock = issueNext(s, { agencyId: H56, now: at('2027-11-21'), format: F4 });
    expect(!wrongClock.ok && wrongClock.error.reason).toBe('no-numbers-for-day');
    expect(!wrongClock.ok && wrongClock.error.messageVi).toContain('kiểm tra ngày giờ của máy tính');
    expect(!issueNext(s, { agencyId: G22, now: at(day), format: F4 }).ok).toBe(true);
  });

  it('never goes back below the day’s mark, even when a clock jumps back and forth', () => {
    let s = state([block({ first: 1, last: 9, validFrom: '2026-11-20', validUntil: '2026-11-25' })]);
    const seen: string[] = [];
    for (const d of ['2026-11-21', '2026-11-24', '2026-11-21', '2026-11-20', '2026-11-24', '2026-11-21']) {
      const r = issueNext(s, { agencyId: H56, now: at(d), format: F4 });
      if (!r.ok) throw new Error(r.error.messageEn);
      seen.push(r.code);
      s = r.newState;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((c) => c.includes('-261121-'))).toEqual(['000.17.22.H56-261121-0001', '000.17.22.H56-261121-0002', '000.17.22.H56-261121-0003']);
  });

  it('keeps two agencies on one workstation apart, each in its own format', () => {
    let s = state([block({ first: 1, last: 2 }), block({ agencyId: G22, first: 1, last: 2 })]);
    const a = issueNext(s, { agencyId: H56, now: at(day), format: F4 });
    if (!a.ok) throw new Error();
    s = a.newState;
    const b = issueNext(s, { agencyId: G22, now: at(day), format: 'agency-yyyyMMdd-seq7' });
    expect(a.code).toBe('000.17.22.H56-261121-0001');
    expect(b.ok && b.code).toBe('000.00.12.G22-20261121-0000001');
    expect(remainingFor(s, H56, day, 9999)).toBe(1);
  });

  it('does not print numbers a narrower format cannot hold', () => {
    const s = state([block({ first: 98, last: 120 })]);
    const r = issueNext(s, { agencyId: H56, now: at(day), format: { template: '{agency}-{yyMMdd}-{seq:2}' } });
    expect(r.ok && [r.code, r.remainingToday]).toEqual(['000.17.22.H56-261121-98', 1]);
  });

  it('ignores blocks of other holders', () => {
    const s = state([block({ holder: 'ws-2' })]);
    expect(s.blocks).toHaveLength(0);
    expect(issueNext({ ...s, blocks: [block({ holder: 'ws-2' })] }, { agencyId: H56, now: at(day), format: F4 }).ok).toBe(false);
  });

  it('recovers its marks from dossiers the portal holds', () => {
    const b1 = block({ first: 1, last: 9 });
    const other = block({ holder: 'ws-2', first: 10, last: 19 });
    const synced = [
      { agencyId: H56, day, sequence: 4 },
      { agencyId: H56, day, sequence: 12 }, // issued by ws-2
      { agencyId: H56, day: '2026-11-22', sequence: 3 }, // outside b1's days
    ];
    const mine = issuedByHolder('ws-1', [b1, other], synced);
    expect(mine).toEqual([{ agencyId: H56, day, sequence: 4 }]);
    const s = mergeIssuedMarks(mergeIssuedMarks(state([b1]), mine), [{ agencyId: H56, day, sequence: 2 }]);
    const r = issueNext(s, { agencyId: H56, now: at(day), format: F4 });
    expect(r.ok && r.sequence).toBe(5);
  });

  it('shows why a restored backup must enrol as a new holder', () => {
    const b1 = block({ first: 1, last: 9 });
    const backup = state([b1]);
    const first = issueNext(backup, { agencyId: H56, now: at(day), format: F4 });
    // The disk dies before this dossier synced; the backup knows nothing of it.
    const again = issueNext(backup, { agencyId: H56, now: at(day, 11), format: F4 });
    expect(first.ok && again.ok && first.code === again.code).toBe(true);
    // Enrolled afresh, it gets new numbers: the old holder's block stays allocated at the portal.
    const fresh = allocateBlock([b1], { agencyId: H56, holder: 'ws-1#2', kind: 'lease', size: 9, validFrom: day, validUntil: day }, ctx(day));
    if (!fresh.ok) throw new Error();
    const r = issueNext(acceptBlocks(newIssuerState('ws-1#2'), [fresh.block]), { agencyId: H56, now: at(day, 11), format: F4 });
    expect(r.ok && r.code).toBe('000.17.22.H56-261121-0010');
  });

  it('prunes old days for good', () => {
    let s = state([block({ first: 1, last: 9, validFrom: '2026-10-01', validUntil: '2026-10-07' }), block({ first: 1, last: 9 })]);
    s = mergeIssuedMarks(s, [{ agencyId: H56, day: '2026-10-02', sequence: 3 }, { agencyId: H56, day, sequence: 1 }]);
    s = pruneIssuerState(s, day, 31);
    expect(s.blocks).toHaveLength(1);
    expect(Object.keys(s.issued)).toEqual([`${H56} ${day}`]);
    expect(s.prunedBefore).toBe('2026-10-21');
    expect(acceptBlocks(s, [block({ validFrom: '2026-10-01', validUntil: '2026-10-07' })])).toBe(s);
    expect(issueNext(s, { agencyId: H56, now: at('2026-10-20'), format: F4 }).ok).toBe(false);
    expect(pruneIssuerState(s, '2026-11-01', 31)).toBe(s);
  });
});

describe('what to request when online', () => {
  it('asks for a standing block and leases up to the horizon, then nothing, then a top-up when low', () => {
    const today = '2026-11-21';
    let s = newIssuerState('ws-1');
    const reqs = blocksToRequest(s, H56, today, 9999);
    expect(reqs.map((r) => [r.kind, r.validFrom, r.validUntil, r.size])).toEqual([
      ['standing', today, addDays(today, 89), 50],
      ['lease', today, addDays(today, 6), 100],
      ['lease', addDays(today, 7), addDays(today, 13), 100],
    ]);
    const portal: NumberBlock[] = [];
    for (const q of reqs) {
      const r = allocateBlock(portal, q, ctx(today));
      if (r.ok) portal.push(r.block);
    }
    s = acceptBlocks(s, portal);
    expect(blocksToRequest(s, H56, today, 9999)).toEqual([]);
    expect(remainingFor(s, H56, today, 9999)).toBe(150);
    s = mergeIssuedMarks(s, [{ agencyId: H56, day: today, sequence: portal[1]!.last - 5 }]);
    expect(blocksToRequest(s, H56, today, 9999).map((r) => r.kind)).toEqual(['top-up']);
    // A week later only the next lease is missing.
    expect(blocksToRequest(s, H56, addDays(today, 7), 9999).map((r) => [r.kind, r.validFrom])).toEqual([['lease', addDays(today, 14)]]);
    expect(DEFAULT_LEASE_POLICY.horizonDays).toBe(14);
    expect(parseDossierCode('000.17.22.H56-261121-0001', F4)?.sequence).toBe(1);
  });
});
