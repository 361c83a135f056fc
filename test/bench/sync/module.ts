/**
 * Node side of the sync bench: portal processes (PGlite, PostgreSQL), the bench page in Chromium
 * for the workstation figures (catch-up pull, offline push), simulated workstations for the load
 * figures, then the file-upload figures (uploads.ts). Sizes come from BENCH_SYNC_* (README).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession } from '@playwright/test';
import { build } from 'vite';
import { API_PREFIX, type PullResponse, type PushResponse } from '../../../src-shared/contract/sync';
import type { TokenResponse } from '../../../src-shared/contract/portal-api';
import { launchBenchBrowser } from '../lib/chromium';
import { serveStatic } from '../lib/static-server';
import { meetsGoal } from '../lib/table';
import type { BenchContext, BenchModule, BenchRow, BenchSection, Goal } from '../lib/types';
import { BENCH_AGENCY, generateDossiers, pushRows, rehome, type DossierWithEvent } from './docs';
import { JsonHttp } from './http';
import { runLoad, type LoadResult } from './load';
import { profilerHooks } from './cpu-profile';
import { addUser, pgliteDatabase, postgresDatabase, sampleActivity, startPortal, type PortalDatabase } from './portal';
import type { PullResult, PushResult } from './protocol';
import { describeServerTimes, readServerLog } from './server-log';
import { uploadBench } from './uploads';

const PULL_GOAL: Goal = { value: 2000, name: 'catch-up pull at 2,000 dossiers/s or more' };
const PUSH_GOAL: Goal = { value: 1000, name: 'offline push at 1,000 dossiers/s or more' };
const P99_GOAL: Goal = { value: 250, name: 'p99 latency under load ≤ 250 ms on PostgreSQL' };

const PASSWORD = 'bench-password-2026';
const PUSH_AGENCY = '000.17.23.H56';
/** The app's replication batch sizes (src-renderer/sync/replication.ts). */
const PULL_BATCH = 200;
const PUSH_BATCH = 50;

type Part = 'pull' | 'push' | 'load' | 'uploads';

interface SyncConfig {
  pull: number;
  push: number;
  clients: number;
  seconds: number;
  warmup: number;
  agencies: number;
  databases: ('pglite' | 'postgres')[];
  /** The portal database of the workstation figures (pull, push). */
  workstationDb: 'pglite' | 'postgres';
  streams: boolean;
  thinkMs: number;
  profile: boolean;
  logLevel: string;
  parts: Part[];
  cpuProfile: boolean;
}

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

function listFromEnv<T extends string>(name: string, fallback: T[], allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i as T));
  if (bad.length) throw new Error(`${name}: unknown ${bad.join(', ')} (have: ${allowed.join(', ')})`);
  return items as T[];
}

function configFromEnv(): SyncConfig {
  return {
    pull: intFromEnv('BENCH_SYNC_PULL', 10_000, 1),
    push: intFromEnv('BENCH_SYNC_PUSH', 1000, 1),
    clients: intFromEnv('BENCH_SYNC_CLIENTS', 200, 1),
    seconds: intFromEnv('BENCH_SYNC_SECONDS', 25, 1),
    warmup: intFromEnv('BENCH_SYNC_WARMUP', 5, 0),
    agencies: intFromEnv('BENCH_SYNC_AGENCIES', 20, 1),
    databases: listFromEnv('BENCH_SYNC_DB', ['pglite', 'postgres'], ['pglite', 'postgres'] as const),
    workstationDb: listFromEnv('BENCH_SYNC_WS_DB', ['pglite'], ['pglite', 'postgres'] as const)[0] ?? 'pglite',
    streams: process.env.BENCH_SYNC_STREAMS !== '0',
    thinkMs: intFromEnv('BENCH_SYNC_THINK_MS', 0, 0),
    profile: process.env.BENCH_SYNC_PROFILE !== '0',
    logLevel: process.env.BENCH_SYNC_LOG_LEVEL || 'info',
    cpuProfile: process.env.BENCH_SYNC_CPU_PROFILE === '1',
    parts: listFromEnv('BENCH_SYNC_PARTS', ['pull', 'push', 'load', 'uploads'], ['pull', 'push', 'load', 'uploads'] as const),
  };
}

