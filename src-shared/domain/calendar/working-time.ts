/**
 * Office time on the working calendar: the running clock of a dossier. Only office sessions of
 * working days count; everything else (nights, lunch, weekends, holidays) and the pauses given
 * (waiting for the applicant to supplement the dossier) is skipped.
 */
import { vnDay, vnMidnight } from '../vn-time';
import { addDays } from '../civil-date';
import type { WorkingCalendar } from './working-calendar';

/** A time interval in epoch ms, [from, to). */
export interface Interval {
  from: number;
  to: number;
}

/** Any realistic limit ends within this many calendar days; beyond it the input is wrong. */
const MAX_SCAN_DAYS = 36_600;

/** Office intervals of working days, in order, from the one containing `t` (clipped to start at `t`). */
export function* officeIntervalsFrom(calendar: WorkingCalendar, t: number): Generator<Interval> {
  let date = vnDay(t);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, date = addDays(date, 1)) {
    if (!calendar.isWorkingDay(date)) continue;
    const midnight = vnMidnight(date);
    for (const s of calendar.sessions) {
      const from = Math.max(midnight + s.start, t);
      const to = midnight + s.end;
      if (to > from) yield { from, to };
    }
  }
  throw new RangeError(`No end within ${MAX_SCAN_DAYS} days of ${new Date(t).toISOString()}`);
}

/**
 * When the clock starts for something that arrives at `t`: `t` itself inside office hours, else the
 * start of the next office session on a working day (lunch → 13:00, evening or a non-working day →
 * the next working morning). An arrival exactly at the end of a session counts as after it.
 */
export function clockStart(calendar: WorkingCalendar, t: number): number {
  const first = officeIntervalsFrom(calendar, t).next();
  if (first.done) throw new RangeError('No office time ahead');
  return first.value.from;
}

/** Office time between `a` and `b` (0 if b ≤ a), ignoring pauses. */
export function workingMsBetween(calendar: WorkingCalendar, a: number, b: number): number {
  let total = 0;
  if (b <= a) return 0;
  for (const { from, to } of officeIntervalsFrom(calendar, a)) {
    if (from >= b) break;
    total += Math.min(to, b) - from;
  }
  return total;
}

/** Pauses sorted and merged, empty and reversed ones refused by the caller beforehand. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((p) => p.to > p.from).sort((x, y) => x.from - y.from);
  const merged: Interval[] = [];
  for (const p of sorted) {
    const last = merged[merged.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ ...p });
  }
  return merged;
}

/**
 * The instant at which `budgetMs` of running office time has elapsed from `start`, not counting
 * `pauses`. When the budget runs out exactly at the end of a session the result is that end (17:00),
 * not the start of the next session. A budget of 0 returns `start`.
 */
export function advanceWorkingTime(calendar: WorkingCalendar, start: number, budgetMs: number, pauses: readonly Interval[] = []): number {
  if (!(budgetMs >= 0) || !Number.isFinite(budgetMs)) throw new RangeError(`Invalid working-time budget ${budgetMs}`);
  if (budgetMs === 0) return start;
  const merged = mergeIntervals(pauses);
  let p = 0; // first pause that may still overlap what comes next
  let remaining = budgetMs;
  for (const { from, to } of officeIntervalsFrom(calendar, start)) {
    let cur = from;
    while (p < merged.length && merged[p]!.to <= cur) p++;
    for (let q = p; q < merged.length && merged[q]!.from < to; q++) {
      const pause = merged[q]!;
      if (pause.from > cur) {
        const len = pause.from - cur;
        if (remaining <= len) return cur + remaining;
        remaining -= len;
      }
      cur = Math.max(cur, pause.to);
      if (cur >= to) break;
    }
    if (cur < to) {
      const len = to - cur;
      if (remaining <= len) return cur + remaining;
      remaining -= len;
    }
  }
  throw new RangeError('unreachable: officeIntervalsFrom never ends without throwing');
}
