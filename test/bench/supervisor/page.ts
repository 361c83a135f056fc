/**
 * The supervisor bench page: the app's database (`openDatabase`, RxDB + Dexie + z-schema) in real
 * Chromium, filled with the idb bench's dossiers plus files and supplement/reschedule events
 * (data.ts), then the supervisor's numbers on it: the facts store (src-renderer/supervisor/
 * facts-store.ts) built cold and restarted from its snapshot, the indicators and a drill-down over its
 * facts, the day review, and how long facts$ lags behind one write. Each figure beside a baseline
 * (see module.ts / rows.ts).
 *
 * Exposes `window.runSupervisorBench(params)`; progress goes to the console with a `[supervisor]` prefix.
 */
import { getChangedDocumentsSince, uncacheRxQuery, type RxCollection } from 'rxdb';
import { openDatabase, type MotcuaDatabase } from '../../../src-renderer/db/database';
import { queryLedger } from '../../../src-renderer/dossiers/ledger-query';
import { writeDossierChange } from '../../../src-renderer/dossiers/write';
import { deleteSnapshot, loadSnapshot } from '../../../src-renderer/supervisor/facts-snapshot';
import { startFactsStore, type DossierFact, type FactsProgress, type FactsStore } from '../../../src-renderer/supervisor/facts-store';
import { queueChange } from '../../../src-renderer/sync/outbox';
import type { DossierDoc, DossierEventDoc } from '../../../src-shared/contract/documents';
import { addDays } from '../../../src-shared/domain/civil-date';
import { DOSSIER_STATUS } from '../../../src-shared/domain/dossier-status';
import { computeIndicators } from '../../../src-shared/domain/indicators/compute';
import { drillDown } from '../../../src-shared/domain/indicators/drill-down';
import { needsEvents, recordFromDossier } from '../../../src-shared/domain/indicators/from-dossier';
import type { IndicatorRecord, IndicatorReport, Period } from '../../../src-shared/domain/indicators/record';
import { applyAction } from '../../../src-shared/domain/lifecycle/apply';
import { anomalies, anomalyScope, dayBreakdown, dueLists } from '../../../src-shared/domain/review/day-review';
import { BENCH_CALENDAR, endOfDay } from '../idb/calendar';
import { capturing, median, now, timing, waitFor } from '../idb/measure';
import { BENCH_WORKSTATION } from '../idb/workstation';
import { openPlainDatabase, type PlainCollections } from '../lib/plain-database';
import { createSupervisorGenerator, dataDays, emptyCounts } from './data';
import { NAIVE_CONCURRENCY, type BuildMeasure, type FillMeasure, type HeapMeasure, type Sampled, type SupervisorBenchParams, type SupervisorBenchResult } from './protocol';

declare global {
  interface Window {
    runSupervisorBench: (params: SupervisorBenchParams) => Promise<SupervisorBenchResult>;
    /** Set by module.ts (Playwright exposeFunction): CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage. */
    benchHeapUsage?: () => Promise<{ usedSize: number; totalSize: number } | null>;
  }
}

const log = (message: string) => console.log(`[supervisor] ${message}`);
const PAGE = 2000;
/** Longest wait for the facts store (a cold build at 200,000 took 1.5 min on 2 cores). */
const TIMEOUT_MS = 15 * 60_000;
/** The facts store's default debounce (facts-store.ts), which the app uses. */
const DEBOUNCE_MS = 500;

async function usage(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  return estimate?.usage ?? null;
}

