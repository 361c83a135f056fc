/** Display formats used across screens, always in Vietnam time. */
import { vnClock, vnDay } from '../src-shared/domain/vn-time';

/** `dd/MM/yyyy`. */
export function vnDateText(epochMs: number): string {
  if (!epochMs) return '';
  const [y, m, d] = vnDay(epochMs).split('-');
  return `${d}/${m}/${y}`;
}

/** `HH:mm dd/MM/yyyy`, or '' for 0 (not applicable). */
export function vnDateTimeText(epochMs: number): string {
  return epochMs ? `${vnClock(epochMs)} ${vnDateText(epochMs)}` : '';
}
