/**
 * Realistic dossiers for the IndexedDB bench, built by the app's own `recordCheck()` (validation,
 * checklist, appointment on the working calendar, search keys) and then aged to the bench's "now"
 * (the end of the newest day): one centre, three counters, office hours on working days, a skewed mix
 * of the bundled procedures, and a lifecycle per dossier (transfer, result, return, supplement,
 * fee, withdrawal, stop) whose fields are set as far as the dossier got. One check event per dossier
 * (`received`, or `supplementRequested` / `refused` at the counter). Deterministic for a seed.
 */
import type { CalendarTable } from '../../../src-shared/contract/calendar';
import type { Applicant, DossierDoc, DossierEventDoc, ReturnMethod } from '../../../src-shared/contract/documents';
import { DEFAULT_CODE_FORMAT } from '../../../src-shared/contract/reference-api';
import { addDays } from '../../../src-shared/domain/civil-date';
import { createWorkingCalendar, type WorkingCalendar } from '../../../src-shared/domain/calendar/working-calendar';
import { formatDossierCode } from '../../../src-shared/domain/dossier-code/format';
import { CHANNEL, DOSSIER_STATUS, type Channel } from '../../../src-shared/domain/dossier-status';
import type { Procedure } from '../../../src-shared/domain/procedure';
import { missingComponents, checklist, recordCheck, type CheckOutcome, type ReceptionInput } from '../../../src-shared/domain/reception';
import { vnMidnight } from '../../../src-shared/domain/vn-time';
import { counterLabelOf, LEDGER_VOLUME_SIZE } from '../../../src-renderer/dossiers/numbers';
import seed from '../../../resources/seed/procedures.json';
import cal2024 from '../../../resources/calendar/2024.json';
import cal2025 from '../../../resources/calendar/2025.json';
import cal2026 from '../../../resources/calendar/2026.json';
import cal2027 from '../../../resources/calendar/2027.json';
import { randomApplicant } from './applicants';
import { between, pick, prng, uuid, weighted, type Rand } from './random';

export const BENCH_AGENCY = '000.17.22.H56';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The bundled calendar tables (holidays, Tết, make-up days), as the app loads them. */
export const BENCH_CALENDAR: WorkingCalendar = createWorkingCalendar([cal2024, cal2025, cal2026, cal2027] as unknown as CalendarTable[]);

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

/** Who collects a company's result. */
const PROXIES = ['Lê Văn Hùng', 'Trần Thị Mai', 'Nguyễn Đức Thắng', 'Phạm Thị Hồng Nhung'];

/** Midnight (UTC ms) of the Vietnam day `yyyy-MM-dd`. */
export const vnDayStart = vnMidnight;

/** The last `count` working days (per the bundled calendar) up to and including `lastDay`, oldest first. */
export function workingDays(lastDay: string, count: number): string[] {
  const days: string[] = [];
  for (let d = lastDay; days.length < count; d = addDays(d, -1)) if (BENCH_CALENDAR.isWorkingDay(d)) days.push(d);
  return days.reverse();
}

/** The end of office hours on `day`: the bench's "now" for ageing the data. */
export function endOfDay(day: string): number {
  const sessions = BENCH_CALENDAR.sessions;
  return vnMidnight(day) + sessions[sessions.length - 1]!.end;
}

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

/**
 * Office-time arithmetic for ageing the data, on a precomputed list of working days (the app's
 * working-time functions walk the calendar day by day, which made generating 200,000 dossiers take
 * over a minute). A position is `working-day index × office ms per day + office ms into that day`.
 */
const SESSIONS = BENCH_CALENDAR.sessions;
const workingDay = BENCH_CALENDAR.workingMsPerDay;
const DAY_MIDNIGHTS: number[] = [];
for (let d = '2023-12-01'; d <= '2028-01-31'; d = addDays(d, 1)) if (BENCH_CALENDAR.isWorkingDay(d)) DAY_MIDNIGHTS.push(vnMidnight(d));

