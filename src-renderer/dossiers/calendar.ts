/** The working calendar of this workstation: bundled tables, overridden per year by the portal's copies. */
import type { CalendarTable } from '../../src-shared/contract/calendar';
import { createWorkingCalendar, type WorkingCalendar } from '../../src-shared/domain/calendar/working-calendar';
import type { MotcuaDatabase } from '../db/database';
import { readSetting } from '../db/setting-doc';
import { CALENDAR_TABLES_KEY } from '../sync/reference-data';

export async function loadWorkingCalendar(db: MotcuaDatabase, bundled: readonly CalendarTable[]): Promise<WorkingCalendar> {
  const pulled = (await readSetting<CalendarTable[]>(db, CALENDAR_TABLES_KEY)) ?? [];
  const byYear = new Map<number, CalendarTable>();
  for (const t of [...bundled, ...pulled]) byYear.set(t.year, t);
  return createWorkingCalendar([...byYear.values()]);
}
