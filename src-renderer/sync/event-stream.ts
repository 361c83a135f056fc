/**
 * Server-sent events read with fetch, because EventSource cannot send the Authorization header.
 * Emits parsed `data:` payloads; reconnects with backoff and tells the caller when it did, so the
 * replication can re-sync whatever it missed while disconnected.
 */
import { Subject } from 'rxjs';
import { createBackoff } from './backoff';
import type { PortalClient } from './portal-client';

export interface EventStreamHandle<T> {
  events$: Subject<T | 'RESYNC'>;
  /** Reconnect now (e.g. the network came back) instead of waiting for the backoff. */
  reconnect(): void;
  close(): void;
}

const MAX_BACKOFF_MS = 30_000;
/** The portal sends a heartbeat every 15 s: silence for longer means a dead link that never said so. */
export const SILENCE_LIMIT_MS = 45_000;

export function openEventStream<T>(client: PortalClient, path: string): EventStreamHandle<T> {
  const events$ = new Subject<T | 'RESYNC'>();
  let closed = false;
  let controller: AbortController | undefined;
  let connectedBefore = false;
  const backoff = createBackoff(1000, MAX_BACKOFF_MS);

  async function readOnce(): Promise<void> {
    controller = new AbortController();
    const response = await client.authorized(path, { signal: controller.signal, headers: { accept: 'text/event-stream' } }, 24 * 3600_000);
    if (!response.body) throw new Error('stream without body');
    if (connectedBefore) events$.next('RESYNC');
    connectedBefore = true;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const current = controller;
    let watchdog = setTimeout(() => current.abort(), SILENCE_LIMIT_MS);
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().finally(() => clearTimeout(watchdog));
      if (done) return;
      watchdog = setTimeout(() => current.abort(), SILENCE_LIMIT_MS);
      backoff.succeeded();
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (data) events$.next(JSON.parse(data) as T);
      }
    }
  }

  void (async () => {
    while (!closed) {
      try {
        await readOnce();
      } catch {
        // unreachable portal, expired session, a cut or silent stream: wait, then try again
      }
      if (closed) break;
      backoff.failed();
      await backoff.wait();
    }
  })();

  return {
    events$,
    reconnect() {
      backoff.reset();
      controller?.abort();
    },
    close() {
      closed = true;
      controller?.abort();
      backoff.reset();
      events$.complete();
    },
  };
}
