/** Pull and push of replicated collections; every route here requires a bearer token. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isReplicatedCollection, type ReplicatedCollection } from '../../src-shared/contract/documents';
import { checkpointSchema, pullQuerySchema, pushRequestSchema, type Checkpoint, type PullResponse, type PushResponse } from '../../src-shared/contract/sync';
import type { Database } from '../db/types';
import { badRequest, forbidden, notFound, zodMessage } from '../http/errors';
import { callerOf } from '../http/authenticate';
import type { ReplicationEvents } from '../replication/events';
import { applyPush } from '../replication/push';
import { pullDocuments } from '../replication/store';
import { mayPush } from '../replication/caller-rules';

export const PUSH_BODY_LIMIT = 1024 * 1024;

/** The :collection parameter, or 404 for anything not replicated. */
export function collectionOf(request: FastifyRequest): ReplicatedCollection {
  const { collection } = request.params as { collection?: string };
  if (!collection || !isReplicatedCollection(collection)) throw notFound(`Unknown collection "${collection ?? ''}"`);
  return collection;
}

function parseCheckpoint(raw: string | undefined): Checkpoint | null {
  if (raw === undefined || raw === '' || raw === 'null') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badRequest('checkpoint: not valid JSON');
  }
  if (value === null) return null;
  const parsed = checkpointSchema.safeParse(value);
  if (!parsed.success) throw badRequest(`checkpoint: ${zodMessage(parsed.error)}`);
  return parsed.data;
}

export function replicationRoutes(app: FastifyInstance, db: Database, events: ReplicationEvents): void {
  app.get('/replication/:collection/pull', async (request): Promise<PullResponse> => {
    const caller = callerOf(request);
    const collection = collectionOf(request);
    const query = pullQuerySchema.safeParse(request.query);
    if (!query.success) throw badRequest(zodMessage(query.error));
    const after = parseCheckpoint(query.data.checkpoint);
    return pullDocuments(db, { collection, agencyId: caller.agencyId, after, limit: query.data.limit });
  });

  app.post('/replication/:collection/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request): Promise<PushResponse> => {
    const caller = callerOf(request);
    const collection = collectionOf(request);
    if (!mayPush(caller.role, collection)) throw forbidden(`Your role may read but not change ${collection}`);
    const rows = pushRequestSchema.safeParse(request.body);
    if (!rows.success) throw badRequest(zodMessage(rows.error));
    const result = await applyPush(db, caller, collection, rows.data);
    if (result.written) events.publish(collection, caller.agencyId, result.written);
    return result.response;
  });
}
