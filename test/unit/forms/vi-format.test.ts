import { afterEach, describe, expect, it } from 'vitest';
import {
  COMPONENT_FORM_VI,
  formatNumber,
  viLimit,
  viLongClock,
  viLongDate,
  viLongDateOfDay,
  viLongDateTime,
  viMoney,
  viPlaceDate,
  viShortDate,
  viShortDateTime,
} from '../../../src-shared/forms/vi-format';
import { vn } from './fixtures';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

describe('Vietnamese dates and times on forms', () => {
  it('writes the long forms in Vietnam time', () => {
    const t = vn('2026-11-21T14:05');
    expect(viLongClock(t)).toBe('14 giờ 05 phút');
    expect(viLongDate(t)).toBe('ngày 21 tháng 11 năm 2026');
    expect(viLongDateTime(t)).toBe('14 giờ 05 phút, ngày 21 tháng 11 năm 2026');
    expect(viShortDate(t)).toBe('21/11/2026');
    expect(viShortDateTime(t)).toBe('14:05 21/11/2026');
  });

  it('pads days below 10 and the months 1 and 2 (Decree 30/2020), not the other months', () => {
    expect(viLongDateOfDay('2027-02-05')).toBe('ngày 05 tháng 02 năm 2027');
    expect(viLongDateOfDay('2027-01-09')).toBe('ngày 09 tháng 01 năm 2027');
    expect(viLongDateOfDay('2027-03-21')).toBe('ngày 21 tháng 3 năm 2027');
    expect(viLongClock(vn('2027-03-21T08:00'))).toBe('08 giờ 00 phút');
  });

  it('does not depend on the host time zone', () => {
    // 23:30 in Vietnam is still the previous day in UTC and two days' worth of zones behind.
    const t = vn('2026-12-31T23:30');
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh']) {
      process.env.TZ = tz;
      expect(viLongDateTime(t), tz).toBe('23 giờ 30 phút, ngày 31 tháng 12 năm 2026');
      expect(viShortDate(vn('2027-01-01T00:10')), tz).toBe('01/01/2027');
    }
  });

  it('writes the place and date line', () => {
    const t = vn('2026-11-21T09:00');
    expect(viPlaceDate('Thanh Hóa', t)).toBe('Thanh Hóa, ngày 21 tháng 11 năm 2026');
    expect(viPlaceDate(undefined, t)).toBe('Ngày 21 tháng 11 năm 2026');
  });

  it('phrases processing limits, component forms and money', () => {
    expect(viLimit({ unit: 'workingDays', value: 15 })).toBe('15 ngày làm việc');
    expect(viLimit({ unit: 'workingHours', value: 4 })).toBe('4 giờ làm việc');
    expect(viLimit({ unit: 'workingDays', value: 0.5 })).toBe('0,5 ngày làm việc');
    expect(viLimit({ unit: 'sameDay', value: 0 })).toBe('Trong ngày');
    expect(COMPONENT_FORM_VI).toEqual({
      original: 'Bản chính',
      copy: 'Bản sao',
      certifiedCopy: 'Bản sao chứng thực',
      originalOrCopy: 'Bản chính hoặc bản sao',
    });
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(viMoney(50000)).toBe('50.000 đồng');
    expect(viMoney(0)).toBe('Không thu phí, lệ phí');
  });
});
