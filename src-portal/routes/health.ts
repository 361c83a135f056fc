/** GET /api/v1/health: liveness plus a database round trip, no authentication. */
import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../src-shared/contract/portal-api';
import { API_PREFIX } from '../../src-shared/contract/sync';
import type { Database } from '../db/types';
import { HttpError } from '../http/errors';

export function healthRoutes(app: FastifyInstance, db: Database, version: string): void {
  app.get(`${API_PREFIX}/health`, async (): Promise<HealthResponse> => {
    try {
      await db.query('SELECT 1');
    } catch {
      throw new HttpError(503, 'unavailable', 'Database unavailable');
    }
    return { status: 'ok', version, database: db.kind };
  });
}
