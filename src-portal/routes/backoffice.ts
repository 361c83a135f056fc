/**
 * Back office (docs/backoffice.md): officers list their centre's dossiers and move transferred ones
 * on. What they write is an ordinary new version of the replicated documents, announced on the live
 * stream like a push, so the counter that received the dossier sees it within seconds.
 */
import type { FastifyInstance } from 'fastify';
import {
  backofficeActionRequestSchema,
  backofficePaths,
  backofficeQuerySchema,
  type BackofficeActionError,
  type BackofficeActionResponse,
  type BackofficeDossiersResponse,
} from '../../src-shared/contract/backoffice-api';
import type { Database } from '../db/types';
import { actOnDossier } from '../backoffice/act';
import { loadPortalCalendar } from '../reference/calendar';
import { listDossiers } from '../backoffice/store';
import { callerOf } from '../http/authenticate';
import { badRequest, forbidden, HttpError, notFound, zodMessage } from '../http/errors';
import { scopedPath } from '../http/paths';
import type { ReplicationEvents } from '../replication/events';

const READ_ROLES = new Set(['officer', 'supervisor', 'admin']);
const ACT_ROLES = new Set(['officer', 'admin']);
const ACTION_BODY_LIMIT = 64 * 1024;
const DOSSIERS = scopedPath(backofficePaths.dossiers);

export function backofficeRoutes(app: FastifyInstance, db: Database, events: ReplicationEvents, clock: () => number = Date.now): void {
  app.get(DOSSIERS, async (request): Promise<BackofficeDossiersResponse> => {
    const caller = callerOf(request);
    if (!READ_ROLES.has(caller.role)) throw forbidden('Your role may not use the back office');
    const query = backofficeQuerySchema.safeParse(request.query);
    if (!query.success) throw badRequest(zodMessage(query.error));
    const { agencyId = caller.agencyId, code, status, limit } = query.data;
    // Administrators may look at any centre; everyone else only at their own.
    if (agencyId !== caller.agencyId && caller.role !== 'admin') throw forbidden(`agency ${agencyId} belongs to another centre`);
    return { dossiers: await listDossiers(db, { agencyId, code, status, limit }) };
  });

  app.post(`${DOSSIERS}/:id/actions`, { bodyLimit: ACTION_BODY_LIMIT }, async (request, reply): Promise<BackofficeActionResponse | BackofficeActionError> => {
    const caller = callerOf(request);
    if (!ACT_ROLES.has(caller.role)) throw forbidden('Only a back-office officer or an administrator may act on dossiers here');
    const { id } = request.params as { id: string };
    const body = backofficeActionRequestSchema.safeParse(request.body);
    if (!body.success) throw badRequest(zodMessage(body.error));
    const { action, expectedUpdatedAt } = body.data;

    const calendar = await loadPortalCalendar(db);
    const outcome = await actOnDossier(db, { caller, id, action, expectedUpdatedAt, calendar, now: clock() });
    switch (outcome.kind) {
      case 'not-found':
        throw notFound(`No dossier ${id} in your centre`);
      case 'stale':
        throw new HttpError(409, 'conflict', `The dossier changed since you read it (updatedAt ${outcome.updatedAt}, expected ${expectedUpdatedAt}); reload it and try again`);
      case 'invalid':
        throw badRequest(`The action would make an invalid document: ${outcome.problem}`);
      case 'refused': {
        const error = outcome.status === 409 ? 'conflict' : 'invalid_request';
        reply.status(outcome.status);
        return { error, message: outcome.messageEn, messageVi: outcome.messageVi, messageEn: outcome.messageEn, reason: outcome.code };
      }
      case 'done': {
        // After commit, exactly as after a push: open streams of the centre hear the new versions.
        const { dossier, event } = outcome;
        events.publish('dossiers', caller.agencyId, { documents: [{ ...dossier, _deleted: false }], checkpoint: { id: dossier.id, seq: outcome.dossierSeq } });
        events.publish('dossierEvents', caller.agencyId, { documents: [{ ...event, _deleted: false }], checkpoint: { id: event.id, seq: outcome.eventSeq } });
        request.log.info({ username: caller.username, dossierId: dossier.id, action: action.type, from: event.from, to: event.to }, 'back-office action');
        return { dossier, event };
      }
    }
  });
}
