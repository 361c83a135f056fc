/**
 * The IndexedDB bench page: the app's real database (`openDatabase`: RxDB + Dexie + z-schema
 * validation) in real Chromium, filled with dossiers built by `recordCheck()` (data.ts), then timed on
 * the queries the UI runs, each next to a baseline that shows what the index saves; then the
 * reception screens' queries (queries-reception.ts), the status counts (status-counts.ts) and the
 * receipt (receipt.ts) on the same filled database.
 *
 * Exposes `window.runBench(params)`; progress goes to the console (the runner prints it).
 * Every timed run builds a new RxQuery and evicts it from RxDB's query cache afterwards (measure.ts).
 */
import { createRxDatabase, uncacheRxQuery, type MangoQuerySelector, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase, type MotcuaDatabase } from '../../../src-renderer/db/database';
import { dossierSchema, type DossierDoc } from '../../../src-shared/contract/documents';
import { DOSSIER_STATUS_CODES, type DossierStatus } from '../../../src-shared/domain/dossier-status';
import { vnDay } from '../../../src-shared/domain/vn-time';
import { vnDayStart, workingDays } from './calendar';
import { BENCH_PROCEDURES, createGenerator } from './data';
import { log, measure, now, once, type Measured } from './measure';
import type { IdbBenchParams, IdbBenchResult, InsertMeasure, StackMeasure } from './protocol';
import { measureReceptionQueries, pickSearchSample } from './queries-reception';
import { coldReceipt, measureReceipts, timeSingleSaves } from './receipt';
import { measureStatusCounts } from './status-counts';
import { benchWorkspace, BENCH_WORKSTATION, seedWorkstation } from './workstation';
import { openPlainDatabase } from '../lib/plain-database';

declare global {
  interface Window {
    runBench: (params: IdbBenchParams) => Promise<IdbBenchResult>;
  }
}

type FillCollections = Pick<MotcuaDatabase, 'dossiers' | 'dossierEvents'> & { close(): Promise<unknown> };

async function insertAll(db: FillCollections, p: IdbBenchParams, days: string[]): Promise<{ insert: InsertMeasure; ledgerCounts: Map<string, number> }> {
  const generator = createGenerator(p.size, days, p.seed);
  const batchMs: number[] = [];
  let dossierMs = 0;
  let eventMs = 0;
  let dossiers = 0;
  let events = 0;
  const start = now();
  let nextReport = 0.1;
  while (dossiers < p.size) {
    const batch = generator.next(Math.min(p.batchSize, p.size - dossiers));
    const t0 = now();
    const d = await db.dossiers.bulkInsert(batch.dossiers);
    const t1 = now();
    const e = await db.dossierEvents.bulkInsert(batch.events);
    const t2 = now();
    if (d.error.length || e.error.length) {
      throw new Error(`bulkInsert refused ${d.error.length + e.error.length} documents: ${JSON.stringify((d.error[0] ?? e.error[0]))?.slice(0, 500)}`);
    }
    batchMs.push(t1 - t0);
    dossierMs += t1 - t0;
    eventMs += t2 - t1;
    dossiers += batch.dossiers.length;
    events += batch.events.length;
    if (dossiers / p.size >= nextReport) {
      log(`inserted ${dossiers}/${p.size} dossiers (+events) in ${((now() - start) / 1000).toFixed(1)} s`);
      nextReport += 0.1;
    }
  }
  const tenth = Math.max(1, Math.round(batchMs.length / 10));
  const rate = (ms: number[], docs: number) => Math.round(docs / (ms.reduce((s, v) => s + v, 0) / 1000));
  const firstDocs = Math.min(p.size, tenth * p.batchSize);
  const lastDocs = p.size - (batchMs.length - tenth) * p.batchSize;
  const insert: InsertMeasure = {
    dossiers,
    events,
    batchSize: p.batchSize,
    validated: p.fill === 'app',
    dossierMs: Math.round(dossierMs),
    eventMs: Math.round(eventMs),
    dossiersPerSecond: rate(batchMs, dossiers),
    eventsPerSecond: Math.round(events / (eventMs / 1000)),
    firstTenthDossiersPerSecond: rate(batchMs.slice(0, tenth), firstDocs),
    lastTenthDossiersPerSecond: rate(batchMs.slice(-tenth), lastDocs),
    batchMs: batchMs.map((v) => Math.round(v)),
    totalMs: Math.round(now() - start),
  };
  return { insert, ledgerCounts: generator.ledgerCounts };
}