async function fill(db: PlainCollections, p: SupervisorBenchParams, days: string[]): Promise<FillMeasure> {
  const extra = emptyCounts();
  const generator = createSupervisorGenerator(p.size, days, p.seed, extra);
  const start = now();
  let dossiers = 0;
  let events = 0;
  let files = 0;
  let received = 0;
  let nextReport = 0.1;
  const insert = async <T,>(collection: RxCollection<T>, docs: T[]) => {
    for (let i = 0; i < docs.length; i += p.batchSize) {
      const r = await collection.bulkInsert(docs.slice(i, i + p.batchSize));
      if (r.error.length) throw new Error(`bulkInsert refused ${r.error.length} documents: ${JSON.stringify(r.error[0])?.slice(0, 500)}`);
    }
  };
  while (dossiers < p.size) {
    const batch = generator.next(Math.min(p.batchSize, p.size - dossiers));
    await insert(db.dossiers, batch.dossiers);
    await insert(db.dossierEvents, batch.events);
    await insert(db.files, batch.files);
    dossiers += batch.dossiers.length;
    events += batch.events.length;
    files += batch.files.length;
    received += batch.dossiers.filter((d) => d.code).length;
    if (dossiers / p.size >= nextReport) {
      log(`inserted ${dossiers}/${p.size} dossiers, ${events} events, ${files} files in ${((now() - start) / 1000).toFixed(1)} s`);
      nextReport += 0.1;
    }
  }
  return { dossiers, events, files, extra, received, totalMs: Math.round(now() - start), storageUsageBytes: null };
}

/**
 * Samples of a slow figure: at least 2, at most `max`, and no more once they add up to `budgetMs`.
 * `before` runs untimed before each sample (e.g. deleting the snapshot).
 */
async function sampleSlow<T>(max: number, budgetMs: number, run: () => Promise<T>, before?: () => Promise<void>): Promise<{ samples: number[]; last: T }> {
  const samples: number[] = [];
  let last: T | undefined;
  while (samples.length < max && (samples.length < 2 || samples.reduce((s, v) => s + v, 0) < budgetMs)) {
    if (before) await before();
    const t0 = now();
    last = await run();
    samples.push(now() - t0);
  }
  return { samples, last: last as T };
}

/** One untimed warm-up, then `runs` timed runs of a synchronous computation. */
async function sampleSync<T>(runs: number, run: () => T): Promise<{ samples: number[]; last: T }> {
  let last = run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await new Promise((r) => setTimeout(r, 0)); // let timers and GC run between samples, as between renders
    const t0 = now();
    last = run();
    samples.push(now() - t0);
  }
  return { samples, last };
}

const sampled = (samples: number[], size: number): Sampled => ({ timing: timing(samples), size });

/**
 * Every dossier through the RxDB query API, 2,000 a page, nothing built. The pages follow the
 * [receivedInv] index (keyset: receivedInv > the last one; the generated times are distinct): RxDB
 * serves no sort on the primary key from an index here (its planner picks [phoneKey, receivedInv]
 * and sorts in JS), so id-ordered pages would each read every dossier.
 */
async function readAllDossiers(db: MotcuaDatabase): Promise<number> {
  let last = -1;
  let read = 0;
  for (;;) {
    const query = db.dossiers.find({ selector: last >= 0 ? { receivedInv: { $gt: last } } : {}, sort: [{ receivedInv: 'asc' }], limit: PAGE });
    try {
      const docs = await query.exec();
      read += docs.length;
      if (docs.length < PAGE) return read;
      last = docs[docs.length - 1]!.receivedInv;
    } finally {
      uncacheRxQuery(db.dossiers._queryCache, query);
    }
  }
}

/** The three change feeds the facts store follows, read to the end; nothing built. */
async function readFeeds(db: MotcuaDatabase): Promise<number> {
  let read = 0;
  for (const collection of [db.files, db.dossierEvents, db.dossiers] as const) {
    let checkpoint: unknown;
    for (;;) {
      const r = await getChangedDocumentsSince(collection.storageInstance as never, PAGE, checkpoint as never);
      read += r.documents.length;
      if (r.documents.length < PAGE) break;
      checkpoint = r.checkpoint;
    }
  }
  return read;
}

/**
 * A store whose read count has not moved for this long is stuck. A failed catch-up shows in
 * `progress$.error` and is retried 30 s later, so a store that fails once may still get ready: only
 * a store still not reading after this long ends the bench, with its last error.
 */
const STALL_MS = 120_000;

