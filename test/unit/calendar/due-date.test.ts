import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarTable } from '../../../src-shared/contract/calendar';
import { dueDate, DueDateError, type DueLimit } from '../../../src-shared/domain/calendar/due-date';
import { createWorkingCalendar } from '../../../src-shared/domain/calendar/working-calendar';
import { clockStart, workingMsBetween } from '../../../src-shared/domain/calendar/working-time';
import { parseVnDateTime, vnDay, vnIso, vnMidnight, vnMsOfDay } from '../../../src-shared/domain/vn-time';
import { loadCalendarTables } from '../../../src-main/services/calendar-tables';
import { projectRoot } from '../../../src-main/services/paths';

const calendar = createWorkingCalendar(await loadCalendarTables(path.join(projectRoot(), 'resources')));

function at(local: string): number {
  const t = parseVnDateTime(local);
  if (t === undefined) throw new Error(`bad test date ${local}`);
  return t;
}
const days = (value: number): DueLimit => ({ unit: 'workingDays', value });
const hours = (value: number): DueLimit => ({ unit: 'workingHours', value });
const sameDay: DueLimit = { unit: 'sameDay', value: 0 };
const due = (from: string, limit: DueLimit, pauses: [string, string][] = [], config?: { sameDayCutoff: string }) =>
  vnIso(dueDate({ receivedAt: at(from), limit, pauses: pauses.map(([a, b]) => ({ from: at(a), to: at(b) })) }, calendar, config));

describe('due date: working days', () => {
  it('counts from the next working day and ends at the close of office hours of day N', () => {
    // Monday 2/3/2026 → Tue (1), Wed (2), Thu (3).
    expect(due('2026-03-02T10:00', days(3))).toBe('2026-03-05T17:00:00+07:00');
    expect(due('2026-03-02T16:59', days(3))).toBe('2026-03-05T17:00:00+07:00');
    expect(due('2026-03-02T06:00', days(3))).toBe('2026-03-05T17:00:00+07:00'); // before opening: still that day
    expect(due('2026-03-02T12:00', days(1))).toBe('2026-03-03T17:00:00+07:00'); // lunch break
  });

  it('treats a reception after hours or on a non-working day as received the next working morning', () => {
    expect(due('2026-03-02T17:00', days(3))).toBe('2026-03-06T17:00:00+07:00');
    expect(due('2026-03-02T20:30', days(3))).toBe('2026-03-06T17:00:00+07:00');
    expect(due('2026-03-07T09:00', days(3))).toBe('2026-03-12T17:00:00+07:00'); // Saturday → Monday is day 0
  });

  it('skips the Tết break', () => {
    // Thursday 12/2/2026: Fri 13/2 is day 1, then 14–22/2 off, Mon 23/2 day 2, Tue 24/2 day 3.
    expect(due('2026-02-12T09:00', days(3))).toBe('2026-02-24T17:00:00+07:00');
    // Friday 24/1/2025 with 1 day: the break runs 25/1–2/2, so day 1 is Monday 3/2.
    expect(due('2025-01-24T10:00', days(1))).toBe('2025-02-03T17:00:00+07:00');
    // 2024: received Wednesday 7/2, the break is 8–14/2.
    expect(due('2024-02-07T10:00', days(2))).toBe('2024-02-16T17:00:00+07:00');
  });

  it('skips compensatory days and counts make-up Saturdays', () => {
    // Giỗ Tổ 2026 on Sunday 26/4 → Monday 27/4 off; received Friday 24/4.
    expect(due('2026-04-24T09:00', days(1))).toBe('2026-04-28T17:00:00+07:00');
    // Saturday 10/1/2026 is a make-up workday in the shipped table (uncertain entry, tested as data).
    expect(due('2026-01-09T09:00', days(1))).toBe('2026-01-10T17:00:00+07:00');
    // The same with a synthetic table, independent of the shipped data.
    const table: CalendarTable = {
      year: 2030,
      version: 1,
      source: 'test',
      entries: [
        { date: '2030-03-09', kind: 'makeUpWorkday', reason: 'Làm bù', certainty: 'verified' },
        { date: '2030-03-11', kind: 'compensatory', reason: 'Nghỉ hoán đổi', certainty: 'verified' },
      ],
    };
    const synthetic = createWorkingCalendar([table]);
    const d = (from: string, n: number) => vnIso(dueDate({ receivedAt: at(from), limit: days(n) }, synthetic));
    expect(d('2030-03-08T09:00', 1)).toBe('2030-03-09T17:00:00+07:00'); // Friday → make-up Saturday
    expect(d('2030-03-08T09:00', 2)).toBe('2030-03-12T17:00:00+07:00'); // Sunday and swapped Monday skipped
    expect(d('2030-03-09T09:00', 1)).toBe('2030-03-12T17:00:00+07:00'); // received on the make-up Saturday
  });
});

