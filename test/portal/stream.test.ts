/** The live stream: server-sent events of documents written for the caller's agency. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, AGENCY_B, call, startPortal, userToken, type RunningPortal } from './support/portal';
import { dossier } from './support/docs';
import { SseReader } from './support/sse';

describe.each(DB_TARGETS)('live stream ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let clerkA: string;
  let clerkB: string;
  const aborts: AbortController[] = [];

  async function open(collection: string, token?: string): Promise<SseReader> {
    const abort = new AbortController();
    aborts.push(abort);
    const res = await fetch(`${portal.base}/replication/${collection}/stream`, {
      headers: token ? { authorization: `Bearer ${token}`, origin: 'http://localhost:5173' } : {},
      signal: abort.signal,
    });
    return new SseReader(res);
  }

  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db, { heartbeatMs: 200 });
    clerkA = await userToken(portal, 'clerk-a', 'clerk', AGENCY_A);
    clerkB = await userToken(portal, 'clerk-b', 'clerk', AGENCY_B);
  }, SETUP_TIMEOUT);
  let closed = false;
  afterAll(async () => {
    for (const abort of aborts) abort.abort();
    if (!closed) await portal?.close();
    await db?.cleanup();
  });

  it('delivers a pushed document to streams of the same agency and collection only', async () => {
    const streamA = await open('dossiers', clerkA);
    expect(streamA.response.status).toBe(200);
    expect(streamA.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(streamA.response.headers.get('access-control-allow-origin')).toBe('*');
    await streamA.until(': connected');
    const streamB = await open('dossiers', clerkB);
    await streamB.until(': connected');
    const eventsA = await open('dossierEvents', clerkA);
    await eventsA.until(': connected');

    const doc = dossier(AGENCY_A);
    const pushed = await call(portal.base, '/replication/dossiers/push', { token: clerkA, body: [{ newDocumentState: doc }] });
    expect(pushed.status).toBe(200);

    const [event] = await streamA.nextEvents();
    expect(event?.documents).toEqual([doc]);
    expect(event?.checkpoint).toEqual({ id: doc.id, seq: expect.any(Number) });
    const pulled = await call<{ checkpoint: unknown }>(portal.base, '/replication/dossiers/pull', { token: clerkA });
    expect(pulled.body.checkpoint).toEqual(event?.checkpoint);

    // Agency B and the other collection hear nothing: a B write is the next thing B's stream sees.
    const docB = dossier(AGENCY_B);
    await call(portal.base, '/replication/dossiers/push', { token: clerkB, body: [{ newDocumentState: docB }] });
    expect((await streamB.nextEvents()).flatMap((e) => e.documents.map((d) => d.id))).toEqual([docB.id]);
    await expect(eventsA.until('data:', 300)).rejects.toThrow(/timed out/);
  });

  it('does not announce an idempotent retry or a rejected document', async () => {
    const stream = await open('dossiers', clerkA);
    await stream.until(': connected');
    const doc = dossier(AGENCY_A);
    await call(portal.base, '/replication/dossiers/push', { token: clerkA, body: [{ newDocumentState: doc }] });
    await stream.nextEvents();
    await call(portal.base, '/replication/dossiers/push', { token: clerkA, body: [{ newDocumentState: doc }] });
    await call(portal.base, '/replication/dossiers/push', { token: clerkA, body: [{ newDocumentState: { ...doc, id: 'bad', status: 0 } }] });
    await expect(stream.until('data:', 300)).rejects.toThrow(/timed out/);
  });

  it('requires authentication and a known collection', async () => {
    expect((await open('dossiers')).response.status).toBe(401);
    expect((await open('nope', clerkA)).response.status).toBe(404);
  });

  it('sends heartbeat comments and unsubscribes when the client goes away', async () => {
    const before = portal.events.listenerCount();
    const abort = new AbortController();
    const res = await fetch(`${portal.base}/replication/dossiers/stream`, { headers: { authorization: `Bearer ${clerkA}` }, signal: abort.signal });
    const reader = new SseReader(res);
    await reader.until(': connected');
    expect(portal.events.listenerCount()).toBe(before + 1);
    await reader.until(': heartbeat');
    abort.abort();
    await expect.poll(() => portal.events.listenerCount()).toBe(before);
  });

  // Last: it closes the shared portal (one PGlite folder must never be opened twice at once).
  it('closes the server promptly while streams are open', async () => {
    const reader = await open('dossiers', clerkA);
    await reader.until(': connected');
    const started = Date.now();
    closed = true;
    await portal.close();
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(reader.until('never')).rejects.toThrow(/ended|terminated|timed out/);
  });
});