async function startUntilReady(db: MotcuaDatabase, key: string): Promise<FactsStore> {
  const store = startFactsStore(db, { snapshotKey: key, calendar: () => BENCH_CALENDAR, debounceMs: DEBOUNCE_MS });
  const started = now();
  let lastRead = -1;
  let lastMove = now();
  let stalled: (error: Error) => void = () => undefined;
  const stall = new Promise<never>((_, reject) => (stalled = reject));
  const progress = setInterval(() => {
    const { read } = store.progress$.value;
    if (read !== lastRead) [lastRead, lastMove] = [read, now()];
    else if (now() - lastMove > STALL_MS) {
      const { error } = store.progress$.value;
      stalled(new Error(`the facts store read nothing for ${STALL_MS / 1000} s and is not ready (${read} documents read): ${error ? `its catch-up failed: ${error}` : 'no error reported'}`));
    }
    log(`  … ${read} documents read in ${((now() - started) / 1000).toFixed(0)} s`);
  }, 15_000);
  try {
    await Promise.race([waitFor<FactsProgress>((next) => store.progress$.subscribe(next), (p) => p.ready, TIMEOUT_MS, 'the facts store to be ready'), stall]);
  } finally {
    clearInterval(progress);
  }
  return store;
}

async function heapUsed(): Promise<number | null> {
  const usage = window.benchHeapUsage ? await window.benchHeapUsage() : null;
  return usage?.usedSize ?? null;
}

/**
 * The month the naive way, straight from the database: the month's dossiers by the receivedDay
 * index, each one's files (and events when it needs them, needsEvents) by its dossierId index, the
 * outbox for the sync flag, then recordFromDossier and computeIndicators.
 */
async function naiveIndicators(db: MotcuaDatabase, period: Period): Promise<{ report: IndicatorReport; queries: number }> {
  let queries = 0;
  const docs = await capturing(db.dossiers, async () => (await db.dossiers.find({ selector: { receivedDay: { $gte: period.from, $lte: period.to } } }).exec()).map((d) => d.toJSON() as DossierDoc));
  const outbox = await capturing(db.outbox, async () => (await db.outbox.find({ selector: { target: 'dossiers' } }).exec()).map((r) => r.dossierId));
  queries += 2;
  const unsynced = new Set(outbox.value);
  const records: IndicatorRecord[] = [];
  const list = docs.value;
  for (let i = 0; i < list.length; i += NAIVE_CONCURRENCY) {
    const chunk = list.slice(i, i + NAIVE_CONCURRENCY);
    const built = await Promise.all(
      chunk.map(async (d) => {
        const files = db.files.find({ selector: { dossierId: d.id } });
        const events = needsEvents(d) ? db.dossierEvents.find({ selector: { dossierId: d.id } }) : null;
        try {
          const components = new Set((await files.exec()).map((f) => f.componentId));
          const own = events ? (await events.exec()).map((e) => e.toJSON() as DossierEventDoc) : [];
          queries += events ? 2 : 1;
          return recordFromDossier(d, { events: own, fileComponentIds: components, synced: !unsynced.has(d.id) }, BENCH_CALENDAR);
        } finally {
          uncacheRxQuery(db.files._queryCache, files);
          if (events) uncacheRxQuery(db.dossierEvents._queryCache, events);
        }
      }),
    );
    records.push(...built);
  }
  return { report: computeIndicators(records, period, BENCH_CALENDAR), queries };
}

/** The day review as DayReview.tsx computes it on first render: breakdown by counter, due lists, anomalies of the window. */
function review(facts: readonly DossierFact[], day: string, at: number, p: SupervisorBenchParams) {
  const rows = dayBreakdown(facts, day, 'counter');
  const due = dueLists(facts, at, BENCH_CALENDAR, p.dueWithinDays);
  const found = anomalies(anomalyScope(facts, day, p.anomalyWindowDays), at, BENCH_CALENDAR);
  return { rows, due, found };
}

function busiestDay(facts: readonly DossierFact[]): { day: string; count: number } {
  const perDay = new Map<string, number>();
  for (const f of facts) if (f.code) perDay.set(f.receivedDay, (perDay.get(f.receivedDay) ?? 0) + 1);
  let best = { day: '', count: -1 };
  for (const [day, count] of perDay) if (count > best.count || (count === best.count && day > best.day)) best = { day, count };
  return best;
}

