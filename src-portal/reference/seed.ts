/**
 * First-start reference data: the catalog from `resources/seed/procedures.json` and each calendar
 * year from `resources/calendar/<yyyy>.json`, stored only when the portal has none yet for it (an
 * administrator's later PUT is never overwritten by a file). The files are read directly: the
 * portal imports nothing from src-main (scripts/check-deps.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { calendarTableSchema } from '../../src-shared/contract/calendar';
import { catalogSchema } from '../../src-shared/contract/catalog';
import { describeZodError } from '../../src-shared/contract/zod-issues';
import type { Database } from '../db/types';
import { CATALOG_KEY, listReferenceKeys, readReference, seedIfMissing } from './store';

const CALENDAR_FILE = /^(\d{4})\.json$/;
const SEED_BY = 'seed';

export interface SeedReport {
  /** Version of the catalog stored now, or null when one existed (or no file was found). */
  catalog: string | null;
  /** Calendar years stored now. */
  calendarYears: number[];
  /** Files that were expected but absent (a warning, not an error). */
  missing: string[];
}

export class ReferenceSeedError extends Error {
  override name = 'ReferenceSeedError';
}

/** The file's text, or null when it does not exist. */
async function readOptional(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** A shipped file that is broken stops the portal with its name and the failing fields. */
function parseFile<T>(schema: z.ZodType<T>, text: string, file: string, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ReferenceSeedError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ReferenceSeedError(`${file}: invalid ${what} — ${describeZodError(parsed.error, { root: '(file)' })}`);
  return parsed.data;
}

export async function seedReferenceData(db: Database, resourcesDir: string, now = Date.now()): Promise<SeedReport> {
  const report: SeedReport = { catalog: null, calendarYears: [], missing: [] };

  if (!(await readReference(db, 'catalog', CATALOG_KEY))) {
    const file = path.join(resourcesDir, 'seed', 'procedures.json');
    const text = await readOptional(file);
    if (text === null) report.missing.push(file);
    else {
      // Parsing keeps only the contract's fields (the file's "review" note is dropped).
      const catalog = parseFile(catalogSchema, text, file, 'catalog');
      if (await seedIfMissing(db, { kind: 'catalog', key: CATALOG_KEY, version: catalog.version, body: catalog, by: SEED_BY, now })) {
        report.catalog = catalog.version;
      }
    }
  }

  const dir = path.join(resourcesDir, 'calendar');
  let names: string[] = [];
  try {
    names = (await fs.readdir(dir)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    report.missing.push(dir);
  }
  const stored = await listReferenceKeys(db, 'calendar');
  for (const name of names) {
    const year = CALENDAR_FILE.exec(name)?.[1];
    if (!year || stored.has(year)) continue;
    const file = path.join(dir, name);
    const table = parseFile(calendarTableSchema, await fs.readFile(file, 'utf8'), file, 'calendar table');
    if (String(table.year) !== year) throw new ReferenceSeedError(`${file}: holds year ${table.year}, expected ${year}`);
    if (await seedIfMissing(db, { kind: 'calendar', key: year, version: String(table.version), body: table, by: SEED_BY, now })) {
      report.calendarYears.push(table.year);
    }
  }
  return report;
}
