/**
 * Live RxDB replication of every replicated collection with the portal: pull by server checkpoint,
 * push with conflict detection, and a server-sent-event stream for changes made elsewhere.
 * It never blocks start-up; failures retry with RxDB's retry timer, and `resync()` is called when
 * connectivity returns.
 */
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { REPLICATED_COLLECTIONS, type ReplicatedCollection } from '../../src-shared/contract/documents';
import {
  replicationPaths,
  type Checkpoint,
  type PullResponse,
  type PushResponse,
  type StreamEvent,
  type WireDocument,
} from '../../src-shared/contract/sync';
import type { MotcuaDatabase } from '../db/database';
import { openEventStream, type EventStreamHandle } from './event-stream';
import { markAccepted, markRejected } from './outbox';
import type { PortalClient } from './portal-client';

export const RETRY_TIME_MS = 5000;

export interface ReplicationController {
  states: Map<ReplicatedCollection, RxReplicationState<unknown, Checkpoint>>;
  /** Pull and push now, and reopen the live streams (after the network came back). */
  resync(): void;
  stop(): Promise<void>;
}

export function startReplication(db: MotcuaDatabase, client: PortalClient, agencyId: string): ReplicationController {
  const states = new Map<ReplicatedCollection, RxReplicationState<unknown, Checkpoint>>();
  const streams: EventStreamHandle<StreamEvent>[] = [];

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
        batchSize: 200,
        async handler(checkpoint, batchSize) {
          const query = new URLSearchParams({ limit: String(batchSize) });
          if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
          const response = await client.getJson<PullResponse>(`${paths.pull}?${query}`);
          return { documents: response.documents as never[], checkpoint: response.checkpoint ?? checkpoint ?? undefined };
        },
        stream$: stream.events$.asObservable() as never,
      },
      push: {
        batchSize: 50,
        async handler(rows) {
          const response = await client.postJson<PushResponse>(paths.push, rows);
          const conflictIds = new Set(response.conflicts.map((d) => d.id));
          const rejectedIds = new Set(response.rejected.map((r) => r.id));
          const accepted = rows
            .map((row) => row.newDocumentState as WireDocument)
            .filter((doc) => !conflictIds.has(doc.id) && !rejectedIds.has(doc.id));
          await markAccepted(db, name, accepted);
          await markRejected(db, name, response.rejected);
          return response.conflicts as never[];
        },
      },
    });
    states.set(name, state);
  }

  return {
    states,
    resync() {
      for (const stream of streams) stream.reconnect();
      for (const state of states.values()) state.reSync();
    },
    async stop() {
      for (const stream of streams) stream.close();
      await Promise.all([...states.values()].map((s) => s.cancel()));
    },
  };
}
