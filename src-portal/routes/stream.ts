/**
 * GET /api/v1/replication/:collection/stream: server-sent events of documents written for the
 * caller's agency. A client that (re)connects must pull from its checkpoint first: events written
 * while it was away are not replayed here. Browsers' EventSource cannot send an Authorization
 * header, so clients read this with fetch() and a streamed body.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { StreamEvent } from '../../src-shared/contract/sync';
import { callerOf } from '../http/authenticate';
import type { ReplicationEvents } from '../replication/events';
import { collectionOf } from './replication';

export const HEARTBEAT_MS = 15_000;
/** A client this far behind is disconnected (it will reconnect and pull) rather than buffered forever. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export function streamRoutes(app: FastifyInstance, events: ReplicationEvents, heartbeatMs = HEARTBEAT_MS): void {
  const open = new Set<ServerResponse>();
  let closing = false;
  // Open streams never end by themselves: end them so server.close() does not wait forever, and
  // refuse streams reopened during the shutdown (they would hold it open just the same).
  app.addHook('preClose', async () => {
    closing = true;
    for (const res of open) res.end();
  });

  app.get('/replication/:collection/stream', async (request, reply) => {
    const caller = callerOf(request);
    const collection = collectionOf(request);
    const res = reply.raw;
    if (closing) return reply.code(503).send({ error: 'shutting_down', message: 'The portal is shutting down' });
    reply.hijack(); // from here fastify sends nothing: headers set by hooks (CORS) are copied by hand
    const hookHeaders = Object.entries(reply.getHeaders()).filter((e): e is [string, string | number | string[]] => e[1] !== undefined);
    res.writeHead(200, {
      ...Object.fromEntries(hookHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // stop reverse proxies from buffering the stream
    });
    res.write('retry: 5000\n: connected\n\n');
    open.add(res);

    const send = (event: StreamEvent) => {
      if (res.writableLength > MAX_BUFFERED_BYTES) return res.destroy();
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    };
    const unsubscribe = events.subscribe(collection, caller.agencyId, send);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    });
  });
}
