/**
 * Vietnam keeps UTC+7 all year (no daylight saving), so local dates are computed with a fixed offset
 * rather than the host's time zone, which may be anything on a test machine.
 */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** `yyyy-MM-dd` of the instant in Vietnam. */
export function vnDay(epochMs: number): string {
  return new Date(epochMs + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO 8601 with the +07:00 offset, e.g. `2026-11-21T09:30:00+07:00`. */
export function vnIso(epochMs: number): string {
  return new Date(epochMs + VN_OFFSET_MS).toISOString().slice(0, 19) + '+07:00';
}

/** `HH:mm` of the instant in Vietnam. */
export function vnClock(epochMs: number): string {
  return new Date(epochMs + VN_OFFSET_MS).toISOString().slice(11, 16);
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Vietnam-time day number (days since 1970-01-01, as civil-date's dayNumber) of an instant. */
export function vnDayNumber(epochMs: number): number {
  return Math.floor((epochMs + VN_OFFSET_MS) / MS_PER_DAY);
}

/** Milliseconds since local midnight in Vietnam (0 … 86_399_999). */
export function vnMsOfDay(epochMs: number): number {
  return (((epochMs + VN_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
}

/** The instant of local midnight in Vietnam starting `day` (`yyyy-MM-dd`, assumed valid). */
export function vnMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:mm` (00:00–23:59, or 24:00 for the end of a day) as milliseconds since midnight; undefined if malformed. */
export function parseClock(text: string): number | undefined {
  if (text === '24:00') return MS_PER_DAY;
  const m = CLOCK.exec(text);
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 60_000 : undefined;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses `yyyy-MM-ddTHH:mm[:ss]` as Vietnam local time (a trailing `Z` or `±HH:mm` offset is honoured
 * instead), rejecting impossible dates and times such as 2026-02-30 or 24:10, which `Date.parse`
 * would quietly roll over. Returns epoch ms, or undefined.
 */
export function parseVnDateTime(text: string): number | undefined {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i])) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // Years below 1000 are refused: Date.UTC would read 0050 as 1950.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wall).getUTCDate() !== day) return undefined; // e.g. 30 February
  const zone = m[7];
  if (zone === undefined) return wall - VN_OFFSET_MS;
  if (zone === 'Z') return wall;
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
  if (offsetMinutes > 14 * 60) return undefined;
  return wall - sign * offsetMinutes * 60_000;
}
