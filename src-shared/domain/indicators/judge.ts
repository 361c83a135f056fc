/**
 * The on-time rule of Decision 766 (DOMAIN.md §6, docs/indicators.md): how one received dossier stands
 * at the end of a reporting period, and how long its processing took in working time.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { addDays, isIsoDate } from '../civil-date';
import { DOSSIER_STATUS } from '../dossier-status';
import { vnMidnight } from '../vn-time';
import type { IndicatorRecord, Judgement, Period } from './record';
import { workingClock, type WorkingClock } from './working-clock';

/** The period in epoch ms: from 00:00 of `from` to 24:00 of `to` (Vietnam time), [start, end). */
export function periodBounds(period: Period): { start: number; end: number } {
  if (!isIsoDate(period.from) || !isIsoDate(period.to)) throw new RangeError(`Invalid period ${period.from} – ${period.to} (yyyy-MM-dd)`);
  if (period.from > period.to) throw new RangeError(`The period ends (${period.to}) before it starts (${period.from})`);
  return { start: vnMidnight(period.from), end: vnMidnight(addDays(period.to, 1)) };
}

/** Finished by the end of the period: it has an end of processing, no later than `periodEnd`. */
export function finishedBy(r: IndicatorRecord, periodEnd: number): boolean {
  return r.finishedAt > 0 && r.finishedAt <= periodEnd;
}

/** `judge` with the calendar's clock already looked up (the loops of compute and drill-down). */
export function judgeWith(r: IndicatorRecord, periodEnd: number, clock: WorkingClock): Judgement {
  if (r.status === DOSSIER_STATUS.withdrawn || r.dueAt <= 0 || r.receivedAt <= 0) return 'excluded';
  const finished = finishedBy(r, periodEnd);
  if (r.supplementRequests > 1) return finished ? 'late' : 'openLate';
  const end = finished ? r.finishedAt : periodEnd;
  let deadline = r.dueAt;
  // A supplement wait still running at the end stops the clock: the appointment moves with it.
  if (r.pausedSince > 0 && r.pausedSince < end) deadline = clock.advance(r.dueAt, clock.between(r.pausedSince, end));
  if (finished) return end <= deadline ? 'onTime' : 'late';
  return end <= deadline ? 'openOnTime' : 'openLate';
}

/**
 * How a received dossier stands at `periodEnd` (the `end` of periodBounds). Withdrawn dossiers and
 * those without an appointment are 'excluded' (so are never-received ones, which no indicator counts).
 */
export function judge(r: IndicatorRecord, periodEnd: number, calendar: WorkingCalendar): Judgement {
  return judgeWith(r, periodEnd, workingClock(calendar));
}

/** Counted in the average processing time: processed (9) or returned (10) by the end of the period. */
export function isProcessed(r: IndicatorRecord, periodEnd: number): boolean {
  return (r.status === DOSSIER_STATUS.processed || r.status === DOSSIER_STATUS.returned) && finishedBy(r, periodEnd);
}

export function processingWorkingMsWith(r: IndicatorRecord, clock: WorkingClock): number {
  if (!(r.receivedAt > 0) || !(r.finishedAt > r.receivedAt)) return 0;
  const ms = clock.between(r.receivedAt, r.finishedAt) - r.supplementWaitMs;
  return ms > 0 ? ms : 0;
}

/** Working time from reception to the end of processing, completed supplement waits subtracted; ≥ 0 (0 when not finished). */
export function processingWorkingMs(r: IndicatorRecord, calendar: WorkingCalendar): number {
  return processingWorkingMsWith(r, workingClock(calendar));
}
