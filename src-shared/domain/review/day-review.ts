/**
 * The supervisor's daily review (docs/supervisor.md): the day's reception per counter, clerk and
 * procedure; open dossiers overdue, due today or due within N working days; and anomalies worth a
 * look. Pure functions over review facts, so the screen, the bench and the tests share them.
 */
import type { IndicatorRecord } from '../indicators/record';
import { UNKNOWN_LABEL } from '../indicators/grouping';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { dueDate } from '../calendar/due-date';
import { addDays } from '../civil-date';
import { effectiveAppointment } from '../lifecycle/timeliness';
import { PRESET_FORMATS, parseDossierCode, type PresetFormat } from '../dossier-code/format';
import { CHANNEL, DOSSIER_STATUS } from '../dossier-status';
import { vnDay } from '../vn-time';

/** An indicator record plus what the review needs. */
export interface ReviewFact extends IndicatorRecord {
  /** Current appointment (moved by supplements and reschedules). */
  appointmentAt: number;
  transferredAt: number;
  ledgerNumber: number;
  receivedDay: string;
}

export type Breakdown = 'counter' | 'clerk' | 'procedure';

export interface BreakdownRow {
  key: string;
  label: string;
  received: number;
  online: number;
  digitised: number;
  notSynced: number;
}

/** The row of `by` that a fact falls in. */
function breakdownKey(f: ReviewFact, by: Breakdown): string {
  return by === 'counter' ? f.counter : by === 'clerk' ? f.clerk : f.procedureCode;
}

/** Received on `day` with a dossier code (a ledger entry): what the day's breakdown counts. */
const receivedOn = (f: ReviewFact, day: string) => f.receivedDay === day && f.code !== '';

/** The day's received dossiers (with a ledger entry) grouped by counter, clerk or procedure. */
export function dayBreakdown(facts: readonly ReviewFact[], day: string, by: Breakdown): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const f of facts) {
    if (!receivedOn(f, day)) continue;
    const key = breakdownKey(f, by);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, label: by === 'procedure' ? f.procedureName : key || UNKNOWN_LABEL, received: 0, online: 0, digitised: 0, notSynced: 0 }));
    row.received++;
    if (f.channel === CHANNEL.online) row.online++;
    if (f.digitised) row.digitised++;
    if (f.synced === false) row.notSynced++;
  }
  return [...rows.values()].sort((a, b) => b.received - a.received || a.key.localeCompare(b.key));
}

/** The dossiers behind one row of dayBreakdown, in reception order. */
export function dayGroupFacts(facts: readonly ReviewFact[], day: string, by: Breakdown, key: string): ReviewFact[] {
  return facts.filter((f) => receivedOn(f, day) && breakdownKey(f, by) === key).sort((a, b) => a.receivedAt - b.receivedAt);
}

/** Anomalies are looked for among the dossiers received in this many days up to the reviewed day. */
export const ANOMALY_WINDOW_DAYS = 90;

/** The facts received from `windowDays` days before `day` up to `day` itself: the scope of anomalies. */
export function anomalyScope(facts: readonly ReviewFact[], day: string, windowDays = ANOMALY_WINDOW_DAYS): ReviewFact[] {
  const since = addDays(day, -windowDays);
  return facts.filter((f) => f.receivedDay >= since && f.receivedDay <= day);
}

export interface DueLists {
  overdue: ReviewFact[];
  dueToday: ReviewFact[];
  /** Due after today, by the end of the `withinWorkingDays`-th working day after today. */
  dueSoon: ReviewFact[];
}

const isOpen = (f: ReviewFact) => f.receivedAt > 0 && f.finishedAt === 0 && f.appointmentAt > 0;

/**
 * Open dossiers by how close their appointment is. A dossier waiting for the applicant's supplement
 * has its clock stopped: it is overdue only if it already was when the wait began.
 */
