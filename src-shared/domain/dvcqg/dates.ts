/**
 * DVCQG dates: `yyyyMMddHHmmss`, wall-clock time in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight
 * saving), `''` when absent (DOMAIN.md §4). Whole seconds only: milliseconds are dropped (floored)
 * when writing.
 */
import { dayNumber, formatIsoDate } from '../civil-date';
import { VN_OFFSET_MS } from '../vn-time';

/** `yyyyMMddHHmmss` of the instant in Vietnam; `''` for 0 (not applicable). */
export function toDvcqgDate(epochMs: number): string {
  if (!epochMs) return '';
  const iso = new Date(epochMs + VN_OFFSET_MS).toISOString(); // yyyy-MM-ddTHH:mm:ss.sssZ
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MS_PER_DAY = 86_400_000;

/** Day number of the 1st of each month met so far (key year × 16 + month): files span few months. */
const monthStart = new Map<number, number>();

/** The decimal digit at `i`, NaN for any other character. */
function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/**
 * Epoch ms of a `yyyyMMddHHmmss` Vietnam wall-clock time; 0 for `''` (absent); undefined when
 * malformed or impossible (month 13, 30 February, 24:00:00). Straight-line digit arithmetic rather
 * than a regex and `Date.parse`: a 200,000-record file has a million of these.
 */
export function fromDvcqgDate(text: string): number | undefined {
  if (text === '') return 0;
  if (text.length !== 14) return undefined;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 4) * 10 + digit(text, 5);
  const day = digit(text, 6) * 10 + digit(text, 7);
  const hour = digit(text, 8) * 10 + digit(text, 9);
  const minute = digit(text, 10) * 10 + digit(text, 11);
  const second = digit(text, 12) * 10 + digit(text, 13);
  // Written so that NaN (a non-digit) fails every test.
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  if (day > DAYS_IN_MONTH[month - 1]!) return undefined;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  const key = year * 16 + month;
  let first = monthStart.get(key);
  if (first === undefined) {
    first = dayNumber(formatIsoDate({ year, month, day: 1 }));
    monthStart.set(key, first);
  }
  return (first + day - 1) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 - VN_OFFSET_MS;
}
