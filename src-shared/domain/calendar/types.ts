/**
 * Types of the working-day calendar. The yearly table's runtime schema lives in the contract
 * (src-shared/contract/calendar.ts) because shipped files, the administrator and the portal all
 * exchange it; the types here are inferred from that schema so the two cannot drift.
 */
export type {
  CalendarCertainty,
  CalendarEntry,
  CalendarEntryKind,
  CalendarTable,
} from '../../contract/calendar';
export type { IsoDate } from '../civil-date';

/** One block of office time in Vietnam local time, `HH:mm` (buổi sáng, buổi chiều). */
export interface OfficeSession {
  start: string;
  end: string;
}

/** The office hours of the counter, set by the province (giờ hành chính); the same every working day. */
export interface OfficeHours {
  sessions: readonly OfficeSession[];
}

/**
 * Default office hours: 07:30–11:30 and 13:00–17:00, 8 working hours a day, the schedule many
 * provinces use; provinces set their own, so this is configuration, not law.
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  sessions: [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ],
};
