/**
 * The shipped working-day calendar: `resources/calendar/<yyyy>.json`, one table per year, validated
 * with the contract's schema. src-shared never reads files; it gets the parsed tables from here.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describeZodError } from '../../src-shared/contract/zod-issues';
import { calendarTableSchema, type CalendarTable } from '../../src-shared/contract/calendar';

const TABLE_FILE = /^(\d{4})\.json$/;

export class CalendarTableError extends Error {
  override name = 'CalendarTableError';
}

/** Validates one table's JSON text; `file` is only used in error messages. */
export function parseCalendarTable(text: string, file: string): CalendarTable {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CalendarTableError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const result = calendarTableSchema.safeParse(json);
  if (!result.success) {
    const issues = describeZodError(result.error, { root: '(table)', max: Infinity });
    throw new CalendarTableError(`${file}: invalid calendar table — ${issues}`);
  }
  return result.data;
}

/** Every `<yyyy>.json` in `<resourcesDir>/calendar`, sorted by year; none if the folder is missing. */
export async function loadCalendarTables(resourcesDir: string): Promise<CalendarTable[]> {
  const dir = path.join(resourcesDir, 'calendar');
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const tables: CalendarTable[] = [];
  for (const name of names.sort()) {
    const m = TABLE_FILE.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    const table = parseCalendarTable(await fs.readFile(file, 'utf8'), file);
    // The file name is how an administrator finds a year: it must not disagree with the content.
    if (String(table.year) !== m[1]) throw new CalendarTableError(`${file}: holds year ${table.year}, expected ${m[1]}`);
    tables.push(table);
  }
  return tables;
}
