/**
 * The Vietnamese lunar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm ("Thuật toán tính
 * âm lịch"): months start on the day of the astronomical new moon and the winter-solstice month is
 * month 11, both reckoned **at UTC+7**. That time zone is the whole point: a Chinese-calendar library
 * reckons at UTC+8 and then disagrees with Vietnam whenever a new moon or a solar term falls between
 * 16:00 and 17:00 UTC, e.g. Tết 2030 (Vietnam 2030-02-02, China 2030-02-03) or Tết 1985 (a whole
 * month apart). North Vietnam used UTC+8 for the lunar calendar until 1967, so dates before 1968
 * computed here are the modern convention, not what was printed at the time.
 *
 * Accuracy: the new-moon and sun-longitude series are the short ones the algorithm publishes (a few
 * minutes' error), good for the 1900–2199 range accepted here; day boundaries are local midnight.
 */
import { isoDateOfJulianDay, julianDayNumber, type IsoDate } from '../civil-date';

/** Vietnam's lunar calendar is reckoned at UTC+7 (since 1968). */
export const VN_LUNAR_TIME_ZONE = 7;
export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;

export interface LunarDate {
  /** The lunar year, numbered like the solar year in which its Tết falls. */
  year: number;
  /** 1–12; month 1 is tháng Giêng, 12 is tháng Chạp. */
  month: number;
  /** 1–30. */
  day: number;
  /** A leap month (tháng nhuận) repeats the number of the month before it. */
  leap: boolean;
}

const SYNODIC_MONTH = 29.530588853;
/** Julian date of the new moon of 1900-01-01 (k = 0 in the series below). */
const NEW_MOON_EPOCH = 2415021.076998695;
const DEG = Math.PI / 180;

/** Julian date (UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900 January 0.5
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG); // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians, in [0, 2π), at Julian date `jd` (UT). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525; // Julian centuries from J2000.0
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const L = (L0 + DL) * DEG;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** Local day (Julian day number) on which the k-th new moon falls. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

/** Which of the 12 major solar terms (0–11, 30° each) the sun is in at local midnight starting `jdn`. */
function sunSector(jdn: number, tz: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Julian day on which lunar month 11 (the month containing the winter solstice) of solar year `yy` starts. */
function lunarMonth11(yy: number, tz: number): number {
  const off = julianDayNumber(`${yy}-12-31`) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  // If the sun has already passed 270° (the solstice) at that new moon, month 11 began one moon earlier.
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** Index (counted from month 11 = 0) of the leap month in the 13-month year starting at `a11`. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  // The leap month is the first one in which the sun enters no new major solar term.
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Lunar calendar supports years ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}, not ${year}`);
  }
}

/** The lunar date of a solar date (dương lịch → âm lịch). */
export function solarToLunar(date: IsoDate, timeZone: number = VN_LUNAR_TIME_ZONE): LunarDate {
  const dayNumber = julianDayNumber(date);
  const yy = Number(date.slice(0, 4));
  checkYear(yy);
  // The mean-lunation estimate can be one moon off either way (true new moons wander by ~±14 h):
  // step to the last new moon on or before the day. Without this, 2054-05-07 came out as day 0.
  let k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k, timeZone) > dayNumber) k--;
  while (newMoonDay(k + 1, timeZone) <= dayNumber) k++;
  const monthStart = newMoonDay(k, timeZone);
  let a11 = lunarMonth11(yy, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1, timeZone);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1, timeZone);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/**
 * The solar date of a lunar date (âm lịch → dương lịch). Throws a RangeError for a date that does not
 * exist: a leap month the year does not have, or day 30 of a 29-day month.
 */
export function lunarToSolar(lunar: LunarDate, timeZone: number = VN_LUNAR_TIME_ZONE): IsoDate {
  const { year, month, day, leap } = lunar;
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`Not a lunar date: ${day}/${month}${leap ? ' nhuận' : ''}/${year}`);
  }
  const [a11, b11] =
    month < 11
      ? [lunarMonth11(year - 1, timeZone), lunarMonth11(year, timeZone)]
      : [lunarMonth11(year, timeZone), lunarMonth11(year + 1, timeZone)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  const solar = isoDateOfJulianDay(newMoonDay(k + off, timeZone) + day - 1);
  // Day 30 of a 29-day month would silently become day 1 of the next month: refuse it instead.
  const back = solarToLunar(solar, timeZone);
  if (back.month !== month || back.day !== day || back.leap !== leap) {
    throw new RangeError(`Lunar month ${month}${leap ? ' nhuận' : ''}/${year} has no day ${day}`);
  }
  return solar;
}

/** Tết Nguyên Đán: 1/1 of the lunar year that begins in solar year `year`. */
export function tetDate(year: number, timeZone: number = VN_LUNAR_TIME_ZONE): IsoDate {
  return lunarToSolar({ year, month: 1, day: 1, leap: false }, timeZone);
}

/** Giỗ Tổ Hùng Vương: 10/3 of the lunar year (never a leap month 3: the holiday is the regular month). */
export function hungKingsDate(year: number, timeZone: number = VN_LUNAR_TIME_ZONE): IsoDate {
  return lunarToSolar({ year, month: 3, day: 10, leap: false }, timeZone);
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/** The sexagenary name (can chi) of a lunar year, e.g. 2026 → "Bính Ngọ". */
export function lunarYearName(year: number): string {
  const mod = (n: number, m: number) => ((n % m) + m) % m;
  return `${CAN[mod(year + 6, 10)]} ${CHI[mod(year + 8, 12)]}`;
}
