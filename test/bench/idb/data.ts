/**
 * Realistic dossiers for the IndexedDB bench, built by the app's own `recordCheck()` (validation,
 * checklist, appointment on the working calendar, search keys) and then aged to the bench's "now"
 * (the end of the newest day): one centre, three counters, office hours on working days, a skewed mix
 * of the bundled procedures, and a lifecycle per dossier (transfer, result, return, supplement,
 * fee, withdrawal, stop) whose fields are set as far as the dossier got. One check event per dossier
 * (`received`, or `supplementRequested` / `refused` at the counter). Deterministic for a seed.
 */
import type { Applicant, DossierDoc, DossierEventDoc } from '../../../src-shared/contract/documents';
import { DEFAULT_CODE_FORMAT } from '../../../src-shared/contract/reference-api';
import { formatDossierCode } from '../../../src-shared/domain/dossier-code/format';
import { CHANNEL, type Channel } from '../../../src-shared/domain/dossier-status';
import type { Procedure } from '../../../src-shared/domain/procedure';
import { missingComponents, checklist, recordCheck, type CheckOutcome, type ReceptionInput } from '../../../src-shared/domain/reception';
import { vnMidnight } from '../../../src-shared/domain/vn-time';
import { counterLabelOf, LEDGER_VOLUME_SIZE } from '../../../src-renderer/dossiers/numbers';
import seed from '../../../resources/seed/procedures.json';
import { age } from './aging';
import { randomApplicant } from './applicants';
import { BENCH_CALENDAR, endOfDay } from './calendar';
import { between, pick, prng, uuid, weighted, type Rand } from './random';

export const BENCH_AGENCY = '000.17.22.H56';

/** The bundled catalog, as seeded into a new workstation. */
export const BENCH_CATALOG = seed as unknown as { version: string; procedures: Procedure[] };

/** Share of dossiers per procedure code (others: 0.5 each): certifications dominate a commune counter. */
const SHARES: Record<string, number> = {
  '2.000815': 34, '2.000884': 9, '2.000908': 6, '1.001193': 8, '1.004873': 6, '2.000635': 5, '1.000656': 3, '1.000894': 3,
  '1.004222': 3, '1.004194': 3, '2.001035': 2, '1.001612': 2, '1.013978': 1.5, '1.012783': 1, '1.004859': 1.5,
};
export const BENCH_PROCEDURES: { procedure: Procedure; weight: number }[] = BENCH_CATALOG.procedures.map((procedure) => ({ procedure, weight: SHARES[procedure.code] ?? 0.5 }));

/** Counters (workstation, clerk, share) and the block of sequences each issues codes from per day. */
const COUNTERS = [
  { workstationId: 'WS-01', clerk: 'clerk.an', share: 40, firstSequence: 1 },
  { workstationId: 'WS-02', clerk: 'clerk.binh', share: 35, firstSequence: 401 },
  { workstationId: 'WS-03', clerk: 'clerk.chau', share: 25, firstSequence: 801 },
] as const;
type Counter = (typeof COUNTERS)[number];

const REFUSALS = [
  'Thủ tục không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận',
  'Giấy tờ trong hồ sơ đã hết hiệu lực',
  'Người nộp hồ sơ không phải là người có quyền yêu cầu theo quy định',
];

/** `count` distinct instants in the office sessions of `day`, sorted. */
function receptionTimes(rand: Rand, day: string, count: number): number[] {
  const sessions = BENCH_CALENDAR.sessions;
  const open = sessions.reduce((s, x) => s + x.end - x.start, 0);
  const times = Array.from({ length: count }, () => {
    let offset = Math.floor(rand() * open);
    for (const s of sessions) {
      if (offset < s.end - s.start) return vnMidnight(day) + s.start + offset;
      offset -= s.end - s.start;
    }
    return vnMidnight(day) + sessions[0]!.start;
  }).sort((a, b) => a - b);
  // Distinct times keep every sort on receivedInv free of ties (the search baselines compare order).
  for (let i = 1; i < times.length; i++) if (times[i]! <= times[i - 1]!) times[i] = times[i - 1]! + 1;
  return times;
}

export interface Generator {
  /** The next `count` dossiers (oldest first) with their check events. */
  next(count: number): { dossiers: DossierDoc[]; events: DossierEventDoc[] };
  /** Ledger entries written per workstation and year so far (`WS-01 2026` → count). */
  ledgerCounts: Map<string, number>;
}

/**
 * `size` dossiers spread evenly over `days` (oldest first), received in office hours, in
 * chronological order as a centre would have received them; aged to the end of the last day.
 */