const n = (v: number) => v.toLocaleString('en-US');
const mib = (kib: number) => kib / 1024;
const perSecond = (docs: number, ms: number) => docs / (ms / 1000);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function login(http: JsonHttp, username: string): Promise<string> {
  return (await http.ok<TokenResponse>('POST', `${API_PREFIX}/auth/login`, { body: { username, password: PASSWORD } })).accessToken;
}

/** Pushes through the push route in batches; throws on any refused row. */
async function pushAll(http: JsonHttp, token: string, collection: 'dossiers' | 'dossierEvents', docs: object[], batch: number): Promise<void> {
  for (let i = 0; i < docs.length; i += batch) {
    const reply = await http.ok<PushResponse>('POST', `${API_PREFIX}/replication/${collection}/push`, { body: pushRows(docs.slice(i, i + batch)), token });
    if (reply.rejected.length || reply.conflicts.length) throw new Error(`seeding ${collection}: portal refused ${JSON.stringify(reply.rejected[0] ?? reply.conflicts[0]).slice(0, 300)}`);
  }
}

/** Dossiers the portal holds for the token's agency (a full pull). */
async function countOnPortal(http: JsonHttp, token: string): Promise<number> {
  let checkpoint: PullResponse['checkpoint'] = null;
  let count = 0;
  for (;;) {
    const query = new URLSearchParams({ limit: '500' });
    if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
    const reply = await http.ok<PullResponse>('GET', `${API_PREFIX}/replication/dossiers/pull?${query}`, { token });
    count += reply.documents.filter((d) => !d._deleted).length;
    checkpoint = reply.checkpoint;
    if (reply.documents.length < 500) return count;
  }
}

/** The baseline push: plain fetch from Node, one batch after the other, per collection (both collections at once). */
async function fetchPush(portalUrl: string, token: string, sets: { collection: 'dossiers' | 'dossierEvents'; docs: object[] }[]): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    sets.map(async ({ collection, docs }) => {
      for (let i = 0; i < docs.length; i += PUSH_BATCH) {
        const res = await fetch(`${portalUrl}${API_PREFIX}/replication/${collection}/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(pushRows(docs.slice(i, i + PUSH_BATCH))),
        });
        const body = (await res.json()) as PushResponse;
        if (!res.ok || body.rejected.length || body.conflicts.length) throw new Error(`baseline push: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      }
    }),
  );
  return performance.now() - t0;
}

