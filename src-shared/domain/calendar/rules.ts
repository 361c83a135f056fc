/**
 * Default holidays for a year nobody has entered a table for, derived from the Labour Code 2019,
 * Art. 112 (Bộ luật Lao động 2019, Điều 112). The real calendar is decided yearly by the Prime
 * Minister (the Tết break, the day beside 2/9, day swaps), so every rule-made entry is tagged
 * 'derived' — except the fixed statutory dates, which the law itself names ('verified').
 */
import type { CalendarEntry, CalendarTable } from '../../contract/calendar';
import { addDays, formatViDate, isWeekend, weekday, weekdayNameVi, type IsoDate } from '../civil-date';
import { hungKingsDate, lunarYearName, solarToLunar, tetDate } from './lunar';

/** Days of Tết Nguyên Đán granted by Art. 112(1)(b). */
export const TET_DAYS = 5;

const LUNAR_DAY_NAME = (day: number) => (day <= 10 ? `mùng ${day}` : `${day}`);

/**
 * How the 5 Tết days sit around mùng 1: `daysBefore` last days of the old lunar year, the rest from
 * mùng 1 on. The default is 2 (two days before, mùng 1–3 after): with Art. 112(3) compensation it
 * reproduces every civil-service break 2020–2026, including the three verified ones (2024: 08–14/02,
 * 2025: 25/01–02/02, 2026: 14–22/02), whereas 1 day before + mùng 1–4 contradicts 2024 and 2025 (it
 * gives 09–15/02/2024 and 28/01–03/02/2025). It stays a default: the Prime Minister decides each year.
 */
export interface DerivationOptions {
  tetDaysBefore?: number;
}

export const DEFAULT_TET_DAYS_BEFORE = 2;

/** The default Tết days of `year`, before compensation. */
export function defaultTetDays(year: number, daysBefore: number = DEFAULT_TET_DAYS_BEFORE): IsoDate[] {
  if (!Number.isInteger(daysBefore) || daysBefore < 0 || daysBefore > TET_DAYS) {
    throw new RangeError(`tetDaysBefore must be an integer 0–${TET_DAYS}, not ${daysBefore}`);
  }
  const tet = tetDate(year);
  return Array.from({ length: TET_DAYS }, (_, i) => addDays(tet, i - daysBefore));
}

/**
 * The day that goes with Quốc khánh 2/9 ("02 ngày: 02/9 và 01 ngày liền kề trước hoặc sau"). The
 * government has picked it to join the holiday to a weekend where it can: 1/9 (the eve) when that is
 * a weekday, except when 2/9 is a Thursday, where 3/9 (Friday) joins the weekend; when 1/9 is itself a
 * Saturday or Sunday (2/9 on Sunday or Monday) it is 3/9. Matches the choices of 2021–2025 (2021 Thu→3/9,
 * 2022 Fri→1/9, 2023 Sat→1/9, 2024 Mon→3/9, 2025 Tue→1/9) and the 2026 proposal (Wed→1/9).
 */
export function nationalDayCompanion(year: number): IsoDate {
  const nationalDay = `${year}-09-02`;
  const eve = `${year}-09-01`;
  return weekday(nationalDay) === 4 || isWeekend(eve) ? `${year}-09-03` : eve;
}

/**
 * Art. 112(3): a holiday that falls on a weekly rest day is given back on the next working day
 * ("được nghỉ bù vào ngày làm việc kế tiếp"). Holidays are taken in date order and each gets the first
 * later weekday that is neither a holiday nor already given back, so a run (Tết) pushes its
 * compensatory days past its end.
 */
export function compensatoryDays(holidays: readonly Pick<CalendarEntry, 'date' | 'reason'>[]): CalendarEntry[] {
  const taken = new Set(holidays.map((h) => h.date));
  const out: CalendarEntry[] = [];
  for (const holiday of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(holiday.date)) continue;
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    out.push({
      date: day,
      kind: 'compensatory',
      reason: `Nghỉ bù ${holiday.reason}, trùng ${weekdayNameVi(holiday.date)} ${formatViDate(holiday.date).slice(0, 5)}`,
      certainty: 'derived',
      note: 'Bộ luật Lao động 2019, Điều 112 khoản 3: nghỉ bù vào ngày làm việc kế tiếp.',
    });
  }
  return out;
}

/** The holidays of Art. 112 for `year`, before compensation. */
export function statutoryHolidays(year: number, options: DerivationOptions = {}): CalendarEntry[] {
  const fixed = (date: IsoDate, reason: string): CalendarEntry => ({
    date,
    kind: 'holiday',
    reason,
    certainty: 'verified',
    note: 'Ngày lễ cố định theo Bộ luật Lao động 2019, Điều 112.',
  });
  const lunarYear = lunarYearName(year);
  const tet: CalendarEntry[] = defaultTetDays(year, options.tetDaysBefore).map((date) => {
    const l = solarToLunar(date);
    const name = l.month === 12 ? `${l.day} tháng Chạp` : `${LUNAR_DAY_NAME(l.day)} tháng Giêng`;
    return {
      date,
      kind: 'tetBreak',
      reason: `Tết Nguyên đán ${lunarYear} (${name})`,
      certainty: 'derived',
      note: 'Mặc định: 2 ngày cuối năm âm lịch và mùng 1–3 Tết, cộng nghỉ bù; lịch nghỉ thực tế do Thủ tướng quyết định hằng năm.',
    };
  });
  const companion = nationalDayCompanion(year);
  return [
    fixed(`${year}-01-01`, 'Tết Dương lịch'),
    ...tet,
    {
      date: hungKingsDate(year),
      kind: 'holiday',
      reason: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      certainty: 'derived',
      note: 'Tính theo âm lịch Việt Nam (múi giờ UTC+7).',
    },
    fixed(`${year}-04-30`, 'Ngày Chiến thắng (30/4)'),
    fixed(`${year}-05-01`, 'Ngày Quốc tế Lao động (1/5)'),
    fixed(`${year}-09-02`, 'Quốc khánh (2/9)'),
    {
      date: companion,
      kind: 'holiday',
      reason: `Quốc khánh (ngày liền kề, ${formatViDate(companion).slice(0, 5)})`,
      certainty: 'derived',
      note: 'Ngày liền kề 2/9 do Chính phủ chọn hằng năm; mặc định theo quy tắc nối với ngày nghỉ cuối tuần.',
    },
  ];
}

/** The full default table of `year`: statutory holidays plus their compensatory days, sorted. */
export function deriveCalendarTable(year: number, options: DerivationOptions = {}): CalendarTable {
  const holidays = statutoryHolidays(year, options);
  const entries = [...holidays, ...compensatoryDays(holidays)].sort((a, b) => a.date.localeCompare(b.date));
  return {
    year,
    version: 0,
    source: 'Mặc định suy ra theo Bộ luật Lao động 2019, Điều 112 (derived defaults, no published table)',
    entries,
  };
}
