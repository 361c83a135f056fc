import { describe, expect, it } from 'vitest';
import { addDays, formatViDate, isIsoDate, weekday, weekdayNameVi } from '../../../src-shared/domain/civil-date';
import { parseClock, parseVnDateTime, vnIso, vnMidnight, vnMsOfDay } from '../../../src-shared/domain/vn-time';

describe('Vietnam local date-times', () => {
  it('parses local ISO date-times at UTC+7 and honours an explicit offset', () => {
    expect(parseVnDateTime('2026-02-12T09:00')).toBe(Date.UTC(2026, 1, 12, 2, 0));
    expect(parseVnDateTime('2026-02-12 09:00:30')).toBe(Date.UTC(2026, 1, 12, 2, 0, 30));
    expect(parseVnDateTime('2026-02-12T09:00+07:00')).toBe(Date.UTC(2026, 1, 12, 2, 0));
    expect(parseVnDateTime('2026-02-12T02:00Z')).toBe(Date.UTC(2026, 1, 12, 2, 0));
    expect(vnIso(parseVnDateTime('2026-02-12T09:00')!)).toBe('2026-02-12T09:00:00+07:00');
  });

  it('refuses impossible or malformed values instead of rolling them over', () => {
    for (const bad of ['2026-02-30T09:00', '2026-13-01T09:00', '2026-02-12T24:00', '2026-02-12T09:60', '2026-02-12', '12/02/2026 09:00', '0050-01-01T00:00', '']) {
      expect(parseVnDateTime(bad), bad).toBeUndefined();
    }
  });

  it('converts between instants, local midnight and the time of day', () => {
    expect(vnMidnight('2026-02-12')).toBe(Date.UTC(2026, 1, 11, 17, 0));
    expect(vnMsOfDay(Date.UTC(2026, 1, 11, 17, 0))).toBe(0);
    expect(vnMsOfDay(Date.UTC(2026, 1, 12, 10, 0))).toBe(17 * 3_600_000);
    expect(parseClock('07:30')).toBe(450 * 60_000);
    expect(parseClock('24:00')).toBe(86_400_000);
    expect(parseClock('7:30')).toBeUndefined();
  });

  it('does civil-date arithmetic without the host time zone', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(weekday('2026-02-17')).toBe(2);
    expect(weekdayNameVi('2026-02-14')).toBe('thứ Bảy');
    expect(formatViDate('2026-02-14')).toBe('14/02/2026');
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });
});