/** Samples the page's JS heap (CDP Runtime.getHeapUsage) every 200 ms. */
function heapSampler(cdp: CDPSession): { peakBetween(from: number, to: number): number | null; stop(): void } {
  const samples: [number, number][] = [];
  let stopped = false;
  void (async () => {
    while (!stopped) {
      try {
        const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        samples.push([Date.now(), usedSize]);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    peakBetween(from, to) {
      const inside = samples.filter(([t]) => t >= from && t <= to + 250).map(([, v]) => v);
      return inside.length ? Math.max(...inside) : null;
    },
    stop: () => (stopped = true),
  };
}

interface WorkstationResults {
  pull: PullResult | null;
  push: (PushResult & { baselineDossiersMs: number; baselineAllMs: number; onPortal: number }) | null;
  seedMs: number;
  heap: { pull: number | null; push: number | null };
  portalPeakKiB: number | null;
  database: string;
  chromium: string;
  /** Server time per request (portal log) in each phase. */
  serverTimes: Record<string, string[]>;
  /** Epoch ms windows of the phases. */
  windows: Record<string, [number, number]>;
  loadAverage: number;
  /** BENCH_SYNC_CPU_PROFILE=1: where the page's CPU time went during each figure. */
  cpuProfiles: Record<string, string[]>;
}

/** Parts 1 and 2: one portal (PGlite unless BENCH_SYNC_WS_DB=postgres), the bench page in Chromium. */
async function workstationFigures(ctx: BenchContext, cfg: SyncConfig, logDir: string, findings: string[]): Promise<WorkstationResults> {
  const { root } = ctx;
  ctx.log('building the sync bench page with vite');
  await build({ configFile: path.join(root, 'test', 'bench', 'sync', 'vite.config.ts'), logLevel: 'warn' });
  let db: PortalDatabase = pgliteDatabase();
  if (cfg.workstationDb === 'postgres') {
    const pg = await postgresDatabase(ctx.log);
    if ('skip' in pg) findings.push(`BENCH_SYNC_WS_DB=postgres: ${pg.skip}; the workstation figures ran on PGlite`);
    else {
      await db.cleanup();
      db = pg;
    }
  }
  const http: { client?: JsonHttp } = {};
  const windows: Record<string, [number, number]> = {};
  const out: WorkstationResults = { pull: null, push: null, seedMs: 0, heap: { pull: null, push: null }, portalPeakKiB: null, database: db.describe, chromium: '', serverTimes: {}, windows, loadAverage: 0, cpuProfiles: {} };
  let logFile = '';
  try {
    ctx.log('creating the clerks with the portal CLI (PGlite: before the portal starts)');
    await addUser(root, db, { username: 'bench-pull', password: PASSWORD, role: 'clerk', agencyId: BENCH_AGENCY });
    await addUser(root, db, { username: 'bench-push', password: PASSWORD, role: 'clerk', agencyId: PUSH_AGENCY });
    const portal = await startPortal(root, db, { logLevel: cfg.logLevel, logDir });
    logFile = portal.logFile;
    try {
      http.client = new JsonHttp(portal.url, 8);
      if (cfg.parts.includes('pull')) {
        ctx.log(`generating ${n(cfg.pull)} dossiers and pushing them to the portal in batches of ${PULL_BATCH}`);
        const docs = generateDossiers(cfg.pull, 20261120).map((d) => d.dossier);
        const token = await login(http.client, 'bench-pull');
        const t0 = performance.now();
        const from = Date.now();
        await pushAll(http.client, token, 'dossiers', docs, PULL_BATCH);
        out.seedMs = performance.now() - t0;
        windows.seed = [from, Date.now()];
        ctx.log(`seeded ${n(docs.length)} dossiers in ${seconds(out.seedMs)}`);
      }
      const server = await serveStatic(path.join(root, 'test', 'bench', '.build', 'sync'));
      const browser = await launchBenchBrowser((text, type) => {
        if (text.startsWith('[sync]') || type === 'error') ctx.log(text);
      });
      const cdp = await browser.context.newCDPSession(browser.page);
      const heap = heapSampler(cdp);
      const profiler = cfg.cpuProfile ? profilerHooks(await browser.context.newCDPSession(browser.page)) : null;
      if (profiler) await browser.page.exposeFunction('benchMark', (what: string) => profiler.mark(what));
      try {
        out.chromium = browser.version;
        ctx.machine.chromium ??= browser.version;
        await browser.page.goto(server.url);
        await browser.page.waitForFunction(() => typeof window.syncBench === 'object');
        if (cfg.parts.includes('pull')) {
          ctx.log(`catch-up pull of ${n(cfg.pull)} dossiers in ${browser.version}`);
          const params = { portalUrl: portal.url, username: 'bench-pull', password: PASSWORD, agencyId: BENCH_AGENCY, expected: cfg.pull, batchSize: PULL_BATCH, profile: cfg.profile };
          out.pull = await browser.page.evaluate((p) => window.syncBench.pull(p), params);
          out.heap.pull = heap.peakBetween(...out.pull.replication.window);
          windows['baseline pull'] = out.pull.baseline.window;
          windows['replication pull'] = out.pull.replication.window;
        }
        if (cfg.parts.includes('push')) {
          const source = generateDossiers(cfg.push, 20261121);
          const offline = source.map((d) => rehome(d, PUSH_AGENCY));
          ctx.log(`push of ${n(cfg.push)} dossiers saved offline`);
          const params = { portalUrl: portal.url, username: 'bench-push', password: PASSWORD, agencyId: PUSH_AGENCY, dossiers: offline.map((d) => d.dossier), events: offline.map((d) => d.event) };
          const result = await browser.page.evaluate((p) => window.syncBench.push(p), params);
          out.heap.push = heap.peakBetween(...result.window);
          windows['replication push'] = result.window;
          const token = await login(http.client, 'bench-push');
          const onPortal = await countOnPortal(http.client, token);
          ctx.log('baselines: the same dossiers (new ids) pushed by fetch from Node');
          const again = source.map((d) => rehome(d, PUSH_AGENCY));
          const from = Date.now();
          const baselineDossiersMs = await fetchPush(portal.url, token, [{ collection: 'dossiers', docs: again.map((d) => d.dossier) }]);
          const third = source.map((d) => rehome(d, PUSH_AGENCY));
          const baselineAllMs = await fetchPush(portal.url, token, [
            { collection: 'dossiers', docs: third.map((d) => d.dossier) },
            { collection: 'dossierEvents', docs: third.map((d) => d.event) },
          ]);
          windows['baseline push'] = [from, Date.now()];
          out.push = { ...result, baselineDossiersMs, baselineAllMs, onPortal };
        }
        if (profiler) out.cpuProfiles = Object.fromEntries(profiler.results);
      } finally {
        heap.stop();
        await cdp.detach().catch(() => undefined);
        await browser.close();
        await server.close();
      }
    } finally {
      http.client?.close();
      out.loadAverage = os.loadavg()[0]!;
      out.portalPeakKiB = (await portal.stop())?.peakKiB ?? null;
    }
    const requests = readServerLog(logFile);
    for (const [phase, [from, to]] of Object.entries(windows)) out.serverTimes[phase] = describeServerTimes(requests, from, to + 100);
  } finally {
    await db.cleanup();
  }
  return out;
}

interface LoadRun {
  kind: 'pglite' | 'postgres';
  database: string;
  result: LoadResult;
  portalPeakKiB: number | null;
  usersMs: number;
  serverTimes: string[];
  /** What the portal's PostgreSQL connections were doing on average (null on PGlite). */
  activity: string | null;
}

const agencyIds = (count: number) => Array.from({ length: count }, (_, i) => `000.30.${String(i + 1).padStart(2, '0')}.H56`);

/** Part 3 on one database: fresh database, one clerk per agency, portal, simulated workstations. */
async function loadOn(ctx: BenchContext, cfg: SyncConfig, db: PortalDatabase, pool: DossierWithEvent[], logDir: string): Promise<LoadRun> {
  const agencies = agencyIds(cfg.agencies).map((agencyId, i) => ({ agencyId, username: `clerk-${String(i + 1).padStart(2, '0')}` }));
  ctx.log(`${db.kind}: creating ${agencies.length} clerks with the portal CLI`);
  const t0 = performance.now();
  // PGlite's data folder admits one process at a time; PostgreSQL takes two CLIs at once.
  const parallel = db.kind === 'postgres' ? 2 : 1;
  for (let i = 0; i < agencies.length; i += parallel) {
    await Promise.all(agencies.slice(i, i + parallel).map((a) => addUser(ctx.root, db, { username: a.username, password: PASSWORD, role: 'clerk', agencyId: a.agencyId })));
  }
  const usersMs = performance.now() - t0;
  const portal = await startPortal(ctx.root, db, { logLevel: cfg.logLevel, logDir });
  let result: LoadResult;
  let peak: number | null = null;
  const activity = db.env.DATABASE_URL ? sampleActivity(db.env.DATABASE_URL) : null;
  let activitySamples: Awaited<ReturnType<NonNullable<typeof activity>['stop']>> = [];
  try {
    ctx.log(`${db.kind}: ${cfg.clients} workstations, ${cfg.warmup} s warm-up + ${cfg.seconds} s measured`);
    result = await runLoad({
      url: portal.url,
      clients: cfg.clients,
      warmupS: cfg.warmup,
      seconds: cfg.seconds,
      agencies,
      password: PASSWORD,
      pool,
      streams: cfg.streams,
      thinkMs: cfg.thinkMs,
      pullLimit: PULL_BATCH,
      portalPid: portal.pid,
      serverPid: db.serverPid?.() ?? null,
      log: ctx.log,
    });
  } finally {
    activitySamples = (await activity?.stop()) ?? [];
    peak = (await portal.stop())?.peakKiB ?? null;
  }
  const serverTimes = describeServerTimes(readServerLog(portal.logFile), ...result.window);
  let activityLine: string | null = null;
  const inWindow = activitySamples.filter((a) => a.time >= result.window[0] && a.time <= result.window[1]);
  if (inWindow.length) {
    const totals: Record<string, number> = {};
    for (const a of inWindow) for (const [k, v] of Object.entries(a.states)) totals[k] = (totals[k] ?? 0) + v;
    const mean = Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / inWindow.length).toFixed(1)}`);
    activityLine = `PostgreSQL connections on average (pg_stat_activity, ${inWindow.length} samples): ${mean.join(', ')}`;
  }
  ctx.log(`${db.kind}: ${Math.round(result.requestsPerSecond)} requests/s, p50 ${result.latency.all.p50} ms, p99 ${result.latency.all.p99} ms, ${result.errors} errors, portal peak RSS ${peak ? Math.round(mib(peak)) : '?'} MiB`);
  return { kind: db.kind, database: db.describe, result, portalPeakKiB: peak, usersMs, serverTimes, activity: activityLine };
}

const dbLabel = (describe: string) => (describe.startsWith('PGlite') ? 'PGlite' : describe.split(',')[0]!);

function workstationSections(w: WorkstationResults, cfg: SyncConfig): BenchSection[] {
  const sections: BenchSection[] = [];
  if (w.pull) {
    const p = w.pull;
    const rows: BenchRow[] = [
      {
        figure: `catch-up pull: ${n(p.replication.docs)} dossiers onto an empty workstation (startReplication until all are stored)`,
        value: perSecond(p.replication.docs, p.replication.ms),
        unit: 'docs/s',
        baseline: `same ${n(p.baseline.docs)} over HTTP pull, batches of ${PULL_BATCH}, not stored`,
        baselineValue: perSecond(p.baseline.docs, p.baseline.ms),
        better: 'higher',
        goal: PULL_GOAL,
      },
    ];
    if (w.heap.pull !== null) rows.push({ figure: 'peak JS heap of the page during the catch-up', value: w.heap.pull / 2 ** 20, unit: 'MiB', better: 'lower' });
    if (p.profile) {
      const f = p.profile;
      const figure = `where it goes: bulkInsert of the same ${n(f.docs)} (batches of ${f.batchSize}) into a fresh openDatabase()`;
      rows.push({ figure, value: perSecond(f.docs, f.appMs), unit: 'docs/s', baseline: 'RxDB + Dexie, same schema, no z-schema', baselineValue: perSecond(f.docs, f.plainMs), better: 'higher' });
      rows.push({ figure: 'z-schema validation of one dossier (RxDB validate-z-schema plugin, nothing written)', value: f.validateMs / f.docs, unit: 'ms', better: 'lower' });
    }
    const details = [
      `  replication: first dossier stored after ${seconds(p.replication.firstDocMs)}, all ${n(p.replication.docs)} after ${seconds(p.replication.ms)}; awaitInitialReplication() resolved after ${p.replication.initialMs < 0 ? 'never (within 60 s)' : seconds(p.replication.initialMs)}`,
      `  progress (s → stored): ${p.replication.progress.filter((_, i, a) => i % Math.max(1, Math.ceil(a.length / 12)) === 0 || i === a.length - 1).map(([t, c]) => `${(t / 1000).toFixed(0)}→${n(c)}`).join(', ')}`,
      `  baseline: ${p.baseline.requests} requests in ${seconds(p.baseline.ms)}; seeding the portal through the push route (batches of ${PULL_BATCH}, one transaction per row): ${seconds(w.seedMs)} (${n(Math.round(perSecond(p.baseline.docs, w.seedMs)))} docs/s)`,
    ];
    if (p.profile) {
      const f = p.profile;
      details.push(`  profile: app stack ${(f.appMs / f.docs).toFixed(2)} ms/doc, without validation ${(f.plainMs / f.docs).toFixed(2)} ms/doc, z-schema alone ${(f.validateMs / f.docs).toFixed(2)} ms/doc; HTTP pull ${(p.baseline.ms / p.baseline.docs).toFixed(3)} ms/doc`);
    }
    for (const line of w.cpuProfiles.pull ?? []) details.push(`  page CPU profile, replication: ${line}`);
    for (const phase of ['seed', 'baseline pull', 'replication pull']) {
      for (const line of w.serverTimes[phase] ?? []) details.push(`  server time, ${phase}: ${line}`);
    }
    if (p.replication.errors.length) details.push(`  replication errors: ${p.replication.errors.join(' | ')}`);
    sections.push({ title: `Catch-up pull into Chromium (${w.chromium}; portal on ${dbLabel(w.database)})`, rows, details });
  }
  if (w.push) {
    const p = w.push;
    const docs = cfg.push;
    const rows: BenchRow[] = [
      {
        figure: `offline push: ${n(docs)} dossiers, startReplication until the portal accepted all (their outbox rows gone)`,
        value: perSecond(docs, p.dossiersMs),
        unit: 'docs/s',
        baseline: `same ${n(docs)} by fetch from Node, batches of ${PUSH_BATCH}`,
        baselineValue: perSecond(docs, p.baselineDossiersMs),
        better: 'higher',
        goal: PUSH_GOAL,
      },
      {
        figure: `… until the whole outbox was empty (${n(docs)} dossiers + ${n(docs)} events)`,
        value: perSecond(2 * docs, p.allMs),
        unit: 'docs/s',
        baseline: `same by fetch from Node, batches of ${PUSH_BATCH}, both collections at once`,
        baselineValue: perSecond(2 * docs, p.baselineAllMs),
        better: 'higher',
      },
      { figure: 'saving one dossier offline (writeDossierChange: outbox rows, dossier, event)', value: p.offlineWriteMs / docs, unit: 'ms', better: 'lower' },
    ];
    if (w.heap.push !== null) rows.push({ figure: 'peak JS heap of the page during the push', value: w.heap.push / 2 ** 20, unit: 'MiB', better: 'lower' });
    const details = [
      `  ${p.outboxBefore} outbox rows before; dossiers accepted after ${seconds(p.dossiersMs)}, outbox empty after ${seconds(p.allMs)}; rejected ${p.rejected}; the portal then held ${n(p.onPortal)} dossiers of the agency`,
      `  baselines: ${seconds(p.baselineDossiersMs)} (dossiers), ${seconds(p.baselineAllMs)} (dossiers + events)`,
    ];
    for (const line of w.cpuProfiles.push ?? []) details.push(`  page CPU profile, replication: ${line}`);
    for (const phase of ['replication push', 'baseline push']) {
      for (const line of w.serverTimes[phase] ?? []) details.push(`  server time, ${phase}: ${line}`);
    }
    if (p.errors.length) details.push(`  replication errors: ${p.errors.join(' | ')}`);
    sections.push({ title: `Offline push from Chromium (portal on ${dbLabel(w.database)})`, rows, details });
  }
  if (sections.length) sections[sections.length - 1]!.details!.push(`  machine load average (1 min) at the end: ${w.loadAverage.toFixed(1)} on ${os.cpus().length} cores`);
  if (w.portalPeakKiB !== null && sections.length) {
    sections[sections.length - 1]!.rows.push({ figure: 'portal process peak RSS (VmHWM: seeding, pulls, pushes)', value: mib(w.portalPeakKiB), unit: 'MiB', better: 'lower' });
  }
  return sections;
}

function loadSection(runs: LoadRun[], cfg: SyncConfig): BenchSection {
  const pg = runs.find((r) => r.kind === 'postgres');
  const lite = runs.find((r) => r.kind === 'pglite');
  const main = pg ?? lite!;
  const other = pg && lite ? lite : undefined;
  const label = main.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const row = (figure: string, unit: string, better: 'lower' | 'higher', pick: (r: LoadRun) => number, goal?: Goal): BenchRow => ({
    figure: `${figure} (${label})`,
    value: pick(main),
    unit,
    better,
    ...(other ? { baseline: 'same on PGlite', baselineValue: pick(other) } : {}),
    ...(goal && main.kind === 'postgres' ? { goal } : {}),
  });
  const rows: BenchRow[] = [
    row(`requests/s, ${cfg.clients} workstations (pull + push + pull)`, 'req/s', 'higher', (r) => r.result.requestsPerSecond),
    row('latency p50', 'ms', 'lower', (r) => r.result.latency.all.p50),
    row('latency p99', 'ms', 'lower', (r) => r.result.latency.all.p99, P99_GOAL),
    row('pushed dossiers/s', 'docs/s', 'higher', (r) => r.result.pushedPerSecond),
    row(`errors: ${n(main.result.errors)} failed requests or refused rows of ${n(main.result.requests)} requests, share`, '%', 'lower', (r) => (100 * r.result.errors) / Math.max(1, r.result.requests)),
    row('portal process peak RSS (VmHWM)', 'MiB', 'lower', (r) => mib(r.portalPeakKiB ?? 0)),
  ];
  const details: string[] = [];
  for (const r of runs) {
    const x = r.result;
    const pct = (p: LoadResult['latency']['all']) => `p50 ${p.p50} / p90 ${p.p90} / p99 ${p.p99} / max ${p.max} ms over ${n(p.count)}`;
    details.push(
      `  ${r.kind} (${r.database}):`,
      `    pull ${pct(x.latency.pull)}; push ${pct(x.latency.push)}`,
      `    ${n(x.requests)} requests in ${x.windowS} s, ${n(x.cycles)} cycles, ${n(x.pushedDossiers)} dossiers pushed, ${n(x.pulledDocs)} pulled; ${x.agencies} agencies; streams open ${x.streamsOpened}, ${n(x.streamEvents)} stream events`,
      `    CPU cores busy: portal ${x.cpu.portal.toFixed(2)}${x.cpu.postgres === null ? '' : `, PostgreSQL server ${x.cpu.postgres.toFixed(2)}`}, load generator ${x.cpu.loadGenerator.toFixed(2)} (machine: ${os.cpus().length})`,
      ...r.serverTimes.map((line) => `    server time: ${line}`),
      ...(r.activity ? [`    ${r.activity}`] : []),
      `    machine load average (1 min) at the end: ${x.loadAverage.toFixed(1)}`,
      `    sign-in of ${x.clients} workstations ${seconds(x.loginMs)} (${x.loginConcurrency} at a time); ${x.agencies} clerks created with the CLI in ${seconds(r.usersMs)}`,
    );
    if (x.errorSamples.length) details.push(`    errors: ${x.errorSamples.join(' | ')}`);
  }
  return { title: `Portal under ${cfg.clients} simulated workstations (Node, keep-alive; think time ${cfg.thinkMs} ms)`, rows, details };
}

export const syncBench: BenchModule = {
  name: 'sync',
  description: 'replication with the portal: catch-up pull, offline push, many workstations, file uploads',
  async run(ctx) {
    const cfg = configFromEnv();
    const logDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-sync-logs-'));
    const sections: BenchSection[] = [];
    const findings: string[] = [];
    const json: Record<string, unknown> = { config: cfg };
    try {
      if (cfg.parts.includes('pull') || cfg.parts.includes('push')) {
        const w = await workstationFigures(ctx, cfg, logDir, findings);
        json.workstation = w;
        sections.push(...workstationSections(w, cfg));
        for (const e of [...(w.pull?.replication.errors ?? []), ...(w.push?.errors ?? [])].slice(0, 3)) findings.push(`replication reported an error: ${e}`);
        if (w.push && w.push.onPortal < cfg.push) findings.push(`after the push the portal held ${w.push.onPortal} of ${cfg.push} dossiers`);
        if (w.push?.rejected) findings.push(`the portal rejected ${w.push.rejected} pushed documents`);
      }

      if (cfg.parts.includes('load')) {
        const pool = generateDossiers(2000, 20261122);
        const runs: LoadRun[] = [];
        for (const kind of cfg.databases) {
          const db = kind === 'pglite' ? pgliteDatabase() : await postgresDatabase(ctx.log);
          if ('skip' in db) {
            findings.push(`PostgreSQL load figures skipped: ${db.skip}`);
            ctx.log(`PostgreSQL skipped: ${db.skip}`);
            continue;
          }
          try {
            runs.push(await loadOn(ctx, cfg, db, pool, logDir));
          } finally {
            await db.cleanup();
          }
        }
        json.load = runs;
        if (runs.length) sections.push(loadSection(runs, cfg));
        for (const r of runs) if (r.result.errors) findings.push(`${r.kind}: ${r.result.errors} errors under load, e.g. ${r.result.errorSamples[0] ?? ''}`);
      }

      if (cfg.parts.includes('uploads')) {
        // A failure here is reported as a finding; the other parts' figures are kept.
        try {
          const uploads = await uploadBench({ root: ctx.root, log: ctx.log });
          sections.push(...uploads.sections);
          findings.push(...uploads.findings);
          json.uploads = uploads.json;
        } catch (error) {
          findings.push(`uploads bench failed: ${(error as Error).message.split('\n')[0]}`);
          ctx.log(`uploads bench failed: ${(error as Error).stack ?? String(error)}`);
        }
      }
    } finally {
      rmSync(logDir, { recursive: true, force: true });
    }

    for (const s of sections) {
      for (const r of s.rows) if (meetsGoal(r) === false && r.goal) findings.push(`MISSED: ${r.goal.name}: ${r.figure} = ${Math.round(r.value * 10) / 10} ${r.unit}`);
    }
    findings.push(`the machine has ${os.cpus().length} cores shared by Chromium or the load generator, the portal and its database (and anything else running): figures move with other load`);
    return { sections, findings, json };
  },
};
