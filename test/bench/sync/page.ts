/**
 * The sync bench page: the app's own database (`openDatabase`), portal client and replication
 * (`startReplication`) in real Chromium against a real portal process. Exposes
 * `window.syncBench.pull(params)` (catch-up of an empty workstation) and `.push(params)` (a day of
 * offline work sent when the portal is reachable again); progress goes to the console as `[sync] …`.
 */
import { getValidator } from 'rxdb/plugins/validate-z-schema';
import { openDatabase, type MotcuaDatabase } from '../../../src-renderer/db/database';
import { writeDossierChange } from '../../../src-renderer/dossiers/write';
import { createPortalClient, type PortalClient } from '../../../src-renderer/sync/portal-client';
import { startReplication } from '../../../src-renderer/sync/replication';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { replicationPaths, type PullResponse } from '../../../src-shared/contract/sync';
import type { TokenResponse } from '../../../src-shared/contract/portal-api';
import { openPlainDatabase } from '../lib/plain-database';
import type { PortalLogin, PullParams, PullProfile, PullResult, PushParams, PushResult } from './protocol';

const log = (message: string) => console.log(`[sync] ${message}`);
const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let dbCounter = 0;
const freshName = (what: string) => `motcua_bench_${what}_${Date.now()}_${++dbCounter}`;

/** Signed in as the app does (POST /auth/login through the portal client), tokens kept in memory. */
async function signIn(p: PortalLogin): Promise<PortalClient> {
  let tokens: TokenResponse | null = null;
  const client = createPortalClient(p.portalUrl, {
    get: () => tokens,
    set: (t) => (tokens = t),
    expired: () => (tokens = null),
  });
  await client.login(p.username, p.password);
  return client;
}

