/**
 * Vietnamese wording of dates, times, limits and component forms on printed forms. Every instant is
 * shown in Vietnam time (UTC+7) whatever the host's time zone.
 *
 * Dates follow Decree 30/2020/NĐ-CP (Appendix I): days below 10 and the months 1 and 2 are written
 * with a leading zero ("ngày 05 tháng 02 năm 2027", but "ngày 21 tháng 3 năm 2027"), so that no
 * digit can be added to them by hand afterwards.
 */
import type { ComponentForm, LimitUnit } from '../contract/catalog';
import { formatViDate } from '../domain/civil-date';
import { vnClock, vnDay } from '../domain/vn-time';

export interface VnParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Calendar and clock parts of an instant in Vietnam. */
export function vnParts(epochMs: number): VnParts {
  const [year, month, day] = vnDay(epochMs).split('-').map(Number) as [number, number, number];
  const [hour, minute] = vnClock(epochMs).split(':').map(Number) as [number, number];
  return { year, month, day, hour, minute };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "ngày 21 tháng 11 năm 2026" from a `yyyy-MM-dd` civil date. */
export function viLongDateOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `ngày ${two(d)} tháng ${m <= 2 ? two(m) : String(m)} năm ${y}`;
}

/** "ngày 21 tháng 11 năm 2026" (Vietnam time). */
export function viLongDate(epochMs: number): string {
  return viLongDateOfDay(vnDay(epochMs));
}

/** "14 giờ 05 phút" (Vietnam time). */
export function viLongClock(epochMs: number): string {
  const { hour, minute } = vnParts(epochMs);
  return `${two(hour)} giờ ${two(minute)} phút`;
}

/** "14 giờ 05 phút, ngày 21 tháng 11 năm 2026" (Vietnam time). */
export function viLongDateTime(epochMs: number): string {
  return `${viLongClock(epochMs)}, ${viLongDate(epochMs)}`;
}

/** "21/11/2026" (Vietnam time). */
export function viShortDate(epochMs: number): string {
  return formatViDate(vnDay(epochMs));
}

/** "14:05 21/11/2026" (Vietnam time). */
export function viShortDateTime(epochMs: number): string {
  return `${vnClock(epochMs)} ${viShortDate(epochMs)}`;
}

/** "Thanh Hóa, ngày 21 tháng 11 năm 2026"; without a place, "Ngày 21 tháng 11 năm 2026". */
export function viPlaceDate(place: string | undefined, epochMs: number): string {
  const date = viLongDate(epochMs);
  const p = (place ?? '').trim();
  return p ? `${p}, ${date}` : date.charAt(0).toUpperCase() + date.slice(1);
}

/** "15 ngày làm việc", "4 giờ làm việc", "Trong ngày". */
export function viLimit(limit: { unit: LimitUnit; value: number }): string {
  switch (limit.unit) {
    case 'workingDays':
      return `${formatNumber(limit.value)} ngày làm việc`;
    case 'workingHours':
      return `${formatNumber(limit.value)} giờ làm việc`;
    case 'sameDay':
      return 'Trong ngày';
  }
}

export const COMPONENT_FORM_VI: Readonly<Record<ComponentForm, string>> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certifiedCopy: 'Bản sao chứng thực',
  originalOrCopy: 'Bản chính hoặc bản sao',
};

/** Decimal comma, thousands dot: 1.234,5. */
export function formatNumber(n: number): string {
  const [int, frac] = String(Math.abs(n)).split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** "50.000 đồng"; 0 is "Không thu phí, lệ phí". */
export function viMoney(amountVnd: number): string {
  return amountVnd === 0 ? 'Không thu phí, lệ phí' : `${formatNumber(amountVnd)} đồng`;
}
