import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoDateOfDayNumber } from '../../../src-shared/domain/civil-date';
import { hungKingsDate, lunarToSolar, lunarYearName, solarToLunar, tetDate } from '../../../src-shared/domain/calendar/lunar';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  // Published Vietnamese Tết dates (mùng 1 tháng Giêng).
  const TET: Record<number, string> = {
    2020: '2020-01-25',
    2021: '2021-02-12',
    2022: '2022-02-01',
    2023: '2023-01-22',
    2024: '2024-02-10',
    2025: '2025-01-29',
    2026: '2026-02-17',
    2027: '2027-02-06',
    2028: '2028-01-26',
    2029: '2029-02-13',
    2030: '2030-02-02',
  };
  it.each(Object.entries(TET))('Tết %s is %s', (year, date) => {
    expect(tetDate(Number(year))).toBe(date);
    expect(solarToLunar(date)).toEqual({ year: Number(year), month: 1, day: 1, leap: false });
  });

  it('gives Vietnamese, not Chinese, dates where the two differ', () => {
    // The same algorithm at UTC+8 is the Chinese calendar.
    expect(tetDate(2030)).toBe('2030-02-02');
    expect(tetDate(2030, 8)).toBe('2030-02-03');
    expect(tetDate(2007)).toBe('2007-02-17');
    expect(tetDate(2007, 8)).toBe('2007-02-18');
    // 1985: a whole month apart (month 11 differs, so the leap month falls differently).
    expect(tetDate(1985)).toBe('1985-01-21');
    expect(tetDate(1985, 8)).toBe('1985-02-20');
  });

  it.each([
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương %i is %s', (year, date) => {
    expect(hungKingsDate(year)).toBe(date);
  });

  it('knows the mid-autumn festival (15/8 âm lịch) and the last day of the year', () => {
    expect(lunarToSolar({ year: 2024, month: 8, day: 15, leap: false })).toBe('2024-09-17');
    expect(lunarToSolar({ year: 2025, month: 8, day: 15, leap: false })).toBe('2025-10-06');
    // 2024-02-08 was 29 tháng Chạp Quý Mão (the official 2024 Tết break starts "từ 29 tháng Chạp").
    expect(solarToLunar('2024-02-08')).toEqual({ year: 2023, month: 12, day: 29, leap: false });
    expect(solarToLunar('2026-02-14')).toEqual({ year: 2025, month: 12, day: 27, leap: false });
  });

  it('handles leap months (tháng nhuận)', () => {
    expect(solarToLunar('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toBe('2025-07-25');
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: false })).toBe('2025-06-25');
    expect(() => lunarToSolar({ year: 2025, month: 5, day: 1, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2026, month: 6, day: 1, leap: true })).toThrow(RangeError);
  });

  it('refuses dates that do not exist and years out of range', () => {
    // Tháng Chạp Ất Tỵ has 29 days (2026-02-16 is its last day).
    expect(lunarToSolar({ year: 2025, month: 12, day: 29, leap: false })).toBe('2026-02-16');
    expect(() => lunarToSolar({ year: 2025, month: 12, day: 30, leap: false })).toThrow(/no day 30/);
    expect(() => lunarToSolar({ year: 2025, month: 13, day: 1, leap: false })).toThrow(RangeError);
    expect(() => tetDate(1800)).toThrow(RangeError);
  });

  it('names the lunar year (can chi)', () => {
    expect(lunarYearName(2024)).toBe('Giáp Thìn');
    expect(lunarYearName(2025)).toBe('Ất Tỵ');
    expect(lunarYearName(2026)).toBe('Bính Ngọ');
    expect(lunarYearName(2027)).toBe('Đinh Mùi');
  });

  it('counts from the right new moon when the mean-lunation estimate is one moon ahead (2054-05-07 was "day 0", found by the property below)', () => {
    expect(solarToLunar('2054-05-07')).toMatchObject({ month: 3, day: 30 });
    expect(solarToLunar('2054-05-08')).toMatchObject({ month: 4, day: 1 });
  });

  it('gives a day between 1 and 30 for every day 1970–2147', () => {
    for (let n = 0; n <= 65_000; n++) {
      const date = isoDateOfDayNumber(n);
      const lunar = solarToLunar(date);
      expect(lunar.day).toBeGreaterThanOrEqual(1);
      expect(lunar.day).toBeLessThanOrEqual(30);
    }
  });

  it('round-trips solar → lunar → solar and advances one lunar day per solar day', () => {
    const day = fc.integer({ min: 0, max: 65_000 }).map(isoDateOfDayNumber); // 1970 … 2147
    fc.assert(
      fc.property(day, (date) => {
        const lunar = solarToLunar(date);
        expect(lunarToSolar(lunar)).toBe(date);
        const next = solarToLunar(addDays(date, 1));
        if (next.day !== 1) expect(next).toEqual({ ...lunar, day: lunar.day + 1 });
        else expect(lunar.day === 29 || lunar.day === 30).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
