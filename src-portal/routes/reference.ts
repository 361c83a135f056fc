/**
 * Reference data every workstation pulls: the procedure catalog and the yearly calendar tables.
 * Any signed-in role may read; only an administrator may replace, and only with a newer version.
 */
import type { FastifyInstance } from 'fastify';
import { calendarTableSchema, type CalendarTable } from '../../src-shared/contract/calendar';
import { catalogSchema, type Catalog } from '../../src-shared/contract/catalog';
import {
  isNewerVersion,
  type CalendarPutResponse,
  type CalendarTablesResponse,
  type CatalogPutResponse,
} from '../../src-shared/contract/reference-api';
import type { Caller } from '../auth/access-token';
import type { Database } from '../db/types';
import { callerOf } from '../http/authenticate';
import { badRequest, forbidden, HttpError, notFound, zodMessage } from '../http/errors';
import { CATALOG_KEY, listReference, readReference, replaceIfNewer } from '../reference/store';

/** A full provincial catalog is a few MB of JSON. */
export const CATALOG_BODY_LIMIT = 16 * 1024 * 1024;
const CALENDAR_BODY_LIMIT = 256 * 1024;

const conflict = (message: string) => new HttpError(409, 'conflict', message);

function requireAdmin(caller: Caller): void {
  if (caller.role !== 'admin') throw forbidden('Only an administrator may change reference data');
}

export function referenceRoutes(app: FastifyInstance, db: Database): void {
  app.get('/catalog', async (request): Promise<Catalog> => {
    callerOf(request);
    const entry = await readReference<Catalog>(db, 'catalog', CATALOG_KEY);
    if (!entry) throw notFound('The portal has no procedure catalog yet');
    return entry.body;
  });

  app.put('/catalog', { bodyLimit: CATALOG_BODY_LIMIT }, async (request): Promise<CatalogPutResponse> => {
    const caller = callerOf(request);
    requireAdmin(caller);
    const parsed = catalogSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(`Invalid catalog: ${zodMessage(parsed.error)}`);
    const { version } = parsed.data;
    const result = await replaceIfNewer(
      db,
      { kind: 'catalog', key: CATALOG_KEY, version, body: parsed.data, by: caller.username, now: Date.now() },
      (candidate, current) => isNewerVersion(candidate, current),
    );
    if (!result.ok) throw conflict(`Catalog version "${version}" is not newer than the current "${result.current}"`);
    request.log.info({ username: caller.username, version }, 'catalog replaced');
    return { version };
  });

  app.get('/calendar/tables', async (request): Promise<CalendarTablesResponse> => {
    callerOf(request);
    const entries = await listReference<CalendarTable>(db, 'calendar');
    return { tables: entries.map((e) => e.body) };
  });

  app.put('/calendar/tables/:year', { bodyLimit: CALENDAR_BODY_LIMIT }, async (request): Promise<CalendarPutResponse> => {
    const caller = callerOf(request);
    requireAdmin(caller);
    const { year } = request.params as { year?: string };
    if (!year || !/^\d{4}$/.test(year)) throw badRequest(`year: expected four digits, got "${year ?? ''}"`);
    const parsed = calendarTableSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(`Invalid calendar table: ${zodMessage(parsed.error)}`);
    const table = parsed.data;
    if (String(table.year) !== year) throw badRequest(`The table is for ${table.year} but the URL names ${year}`);
    const result = await replaceIfNewer(
      db,
      { kind: 'calendar', key: year, version: String(table.version), body: table, by: caller.username, now: Date.now() },
      (candidate, current) => Number(candidate) > Number(current),
    );
    if (!result.ok) throw conflict(`Calendar ${year} version ${table.version} is not newer than the current ${result.current}; raise "version"`);
    request.log.info({ username: caller.username, year: table.year, version: table.version }, 'calendar table replaced');
    return { year: table.year, version: table.version };
  });
}