/** Single writes as the app makes them (a processed dossier's result returned: 9 → 10), each until facts$ shows it. */
async function liveUpdates(db: MotcuaDatabase, store: FactsStore, runs: number): Promise<{ total: number[]; write: number[] }> {
  const S = DOSSIER_STATUS;
  const processed = await capturing(db.dossiers, async () => (await db.dossiers.find({ selector: { status: S.processed }, limit: runs + 1 }).exec()).map((d) => d.toMutableJSON() as DossierDoc));
  if (processed.value.length < runs + 1) throw new Error(`only ${processed.value.length} processed dossiers for the live-update figure`);
  const total: number[] = [];
  const write: number[] = [];
  for (const [run, d] of processed.value.entries()) {
    await store.settled();
    const { dossier, event } = applyAction(d, { type: 'returned', method: 'inPerson', signedBy: d.applicant.name }, { now: Date.now(), by: 'clerk.an', newId: () => crypto.randomUUID(), calendar: BENCH_CALENDAR });
    const shown = waitFor<readonly DossierFact[]>((next) => store.facts$.subscribe(next), (facts) => facts.some((f) => f.id === d.id && f.status === S.returned), TIMEOUT_MS, 'the written dossier in facts$');
    const t0 = now();
    await writeDossierChange(db, dossier, event);
    const written = now() - t0;
    await shown;
    if (run > 0) {
      total.push(now() - t0);
      write.push(written);
    }
  }
  return { total, write };
}

const sameReport = (a: IndicatorReport, b: IndicatorReport) => JSON.stringify(a) === JSON.stringify(b);