describe('due date: working hours', () => {
  it('counts office time only, across the lunch break', () => {
    expect(due('2026-03-03T10:00', hours(4))).toBe('2026-03-03T15:30:00+07:00');
    expect(due('2026-03-03T09:30', hours(2))).toBe('2026-03-03T11:30:00+07:00'); // ends at 11:30, not 13:00
    expect(due('2026-03-03T12:00', hours(1))).toBe('2026-03-03T14:00:00+07:00'); // received at lunch
    expect(due('2026-03-03T07:30', hours(8))).toBe('2026-03-03T17:00:00+07:00');
    expect(due('2026-03-03T10:00', hours(0.5))).toBe('2026-03-03T10:30:00+07:00');
  });

  it('continues after a weekend and after holidays', () => {
    expect(due('2026-03-06T15:00', hours(4))).toBe('2026-03-09T09:30:00+07:00'); // Friday → Monday
    expect(due('2026-03-07T10:00', hours(2))).toBe('2026-03-09T09:30:00+07:00'); // Saturday → Monday morning
    expect(due('2026-04-29T16:00', hours(2))).toBe('2026-05-04T08:30:00+07:00'); // 30/4, 1/5, weekend
  });
});

describe('due date: same day and the 15:00 rule', () => {
  it('is due at the close of the reception day, or of the next working day after 15:00', () => {
    expect(due('2026-03-03T14:59', sameDay)).toBe('2026-03-03T17:00:00+07:00');
    expect(due('2026-03-03T15:00', sameDay)).toBe('2026-03-03T17:00:00+07:00'); // exactly 15:00 is not after
    expect(due('2026-03-03T15:01', sameDay)).toBe('2026-03-04T17:00:00+07:00');
    expect(due('2026-03-06T15:30', sameDay)).toBe('2026-03-09T17:00:00+07:00'); // Friday → Monday
    expect(due('2026-03-03T18:00', sameDay)).toBe('2026-03-04T17:00:00+07:00'); // after hours
    expect(due('2026-03-07T10:00', sameDay)).toBe('2026-03-09T17:00:00+07:00'); // Saturday
    expect(due('2026-03-03T06:45', sameDay)).toBe('2026-03-03T17:00:00+07:00'); // before opening
  });

  it('takes the cut-off from the configuration', () => {
    expect(due('2026-03-03T15:30', sameDay, [], { sameDayCutoff: '16:00' })).toBe('2026-03-03T17:00:00+07:00');
    expect(() => due('2026-03-03T15:30', sameDay, [], { sameDayCutoff: '4pm' })).toThrow(DueDateError);
  });
});

describe('due date: supplement pauses', () => {
  it('moves the due date by the office time the pause covers', () => {
    // Base: Monday 2/3 10:00 + 3 days → Thursday 5/3 17:00.
    expect(due('2026-03-02T10:00', days(3), [['2026-03-03T07:30', '2026-03-04T07:30']])).toBe('2026-03-06T17:00:00+07:00'); // one full day
    expect(due('2026-03-02T10:00', days(3), [['2026-03-03T13:00', '2026-03-03T17:00']])).toBe('2026-03-06T11:30:00+07:00'); // 4 h
    expect(due('2026-03-02T10:00', days(3), [['2026-03-07T00:00', '2026-03-09T00:00']])).toBe('2026-03-05T17:00:00+07:00'); // weekend only
    expect(due('2026-03-02T10:00', days(3), [['2026-03-02T13:00', '2026-03-02T17:00']])).toBe('2026-03-05T17:00:00+07:00'); // day 0 is not counted
    expect(due('2026-03-03T10:00', hours(4), [['2026-03-03T10:30', '2026-03-03T11:00']])).toBe('2026-03-03T16:00:00+07:00');
    expect(due('2026-03-03T10:00', sameDay, [['2026-03-03T14:00', '2026-03-04T09:00']])).toBe('2026-03-04T13:30:00+07:00'); // 3 h + 1.5 h paused
  });

  it('merges overlapping pauses and refuses reversed ones', () => {
    expect(
      due('2026-03-02T10:00', days(3), [
        ['2026-03-03T07:30', '2026-03-03T17:00'],
        ['2026-03-03T13:00', '2026-03-04T07:30'],
      ]),
    ).toBe('2026-03-06T17:00:00+07:00');
    expect(() => due('2026-03-02T10:00', days(3), [['2026-03-04T07:30', '2026-03-03T07:30']])).toThrow(DueDateError);
  });

  it('refuses limits that are not positive', () => {
    expect(() => due('2026-03-02T10:00', days(0))).toThrow(DueDateError);
    expect(() => due('2026-03-02T10:00', days(1.5))).toThrow(DueDateError);
    expect(() => due('2026-03-02T10:00', hours(-1))).toThrow(DueDateError);
  });
});

