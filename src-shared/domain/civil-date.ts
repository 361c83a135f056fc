/**
 * Civil (calendar) dates as `yyyy-MM-dd` strings: the form the calendar tables, the ledger and the
 * CLI use. Arithmetic goes through a day number (days since 1970-01-01) so that no host time zone or
 * DST rule can shift a date; Vietnam-time instants are converted in ../vn-time.ts.
 */

/** A proleptic Gregorian date `yyyy-MM-dd`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Julian Day Number of 1970-01-01 (the lunar algorithm works in Julian days). */
const JDN_OF_UNIX_EPOCH = 2_440_588;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** The parts of a valid `yyyy-MM-dd`, or undefined (wrong shape, or a day such as 2026-02-30). */
export function parseIsoDate(text: string): DateParts | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1) return undefined;
  // Round-tripping through Date.UTC rejects days past the end of the month.
  return formatIsoDate(parts) === isoDateOfDayNumber(dayNumberOfParts(parts)) ? parts : undefined;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

function mustParse(date: IsoDate): DateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a valid yyyy-MM-dd date: '${date}'`);
  return parts;
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dayNumberOfParts({ year, month, day }: DateParts): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear, unlike Date.UTC, keeps years 0–99 literal
  return Math.floor(d.getTime() / MS_PER_DAY);
}

/** Days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  return dayNumberOfParts(mustParse(date));
}

export function isoDateOfDayNumber(n: number): IsoDate {
  const d = new Date(n * MS_PER_DAY);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function julianDayNumber(date: IsoDate): number {
  return dayNumber(date) + JDN_OF_UNIX_EPOCH;
}

export function isoDateOfJulianDay(jdn: number): IsoDate {
  return isoDateOfDayNumber(jdn - JDN_OF_UNIX_EPOCH);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDateOfDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday (Chủ nhật) … 6 = Saturday (thứ Bảy), like Date#getUTCDay. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday: the weekly rest days of the civil service (ngày nghỉ hằng tuần). */
export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

export function yearOf(date: IsoDate): number {
  return mustParse(date).year;
}

/** Every date from `first` to `last`, both included. */
export function datesBetween(first: IsoDate, last: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let n = dayNumber(first), end = dayNumber(last); n <= end; n++) out.push(isoDateOfDayNumber(n));
  return out;
}

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;

/** Vietnamese weekday name, e.g. "thứ Bảy". */
export function weekdayNameVi(date: IsoDate): string {
  return WEEKDAY_VI[weekday(date)] ?? '';
}

/** `dd/MM/yyyy`, the way Vietnamese documents write dates. */
export function formatViDate(date: IsoDate): string {
  const { year, month, day } = mustParse(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}
