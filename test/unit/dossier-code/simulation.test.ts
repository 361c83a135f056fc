/**
 * Property: the workstations of an agency, online and offline at random for up to 60 days, with
 * wrong clocks, restarts, power cuts, lost settings and re-imaged disks, never print the same
 * dossier code twice. 150 random scenarios (2–12 workstations, 1–60 days, 0–25 receptions per
 * workstation per day, half of them on a 99-a-day format so that days fill up): about 100 000–135 000
 * printed codes and 25 000 blocks in all, 3–5 s on a 2-core machine. The totals are logged.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  acceptBlocks,
  allocateBlock,
  blocksToRequest,
  issuedByHolder,
  issueNext,
  mergeIssuedMarks,
  newIssuerState,
  pruneIssuerState,
  remainingFor,
  type IssuerState,
  type LeasePolicy,
  type NumberBlock,
} from '../../../src-shared/domain/dossier-code/allocator';
import { compileFormat, parseDossierCode, type DossierCodeFormat } from '../../../src-shared/domain/dossier-code/format';
import { vnDay } from '../../../src-shared/domain/vn-time';
import { mulberry32 } from '../../support/prng';

const RUNS = 150;
const H56 = '000.17.22.H56';
const G22 = '000.00.12.G22';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-11-01T00:00:00+07:00');
/** Clock errors, from a few hours (which move receptions across midnight) to two days. */
const SKEWS = [-DAY, -9 * HOUR, -2 * HOUR, 0, 0, 0, 3 * HOUR, 8 * HOUR, DAY, 2 * DAY];

interface Dossier {
  id: string;
  agencyId: string;
  day: string;
  sequence: number;
  code: string;
}

interface Workstation {
  name: string;
  /** Installation id: a re-imaged workstation enrols again under a new one. */
  holder: string;
  generation: number;
  agencies: string[];
  /** What is on its disk: the issuer state (null: not enrolled / settings lost) and its dossiers. */
  saved: IssuerState | null;
  dossiers: Dossier[];
  pushed: number;
  /** Last top-up attempt (real time): a refused one is retried at most hourly. */
  lastTopUp: number;
  online: boolean;
  skewMs: number;
}

