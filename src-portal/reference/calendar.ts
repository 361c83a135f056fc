/**
 * The working calendar the portal applies back-office actions and computes reports with: its stored
 * calendar tables (reference_data kind 'calendar') through the same shared builder the workstation
 * uses; years without a table get the shared derived defaults, exactly as on the counter.
 */
import type { CalendarTable } from '../../src-shared/contract/calendar';
import { createWorkingCalendar, type WorkingCalendar } from '../../src-shared/domain/calendar/working-calendar';
import type { Queryable } from '../db/types';
import { listReference } from './store';

export async function loadPortalCalendar(db: Queryable): Promise<WorkingCalendar> {
  const entries = await listReference<CalendarTable>(db, 'calendar');
  return createWorkingCalendar(entries.map((e) => e.body));
}
