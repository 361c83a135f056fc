import { describe, expect, it } from 'vitest';
import { fromDvcqgDate, toDvcqgDate } from '../../../src-shared/domain/dvcqg/dates';

describe('DVCQG dates (yyyyMMddHHmmss, Vietnam time)', () => {
  it('writes Vietnam wall-clock time, whole seconds, and "" for 0', () => {
    expect(toDvcqgDate(Date.UTC(2026, 10, 18, 2, 30, 5))).toBe('20261118093005');
    // 17:30 UTC is already the next day in Vietnam.
    expect(toDvcqgDate(Date.UTC(2026, 11, 31, 17, 30))).toBe('20270101003000');
    expect(toDvcqgDate(Date.UTC(2026, 10, 18, 2, 30, 5, 999))).toBe('20261118093005');
    expect(toDvcqgDate(0)).toBe('');
  });

  it('reads them back, "" as 0', () => {
    expect(fromDvcqgDate('20261118093005')).toBe(Date.UTC(2026, 10, 18, 2, 30, 5));
    expect(fromDvcqgDate('20270101003000')).toBe(Date.UTC(2026, 11, 31, 17, 30));
    expect(fromDvcqgDate('20280229120000')).toBe(Date.UTC(2028, 1, 29, 5));
    expect(fromDvcqgDate('')).toBe(0);
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 7_777_777_000) expect(fromDvcqgDate(toDvcqgDate(t))).toBe(t);
  });

  it('refuses malformed and impossible dates', () => {
    for (const bad of ['2026111809300', '202611180930050', '2026-11-18 09:30', '20261318093000', '20261100093000', '20260230120000', '20270229120000', '20261118240000', '20261118096000', '20261118093060', '09991118093000', 'abcdefghijklmn', '2026111809300 ']) {
      expect(fromDvcqgDate(bad), bad).toBeUndefined();
    }
  });
});