describe('due date: properties', () => {
  // Any instant in 2024–2028 (shipped tables and derived years), on minute boundaries.
  const instant = fc.integer({ min: at('2024-01-01T00:00') / 60_000, max: at('2028-12-31T23:59') / 60_000 }).map((m) => m * 60_000);
  const limit: fc.Arbitrary<DueLimit> = fc.oneof(
    fc.integer({ min: 1, max: 40 }).map(days),
    fc.integer({ min: 1, max: 300 }).map((q) => hours(q / 4)),
    fc.constant(sameDay),
  );
  const pause = (base: number) =>
    fc.tuple(fc.integer({ min: -3 * 86_400_000, max: 30 * 86_400_000 }), fc.integer({ min: 0, max: 10 * 86_400_000 })).map(([offset, len]) => ({
      from: base + offset,
      to: base + offset + len,
    }));
  const runs = { numRuns: 300 };

  it('is monotone in the limit', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 160 }), (t, n, q) => {
        expect(dueDate({ receivedAt: t, limit: days(n + 1) }, calendar)).toBeGreaterThan(dueDate({ receivedAt: t, limit: days(n) }, calendar));
        expect(dueDate({ receivedAt: t, limit: hours(q + 1) }, calendar)).toBeGreaterThan(dueDate({ receivedAt: t, limit: hours(q) }, calendar));
      }),
      runs,
    );
  });

  it('always falls on a working day, inside office hours, after reception', () => {
    fc.assert(
      fc.property(instant, limit, (t, l) => {
        const d = dueDate({ receivedAt: t, limit: l }, calendar);
        expect(d).toBeGreaterThan(t);
        expect(calendar.isWorkingDay(vnDay(d))).toBe(true);
        const ms = vnMsOfDay(d);
        expect(calendar.sessions.some((s) => ms > s.start && ms <= s.end)).toBe(true);
        if (l.unit === 'workingDays') expect(vnMsOfDay(d)).toBe(17 * 3_600_000);
        if (l.unit === 'workingHours') expect(workingMsBetween(calendar, clockStart(calendar, t), d)).toBe(l.value * 3_600_000);
      }),
      runs,
    );
  });

  it('never gets earlier when a pause is added, and moves by exactly the office time paused before it', () => {
    fc.assert(
      fc.property(
        instant.chain((t) => fc.tuple(fc.constant(t), limit, pause(t))),
        ([t, l, p]) => {
          const base = dueDate({ receivedAt: t, limit: l }, calendar);
          const paused = dueDate({ receivedAt: t, limit: l, pauses: [p] }, calendar);
          expect(paused).toBeGreaterThanOrEqual(base);
          // Office time from the clock's start to the new due date = the budget + the office time paused in between.
          const clock = clockStart(calendar, t);
          const start = l.unit === 'workingDays' ? vnMidnight(calendar.nextWorkingDay(vnDay(clock))) + calendar.sessions[0]!.start : clock;
          const pausedInside = workingMsBetween(calendar, Math.max(p.from, start), Math.min(p.to, paused));
          expect(workingMsBetween(calendar, start, paused) - pausedInside).toBe(workingMsBetween(calendar, start, base));
        },
      ),
      runs,
    );
  });
});
