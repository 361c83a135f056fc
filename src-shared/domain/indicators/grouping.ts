/**
 * Group keys of the indicator report. The report and the drill-down both use these, so the records a
 * drill-down opens are exactly the ones behind the number.
 */
import { dayNumber, formatIsoDate, isoDateOfDayNumber } from '../civil-date';
import type { IndicatorGrouping, IndicatorRecord } from './record';
import { vnDayNumber } from '../vn-time';

/** Label of a row whose key is '' (a counter or clerk another system did not record). */
export const UNKNOWN_LABEL = '—';

/** `yyyy-MM-dd` of a day number. */
export function dayKey(day: number): string {
  return isoDateOfDayNumber(day);
}

/** ISO 8601 week `yyyy-Www` (weeks start on Monday; week 1 holds the year's first Thursday) of a day number. */
export function weekKey(day: number): string {
  const mondayBased = (((day + 3) % 7) + 7) % 7; // 1970-01-01 (day 0) was a Thursday
  const thursday = day - mondayBased + 3;
  const year = Number(isoDateOfDayNumber(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumber(formatIsoDate({ year, month: 1, day: 1 }))) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The row of `by` that `r` falls in. */
export function groupKey(r: IndicatorRecord, by: IndicatorGrouping): string {
  switch (by) {
    case 'procedure':
      return r.procedureCode;
    case 'counter':
      return r.counter;
    case 'clerk':
      return r.clerk;
    case 'day':
      return dayKey(vnDayNumber(r.receivedAt));
    case 'week':
      return weekKey(vnDayNumber(r.receivedAt));
  }
}
