/**
 * Which days the counter works (ngày làm việc) and when (giờ hành chính). Monday–Friday are working
 * days unless the year's table makes them a holiday, a compensatory day or part of the Tết break;
 * Saturday and Sunday are weekly rest days unless the table makes them a make-up workday (làm bù).
 * A year with a table uses that table alone; any other year uses the derived defaults (rules.ts).
 */
import { calendarTableSchema, type CalendarEntry, type CalendarTable } from '../../contract/calendar';
import { parseClock } from '../vn-time';
import { addDays, isWeekend, yearOf, type IsoDate } from '../civil-date';
import { deriveCalendarTable, type DerivationOptions } from './rules';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from './types';

/** An office session as milliseconds since local midnight, [start, end). */
export interface SessionMs {
  start: number;
  end: number;
}

export interface CalendarDay {
  date: IsoDate;
  working: boolean;
  /** The table entry that decided it, if any (a plain weekday or weekend has none). */
  entry?: CalendarEntry;
}

/** A day that breaks the weekly pattern: a weekday off, or a weekend day worked. */
export interface CalendarException extends CalendarEntry {
  working: boolean;
}

export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
  day(date: IsoDate): CalendarDay;
  /** Every non-working Monday–Friday and every working Saturday or Sunday of `year`, sorted, with its reason. */
  holidaysOfYear(year: number): CalendarException[];
  /** The table in force for `year`: the one given, or the derived defaults (version 0). */
  tableFor(year: number): CalendarTable;
  /** Whether `year` has a table (rather than derived defaults). */
  hasTable(year: number): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** The working day itself if `date` is one, else the next. */
  workingDayOnOrAfter(date: IsoDate): IsoDate;
  /** Office sessions, sorted, in ms since local midnight. */
  readonly sessions: readonly SessionMs[];
  /** Office time in one working day (8 h by default). */
  readonly workingMsPerDay: number;
}

/** A run of non-working days longer than this means a broken table, not a long holiday. */
const MAX_NON_WORKING_RUN = 60;

export class CalendarConfigError extends Error {
  override name = 'CalendarConfigError';
}

/** Validates office hours: at least one session, each `HH:mm`, start before end, sorted, no overlap. */
export function normaliseOfficeHours(hours: OfficeHours): SessionMs[] {
  if (hours.sessions.length === 0) throw new CalendarConfigError('Office hours need at least one session');
  const sessions = hours.sessions.map(({ start, end }) => {
    const s = parseClock(start);
    const e = parseClock(end);
    if (s === undefined || e === undefined || s >= e) {
      throw new CalendarConfigError(`Invalid office session ${start}–${end} (HH:mm, start before end)`);
    }
    return { start: s, end: e };
  });
  sessions.sort((a, b) => a.start - b.start);
  sessions.forEach((s, i) => {
    const prev = sessions[i - 1];
    if (prev && prev.end > s.start) throw new CalendarConfigError('Office sessions overlap');
  });
  return sessions;
}

export function createWorkingCalendar(
  tables: readonly CalendarTable[],
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
  derivation: DerivationOptions = {},
): WorkingCalendar {
  const sessions = normaliseOfficeHours(officeHours);
  const workingMsPerDay = sessions.reduce((sum, s) => sum + s.end - s.start, 0);

  const given = new Map<number, CalendarTable>();
  for (const raw of tables) {
    // Cheap, and catches a table built in code that skipped the loader's validation.
    const table = calendarTableSchema.parse(raw);
    if (given.has(table.year)) throw new CalendarConfigError(`Two calendar tables for ${table.year}`);
    given.set(table.year, table);
  }
  // Per-year lookups, built lazily: derived years cost a few lunar computations each.
  const byYear = new Map<number, { table: CalendarTable; entries: Map<IsoDate, CalendarEntry> }>();
  const yearData = (year: number) => {
    let data = byYear.get(year);
    if (!data) {
      const table = given.get(year) ?? deriveCalendarTable(year, derivation);
      data = { table, entries: new Map(table.entries.map((e) => [e.date, e])) };
      byYear.set(year, data);
    }
    return data;
  };

  const day = (date: IsoDate): CalendarDay => {
    const entry = yearData(yearOf(date)).entries.get(date);
    const working = entry ? entry.kind === 'makeUpWorkday' : !isWeekend(date);
    return entry ? { date, working, entry } : { date, working };
  };
  const isWorkingDay = (date: IsoDate) => day(date).working;

  const nextWorkingDay = (date: IsoDate): IsoDate => {
    let d = addDays(date, 1);
    for (let i = 0; !isWorkingDay(d); i++) {
      if (i >= MAX_NON_WORKING_RUN) throw new CalendarConfigError(`No working day within ${MAX_NON_WORKING_RUN} days after ${date}`);
      d = addDays(d, 1);
    }
    return d;
  };

  return {
    isWorkingDay,
    day,
    nextWorkingDay,
    workingDayOnOrAfter: (date) => (isWorkingDay(date) ? date : nextWorkingDay(date)),
    tableFor: (year) => yearData(year).table,
    hasTable: (year) => given.has(year),
    holidaysOfYear: (year) =>
      yearData(year)
        .table.entries.map((entry) => ({ ...entry, working: entry.kind === 'makeUpWorkday' }))
        // A holiday on a weekend changes nothing by itself (its compensatory day is listed instead).
        .filter((e) => e.working === isWeekend(e.date))
        .sort((a, b) => a.date.localeCompare(b.date)),
    sessions,
    workingMsPerDay,
  };
}