async function runSupervisorBench(p: SupervisorBenchParams): Promise<SupervisorBenchResult> {
  const benchStart = now();
  const findings: string[] = [];
  const days = dataDays(p.lastDay, p.workingDays);
  const name = 'motcua_bench_supervisor';
  const key = p.snapshotKey;

  log(`N=${p.size}: filling dossiers, events and files (RxDB + Dexie without validation, as the idb fill)`);
  const fillDb = await openPlainDatabase(name, ['dossiers', 'dossierEvents', 'files']);
  const filled = await fill(fillDb, p, days);
  await fillDb.close();
  log(`fill done in ${(filled.totalMs / 1000).toFixed(1)} s: ${JSON.stringify(filled.extra)}`);

  const db = await openDatabase(name, { workstationId: BENCH_WORKSTATION });
  // The newest dossiers are not at the portal yet: a pending outbox row each, as a save leaves it.
  const newest = await capturing(db.dossiers, async () => (await db.dossiers.find({ sort: [{ receivedInv: 'asc' }], limit: p.unsynced }).exec()).map((d) => d.toJSON() as DossierDoc));
  for (const d of newest.value) await queueChange(db, 'dossiers', { ...d });
  filled.storageUsageBytes = await usage();
  await deleteSnapshot(key).catch(() => undefined);

  // Baselines of the cold build: reading, building nothing.
  log('baseline: every dossier through find(), pages of 2,000 in [receivedInv] order');
  const paged = await sampleSlow(p.slowRuns, p.scanBudgetMs, () => readAllDossiers(db));
  log(`  median ${Math.round(median(paged.samples))} ms (${paged.last} dossiers)`);
  if (paged.last !== p.size) findings.push(`N=${p.size}: the paged find() read ${paged.last} dossiers, not ${p.size}`);
  log('baseline: the three change feeds read to the end');
  const feeds = await sampleSlow(p.slowRuns, p.scanBudgetMs, () => readFeeds(db));
  log(`  median ${Math.round(median(feeds.samples))} ms (${feeds.last} documents)`);

  const heapBefore = await heapUsed();

  // 1. Cold build: no snapshot. After each, stop() waits for the snapshot's save.
  log('facts store: cold builds (no snapshot)');
  const usageBefore = await usage();
  let usageAfterSave: number | null = null;
  const saves: number[] = [];
  let coldRead = 0;
  let coldFacts = 0;
  const coldSamples: number[] = [];
  await sampleSlow(
    p.slowRuns,
    p.scanBudgetMs,
    async () => {
      const t0 = now();
      const store = await startUntilReady(db, key);
      coldSamples.push(now() - t0);
      coldRead = store.progress$.value.read;
      coldFacts = store.facts$.value.length;
      log(`  ready in ${Math.round(now() - t0)} ms (${coldRead} documents, ${coldFacts} facts); stopping (saves the snapshot)`);
      const t1 = now();
      await store.stop();
      saves.push(now() - t1);
      log(`  stopped in ${Math.round(now() - t1)} ms`);
      usageAfterSave ??= await usage();
    },
    () => deleteSnapshot(key),
  );
  log(`  median ${Math.round(median(coldSamples))} ms, ${coldRead} documents read, ${coldFacts} facts; snapshot saved in ${Math.round(median(saves))} ms`);
  const coldMeasure: BuildMeasure = { timing: timing(coldSamples), read: coldRead, facts: coldFacts };

  // 2. Warm start: the snapshot of the last cold build, nothing changed since.
  log('facts store: warm starts (snapshot present, nothing changed)');
  const loads: number[] = [];
  let jsonChars = 0;
  for (let i = 0; i < p.slowRuns; i++) {
    const t0 = now();
    const snapshot = await loadSnapshot(key);
    loads.push(now() - t0);
    if (!snapshot) throw new Error('no snapshot after the cold build');
    if (i === 0) jsonChars = JSON.stringify(snapshot).length;
  }
  const warmSamples: number[] = [];
  let warmRead = 0;
  let warmFacts = 0;
  for (let i = 0; i < p.slowRuns; i++) {
    const t0 = now();
    const store = await startUntilReady(db, key);
    warmSamples.push(now() - t0);
    warmRead = store.progress$.value.read;
    warmFacts = store.facts$.value.length;
    await store.stop();
  }
  log(`  median ${Math.round(median(warmSamples))} ms, ${warmRead} documents read, ${warmFacts} facts`);
  if (warmFacts !== coldFacts) findings.push(`N=${p.size}: the warm start has ${warmFacts} facts, the cold build ${coldFacts}`);

  // The store the rest measures on, as the supervisor's screens hold it.
  const store = await startUntilReady(db, key);
  await store.settled();
  const heapAfter = await heapUsed();
  const facts = store.facts$.value;
  const heap: HeapMeasure | null = heapBefore !== null && heapAfter !== null ? { beforeBytes: heapBefore, afterBytes: heapAfter, facts: facts.length } : null;

  // 3. Indicators over the facts.
  log(`indicators: month ${p.periods.month.from}..${p.periods.month.to}, year ${p.periods.year.from}..${p.periods.year.to}, month for ${p.counter}`);
  const month = await sampleSync(p.runs, () => computeIndicators(facts, p.periods.month, BENCH_CALENDAR));
  const year = await sampleSync(p.runs, () => computeIndicators(facts, p.periods.year, BENCH_CALENDAR));
  const monthCounter = await sampleSync(p.runs, () => computeIndicators(facts, p.periods.month, BENCH_CALENDAR, { counter: p.counter }));
  log(`  medians ${median(month.samples).toFixed(1)} / ${median(year.samples).toFixed(1)} / ${median(monthCounter.samples).toFixed(1)} ms`);
  log('indicators: the month the naive way (database queries, records built per request)');
  const naive = await sampleSlow(p.slowRuns, p.scanBudgetMs, () => naiveIndicators(db, p.periods.month));
  log(`  median ${Math.round(median(naive.samples))} ms (${naive.last.queries} queries)`);
  const naiveSame = sameReport(naive.last.report, month.last);
  if (!naiveSame) {
    findings.push(
      `N=${p.size}: the month computed from the database (naive baseline) differs from the one from the facts store: ` +
        `totals ${JSON.stringify(naive.last.report.totals)} vs ${JSON.stringify(month.last.totals)}`,
    );
  }

  // 4. Drill-down.
  log('drill-down: late, the year');
  const late = await sampleSync(p.runs, () => drillDown(facts, p.periods.year, BENCH_CALENDAR, {}, { metric: 'late' }));
  const matchesReport = late.last.length === year.last.totals.late;
  if (!matchesReport) findings.push(`N=${p.size}: the year's "late" drill-down lists ${late.last.length} dossiers, the report says ${year.last.totals.late}`);

  // 5. Day review, on the busiest day; "now" is the end of the data's last day.
  const busiest = busiestDay(facts);
  const reviewNow = endOfDay(p.lastDay);
  log(`day review: ${busiest.day} (${busiest.count} dossiers)`);
  const total = await sampleSync(p.runs, () => review(facts, busiest.day, reviewNow, p));
  const breakdown = await sampleSync(p.runs, () => dayBreakdown(facts, busiest.day, 'counter'));
  const due = await sampleSync(p.runs, () => dueLists(facts, reviewNow, BENCH_CALENDAR, p.dueWithinDays));
  const since = addDays(busiest.day, -p.anomalyWindowDays);
  const found = await sampleSync(p.runs, () => anomalies(facts.filter((f) => f.receivedDay >= since && f.receivedDay <= busiest.day), reviewNow, BENCH_CALENDAR));
  const window = facts.filter((f) => f.receivedDay >= since && f.receivedDay <= busiest.day).length;
  const byKind: Record<string, number> = {};
  for (const a of found.last) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  log('day review baseline: queryLedger for the day (501 rows, the ledger screen)');
  const ledgerRun = () => capturing(db.dossiers, () => queryLedger(db, { from: busiest.day, to: busiest.day }, 501));
  let ledgerSize = (await ledgerRun()).value.length;
  const ledgerSamples: number[] = [];
  for (let i = 0; i < p.runs; i++) {
    const t0 = now();
    ledgerSize = (await ledgerRun()).value.length;
    ledgerSamples.push(now() - t0);
  }

  // 6. Live update.
  log(`live update: ${p.liveRuns} single writes until facts$ shows them (debounce ${DEBOUNCE_MS} ms)`);
  const live = await liveUpdates(db, store, p.liveRuns);
  await store.stop();
  await db.close();

  return {
    params: p,
    userAgent: navigator.userAgent,
    fill: filled,
    pagedFind: sampled(paged.samples, paged.last),
    feedRead: sampled(feeds.samples, feeds.last),
    cold: coldMeasure,
    snapshotSave: timing(saves),
    warm: { timing: timing(warmSamples), read: warmRead, facts: warmFacts },
    snapshotLoad: timing(loads),
    snapshot: { estimateDeltaBytes: usageBefore !== null && usageAfterSave !== null ? usageAfterSave - usageBefore : null, jsonChars },
    heap,
    indicators: {
      month: sampled(month.samples, month.last.totals.received),
      year: sampled(year.samples, year.last.totals.received),
      monthCounter: sampled(monthCounter.samples, monthCounter.last.totals.received),
      naiveMonth: { ...sampled(naive.samples, naive.last.report.totals.received), queries: naive.last.queries },
      naiveSame,
      monthTotals: month.last.totals,
      yearTotals: year.last.totals,
      monthCounterTotals: monthCounter.last.totals,
    },
    drill: { lateYear: sampled(late.samples, late.last.length), matchesReport },
    review: {
      day: busiest.day,
      dayDossiers: busiest.count,
      total: sampled(total.samples, total.last.rows.length),
      breakdown: sampled(breakdown.samples, breakdown.last.length),
      due: { ...sampled(due.samples, due.last.overdue.length + due.last.dueToday.length + due.last.dueSoon.length), overdue: due.last.overdue.length, dueToday: due.last.dueToday.length, dueSoon: due.last.dueSoon.length },
      anomalies: { ...sampled(found.samples, found.last.length), window, byKind },
      ledger: sampled(ledgerSamples, ledgerSize),
    },
    live: { timing: timing(live.total), write: timing(live.write), debounceMs: DEBOUNCE_MS },
    findings,
    totalMs: Math.round(now() - benchStart),
  };
}

window.runSupervisorBench = runSupervisorBench;
document.title = 'motcua supervisor bench: ready';
