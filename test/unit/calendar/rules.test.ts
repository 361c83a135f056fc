import { describe, expect, it } from 'vitest';
import { calendarTableSchema } from '../../../src-shared/contract/calendar';
import { datesBetween, isWeekend, weekday } from '../../../src-shared/domain/civil-date';
import { compensatoryDays, deriveCalendarTable, nationalDayCompanion } from '../../../src-shared/domain/calendar/rules';

/** The weekdays a table takes off (what matters for counting). */
function weekdaysOff(year: number, from: string, to: string, options = {}): string[] {
  return deriveCalendarTable(year, options)
    .entries.filter((e) => e.kind !== 'makeUpWorkday' && !isWeekend(e.date) && e.date >= from && e.date <= to)
    .map((e) => e.date);
}
const weekdaysIn = (from: string, to: string) => datesBetween(from, to).filter((d) => !isWeekend(d));

describe('derived defaults (Labour Code 2019, Art. 112)', () => {
  it('lists the statutory holidays with their certainty', () => {
    const t = deriveCalendarTable(2027);
    expect(calendarTableSchema.parse(t)).toEqual(t);
    const byDate = new Map(t.entries.map((e) => [e.date, e]));
    for (const d of ['2027-01-01', '2027-04-30', '2027-05-01', '2027-09-02']) {
      expect(byDate.get(d)).toMatchObject({ kind: 'holiday', certainty: 'verified' });
    }
    expect(byDate.get('2027-04-16')).toMatchObject({ kind: 'holiday', certainty: 'derived', reason: expect.stringContaining('Giỗ Tổ') });
    expect(t.entries.filter((e) => e.kind === 'tetBreak')).toHaveLength(5);
    expect(t.entries.every((e) => e.certainty !== 'uncertain')).toBe(true);
    expect(t.version).toBe(0);
  });

  it('default Tết (2 days before mùng 1, mùng 1–3, plus compensation) reproduces the verified civil-service breaks', () => {
    expect(weekdaysOff(2024, '2024-01-15', '2024-03-15')).toEqual(weekdaysIn('2024-02-08', '2024-02-14'));
    expect(weekdaysOff(2025, '2025-01-15', '2025-03-15')).toEqual(weekdaysIn('2025-01-25', '2025-02-02'));
    expect(weekdaysOff(2026, '2026-01-15', '2026-03-15')).toEqual(weekdaysIn('2026-02-14', '2026-02-22'));
  });

  it('… and the 2020–2023 breaks as remembered from the published decisions [M, not re-verified]', () => {
    expect(weekdaysOff(2020, '2020-01-15', '2020-03-15')).toEqual(weekdaysIn('2020-01-23', '2020-01-29'));
    expect(weekdaysOff(2021, '2021-01-15', '2021-03-15')).toEqual(weekdaysIn('2021-02-10', '2021-02-16'));
    expect(weekdaysOff(2022, '2022-01-15', '2022-03-15')).toEqual(weekdaysIn('2022-01-29', '2022-02-06'));
    expect(weekdaysOff(2023, '2023-01-15', '2023-03-15')).toEqual(weekdaysIn('2023-01-20', '2023-01-26'));
  });

  it('"last day of the year + mùng 1–4" is available as an option but misses 2024', () => {
    expect(weekdaysOff(2024, '2024-01-15', '2024-03-15', { tetDaysBefore: 1 })).toEqual(weekdaysIn('2024-02-09', '2024-02-15'));
    expect(() => deriveCalendarTable(2024, { tetDaysBefore: 6 })).toThrow(RangeError);
  });

  it('picks the day beside 2/9 that joins a weekend', () => {
    // 2021 Thu → 3/9, 2022 Fri → 1/9, 2023 Sat → 1/9, 2024 Mon → 3/9, 2025 Tue → 1/9, 2026 Wed → 1/9,
    // 2029 Sun → 3/9 (1/9 would be a Saturday).
    const picks = [2021, 2022, 2023, 2024, 2025, 2026, 2029].map(nationalDayCompanion);
    expect(picks).toEqual(['2021-09-03', '2022-09-01', '2023-09-01', '2024-09-03', '2025-09-01', '2026-09-01', '2029-09-03']);
    expect(weekday('2029-09-02')).toBe(0);
  });

  it('gives a holiday on a weekly rest day back on the next working day (Art. 112(3))', () => {
    // 2022: 30/4 Saturday and 1/5 Sunday → Monday 2/5 and Tuesday 3/5.
    expect(compensatoryDays([{ date: '2022-04-30', reason: '30/4' }, { date: '2022-05-01', reason: '1/5' }]).map((e) => e.date)).toEqual([
      '2022-05-02',
      '2022-05-03',
    ]);
    // 2026: Giỗ Tổ on Sunday 26/4 → Monday 27/4.
    const t2026 = deriveCalendarTable(2026);
    expect(t2026.entries.find((e) => e.date === '2026-04-27')).toMatchObject({ kind: 'compensatory', certainty: 'derived' });
    // 2028: 1/1 on Saturday → Monday 3/1; 2/9 on Saturday → Monday 4/9 (1/9 Friday is the day beside).
    const t2028 = deriveCalendarTable(2028);
    expect(t2028.entries.filter((e) => e.kind === 'compensatory').map((e) => e.date)).toContain('2028-01-03');
    expect(t2028.entries.filter((e) => e.kind === 'compensatory').map((e) => e.date)).toContain('2028-09-04');
  });

  it('derives a valid table for every supported year, with 11 statutory days and compensation on weekdays', () => {
    for (let year = 1968; year <= 2199; year++) {
      const t = calendarTableSchema.parse(deriveCalendarTable(year));
      const statutory = t.entries.filter((e) => e.kind !== 'compensatory');
      const compensatory = t.entries.filter((e) => e.kind === 'compensatory');
      expect(statutory).toHaveLength(11);
      expect(compensatory).toHaveLength(statutory.filter((e) => isWeekend(e.date)).length);
      expect(compensatory.every((e) => !isWeekend(e.date))).toBe(true);
    }
  });
});
