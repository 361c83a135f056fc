/**
 * The bench's working calendar (the bundled tables in resources/calendar, as the app loads them) and
 * office-time arithmetic for ageing the generated dossiers.
 */
import type { CalendarTable } from '../../../src-shared/contract/calendar';
import { addDays } from '../../../src-shared/domain/civil-date';
import { createWorkingCalendar, type WorkingCalendar } from '../../../src-shared/domain/calendar/working-calendar';
import { vnMidnight } from '../../../src-shared/domain/vn-time';
import cal2024 from '../../../resources/calendar/2024.json';
import cal2025 from '../../../resources/calendar/2025.json';
import cal2026 from '../../../resources/calendar/2026.json';
import cal2027 from '../../../resources/calendar/2027.json';
import type { Rand } from './random';

/** The bundled calendar tables (holidays, Tết, make-up days), as the app loads them. */
export const BENCH_CALENDAR: WorkingCalendar = createWorkingCalendar([cal2024, cal2025, cal2026, cal2027] as unknown as CalendarTable[]);

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

/**
 * Office-time arithmetic for ageing the data, on a precomputed list of working days (the app's
 * working-time functions walk the calendar day by day, which made generating 200,000 dossiers take
 * over a minute). A position is `working-day index × office ms per day + office ms into that day`.
 */
const SESSIONS = BENCH_CALENDAR.sessions;
export const workingDay = BENCH_CALENDAR.workingMsPerDay;
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
export const after = (t: number, ms: number) => instantOf(officePosition(t) + ms);
/** A random office time between `from` and `to`. */
export function randomOfficeTime(rand: Rand, from: number, to: number): number {
  const a = officePosition(from);
  const b = officePosition(to);
  return b > a ? instantOf(a + Math.floor(rand() * (b - a))) : from;
}
/** Office time between two instants. */
export const officeMsBetween = (a: number, b: number) => Math.max(0, officePosition(b) - officePosition(a));
