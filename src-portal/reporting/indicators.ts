/**
 * The indicator report of a centre for a period (Decision 766, DOMAIN.md §6), computed from the
 * documents the portal holds with the same shared code as the supervisor's dashboard and the CLI:
 * recordFromDossier, then computeIndicators. Every record is synced (it is at the portal).
 */
import type { WorkingCalendar } from '../../src-shared/domain/calendar/working-calendar';
import { computeIndicators } from '../../src-shared/domain/indicators/compute';
import { needsEvents, recordFromDossier } from '../../src-shared/domain/indicators/from-dossier';
import type { IndicatorFilter, IndicatorRecord, IndicatorReport, Period } from '../../src-shared/domain/indicators/record';
import type { Queryable } from '../db/types';
import { dossierPages, eventsOf, fileComponentsOf } from './load';

const NO_FILES: ReadonlySet<string> = new Set();

/** Indicator records of the centre's dossiers received in the period (never-received ones included: the rules skip them). */
export async function loadIndicatorRecords(db: Queryable, agencyId: string, period: Period, calendar: WorkingCalendar): Promise<IndicatorRecord[]> {
  const records: IndicatorRecord[] = [];
  for await (const page of dossierPages(db, { agencyId, period })) {
    // Events only where the rules need them (a supplement request or a reschedule).
    const withEvents = page.filter(needsEvents).map((d) => d.id);
    const [events, files] = await Promise.all([eventsOf(db, agencyId, withEvents), fileComponentsOf(db, agencyId, page.map((d) => d.id))]);
    for (const d of page) {
      records.push(recordFromDossier(d, { events: events.get(d.id) ?? [], fileComponentIds: files.get(d.id) ?? NO_FILES, synced: true }, calendar));
    }
  }
  return records;
}

export async function centreIndicators(
  db: Queryable,
  calendar: WorkingCalendar,
  q: { agencyId: string; period: Period; filter: Omit<IndicatorFilter, 'agencyId'> },
): Promise<IndicatorReport> {
  const records = await loadIndicatorRecords(db, q.agencyId, q.period, calendar);
  return computeIndicators(records, q.period, calendar, { agencyId: q.agencyId, ...q.filter });
}