/** Raw IndexedDB: one object store with the schema's indexes, one transaction per batch. */
async function rawIndexedDbInsert(name: string, batches: DossierDoc[][]): Promise<number> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('dossiers', { keyPath: 'id' });
      for (const index of dossierSchema.indexes) {
        const fields = [...(Array.isArray(index) ? index : [index]), 'id'];
        store.createIndex(fields.join('+'), fields);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
  const t0 = now();
  for (const batch of batches) {
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction('dossiers', 'readwrite');
      const store = tx.objectStore('dossiers');
      for (const doc of batch) store.put(doc);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    });
  }
  const ms = now() - t0;
  idb.close();
  await new Promise<void>((resolve) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = del.onblocked = () => resolve();
  });
  return ms;
}

/**
 * Where bulk-insert time goes: the same dossiers into fresh databases through the app's stack,
 * through Dexie without schema validation, and into raw IndexedDB.
 */
async function measureStack(p: IdbBenchParams, days: string[]): Promise<StackMeasure> {
  const docs = Math.min(p.size, 5 * p.batchSize);
  const generator = createGenerator(docs, days, p.seed + 1);
  const batches: DossierDoc[][] = [];
  while (batches.length * p.batchSize < docs) batches.push(generator.next(p.batchSize).dossiers);
  const copy = (b: DossierDoc[]) => structuredClone(b);
  const rate = (ms: number) => Math.round(docs / (ms / 1000));

  log(`storage stack: ${docs} dossiers three ways`);
  const app = await openDatabase('motcua_bench_stack');
  let t0 = now();
  for (const b of batches) await app.dossiers.bulkInsert(copy(b));
  const appMs = now() - t0;
  await app.remove();

  const plain = await createRxDatabase<{ dossiers: RxCollection<DossierDoc> }>({
    name: 'motcua_bench_plain',
    storage: getRxStorageDexie(),
    multiInstance: true,
    eventReduce: true,
  });
  await plain.addCollections({ dossiers: { schema: dossierSchema as unknown as RxJsonSchema<DossierDoc> } });
  t0 = now();
  for (const b of batches) await plain.dossiers.bulkInsert(copy(b));
  const plainMs = now() - t0;
  await plain.remove();

  const rawMs = await rawIndexedDbInsert('motcua_bench_raw', batches.map(copy));
  const measured = { docs, appPerSecond: rate(appMs), noValidationPerSecond: rate(plainMs), rawIndexedDbPerSecond: rate(rawMs) };
  log(`storage stack: ${JSON.stringify(measured)}`);
  return measured;
}

