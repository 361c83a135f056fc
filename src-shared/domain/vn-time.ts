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