/** Office position of instant `t` (instants outside office hours move to the next office time). */
function officePosition(t: number): number {
  let lo = 0;
  let hi = DAY_MIDNIGHTS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (DAY_MIDNIGHTS[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  const msOfDay = t - DAY_MIDNIGHTS[lo]!;
  let office = 0;
  for (const s of SESSIONS) {
    if (msOfDay < s.start) break;
    office += Math.min(msOfDay, s.end) - s.start;
  }
  return lo * workingDay + Math.min(office, workingDay);
}

function instantOf(position: number): number {
  const index = Math.floor(position / workingDay);
  let rest = position - index * workingDay;
  for (const s of SESSIONS) {
    if (rest < s.end - s.start) return DAY_MIDNIGHTS[index]! + s.start + rest;
    rest -= s.end - s.start;
  }
  return DAY_MIDNIGHTS[index]! + SESSIONS[SESSIONS.length - 1]!.end;
}

/** `ms` of office time after `t`. */
const after = (t: number, ms: number) => instantOf(officePosition(t) + ms);
/** A random office time between `from` and `to`. */
function between2(rand: Rand, from: number, to: number): number {
  const a = officePosition(from);
  const b = officePosition(to);
  return b > a ? instantOf(a + Math.floor(rand() * (b - a))) : from;
}
/** Office time between two instants. */
const officeMsBetween = (a: number, b: number) => Math.max(0, officePosition(b) - officePosition(a));

/**
 * What happened to a received dossier by `now`: transfer, maybe a supplement or a fee, the result
 * (on time for most), the return. Only what happened before `now` is written into the dossier.
 */
function age(rand: Rand, d: DossierDoc, now: number): void {
  const S = DOSSIER_STATUS;
  const sameDay = d.limit.unit === 'sameDay';
  const at = (t: number) => t <= now;
  let last = d.receivedAt;
  const set = (patch: Partial<DossierDoc>, t: number) => {
    Object.assign(d, patch);
    last = Math.max(last, t);
  };

  if (rand() < 0.006) {
    const t = after(d.receivedAt, Math.floor(rand() * 3 * workingDay));
    if (at(t)) set({ status: S.withdrawn, finishedAt: t }, t);
    return finish(d, last);
  }
  // Same-day procedures are often settled on the spot, without a transfer to the processing body.
  const settledOnSpot = sameDay && rand() < 0.5;
  const transferredAt = settledOnSpot ? 0 : after(d.receivedAt, between(rand, 5, sameDay ? 60 : 480) * MINUTE);
  if (transferredAt && at(transferredAt)) set({ status: S.processing, transferredAt }, transferredAt);

  let appointmentAt = d.appointmentAt;
  const start = transferredAt || d.receivedAt;
  if (!sameDay && transferredAt && rand() < 0.04) {
    // Supplement requested after reception: the clock pauses until the applicant brings it.
    const pausedSince = between2(rand, transferredAt, appointmentAt);
    const back = after(pausedSince, between(rand, 1, 10) * workingDay);
    if (at(pausedSince)) set({ status: S.supplementRequested, pausedSince, supplementRequests: 1 }, pausedSince);
    if (!at(back)) return finish(d, last);
    appointmentAt = after(appointmentAt, officeMsBetween(pausedSince, back));
    set({ status: S.processing, pausedSince: 0, appointmentAt }, back);
  }
  if (transferredAt && rand() < 0.003) {
    const t = between2(rand, transferredAt, appointmentAt);
    if (at(t)) set({ status: S.stopped, finishedAt: t }, t);
    return finish(d, last);
  }
  if (!sameDay && transferredAt && rand() < 0.03) {
    // Financial obligation: waiting for the applicant to pay (status 6) for a day or two.
    const requested = between2(rand, transferredAt, appointmentAt);
    const paid = after(requested, between(rand, 2, 16) * HOUR);
    if (at(requested) && !at(paid)) return finish(Object.assign(d, { status: S.feeRequested }), requested);
  }
  const late = rand() < (sameDay ? 0.03 : 0.1);
  const resultAt = late
    ? after(appointmentAt, between(rand, 1, 5 * 8) * HOUR)
    : settledOnSpot
      ? after(d.receivedAt, between(rand, 15, 120) * MINUTE)
      : between2(rand, start, appointmentAt);
  if (!at(resultAt)) return finish(d, last);
  set({ status: S.processed, resultAt, finishedAt: resultAt }, resultAt);

  if (rand() < 0.035) return finish(d, last); // never collected
  const returnedAt = settledOnSpot && rand() < 0.8 ? after(resultAt, between(rand, 1, 30) * MINUTE) : after(resultAt, Math.floor(rand() * rand() * 10 * workingDay));
  if (!at(returnedAt)) return finish(d, last);
  const method = weighted<ReturnMethod>(rand, [['inPerson', 88], ['postal', 8], ['electronic', d.channel === CHANNEL.online ? 20 : 0]]);
  const signer = method === 'inPerson' && d.applicant.kind === 'organisation' ? `${pick(rand, PROXIES)} (được ủy quyền)` : d.applicant.name;
  set({ status: S.returned, returnedAt, returnedTo: method === 'electronic' ? '' : signer, returnMethod: method }, returnedAt);
  return finish(d, last);
}

function finish(d: DossierDoc, last: number): void {
  d.updatedAt = Math.max(d.updatedAt, last);
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