const pct = fc.integer({ min: 0, max: 100 });
const scenario = fc.record({
  seed: fc.integer(),
  workstations: fc.integer({ min: 2, max: 12 }),
  days: fc.integer({ min: 1, max: 60 }),
  maxPerDay: fc.integer({ min: 0, max: 25 }),
  /** The agency uses a 2-digit sequence (99 a day): full days and exhausted workstations happen. */
  tight: fc.boolean(),
  policy: fc.record({
    standingSize: fc.integer({ min: 1, max: 8 }),
    standingDays: fc.integer({ min: 1, max: 30 }),
    leaseSize: fc.integer({ min: 1, max: 15 }),
    leaseDays: fc.integer({ min: 1, max: 7 }),
    horizonDays: fc.integer({ min: 1, max: 10 }),
    topUpBelow: fc.integer({ min: 0, max: 5 }),
  }),
  goOffline: pct,
  comeOnline: fc.integer({ min: 5, max: 100 }),
  restart: fc.integer({ min: 0, max: 30 }),
  reimage: fc.integer({ min: 0, max: 4 }),
  loseSettings: fc.integer({ min: 0, max: 4 }),
  powerCut: fc.integer({ min: 0, max: 5 }),
  clockChange: fc.integer({ min: 0, max: 20 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** The scenario's events come from its seed, so a failure replays exactly. */
const prng = mulberry32;

function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

const totals = { runs: 0, printed: 0, refused: 0, blocks: 0, syncs: 0 };

function simulate(sc: Scenario): void {
  const rand = prng(sc.seed);
  const chance = (percent: number) => rand() * 100 < percent;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const policy: LeasePolicy = sc.policy;
  const formats: Record<string, DossierCodeFormat> = {
    [H56]: sc.tight ? { template: '{agency}-{yyMMdd}-{seq:2}' } : 'agency-yyMMdd-seq4',
    [G22]: 'agency-yyyyMMdd-seq7',
  };
  const formatOf = (agencyId: string) => formats[agencyId] as DossierCodeFormat;
  const maxSeq = (agencyId: string) => compileFormat(formatOf(agencyId)).maxSequence;

  // `active`: the blocks not yet over. Nothing is ever allocated for a past day, so these are all the
  // allocator needs to see; `blocks` keeps every block for recovery and for the final check.
  const portal = { blocks: [] as NumberBlock[], active: [] as NumberBlock[], byId: new Map<string, NumberBlock>(), synced: [] as Dossier[] };
  const printed = new Map<string, Dossier>(); // code → dossier whose receipt shows it
  const receipts = new Map<string, string>(); // dossier id → code on its receipt
  const lastSeq = new Map<string, number>(); // holder|agency|day → last printed sequence
  let ids = 0;

  const wss: Workstation[] = Array.from({ length: sc.workstations }, (_, i) => ({
    name: `ws-${i}`,
    holder: `ws-${i}#0`,
    generation: 0,
    agencies: i % 3 === 2 ? [H56, G22] : [H56],
    saved: null,
    dossiers: [],
    pushed: 0,
    lastTopUp: 0,
    online: true,
    skewMs: 0,
  }));

  /** Online: push dossiers, (re)enrol if needed, ask for the blocks the policy wants. */
  function sync(ws: Workstation, realNow: number): void {
    totals.syncs++;
    const today = vnDay(realNow); // the portal's day
    portal.synced.push(...ws.dossiers.slice(ws.pushed));
    ws.pushed = ws.dossiers.length;
    let s = ws.saved;
    if (!s) {
      // New installation, or settings lost with the dossiers intact: blocks from the portal, marks
      // from every dossier this holder issued that is known here or there.
      s = acceptBlocks(newIssuerState(ws.holder), portal.blocks);
      s = mergeIssuedMarks(s, issuedByHolder(ws.holder, portal.blocks, [...ws.dossiers, ...portal.synced]));
    }
    for (const agencyId of ws.agencies) {
      for (const request of blocksToRequest(s, agencyId, today, maxSeq(agencyId), policy)) {
        const r = allocateBlock(portal.active, request, { today, maxSequence: maxSeq(agencyId), now: realNow, newId: () => `blk-${++ids}` });
        if (!r.ok) continue;
        // Never two blocks on one (agency, day, sequence): every block that could share a day is active.
        for (const o of portal.active) {
          const shared = o.agencyId === r.block.agencyId && o.validFrom <= r.block.validUntil && r.block.validFrom <= o.validUntil;
          check(!shared || o.last < r.block.first || r.block.last < o.first, () => `overlap ${JSON.stringify([o, r.block])}`);
        }
        portal.blocks.push(r.block);
        portal.active.push(r.block);
        portal.byId.set(r.block.id, r.block);
        s = acceptBlocks(s, [r.block]);
      }
    }
    ws.saved = pruneIssuerState(s, today, 7);
  }

  function receive(ws: Workstation, realNow: number): void {
    if (chance(sc.goOffline / 10)) ws.online = false;
    else if (!ws.online && chance(sc.comeOnline / 10)) ws.online = true;
    const agencyId = pick(ws.agencies);
    const now = realNow + ws.skewMs;
    const low = !ws.saved || remainingFor(ws.saved, agencyId, vnDay(now), maxSeq(agencyId)) < policy.topUpBelow;
    if (ws.online && low && realNow - ws.lastTopUp >= HOUR) {
      ws.lastTopUp = realNow;
      sync(ws, realNow);
    }
    if (!ws.saved) {
      totals.refused++; // not enrolled yet / settings lost, and offline: no numbers at all
      return;
    }
    const r = issueNext(ws.saved, { agencyId, now, format: formatOf(agencyId) });
    if (!r.ok) {
      check(r.error.kind === 'exhausted' && /^(Đã hết|Máy này chưa)/.test(r.error.messageVi), () => JSON.stringify(r.error));
      totals.refused++;
      return;
    }
    if (chance(sc.powerCut)) return; // cut before the dossier and the state were written: nothing printed

    const dossier: Dossier = { id: `d-${++ids}`, agencyId, day: r.day, sequence: r.sequence, code: r.code };
    ws.saved = r.newState;
    ws.dossiers.push(dossier);
    // Printed from here on.
    const clash = printed.get(r.code);
    check(!clash, () => `${r.code} printed twice: ${JSON.stringify(clash)} and ${ws.holder}`);
    printed.set(r.code, dossier);
    receipts.set(dossier.id, r.code);
    totals.printed++;

    const parts = parseDossierCode(r.code, formatOf(agencyId));
    check(parts?.agencyId === agencyId && parts.day === vnDay(now) && parts.sequence === r.sequence, () => `${r.code} parses to ${JSON.stringify(parts)}`);
    const key = `${ws.holder}|${agencyId}|${r.day}`;
    check(r.sequence > (lastSeq.get(key) ?? 0), () => `${key}: ${r.sequence} after ${lastSeq.get(key)}`);
    lastSeq.set(key, r.sequence);
    const b = portal.byId.get(r.blockId);
    check(
      !!b && b.holder === ws.holder && b.agencyId === agencyId && b.validFrom <= r.day && r.day <= b.validUntil && b.first <= r.sequence && r.sequence <= b.last,
      () => `${r.code} is not in a block of ${ws.holder}: ${JSON.stringify(b)}`,
    );
  }

  for (let d = 0; d < sc.days; d++) {
    const dayStart = START + d * DAY;
    const today = vnDay(dayStart);
    portal.active = portal.active.filter((b) => b.validUntil >= today);
    const events: { t: number; ws: Workstation }[] = [];
    for (const ws of wss) {
      if (chance(sc.reimage)) {
        // New disk: settings and unsynced dossiers are gone (their receipts are not).
        ws.generation++;
        ws.holder = `${ws.name}#${ws.generation}`;
        ws.saved = null;
        ws.dossiers = [];
        ws.pushed = 0;
      } else if (chance(sc.loseSettings)) {
        ws.saved = null;
      } else if (chance(sc.restart) && ws.saved) {
        ws.saved = JSON.parse(JSON.stringify(ws.saved)) as IssuerState; // reload from disk
      }
      if (chance(sc.clockChange)) ws.skewMs = pick(SKEWS);
      ws.online = ws.online ? !chance(sc.goOffline) : chance(sc.comeOnline);
      if (ws.online) sync(ws, dayStart + 7 * HOUR);
      const n = Math.floor(rand() * (sc.maxPerDay + 1));
      for (let i = 0; i < n; i++) events.push({ t: dayStart + 7 * HOUR + Math.floor(rand() * 11 * HOUR), ws });
    }
    events.sort((a, b) => a.t - b.t);
    for (const e of events) receive(e.ws, e.t);
  }

  // Codes never change: what every disk and the portal hold is what the receipts show.
  for (const d of [...wss.flatMap((w) => w.dossiers), ...portal.synced]) {
    check(receipts.get(d.id) === d.code, () => `${d.id}: ${d.code} vs receipt ${receipts.get(d.id)}`);
    const p = parseDossierCode(d.code, formatOf(d.agencyId));
    check(p?.day === d.day && p.sequence === d.sequence, () => `${d.code} no longer parses to its parts`);
  }
  totals.runs++;
  totals.blocks += portal.blocks.length;
}

describe('offline workstations of one agency', () => {
  afterAll(() => {
    console.info(`dossier-code simulation: ${totals.runs} scenarios, ${totals.printed} codes printed, ${totals.refused} receptions refused (no numbers), ${totals.blocks} blocks, ${totals.syncs} syncs`);
  });

  it(`never print the same code twice, and codes never change (${RUNS} scenarios, up to 12 workstations × 60 days)`, () => {
    fc.assert(fc.property(scenario, (sc) => simulate(sc)), { numRuns: RUNS });
    expect(totals.printed).toBeGreaterThan(RUNS * 100);
  });
});
