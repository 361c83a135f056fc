/**
 * Builds the portal (HTTP server + database) without listening, so main.ts and the tests share it.
 * Closing the returned app closes the server first, then the database (onClose runs after).
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { agencyIdSchema } from '../src-shared/contract/portal-api';
import { API_PREFIX } from '../src-shared/contract/sync';
import { loadSigningKey } from './auth/access-token';
import type { DossierCodeFormat } from '../src-shared/domain/dossier-code/format';
import { DEFAULT_DOSSIER_CODE_FORMAT, DEFAULT_SEED_AGENCY, defaultFilesDir, defaultResourcesDir, type DatabaseConfig } from './config';
import { openDatabase } from './db/open';
import type { Database } from './db/types';
import { bearerAuth } from './http/authenticate';
import { installErrorHandlers } from './http/errors';
import { ReplicationEvents } from './replication/events';
import { seedReferenceData } from './reference/seed';
import { authRoutes } from './routes/auth';
import { backofficeRoutes } from './routes/backoffice';
import { codeRoutes } from './routes/codes';
import { fileRoutes } from './routes/files';
import { healthRoutes } from './routes/health';
import { referenceRoutes } from './routes/reference';
import { reportRoutes } from './routes/reports';
import { PUSH_BODY_LIMIT, replicationRoutes } from './routes/replication';
import { streamRoutes } from './routes/stream';
import { enrollRoutes, workstationRoutes } from './routes/workstations';
import { seedFirstAdmin } from './seed';
import { packageVersion } from './version';

export interface PortalOptions extends DatabaseConfig {
  /** Agency of the `admin` account created on a database without users. */
  seedAgency?: string;
  /** JSON logs (pino) at this level to this stream (default stdout); false silences them (tests). */
  logger?: false | { level?: string; stream?: NodeJS.WritableStream };
  /** Receives the one-time admin password banner; defaults to stdout, never the JSON log. */
  announce?: (text: string) => void;
  /** Interval of the live stream's keep-alive comment (default 15 s; shorter in tests). */
  heartbeatMs?: number;
  /** Format of the dossier codes of every agency (default `agency-yyMMdd-seq4`). */
  dossierCodeFormat?: DossierCodeFormat;
  /** Where the seed catalog and calendar tables are read on first start (default: the repository's resources/). */
  resourcesDir?: string;
  /** Where received files are kept (default `<dataDir>/files`; uploads in progress in its `.uploads/`). */
  filesDir?: string;
}

export interface Portal {
  app: FastifyInstance;
  db: Database;
  events: ReplicationEvents;
}

/** Never log secrets, even if a future serializer starts including headers or bodies. */
const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'body', 'password', 'refreshToken', 'accessToken'];

function loggerOptions(logger: PortalOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  return { level: logger?.level ?? 'info', redact: LOG_REDACT, ...(logger?.stream ? { stream: logger.stream } : {}) };
}

export async function buildPortal(options: PortalOptions): Promise<Portal> {
  const seedAgency = agencyIdSchema.safeParse(options.seedAgency ?? DEFAULT_SEED_AGENCY);
  if (!seedAgency.success) throw new Error(`SEED_AGENCY "${options.seedAgency}" is not an agency identifier (e.g. 000.17.22.H56)`);
  const codeFormat = options.dossierCodeFormat ?? DEFAULT_DOSSIER_CODE_FORMAT;
  // No automatic HEAD routes: a HEAD on the live stream would hold a connection open for nothing.
  const app = Fastify({ logger: loggerOptions(options.logger), bodyLimit: PUSH_BODY_LIMIT, exposeHeadRoutes: false });
  const db = await openDatabase(options, (err) => app.log.error({ err }, 'idle database client error'));
  app.addHook('onClose', async () => db.close());
  const events = new ReplicationEvents();
  try {
    await seedFirstAdmin(db, seedAgency.data, options.announce ?? ((text) => process.stdout.write(text)));
    const signingKey = await loadSigningKey(db);
    const seeded = await seedReferenceData(db, options.resourcesDir ?? defaultResourcesDir());
    if (seeded.catalog) app.log.info({ version: seeded.catalog }, 'procedure catalog seeded');
    if (seeded.calendarYears.length) app.log.info({ years: seeded.calendarYears }, 'calendar tables seeded');
    if (seeded.missing.length) app.log.warn({ missing: seeded.missing }, 'reference data files not found; nothing seeded from them');

    installErrorHandlers(app);
    // Any origin: the desktop renderer runs on its own origin, and auth is a bearer header, not a cookie.
    await app.register(cors, { origin: '*', methods: ['GET', 'POST', 'PUT'], allowedHeaders: ['Authorization', 'Content-Type'], maxAge: 600 });
    app.decorateRequest('caller', null);

    healthRoutes(app, db, packageVersion());
    authRoutes(app, db, signingKey);
    // No bearer token: the one-time enrollment code is the credential.
    enrollRoutes(app, db, codeFormat);
    await app.register(
      async (scope) => {
        scope.addHook('onRequest', bearerAuth(signingKey));
        replicationRoutes(scope, db, events);
        referenceRoutes(scope, db);
        codeRoutes(scope, db, codeFormat);
        streamRoutes(scope, events, options.heartbeatMs);
        workstationRoutes(scope, db);
        backofficeRoutes(scope, db, events);
        reportRoutes(scope, db);
        // Its own plugin: the tus body pass-through parser stays inside it.
        await scope.register(fileRoutes, { db, filesDir: options.filesDir ?? defaultFilesDir(options.dataDir) });
      },
      { prefix: API_PREFIX },
    );
    await app.ready();
  } catch (err) {
    await app.close().catch(() => undefined);
    await db.close().catch(() => undefined); // in case onClose did not run on a half-built app
    throw err;
  }
  return { app, db, events };
}
