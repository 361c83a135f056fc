import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesFolded } from '../../src-shared/domain/text';
import { vnClock, vnDay, vnIso } from '../../src-shared/domain/vn-time';
import { isAgencyId } from '../../src-shared/domain/agency';

describe('foldVietnamese', () => {
  it('removes tone and vowel marks and maps đ', () => {
    expect(foldVietnamese('Chứng thực bản sao')).toBe('chung thuc ban sao');
    expect(foldVietnamese('ĐĂNG KÝ KHAI SINH')).toBe('dang ky khai sinh');
    expect(foldVietnamese('  Hộ   tịch ')).toBe('ho tich');
  });
  it('matches every word of the query in any order', () => {
    expect(matchesFolded('2.000815 Chứng thực bản sao', 'chung thuc')).toBe(true);
    expect(matchesFolded('Chứng thực bản sao', 'sao CHỨNG')).toBe(true);
    expect(matchesFolded('Đăng ký khai sinh', 'ket hon')).toBe(false);
  });
});

describe('Vietnam time', () => {
  // 2026-11-21T17:30:00Z is 00:30 on 22/11 in Vietnam, whatever the host's time zone.
  const instant = Date.UTC(2026, 10, 21, 17, 30);
  it('computes the local day, clock and ISO form at UTC+7', () => {
    expect(vnDay(instant)).toBe('2026-11-22');
    expect(vnClock(instant)).toBe('00:30');
    expect(vnIso(instant)).toBe('2026-11-22T00:30:00+07:00');
  });
});

describe('agency identifier', () => {
  it('accepts the QCVN 102 notation only', () => {
    expect(isAgencyId('000.17.22.H56')).toBe(true);
    expect(isAgencyId('000.17.22.h56')).toBe(false);
    expect(isAgencyId('00.17.22.H56')).toBe(false);
  });
});