export function createGenerator(size: number, days: string[], seedValue: number): Generator {
  const rand = prng(seedValue);
  const newId = () => uuid(rand);
  const procedureWeights = BENCH_PROCEDURES.map((p) => [p.procedure, p.weight] as const);
  const counterWeights = COUNTERS.map((c) => [c, c.share] as const);
  const now = endOfDay(days[days.length - 1]!);
  /** Recent applicants: about one dossier in six is someone who came before. */
  const regulars: Applicant[] = [];
  const ledgerCounts = new Map<string, number>();
  let produced = 0;
  let dayIndex = -1;
  let dayTimes: number[] = [];
  let seqInDay = 0;
  let issuedToday = new Map<Counter, number>();

  const startDay = (i: number) => {
    const day = days[i]!;
    const perDay = Math.floor(size / days.length) + (i >= days.length - (size % days.length) ? 1 : 0);
    dayTimes = receptionTimes(rand, day, perDay);
    seqInDay = 0;
    issuedToday = new Map();
  };

  const applicant = (): Applicant => {
    if (regulars.length > 100 && rand() < 0.16) return pick(rand, regulars);
    const a = randomApplicant(rand);
    if (regulars.length < 5000) regulars.push(a);
    else regulars[Math.floor(rand() * regulars.length)] = a;
    return a;
  };

  const one = (at: number): { dossier: DossierDoc; event: DossierEventDoc } => {
    const procedure = weighted(rand, procedureWeights);
    const counter = weighted(rand, counterWeights);
    const channel = weighted<Channel>(rand, [[CHANNEL.inPerson, 72], [CHANNEL.online, 24], [CHANNEL.postal, 4]]);
    const submitted: Record<string, number> = {};
    for (const c of procedure.components) if (!c.optional || rand() < 0.3) submitted[c.id] = c.quantity;
    const input: ReceptionInput = { procedure, applicant: applicant(), channel, sets: rand() < 0.9 ? 1 : between(rand, 2, 4), submitted, notes: rand() < 0.05 ? 'Công dân hẹn nhận kết quả qua bưu điện' : '' };
    const ctx = { agencyId: BENCH_AGENCY, workstationId: counter.workstationId, clerk: counter.clerk, now: at, newId, calendar: BENCH_CALENDAR };

    const check = rand();
    let outcome: CheckOutcome = { kind: 'receive' };
    if (check < 0.015) outcome = { kind: 'refuse', reasons: [pick(rand, REFUSALS)] };
    else if (check < 0.045) {
      const required = procedure.components.filter((c) => !c.optional);
      const missingOne = { ...submitted, [pick(rand, required).id]: 0 };
      input.submitted = missingOne;
      outcome = { kind: 'supplement', missing: missingComponents(checklist(procedure, missingOne)), reason: 'Hồ sơ chưa đủ thành phần theo quy định' };
    }
    if (outcome.kind !== 'receive') return recordCheck(input, outcome, ctx);

    const day = days[dayIndex]!;
    const issuedHere = (issuedToday.get(counter) ?? 0) + 1;
    issuedToday.set(counter, issuedHere);
    const year = day.slice(0, 4);
    const ledgerKey = `${counter.workstationId} ${year}`;
    const entry = (ledgerCounts.get(ledgerKey) ?? 0) + 1;
    ledgerCounts.set(ledgerKey, entry);
    const issued = {
      code: formatDossierCode(DEFAULT_CODE_FORMAT, { agencyId: BENCH_AGENCY, day, sequence: counter.firstSequence + issuedHere - 1 }),
      ledgerVolume: `${year}.${counterLabelOf(counter.workstationId)}.${String(Math.floor((entry - 1) / LEDGER_VOLUME_SIZE) + 1).padStart(2, '0')}`,
      ledgerNumber: ((entry - 1) % LEDGER_VOLUME_SIZE) + 1,
    };
    const result = recordCheck(input, outcome, ctx, issued);
    age(rand, result.dossier, now);
    return result;
  };

  return {
    ledgerCounts,
    next(count) {
      const dossiers: DossierDoc[] = [];
      const events: DossierEventDoc[] = [];
      while (dossiers.length < count && produced < size) {
        while (seqInDay >= dayTimes.length) startDay(++dayIndex);
        const { dossier, event } = one(dayTimes[seqInDay++]!);
        dossiers.push(dossier);
        events.push(event);
        produced++;
      }
      return { dossiers, events };
    },
  };
}
