/**
 * The appointment date (ngày hẹn trả kết quả) of a dossier: reception time + the procedure's limit on
 * the working calendar, minus the time spent waiting for the applicant to supplement the dossier.
 * Conventions (docs/calendar.md explains each):
 *
 * - **Working days.** Counted as the Civil Code counts periods in days (Bộ luật Dân sự 2015, Art. 147:
 *   the day of the event is not counted): day 1 is the first working day after the reception day, and
 *   the dossier is due at the end of office hours of day N. Received on working day D with a limit of
 *   3 working days ⇒ due at 17:00 on the 3rd working day after D.
 *   The reception day is the day the clock starts: a reception in the evening or on a non-working day
 *   counts as received the next working morning, so it gets that whole next day as its day 0.
 * - **Working hours.** Only office time counts, from the reception instant (or the next office
 *   session if it arrived outside one).
 * - **Same day.** Due at the end of office hours of the reception day; received after the cut-off
 *   (15:00 by default; exactly 15:00 is not after) ⇒ due at the end of the next working day.
 * - **Pauses** (chờ bổ sung hồ sơ) stop the clock: the due date moves later by the office time they
 *   cover after the clock started. For working-day limits too the shift is exact office time, so a
 *   4-hour pause moves a 17:00 due time to 11:30 of the next working day (not to a whole day later).
 */
import { parseClock, vnDay, vnMidnight, vnMsOfDay } from '../vn-time';
import type { WorkingCalendar } from './working-calendar';
import { advanceWorkingTime, clockStart, workingMsBetween, type Interval } from './working-time';

export type LimitUnit = 'workingDays' | 'workingHours' | 'sameDay';

/** Same shape as a procedure's `limit` in the catalog; `value` is ignored for 'sameDay'. */
export interface DueLimit {
  unit: LimitUnit;
  value: number;
}

export interface DueDateInput {
  /** Valid reception (tiếp nhận hồ sơ hợp lệ), epoch ms. */
  receivedAt: number;
  limit: DueLimit;
  /** Clock stops (waiting for a supplement), epoch ms, [from, to). */
  pauses?: readonly Interval[];
}

export interface DueDateConfig {
  /** `HH:mm`: same-day dossiers received after it are due the next working day. */
  sameDayCutoff: string;
}

export const DEFAULT_DUE_DATE_CONFIG: DueDateConfig = { sameDayCutoff: '15:00' };

export class DueDateError extends RangeError {
  override name = 'DueDateError';
}

const HOUR_MS = 3_600_000;

function endOfOfficeDay(calendar: WorkingCalendar, date: string): number {
  const last = calendar.sessions[calendar.sessions.length - 1];
  if (!last) throw new DueDateError('No office sessions');
  return vnMidnight(date) + last.end;
}

function startOfOfficeDay(calendar: WorkingCalendar, date: string): number {
  const first = calendar.sessions[0];
  if (!first) throw new DueDateError('No office sessions');
  return vnMidnight(date) + first.start;
}

function checkInput({ receivedAt, limit, pauses = [] }: DueDateInput): void {
  if (!Number.isFinite(receivedAt)) throw new DueDateError('receivedAt must be a finite epoch-ms value');
  if (limit.unit === 'workingDays' && !(Number.isInteger(limit.value) && limit.value > 0)) {
    throw new DueDateError(`A working-day limit must be a positive whole number, not ${limit.value}`);
  }
  if (limit.unit === 'workingHours' && !(Number.isFinite(limit.value) && limit.value > 0)) {
    throw new DueDateError(`A working-hour limit must be a positive number, not ${limit.value}`);
  }
  for (const p of pauses) {
    if (!Number.isFinite(p.from) || !Number.isFinite(p.to) || p.to < p.from) {
      throw new DueDateError('Each pause needs finite from ≤ to');
    }
  }
}

/** The due instant (epoch ms) of a dossier. */
export function dueDate(input: DueDateInput, calendar: WorkingCalendar, config: DueDateConfig = DEFAULT_DUE_DATE_CONFIG): number {
  checkInput(input);
  const { receivedAt, limit, pauses = [] } = input;
  const start = clockStart(calendar, receivedAt);
  const receptionDay = vnDay(start);

  switch (limit.unit) {
    case 'workingHours':
      return advanceWorkingTime(calendar, start, limit.value * HOUR_MS, pauses);

    case 'workingDays': {
      // Day 1 begins the morning of the next working day; N full office days run to 17:00 of day N.
      const countFrom = startOfOfficeDay(calendar, calendar.nextWorkingDay(receptionDay));
      return advanceWorkingTime(calendar, countFrom, limit.value * calendar.workingMsPerDay, pauses);
    }

    case 'sameDay': {
      const cutoff = parseClock(config.sameDayCutoff);
      if (cutoff === undefined) throw new DueDateError(`Invalid same-day cut-off '${config.sameDayCutoff}' (HH:mm)`);
      const day = vnMsOfDay(start) > cutoff ? calendar.nextWorkingDay(receptionDay) : receptionDay;
      const base = endOfOfficeDay(calendar, day);
      return advanceWorkingTime(calendar, start, workingMsBetween(calendar, start, base), pauses);
    }

    default: {
      const unknown: never = limit.unit;
      throw new DueDateError(`Unknown limit unit ${String(unknown)}`);
    }
  }
}
