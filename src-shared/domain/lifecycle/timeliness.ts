/**
 * Overdue and due-soon are computed from dates, never stored as a status (DOMAIN.md §4, §6).
 * While the applicant is supplementing, the clock is stopped, so the appointment moves with it.
 */
import type { DossierDoc } from '../../contract/documents';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { advanceWorkingTime, workingMsBetween } from '../calendar/working-time';
import { vnDay } from '../vn-time';

export type Timeliness = 'none' | 'onTrack' | 'dueSoon' | 'overdue' | 'early' | 'onTime' | 'late';

type Dates = Pick<DossierDoc, 'appointmentAt' | 'pausedSince' | 'finishedAt' | 'supplementRequests'>;

/** The appointment as it stands now: a running supplement wait pushes it back by its working time. */
export function effectiveAppointment(d: Dates, now: number, calendar: WorkingCalendar): number {
  if (!d.appointmentAt || !d.pausedSince || now <= d.pausedSince) return d.appointmentAt;
  return advanceWorkingTime(calendar, d.appointmentAt, workingMsBetween(calendar, d.pausedSince, now));
}

/**
 * Open dossiers: overdue, due soon (within `dueSoonWorkingMs` of working time, one working day by
 * default) or on track. Finished ones: early (a day or more ahead), on time or late; more than one
 * supplement request counts as late (Decision 766).
 */
export function timeliness(d: Dates, now: number, calendar: WorkingCalendar, dueSoonWorkingMs = calendar.workingMsPerDay): Timeliness {
  if (!d.appointmentAt) return 'none';
  if (d.finishedAt) {
    if (d.supplementRequests > 1 || d.finishedAt > d.appointmentAt) return 'late';
    return vnDay(d.finishedAt) < vnDay(d.appointmentAt) ? 'early' : 'onTime';
  }
  const due = effectiveAppointment(d, now, calendar);
  if (now > due) return 'overdue';
  if (d.pausedSince) return 'onTrack';
  return workingMsBetween(calendar, now, due) <= dueSoonWorkingMs ? 'dueSoon' : 'onTrack';
}
