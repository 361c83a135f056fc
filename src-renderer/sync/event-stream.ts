/**
 * Server-sent events read with fetch, because EventSource cannot send the Authorization header.
 * Emits parsed `data:` payloads; reconnects with backoff and tells the caller when it did, so the
 * replication can re-sync whatever it missed while disconnected.
 */
import { Subject } from 'rxjs';
import type { PortalClient } from './portal-client';

export interface EventStreamHandle<T> {
  events$: Subject<T | 'RESYNC'>;
  /** Reconnect now (e.g. the network came back) instead of waiting for the backoff. */
  reconnect(): void;
  close(): void;
}

const MAX_BACKOFF_MS = 30_000;

export function openEventStream<T>(client: PortalClient, path: string): EventStreamHandle<T> {
  const events$ = new Subject<T | 'RESYNC'>();
  let closed = false;
  let controller: AbortController | undefined;
  let wake: (() => void) | undefined;
  let connectedBefore = false;

  async function readOnce(): Promise<void> {
    controller = new AbortController();
    const response = await client.authorized(path, { signal: controller.signal, headers: { accept: 'text/event-stream' } }, 24 * 3600_000);
    if (!response.body) throw new Error('stream without body');
    if (connectedBefore) events$.next('RESYNC');
    connectedBefore = true;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
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
    let backoff = 1000;
    while (!closed) {
      const startedAt = Date.now();
      try {
        await readOnce();
      } catch {
        // unreachable portal, expired session or a cut stream: wait, then try again
      }
      if (closed) break;
      if (Date.now() - startedAt > 60_000) backoff = 1000;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, backoff);
      });
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  })();

  return {
    events$,
    reconnect() {
      controller?.abort();
      wake?.();
    },
    close() {
      closed = true;
      controller?.abort();
      wake?.();
      events$.complete();
    },
  };
}