export function dueLists(facts: readonly ReviewFact[], now: number, calendar: WorkingCalendar, withinWorkingDays: number): DueLists {
  const today = vnDay(now);
  // The end of the Nth working day after today (the appointment rule's own count).
  const horizon = dueDate({ receivedAt: now, limit: { unit: 'workingDays', value: withinWorkingDays } }, calendar);
  const out: DueLists = { overdue: [], dueToday: [], dueSoon: [] };
  for (const f of facts) {
    if (!isOpen(f)) continue;
    const due = f.pausedSince ? effectiveAppointment(f, now, calendar) : f.appointmentAt;
    if (due < now) out.overdue.push(f);
    else if (f.pausedSince) continue;
    else if (vnDay(due) === today) out.dueToday.push(f);
    else if (due <= horizon) out.dueSoon.push(f);
  }
  const byAppointment = (a: ReviewFact, b: ReviewFact) => a.appointmentAt - b.appointmentAt || a.code.localeCompare(b.code);
  out.overdue.sort(byAppointment);
  out.dueToday.sort(byAppointment);
  out.dueSoon.sort(byAppointment);
  return out;
}

export type AnomalyKind = 'notTransferred' | 'multipleSupplements' | 'rescheduledTwice' | 'codeOutOfSequence' | 'notSynced';
export const ANOMALY_KINDS: readonly AnomalyKind[] = ['notTransferred', 'multipleSupplements', 'rescheduledTwice', 'codeOutOfSequence', 'notSynced'];

export interface Anomaly {
  kind: AnomalyKind;
  fact: ReviewFact;
  /** For codes: why ('date' | 'order' | 'duplicate' | 'format'); '' otherwise. */
  detail: string;
}

function parseCode(code: string) {
  for (const format of Object.keys(PRESET_FORMATS) as PresetFormat[]) {
    const parts = parseDossierCode(code, format);
    if (parts) return parts;
  }
  return null;
}

/** Codes that do not fit: a date other than the reception day, a number lower than an earlier one of the same counter that day, a code used twice, or no known format. */
function codeAnomalies(facts: readonly ReviewFact[]): Anomaly[] {
  const out: Anomaly[] = [];
  const seen = new Map<string, ReviewFact>();
  const byCounterDay = new Map<string, { fact: ReviewFact; sequence: number }[]>();
  for (const f of facts) {
    if (!f.code) continue;
    const twin = seen.get(f.code);
    if (twin) out.push({ kind: 'codeOutOfSequence', fact: f, detail: 'duplicate' });
    seen.set(f.code, f);
    const parts = parseCode(f.code);
    if (!parts) {
      out.push({ kind: 'codeOutOfSequence', fact: f, detail: 'format' });
      continue;
    }
    if (parts.day !== f.receivedDay) out.push({ kind: 'codeOutOfSequence', fact: f, detail: 'date' });
    const key = `${f.counter}|${f.receivedDay}`;
    const list = byCounterDay.get(key) ?? [];
    list.push({ fact: f, sequence: parts.sequence });
    byCounterDay.set(key, list);
  }
  for (const list of byCounterDay.values()) {
    list.sort((a, b) => a.fact.receivedAt - b.fact.receivedAt);
    let highest = 0;
    for (const { fact, sequence } of list) {
      if (sequence <= highest) out.push({ kind: 'codeOutOfSequence', fact, detail: 'order' });
      highest = Math.max(highest, sequence);
    }
  }
  return out;
}

/**
 * Anomalies among the given facts (the caller picks the scope, e.g. the last 90 days):
 * received but not transferred past the paper-transfer deadline (same working day, next one after
 * 15:00), more than one supplement request, two or more reschedules, codes out of sequence, and
 * records not yet at the portal.
 */
export function anomalies(facts: readonly ReviewFact[], now: number, calendar: WorkingCalendar): Anomaly[] {
  const out: Anomaly[] = [];
  for (const f of facts) {
    if (f.receivedAt > 0 && f.status === DOSSIER_STATUS.received && f.transferredAt === 0) {
      if (dueDate({ receivedAt: f.receivedAt, limit: { unit: 'sameDay', value: 0 } }, calendar) < now) out.push({ kind: 'notTransferred', fact: f, detail: '' });
    }
    if (f.supplementRequests > 1) out.push({ kind: 'multipleSupplements', fact: f, detail: '' });
    if (f.reschedules >= 2) out.push({ kind: 'rescheduledTwice', fact: f, detail: '' });
    if (f.synced === false) out.push({ kind: 'notSynced', fact: f, detail: '' });
  }
  out.push(...codeAnomalies(facts));
  return out;
}
