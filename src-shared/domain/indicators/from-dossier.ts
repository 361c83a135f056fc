/**
 * Our own documents as indicator records: the adapter of the workstation and the portal. Events are
 * needed only for dossiers that were rescheduled or sent back for a supplement (needsEvents).
 */
import type { DossierDoc, DossierEventDoc } from '../../contract/documents';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { IndicatorRecord } from './record';
import { workingClock } from './working-clock';

/** Only these dossiers need their events read: everything else is on the dossier itself. */
export function needsEvents(d: DossierDoc): boolean {
  return d.reschedules > 0 || d.supplementRequests > 0;
}

/**
 * Every component handed in (submitted > 0) has a file in the vault. A dossier with no component
 * handed in is digitised only if it has some file at all.
 */
export function isDigitised(d: DossierDoc, fileComponentIds: ReadonlySet<string>): boolean {
  let anySubmitted = false;
  for (const c of d.components) {
    if (c.submitted <= 0) continue;
    anySubmitted = true;
    if (!fileComponentIds.has(c.id)) return false;
  }
  return anySubmitted || fileComponentIds.size > 0;
}

const positive = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

/**
 * The deadline for the on-time rule: the appointment before any reschedule (the earliest
 * 'rescheduled' event's previousAppointmentAt), with every completed supplement wait. Waits completed
 * before the reschedule are already in that date; a wait completed after it moved only the new date,
 * so with `calendar` it is added again here (without one, the pre-reschedule date is used as recorded).
 */
function dueAtOf(d: DossierDoc, events: readonly DossierEventDoc[], calendar: WorkingCalendar | undefined): number {
  if (d.reschedules <= 0) return d.appointmentAt;
  let first = -1;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'rescheduled' && (first < 0 || e.at < events[first]!.at)) first = i;
  }
  const reschedule = events[first];
  const previous = reschedule ? positive(reschedule.data.previousAppointmentAt) : 0;
  if (!reschedule || previous === 0) return d.appointmentAt;
  if (!calendar) return previous;
  let laterWaitMs = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const after = e.at > reschedule.at || (e.at === reschedule.at && i > first);
    if (e.type === 'supplemented' && after) laterWaitMs += positive(e.data.pausedWorkingMs);
  }
  return laterWaitMs > 0 ? workingClock(calendar).advance(previous, laterWaitMs) : previous;
}

export function recordFromDossier(
  d: DossierDoc,
  facts: { events: readonly DossierEventDoc[]; fileComponentIds: ReadonlySet<string>; synced: boolean | null },
  calendar?: WorkingCalendar,
): IndicatorRecord {
  // Defensive: only this dossier's events count, whatever the caller's query returned.
  const events = facts.events.every((e) => e.dossierId === d.id) ? facts.events : facts.events.filter((e) => e.dossierId === d.id);
  let supplementWaitMs = 0;
  for (const e of events) if (e.type === 'supplemented') supplementWaitMs += positive(e.data.pausedWorkingMs);
  return {
    id: d.id,
    code: d.code,
    agencyId: d.agencyId,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    counter: d.workstationId,
    clerk: d.receivedBy,
    channel: d.channel,
    status: d.status,
    // A dossier without a code was never validly received (refused or abandoned at the counter check).
    receivedAt: d.code ? d.receivedAt : 0,
    dueAt: dueAtOf(d, events, calendar),
    pausedSince: d.pausedSince,
    supplementWaitMs,
    finishedAt: d.finishedAt,
    supplementRequests: d.supplementRequests,
    reschedules: d.reschedules,
    digitised: isDigitised(d, facts.fileComponentIds),
    synced: facts.synced,
  };
}