async function runBench(p: IdbBenchParams): Promise<IdbBenchResult> {
  const benchStart = now();
  const findings: string[] = [];
  const days = workingDays(p.lastDay, p.workingDays);
  const today = p.lastDay;

  // Baselines for opening, saving and printing: an empty database (with the settings of a workstation),
  // kept open until the end so that its receipts are timed as warm as those of the full database.
  log(`N=${p.size}: empty database`);
  let t0 = now();
  let empty = await openDatabase('motcua_bench_empty');
  const createMs = now() - t0;
  await empty.close();
  t0 = now();
  empty = await openDatabase('motcua_bench_empty');
  const emptyOpenMs = now() - t0;
  await seedWorkstation(empty);
  const emptyWs = benchWorkspace(empty);
  const cold = await coldReceipt(emptyWs, p.seed + 100);

  const stack = await measureStack(p, days);

  // Fill: through the app's own database (fill 'app'), or the same RxDB + Dexie storage and schemas
  // without the z-schema wrapper (fill 'plain': validation costs ~4 ms a dossier, measure.ts's stack
  // figures show it); either way the figures below run on the app's openDatabase().
  const name = 'motcua_bench';
  const fillDb = p.fill === 'app' ? await openDatabase(name) : await openPlainDatabase(name, ['dossiers', 'dossierEvents']);
  log(`inserting ${p.size} dossiers + events in batches of ${p.batchSize} (${p.fill === 'app' ? "the app's database" : 'RxDB + Dexie without validation'})`);
  const { insert, ledgerCounts } = await insertAll(fillDb, p, days);
  log(`insert done: ${insert.dossiersPerSecond} dossiers/s, ${insert.eventsPerSecond} events/s, ${(insert.totalMs / 1000).toFixed(1)} s in all`);
  const estimate = await navigator.storage?.estimate?.().catch(() => null);

  // Close and open with the app's stack: what signing in costs once the data is there, and the first list after it.
  await fillDb.close();
  t0 = now();
  let db = await openDatabase(name);
  const firstOpenMs = now() - t0;
  await db.close();
  t0 = now();
  db = await openDatabase(name);
  const fullOpenMs = now() - t0;
  t0 = now();
  await once(() => db.dossiers.find({ selector: { receivedDay: today }, sort: [{ receivedInv: 'asc' }], limit: 200 }));
  const fullFirstListMs = now() - t0;
  await seedWorkstation(db, ledgerCounts.get(`${BENCH_WORKSTATION} ${vnDay(Date.now()).slice(0, 4)}`) ?? 0);

  const distribution: IdbBenchResult['distribution'] = { status: {}, procedure: {}, lastDay: 0 };
  for (const s of DOSSIER_STATUS_CODES) distribution.status[s] = (await once(() => db.dossiers.count({ selector: { status: s } }))).result as number;
  const mainProcedures = [...BENCH_PROCEDURES].sort((a, b) => b.weight - a.weight).slice(0, 6);
  for (const { procedure: pr } of mainProcedures) distribution.procedure[pr.code] = (await once(() => db.dossiers.count({ selector: { procedureCode: pr.code } }))).result as number;
  distribution.lastDay = (await once(() => db.dossiers.count({ selector: { receivedDay: today } }))).result as number;

  const queries = await listQueries(db, p, today, distribution, findings);

  // The reception screens on the same database: ledger, search, status counts, receipt.
  const sample = await pickSearchSample(db, today);
  const reception = await measureReceptionQueries(db, p, today, sample);
  findings.push(...reception.findings.map((f) => `N=${p.size.toLocaleString('en-US')}: ${f}`));
  const ws = benchWorkspace(db);
  const statusCounts = await measureStatusCounts(ws, p);
  const receiptFull = await measureReceipts(ws, p.receipts, p.seed + 201);
  const receiptEmpty = await measureReceipts(emptyWs, p.receipts, p.seed + 101);
  log(`single saves (x${p.singleSaves}), full and empty database`);
  const singleFull = await timeSingleSaves(ws, p.singleSaves, p.seed + 202);
  const singleEmpty = await timeSingleSaves(emptyWs, p.singleSaves, p.seed + 102);
  await empty.remove();

  for (const q of [...queries, ...reception.queries]) {
    const isFigure = !q.id.includes('.');
    const isCount = q.query.startsWith('count(');
    for (const plan of q.plans ?? (q.plan ? [q.plan] : [])) {
      if (isFigure && (!plan.selectorSatisfiedByIndex || (!isCount && !plan.sortSatisfiedByIndex))) {
        findings.push(`figure query ${q.id} is not fully index-backed: ${JSON.stringify(plan)}`);
      }
    }
    if (q.sameResultAsFigure === false) findings.push(`baseline ${q.id} did not return the same result as its figure`);
  }
  await db.close();

  const strip = (list: Measured[]) => list.map(({ ids: _ids, ...q }) => q);
  return {
    params: p,
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    storageUsageBytes: estimate?.usage ?? null,
    insert,
    stack,
    distribution,
    open: { createMs: Math.round(createMs), emptyMs: Math.round(emptyOpenMs), firstMs: Math.round(firstOpenMs), fullMs: Math.round(fullOpenMs), fullFirstListMs: Math.round(fullFirstListMs) },
    queries: strip(queries),
    findings,
    singleSave: { emptyDb: singleEmpty, fullDb: singleFull },
    reception: { queries: strip(reception.queries), scan: reception.scan },
    statusCounts,
    receipt: { emptyDb: receiptEmpty, fullDb: receiptFull, cold },
    totalMs: Math.round(now() - benchStart),
  };
}

