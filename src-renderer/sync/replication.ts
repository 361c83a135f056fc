/**
 * Live RxDB replication of every replicated collection with the portal: pull by server checkpoint,
 * push with conflict detection (conflict-handlers.ts settles them), and a server-sent-event stream
 * for changes made elsewhere. It never blocks start-up. Failed attempts wait by one shared
 * exponential backoff (one link serves every collection); `resync()` — the network came back —
 * ends the wait and pulls, pushes and reopens the streams at once.
 */
import { tap } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { REPLICATED_COLLECTIONS, type ReplicatedCollection } from '../../src-shared/contract/documents';
import {
  replicationPaths,
  type Checkpoint,
  type PullResponse,
  type PushResponse,
  type PushRow,
  type StreamEvent,
  type WireDocument,
} from '../../src-shared/contract/sync';
import type { MotcuaDatabase } from '../db/database';
import { createBackoff, type Backoff } from './backoff';
import { openEventStream, type EventStreamHandle } from './event-stream';
import { markAccepted, markFailed, markRejected } from './outbox';
import { PortalError, type PortalClient } from './portal-client';

/** RxDB's own retry tick; the real spacing of attempts comes from the backoff. */
export const RETRY_TIME_MS = 1000;
export const PULL_BATCH = 200;
export const PUSH_BATCH = 50;

export interface ReplicationController {
  states: Map<ReplicatedCollection, RxReplicationState<unknown, Checkpoint>>;
  /** Pull and push now, and reopen the live streams (after the network came back). */
  resync(): void;
  stop(): Promise<void>;
}

/** Refusals of a whole request that one bad row can cause: retry row by row to find it. */
const ROW_FAULTS = new Set([400, 413, 422]);

/**
 * Pushes rows; a batch the portal refuses as a whole is split so one poisoned row is set aside with
 * the portal's message and never holds back the others.
 */
async function pushRows(client: PortalClient, path: string, rows: PushRow[]): Promise<PushResponse> {
  try {
    return await client.postJson<PushResponse>(path, rows);
  } catch (error) {
    if (!(error instanceof PortalError) || !ROW_FAULTS.has(error.status)) throw error;
    const [first] = rows;
    if (rows.length === 1 && first) return { conflicts: [], rejected: [{ id: first.newDocumentState.id, reason: error.message }] };
    const merged: PushResponse = { conflicts: [], rejected: [] };
    for (const row of rows) {
      const one = await pushRows(client, path, [row]);
      merged.conflicts.push(...one.conflicts);
      merged.rejected.push(...one.rejected);
    }
    return merged;
  }
}

/** Runs one attempt under the shared backoff: waits if earlier attempts failed, records the outcome. */
async function attempt<T>(backoff: Backoff, run: () => Promise<T>, onFailure?: (error: Error) => Promise<void>): Promise<T> {
  await backoff.wait();
  try {
    const result = await run();
    backoff.succeeded();
    return result;
  } catch (error) {
    backoff.failed();
    await onFailure?.(error as Error).catch(() => undefined);
    throw error;
  }
}

export function startReplication(db: MotcuaDatabase, client: PortalClient, agencyId: string): ReplicationController {
  const states = new Map<ReplicatedCollection, RxReplicationState<unknown, Checkpoint>>();
  const streams: EventStreamHandle<StreamEvent>[] = [];
  const backoff = createBackoff();

  for (const name of REPLICATED_COLLECTIONS) {
    const paths = replicationPaths(name);
    const stream = openEventStream<StreamEvent>(client, paths.stream);
    streams.push(stream);
    const state = replicateRxCollection<unknown, Checkpoint>({
      collection: db[name] as never,
      replicationIdentifier: `motcua|${client.baseUrl}|${agencyId}|${name}`,
      live: true,
      retryTime: RETRY_TIME_MS,
      waitForLeadership: false,
      autoStart: true,
      pull: {
        batchSize: PULL_BATCH,
        handler: (checkpoint, batchSize) =>
          attempt(backoff, async () => {
            const query = new URLSearchParams({ limit: String(batchSize) });
            if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
            const response = await client.getJson<PullResponse>(`${paths.pull}?${query}`);
            // A push whose answer was lost may come back by pull: the portal holds that version, so its row goes.
            await markAccepted(db, name, response.documents);
            return { documents: response.documents as never[], checkpoint: response.checkpoint ?? checkpoint ?? undefined };
          }),
        stream$: stream.events$.pipe(
          tap((event) => {
            if (event !== 'RESYNC') void markAccepted(db, name, event.documents).catch(() => undefined);
          }),
        ) as never,
      },
      push: {
        batchSize: PUSH_BATCH,
        handler: (rows) => {
          const docs = rows.map((row) => row.newDocumentState as WireDocument);
          return attempt(
            backoff,
            async () => {
              const response = await pushRows(client, paths.push, rows as PushRow[]);
              const conflictIds = new Set(response.conflicts.map((d) => d.id));
              const rejectedIds = new Set(response.rejected.map((r) => r.id));
              await markAccepted(db, name, docs.filter((doc) => !conflictIds.has(doc.id) && !rejectedIds.has(doc.id)));
              await markRejected(db, name, response.rejected);
              return response.conflicts as never[];
            },
            // Offline is not an error: rows stay pending. The portal answering with a failure is one.
            async (error) => {
              if (error instanceof PortalError) await markFailed(db, name, docs.map((d) => d.id), error.message);
            },
          );
        },
      },
    });
    states.set(name, state);
  }

  return {
    states,
    resync() {
      backoff.reset();
      for (const stream of streams) stream.reconnect();
      for (const state of states.values()) state.reSync();
    },
    async stop() {
      backoff.reset();
      for (const stream of streams) stream.close();
      await Promise.all([...states.values()].map((s) => s.cancel()));
    },
  };
}
