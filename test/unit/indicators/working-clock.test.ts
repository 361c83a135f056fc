import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../src-shared/domain/calendar/working-calendar';
import { advanceWorkingTime, workingMsBetween } from '../../../src-shared/domain/calendar/working-time';
import { WorkingClock } from '../../../src-shared/domain/indicators/working-clock';
import { dayKey, weekKey } from '../../../src-shared/domain/indicators/grouping';
import { dayNumber } from '../../../src-shared/domain/civil-date';
import { vnDay, vnDayNumber } from '../../../src-shared/domain/vn-time';
import { officialCalendar } from '../lifecycle/fixtures';
import { at } from './fixtures';

const calendar = await officialCalendar();
const HOUR = 3_600_000;

// 2025-06-01 … 2027-06-30, minute-aligned and arbitrary instants alike.
const FIRST = at('2025-06-01T00:00');
const LAST = at('2027-06-30T00:00');
const instant = fc.oneof(
  fc.integer({ min: FIRST, max: LAST }),
  fc.integer({ min: FIRST / 60_000, max: LAST / 60_000 }).map((m) => m * 60_000),
);

describe('the cached working clock equals the generic working-time functions', () => {
  it('between = workingMsBetween on the official calendar', () => {
    const clock = new WorkingClock(calendar);
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(clock.between(a, b)).toBe(workingMsBetween(calendar, a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('advance = advanceWorkingTime on the official calendar', () => {
    const clock = new WorkingClock(calendar);
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 400 * HOUR }), (start, budget) => {
        expect(clock.advance(start, budget)).toBe(advanceWorkingTime(calendar, start, budget));
      }),
      { numRuns: 2000 },
    );
  });

  it('holds for other office hours too (three sessions, one ending at 24:00)', () => {
    const odd = createWorkingCalendar([], { sessions: [{ start: '06:00', end: '11:00' }, { start: '13:30', end: '17:15' }, { start: '22:00', end: '24:00' }] });
    const clock = new WorkingClock(odd);
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 200 * HOUR }), (a, b, budget) => {
        expect(clock.between(a, b)).toBe(workingMsBetween(odd, a, b));
        expect(clock.advance(a, budget)).toBe(advanceWorkingTime(odd, a, budget));
      }),
      { numRuns: 300 },
    );
  });

  it('ends a budget that runs out at the close of a session at 17:00, not at the next opening', () => {
    const clock = new WorkingClock(calendar);
    // Mon 31/08/2026 09:00 + 6.5 h = 17:00 the same day; the two holidays 01–02/09 are skipped after.
    expect(clock.advance(at('2026-08-31T09:00'), 6.5 * HOUR)).toBe(at('2026-08-31T17:00'));
    expect(clock.advance(at('2026-08-31T09:00'), 7 * HOUR)).toBe(at('2026-09-03T08:00'));
    expect(clock.between(at('2026-08-31T17:00'), at('2026-09-03T07:30'))).toBe(0);
  });

  it('grows its table in both directions on demand', () => {
    const clock = new WorkingClock(calendar);
    expect(clock.between(at('2026-09-03T07:30'), at('2026-09-03T17:00'))).toBe(8 * HOUR);
    expect(clock.between(at('2024-01-02T07:30'), at('2024-01-02T17:00'))).toBe(8 * HOUR);
    expect(clock.between(at('2024-01-02T07:30'), at('2027-12-31T17:00'))).toBe(workingMsBetween(calendar, at('2024-01-02T07:30'), at('2027-12-31T17:00')));
    // A fresh clock reads the later instant first, then grows backwards for the earlier one.
    const fresh = new WorkingClock(calendar);
    expect(fresh.between(at('2024-03-01T10:00'), at('2026-09-03T10:00'))).toBe(workingMsBetween(calendar, at('2024-03-01T10:00'), at('2026-09-03T10:00')));
    expect(() => clock.between(Number.NaN, 1)).toThrow(RangeError);
    expect(() => clock.advance(at('2026-09-03T07:30'), -1)).toThrow(RangeError);
  });
});

describe('day and ISO week keys', () => {
  it('day keys are the Vietnam-time day of the instant', () => {
    for (const t of [at('2026-09-01T00:00'), at('2026-09-01T06:59'), at('2026-08-31T23:59'), at('2026-12-31T23:59:59')]) {
      expect(dayKey(vnDayNumber(t))).toBe(vnDay(t));
    }
  });

  it('weeks start on Monday and belong to the year of their Thursday', () => {
    const week = (d: string) => weekKey(dayNumber(d));
    expect(week('2026-08-31')).toBe('2026-W36'); // Monday, the week spans August and September
    expect(week('2026-09-06')).toBe('2026-W36'); // Sunday
    expect(week('2026-09-07')).toBe('2026-W37');
    expect(week('2025-12-29')).toBe('2026-W01');
    expect(week('2026-01-01')).toBe('2026-W01');
    expect(week('2026-12-28')).toBe('2026-W53'); // 2026 has 53 ISO weeks (it starts on a Thursday)
    expect(week('2027-01-03')).toBe('2026-W53');
    expect(week('2027-01-04')).toBe('2027-W01');
    expect(week('2021-01-03')).toBe('2020-W53');
  });
});
