/**
 * Reports of a centre (docs/dvcqg.md): the service-quality indicators of a period, and the DVCQG
 * export (DongBoHoSoMC records) of the dossiers received in it. Supervisors and administrators only,
 * always for their own centre.
 *
 *   GET /reports/indicators?from=yyyy-MM-dd&to=yyyy-MM-dd[&counter=&clerk=&procedureCode=] → IndicatorReport
 *   GET /reports/dvcqg?from=yyyy-MM-dd&to=yyyy-MM-dd → JSON array, streamed one record per line
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REPORT_PATHS } from '../../src-shared/contract/reports-api';
import { periodProblem } from '../../src-shared/domain/dvcqg/period';
import type { IndicatorReport } from '../../src-shared/domain/indicators/record';
import type { Caller } from '../auth/access-token';
import { loadPortalCalendar } from '../reference/calendar';
import type { Database } from '../db/types';
import { callerOf } from '../http/authenticate';
import { badRequest, forbidden, zodMessage } from '../http/errors';
import { dvcqgJsonChunks } from '../reporting/dvcqg';
import { centreIndicators } from '../reporting/indicators';

/**
 * Paths relative to the authenticated /api/v1 scope. Not in src-shared/contract yet:
 * src-main/cli/export-dvcqg.ts spells the dvcqg one again, so keep the two equal.
 */

const REPORT_ROLES = new Set(['supervisor', 'admin']);

const day = z.string().max(10);
const periodQuery = z.strictObject({ from: day, to: day });
const indicatorsQuery = z.strictObject({
  from: day,
  to: day,
  counter: z.string().max(64).optional(),
  clerk: z.string().max(64).optional(),
  procedureCode: z.string().max(32).optional(),
});

function reportCaller(request: FastifyRequest): Caller {
  const caller = callerOf(request);
  if (!REPORT_ROLES.has(caller.role)) throw forbidden('Only a supervisor or an administrator may read reports');
  return caller;
}

function parseQuery<T extends { from: string; to: string }>(schema: z.ZodType<T>, query: unknown): T {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw badRequest(zodMessage(parsed.error));
  const problem = periodProblem(parsed.data.from, parsed.data.to);
  if (problem) throw badRequest(problem);
  return parsed.data;
}

export function reportRoutes(app: FastifyInstance, db: Database): void {
  app.get(REPORT_PATHS.indicators, async (request): Promise<IndicatorReport> => {
    const caller = reportCaller(request);
    const { from, to, counter, clerk, procedureCode } = parseQuery(indicatorsQuery, request.query);
    const calendar = await loadPortalCalendar(db);
    const started = Date.now();
    const filter = { ...(counter ? { counter } : {}), ...(clerk ? { clerk } : {}), ...(procedureCode ? { procedureCode } : {}) };
    const report = await centreIndicators(db, calendar, { agencyId: caller.agencyId, period: { from, to }, filter });
    request.log.info({ username: caller.username, from, to, received: report.totals.received, ms: Date.now() - started }, 'indicator report');
    return report;
  });

  app.get(REPORT_PATHS.dvcqg, async (request, reply) => {
    const caller = reportCaller(request);
    const { from, to } = parseQuery(periodQuery, request.query);
    request.log.info({ username: caller.username, from, to }, 'DVCQG export');
    // Streamed: headers go out now, records as they are read. A failure half-way cuts the
    // connection, so a client never mistakes a truncated array for a complete one.
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="dvcqg-${caller.agencyId}-${from}-${to}.json"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(dvcqgJsonChunks(db, caller.agencyId, { from, to })));
  });
}