/** Resolves when `done()` holds, checked on every `tick` call and every 250 ms; rejects after `timeoutMs`. */
function waitFor(done: () => boolean, timeoutMs: number, what: string): { promise: Promise<number>; tick(): void } {
  let resolve!: (t: number) => void;
  let finished = false;
  const promise = new Promise<number>((res, rej) => {
    resolve = res;
    const timer = setInterval(() => {
      if (finished) return clearInterval(timer);
      if (done()) check();
    }, 250);
    setTimeout(() => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      rej(new Error(`${what}: not done after ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
  });
  const check = () => {
    if (!finished && done()) {
      finished = true;
      resolve(now());
    }
  };
  return { promise, tick: check };
}

async function baselinePull(client: PortalClient, batchSize: number, keep: DossierDoc[]): Promise<PullResult['baseline']> {
  const path = replicationPaths('dossiers').pull;
  let checkpoint: PullResponse['checkpoint'] = null;
  let docs = 0;
  let requests = 0;
  const startedAt = Date.now();
  const t0 = now();
  for (;;) {
    const query = new URLSearchParams({ limit: String(batchSize) });
    if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
    const response: PullResponse = await client.getJson<PullResponse>(`${path}?${query}`);
    requests++;
    docs += response.documents.length;
    for (const d of response.documents) keep.push(d as unknown as DossierDoc);
    checkpoint = response.checkpoint;
    if (response.documents.length < batchSize) break;
  }
  return { ms: now() - t0, docs, requests, window: [startedAt, Date.now()] };
}

async function profileInserts(docs: DossierDoc[], batchSize: number): Promise<PullProfile> {
  const plainDocs = docs.map((d) => {
    const { _deleted: _d, ...rest } = d as DossierDoc & { _deleted?: boolean };
    return rest as DossierDoc;
  });
  const batches: DossierDoc[][] = [];
  for (let i = 0; i < plainDocs.length; i += batchSize) batches.push(plainDocs.slice(i, i + batchSize));

  const app = await openDatabase(freshName('profile_app'));
  let t0 = now();
  for (const b of batches) await app.dossiers.bulkInsert(structuredClone(b));
  const appMs = now() - t0;
  const validate = getValidator(app.dossiers.schema.jsonSchema);
  await app.remove();
  log(`profile: app stack ${Math.round(appMs)} ms`);

  const plain = await openPlainDatabase(freshName('profile_plain'), ['dossiers']);
  t0 = now();
  for (const b of batches) await plain.dossiers.bulkInsert(structuredClone(b));
  const plainMs = now() - t0;
  await plain.remove();
  log(`profile: without validation ${Math.round(plainMs)} ms`);

  const stored = plainDocs.map((d) => ({ ...d, _deleted: false, _rev: '1-bench', _meta: { lwt: Date.now() }, _attachments: {} }));
  t0 = now();
  let invalid = 0;
  for (const d of stored) if (validate(d).length > 0) invalid++;
  const validateMs = now() - t0;
  if (invalid) log(`profile: z-schema refused ${invalid} documents`);
  log(`profile: z-schema alone ${Math.round(validateMs)} ms`);
  return { docs: docs.length, batchSize, appMs, plainMs, validateMs };
}

async function pull(p: PullParams): Promise<PullResult> {
  const client = await signIn(p);
  // Warm the connection and the JIT with one small request, untimed.
  await client.getJson(`${replicationPaths('dossiers').pull}?limit=1`);
  const kept: DossierDoc[] = [];
  const baseline = await baselinePull(client, p.batchSize, kept);
  log(`baseline: ${baseline.docs} dossiers over HTTP in ${Math.round(baseline.ms)} ms (${baseline.requests} requests)`);

  const db = await openDatabase(freshName('pull'));
  const errors: string[] = [];
  const progress: [number, number][] = [];
  let inserted = 0;
  let firstDocAt = 0;
  const done = waitFor(() => inserted >= p.expected, 15 * 60_000, 'catch-up pull');
  const sub = db.dossiers.$.subscribe((event) => {
    if (event.operation !== 'INSERT') return;
    inserted++;
    if (inserted === 1) firstDocAt = now();
    if (inserted >= p.expected) done.tick();
  });

  await window.benchMark?.('start:pull');
  const t0 = now();
  const startedAt = Date.now();
  const replication = startReplication(db, client, p.agencyId);
  const state = replication.states.get('dossiers')!;
  const errorSubs = [...replication.states.values()].map((s) => s.error$.subscribe((e) => errors.length < 20 && errors.push(String(e?.message ?? e).slice(0, 300))));
  let initialAt = 0;
  void state.awaitInitialReplication().then(() => (initialAt = now()));
  const ticker = setInterval(() => {
    progress.push([Math.round(now() - t0), inserted]);
    if (progress.length % 5 === 0) log(`pull: ${inserted}/${p.expected} after ${((now() - t0) / 1000).toFixed(0)} s`);
  }, 1000);
  let endAt: number;
  try {
    endAt = await done.promise;
  } finally {
    clearInterval(ticker);
  }
  const endedAt = Date.now();
  await window.benchMark?.('stop:pull');
  const counted = await db.dossiers.count().exec();
  while (!initialAt && now() - t0 < 60_000 + (endAt - t0)) await sleep(20);
  await replication.stop();
  sub.unsubscribe();
  errorSubs.forEach((s) => s.unsubscribe());
  await db.remove();
  log(`replication: ${counted} dossiers stored in ${Math.round(endAt - t0)} ms`);
  progress.push([Math.round(endAt - t0), inserted]);

  const profile = p.profile ? await profileInserts(kept, p.batchSize) : null;
  return {
    baseline,
    replication: { ms: endAt - t0, docs: counted, initialMs: initialAt ? initialAt - t0 : -1, firstDocMs: firstDocAt ? firstDocAt - t0 : -1, progress, errors, window: [startedAt, endedAt] },
    profile,
  };
}

async function push(p: PushParams): Promise<PushResult> {
  const client = await signIn(p);
  const db: MotcuaDatabase = await openDatabase(freshName('push'));
  let t0 = now();
  for (let i = 0; i < p.dossiers.length; i++) {
    await writeDossierChange(db, p.dossiers[i]!, p.events[i]!);
    if ((i + 1) % 250 === 0) log(`offline: ${i + 1}/${p.dossiers.length} dossiers saved`);
  }
  const offlineWriteMs = now() - t0;
  const outboxBefore = await db.outbox.count().exec();
  const dossierRows = p.dossiers.length;
  log(`offline: ${p.dossiers.length} dossiers + events in ${Math.round(offlineWriteMs)} ms, ${outboxBefore} outbox rows`);

  let removedDossiers = 0;
  let removed = 0;
  let rejected = 0;
  const dossiersDone = waitFor(() => removedDossiers >= dossierRows, 15 * 60_000, 'push (dossiers)');
  const allDone = waitFor(() => removed + rejected >= outboxBefore, 15 * 60_000, 'push (outbox)');
  const sub = db.outbox.$.subscribe((event) => {
    if (event.operation === 'DELETE') {
      removed++;
      if (event.documentData.target === 'dossiers') removedDossiers++;
    } else if (event.documentData.state === 'rejected') rejected++;
    dossiersDone.tick();
    allDone.tick();
  });
  const errors: string[] = [];
  await window.benchMark?.('start:push');
  t0 = now();
  const startedAt = Date.now();
  const replication = startReplication(db, client, p.agencyId);
  const errorSubs = [...replication.states.values()].map((s) => s.error$.subscribe((e) => errors.length < 20 && errors.push(String(e?.message ?? e).slice(0, 300))));
  const ticker = setInterval(() => log(`push: outbox ${outboxBefore - removed - rejected} left after ${((now() - t0) / 1000).toFixed(0)} s`), 5000);
  let dossiersAt: number;
  let allAt: number;
  try {
    [dossiersAt, allAt] = await Promise.all([dossiersDone.promise, allDone.promise]);
  } finally {
    clearInterval(ticker);
  }
  const endedAt = Date.now();
  await window.benchMark?.('stop:push');
  await replication.stop();
  sub.unsubscribe();
  errorSubs.forEach((s) => s.unsubscribe());
  await db.remove();
  log(`push: dossiers accepted after ${Math.round(dossiersAt - t0)} ms, outbox empty after ${Math.round(allAt - t0)} ms`);
  return { offlineWriteMs, outboxBefore, dossiersMs: dossiersAt - t0, allMs: allAt - t0, rejected, errors, window: [startedAt, endedAt] };
}

window.syncBench = { pull, push };
