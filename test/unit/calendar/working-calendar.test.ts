import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CalendarTable } from '../../../src-shared/contract/calendar';
import { createWorkingCalendar, CalendarConfigError } from '../../../src-shared/domain/calendar/working-calendar';
import { loadCalendarTables } from '../../../src-main/services/calendar-tables';
import { projectRoot } from '../../../src-main/services/paths';

const shipped = await loadCalendarTables(path.join(projectRoot(), 'resources'));
const calendar = createWorkingCalendar(shipped);

describe('working calendar', () => {
  it('works Monday–Friday and rests on Saturday and Sunday by default', () => {
    expect(calendar.isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-03-09')).toBe(true); // Monday
  });

  it('takes holidays, compensatory days and the Tết break off, and works make-up Saturdays', () => {
    expect(calendar.day('2026-04-30')).toMatchObject({ working: false, entry: { kind: 'holiday' } });
    expect(calendar.day('2026-04-27')).toMatchObject({ working: false, entry: { kind: 'compensatory' } }); // for Sunday 26/4
    expect(calendar.day('2026-02-18')).toMatchObject({ working: false, entry: { kind: 'tetBreak' } });
    expect(calendar.day('2026-01-10')).toMatchObject({ working: true, entry: { kind: 'makeUpWorkday' } }); // Saturday
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(calendar.workingDayOnOrAfter('2026-02-13')).toBe('2026-02-13');
  });

  it('lists every non-working weekday and every working Saturday of 2026 with its reason', () => {
    const days = calendar.holidaysOfYear(2026);
    expect(days.map((d) => d.date)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-10',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(days.find((d) => d.date === '2026-01-10')).toMatchObject({ working: true, reason: expect.stringContaining('Làm bù') });
    expect(days.every((d) => d.reason.length > 0)).toBe(true);
  });

  it('uses the derived defaults for a year without a table, and a table alone when there is one', () => {
    expect(calendar.hasTable(2030)).toBe(false);
    expect(calendar.tableFor(2030).version).toBe(0);
    // Tết 2030 is Saturday 2/2: 31/1 and 1/2 before, mùng 1–3 after, two compensatory days after that.
    expect(calendar.holidaysOfYear(2030).filter((d) => d.date < '2030-03-01').map((d) => d.date)).toEqual([
      '2030-01-01',
      '2030-01-31',
      '2030-02-01',
      '2030-02-04',
      '2030-02-05',
      '2030-02-06',
    ]);
    // A custom table for 2030 replaces the defaults entirely.
    const custom: CalendarTable = {
      year: 2030,
      version: 3,
      source: 'test',
      entries: [{ date: '2030-03-09', kind: 'makeUpWorkday', reason: 'Làm bù', certainty: 'verified' }],
    };
    const withCustom = createWorkingCalendar([custom]);
    expect(withCustom.isWorkingDay('2030-01-01')).toBe(true);
    expect(withCustom.isWorkingDay('2030-03-09')).toBe(true);
    expect(() => createWorkingCalendar([custom, custom])).toThrow(CalendarConfigError);
  });

  it('takes configurable office hours (default 07:30–11:30, 13:00–17:00 = 8 h)', () => {
    expect(calendar.workingMsPerDay).toBe(8 * 3_600_000);
    const custom = createWorkingCalendar([], { sessions: [{ start: '13:30', end: '17:00' }, { start: '08:00', end: '12:00' }] });
    expect(custom.sessions.map((s) => s.start / 60_000)).toEqual([480, 810]);
    expect(custom.workingMsPerDay).toBe(7.5 * 3_600_000);
    expect(() => createWorkingCalendar([], { sessions: [] })).toThrow(CalendarConfigError);
    expect(() => createWorkingCalendar([], { sessions: [{ start: '12:00', end: '11:00' }] })).toThrow(CalendarConfigError);
    expect(() => createWorkingCalendar([], { sessions: [{ start: '7:30', end: '11:00' }] })).toThrow(CalendarConfigError);
    expect(() =>
      createWorkingCalendar([], { sessions: [{ start: '07:30', end: '12:00' }, { start: '11:00', end: '17:00' }] }),
    ).toThrow(/overlap/);
  });
});