/** The lists and counts the UI shows, each with its baselines (the figures the bench always printed). */
async function listQueries(db: MotcuaDatabase, p: IdbBenchParams, today: string, distribution: IdbBenchResult['distribution'], findings: string[]): Promise<Measured[]> {
  const queries: Measured[] = [];
  const r = p.runs;
  const slow = p.slowRuns;
  const D = db.dossiers;
  // 0. All dossiers, newest first (the register's first page).
  log('query: newest 200 of all dossiers');
  const newest = await measure(
    { id: 'newest200', label: 'newest 200 of all dossiers', query: "find({sort:[{receivedInv:'asc'}], limit:200})", runs: r },
    () => once(() => D.find({ sort: [{ receivedInv: 'asc' }], limit: 200 })),
  );
  queries.push(newest);
  queries.push(await measure(
    { id: 'newest200.desc', label: 'same, desc sort on receivedAt', query: "find({sort:[{receivedAt:'desc'}], limit:200})", runs: slow, budgetMs: p.scanBudgetMs },
    () => once(() => D.find({ sort: [{ receivedAt: 'desc' }], limit: 200 })),
    newest,
  ));

  // 1. Today's list.
  log("query: today's list");
  const dayStart = vnDayStart(today);
  const todayList = await measure(
    { id: 'today', label: "today's list (200, newest first)", query: "find({selector:{receivedDay:D}, sort:[{receivedInv:'asc'}], limit:200})", runs: r },
    () => once(() => D.find({ selector: { receivedDay: today }, sort: [{ receivedInv: 'asc' }], limit: 200 })),
  );
  queries.push(todayList);
  queries.push(await measure(
    { id: 'today.desc', label: 'same, desc sort on receivedAt', query: "find({selector:{receivedDay:D}, sort:[{receivedAt:'desc'}], limit:200})", runs: r },
    () => once(() => D.find({ selector: { receivedDay: today }, sort: [{ receivedAt: 'desc' }], limit: 200 })),
    todayList,
  ));
  queries.push(await measure(
    {
      id: 'today.noIndex',
      label: 'same via non-indexed receivedAt range, desc',
      query: "find({selector:{receivedAt:{$gte:dayStart,$lt:dayEnd}}, sort:[{receivedAt:'desc'}], limit:200})",
      runs: slow,
      budgetMs: p.scanBudgetMs,
    },
    () => once(() => D.find({ selector: { receivedAt: { $gte: dayStart, $lt: dayStart + 86_400_000 } }, sort: [{ receivedAt: 'desc' }], limit: 200 })),
    todayList,
  ));
  queries.push(await measure(
    {
      id: 'today.regex',
      label: 'name search, no match ($regex on applicant.name)',
      query: "find({selector:{'applicant.name':{$regex:'Zzq'}}, sort:[{receivedInv:'asc'}], limit:200})",
      runs: slow,
      budgetMs: p.scanBudgetMs,
      note: 'a search with no hit reads every dossier; one that hits often stops early, as the sort is index-backed',
    },
    () => once(() => D.find({ selector: { 'applicant.name': { $regex: 'Zzq' } }, sort: [{ receivedInv: 'asc' }], limit: 200 })),
  ));

  // 2. Count by status.
  log('query: count by status');
  const countFigure = await measure(
    { id: 'countStatus', label: 'count({status: 2})', query: 'count({selector:{status:2}})', runs: r },
    () => once(() => D.count({ selector: { status: 2 } })),
  );
  queries.push(countFigure);
  const notFullyIndexed = (): MangoQuerySelector<DossierDoc> => ({ status: 2, channel: { $in: [1, 2, 3] } });
  try {
    queries.push(await measure(
      { id: 'countStatus.slowCount', label: 'count, selector not fully indexed', query: 'count({selector:{status:2, channel:{$in:[1,2,3]}}})', runs: r },
      () => once(() => D.count({ selector: notFullyIndexed() })),
      countFigure,
    ));
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const why = e.code === 'QU14'
      ? 'QU14, count() in "slow mode" is refused unless the database is created with allowSlowCount: true'
      : `${e.code ?? ''} "${String(e.message).replace(/\s+/g, ' ').trim().slice(0, 240)}"`;
    findings.push(
      `RxDB refuses count() on a selector that is not fully indexed ({status:2, channel:{$in:[1,2,3]}}): ${why}` +
        ' — the baselines count with find().exec().length instead.',
    );
  }
  queries.push(await measure(
    { id: 'countStatus.find', label: 'find().exec().length, status index + filter', query: 'find({selector:{status:2, channel:{$in:[1,2,3]}}}).exec().length', runs: r },
    async () => {
      const o = await once(() => D.find({ selector: notFullyIndexed() }));
      return { ...o, result: (o.result as string[]).length };
    },
    countFigure,
  ));
  queries.push(await measure(
    { id: 'countStatus.scan', label: 'find().exec().length, no index ($or)', query: 'find({selector:{$or:[{status:2}]}}).exec().length', runs: slow, budgetMs: p.scanBudgetMs },
    async () => {
      const o = await once(() => D.find({ selector: { $or: [{ status: 2 }] } }));
      return { ...o, result: (o.result as string[]).length };
    },
    countFigure,
  ));

  // IndexedDB counts by walking the key range: an index-backed count costs in proportion to its result.
  const largest = Number(Object.entries(distribution.status).sort((a, b) => b[1] - a[1])[0]![0]) as DossierStatus;
  queries.push(await measure(
    { id: 'countLargest', label: `count({status: ${largest}}), the largest status`, query: `count({selector:{status:${largest}}})`, runs: r },
    () => once(() => D.count({ selector: { status: largest } })),
  ));

  // 3. Latest 50 of one procedure.
  const procedure = '1.001193';
  log(`query: latest 50 of procedure ${procedure}`);
  const byProcedure = await measure(
    { id: 'byProcedure', label: `latest 50 of procedure ${procedure}`, query: "find({selector:{procedureCode:P}, sort:[{receivedInv:'asc'}], limit:50})", runs: r },
    () => once(() => D.find({ selector: { procedureCode: procedure }, sort: [{ receivedInv: 'asc' }], limit: 50 })),
  );
  queries.push(byProcedure);
  queries.push(await measure(
    { id: 'byProcedure.desc', label: 'same, desc sort on receivedAt', query: "find({selector:{procedureCode:P}, sort:[{receivedAt:'desc'}], limit:50})", runs: r },
    () => once(() => D.find({ selector: { procedureCode: procedure }, sort: [{ receivedAt: 'desc' }], limit: 50 })),
    byProcedure,
  ));
  queries.push(await measure(
    { id: 'byProcedure.jsFilter', label: 'same, full find() then filter/sort in JS', query: 'find().exec() → filter procedureCode, sort receivedInv, slice(50)', runs: slow, budgetMs: p.scanBudgetMs },
    async () => {
      const query = D.find();
      try {
        const docs = (await query.exec()) as unknown as DossierDoc[];
        const ids = docs
          .filter((d) => d.procedureCode === procedure)
          .sort((a, b) => a.receivedInv - b.receivedInv || (a.id < b.id ? -1 : 1))
          .slice(0, 50)
          .map((d) => d.id);
        return { result: ids, queries: [query] };
      } finally {
        uncacheRxQuery(D._queryCache, query);
      }
    },
    byProcedure,
  ));

  return queries;
}

window.runBench = runBench;
document.title = 'motcua idb bench: ready';
