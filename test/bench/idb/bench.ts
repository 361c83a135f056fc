/**
 * The IndexedDB bench page: the app's real database (`openDatabase`: RxDB + Dexie + z-schema
 * validation) in real Chromium, filled with dossiers built by `receiveDossier()`, then timed on the
 * queries the UI runs, each next to a baseline that shows what the index saves.
 *
 * Exposes `window.runBench(params)`; progress goes to the console (the runner prints it).
 * Every timed run builds a new RxQuery and evicts it from RxDB's query cache afterwards: a cached
 * query answers from memory (or by event-reduce) and would time nothing.
 */
import { createRxDatabase, uncacheRxQuery, INDEX_MAX, INDEX_MIN, type MangoQuerySelector, type RxCollection, type RxJsonSchema, type RxQuery } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase, type MotcuaDatabase } from '../../../src-renderer/db/database';
import { saveReception } from '../../../src-renderer/features/reception/save-reception';
import type { Workspace } from '../../../src-renderer/runtime';
import { dossierSchema, type DossierDoc } from '../../../src-shared/contract/documents';
import { DOSSIER_STATUS_CODES, type DossierStatus } from '../../../src-shared/domain/dossier-status';
import { BENCH_AGENCY, BENCH_PROCEDURES, createGenerator, vnDayStart, workingDays } from './data';
import type { IdbBenchParams, IdbBenchResult, InsertMeasure, PlanSummary, QueryMeasure, StackMeasure, Timing } from './protocol';

declare global {
  interface Window {
    runBench: (params: IdbBenchParams) => Promise<IdbBenchResult>;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- queries of any collection and result type
type AnyQuery = RxQuery<any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCollection = RxCollection<any>;

const log = (message: string) => console.log(`[idb] ${message}`);
const now = () => performance.now();

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function timing(samplesMs: number[]): Timing {
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    medianMs: round(median(samplesMs)),
    minMs: round(Math.min(...samplesMs)),
    maxMs: round(Math.max(...samplesMs)),
    samplesMs: samplesMs.map(round),
  };
}

function planOf(query: AnyQuery): PlanSummary {
  const plan = query.getPreparedQuery().queryPlan;
  const fields = plan.index.map((field, i) => ({ field, start: plan.startKeys[i], end: plan.endKeys[i] }));
  const relevant = fields.filter((f) => f.field !== '_deleted');
  const primaryKey = query.collection.schema.primaryPath as string;
  return {
    index: relevant.map((f) => f.field).filter((f, i, all) => !(f === primaryKey && i === all.length - 1 && all.length > 1)),
    fullRange: relevant.every((f) => f.start === INDEX_MIN && f.end === INDEX_MAX),
    sortSatisfiedByIndex: plan.sortSatisfiedByIndex,
    selectorSatisfiedByIndex: plan.selectorSatisfiedByIndex,
  };
}

interface Outcome {
  /** Ids in result order, or the count. */
  result: string[] | number;
  /** The RxQuery that ran (its plan is recorded). */
  query: AnyQuery;
}

function resultOf(value: unknown): string[] | number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((d: { primary: string }) => d.primary);
  throw new Error(`unexpected query result ${String(value)}`);
}

/** Runs a query once, then drops it from the collection's query cache. */
async function once(make: () => AnyQuery): Promise<Outcome> {
  const query = make();
  try {
    return { result: resultOf(await query.exec()), query };
  } finally {
    uncacheRxQuery((query.collection as AnyCollection)._queryCache, query);
  }
}

async function measure(
  spec: { id: string; label: string; query: string; runs: number; note?: string },
  run: () => Promise<Outcome>,
  figure?: QueryMeasure & { ids: string[] | number },
): Promise<QueryMeasure & { ids: string[] | number }> {
  log(`  ${spec.id}: warm-up + ${spec.runs} runs`);
  const warm = await run();
  const samples: number[] = [];
  for (let i = 0; i < spec.runs; i++) {
    const t0 = now();
    await run();
    samples.push(now() - t0);
  }
  const ids = warm.result;
  const measured: QueryMeasure & { ids: string[] | number } = {
    id: spec.id,
    label: spec.label,
    query: spec.query,
    plan: planOf(warm.query),
    resultSize: typeof ids === 'number' ? ids : ids.length,
    timing: timing(samples),
    ids,
  };
  if (spec.note) measured.note = spec.note;
  if (figure) measured.sameResultAsFigure = JSON.stringify(ids) === JSON.stringify(figure.ids);
  log(`  ${spec.id}: median ${measured.timing.medianMs} ms (${measured.resultSize} results)`);
  return measured;
}

/** Saves like the reception screen does (outbox rows, dossier, event), `count` times; ms each. */
async function timeSingleSaves(db: MotcuaDatabase, count: number): Promise<Timing> {
  const ws = {
    db,
    user: { username: 'clerk.an', role: 'clerk', agencyId: BENCH_AGENCY, displayName: 'Clerk An' },
    workstationId: 'WS-01',
  } as unknown as Workspace;
  const procedure = BENCH_PROCEDURES[0]!;
  await saveReception(ws, { procedure, applicant: { kind: 'individual', name: 'Nguyễn Văn Khởi Động' } }); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = now();
    await saveReception(ws, { procedure, applicant: { kind: 'individual', name: `Trần Thị Đo Lường ${i}` } });
    samples.push(now() - t0);
  }
  return timing(samples);
}

async function insertAll(db: MotcuaDatabase, p: IdbBenchParams, days: string[]): Promise<InsertMeasure> {
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
  return {
    dossiers,
    events,
    batchSize: p.batchSize,
    dossierMs: Math.round(dossierMs),
    eventMs: Math.round(eventMs),
    dossiersPerSecond: rate(batchMs, dossiers),
    eventsPerSecond: Math.round(events / (eventMs / 1000)),
    firstTenthDossiersPerSecond: rate(batchMs.slice(0, tenth), firstDocs),
    lastTenthDossiersPerSecond: rate(batchMs.slice(-tenth), lastDocs),
    batchMs: batchMs.map((v) => Math.round(v)),
    totalMs: Math.round(now() - start),
  };
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
  const docs = Math.min(p.size, 10 * p.batchSize);
  const generator = createGenerator(docs, days, p.seed + 1);
  const batches: DossierDoc[][] = [];
  while (batches.length * p.batchSize < docs) batches.push(generator.next(p.batchSize).dossiers);
  const copy = (b: DossierDoc[]) => b.map((d) => ({ ...d, applicant: { ...d.applicant } }));
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

  // Baseline for opening and saving: an empty database.
  log(`N=${p.size}: empty database`);
  let t0 = now();
  let empty = await openDatabase('motcua_bench_empty');
  const createMs = now() - t0;
  await empty.close();
  t0 = now();
  empty = await openDatabase('motcua_bench_empty');
  const emptyOpenMs = now() - t0;
  const singleEmpty = await timeSingleSaves(empty, p.singleSaves);
  await empty.remove();

  const stack = await measureStack(p, days);

  const name = 'motcua_bench';
  let db = await openDatabase(name);
  log(`inserting ${p.size} dossiers + events in batches of ${p.batchSize}`);
  const insert = await insertAll(db, p, days);
  log(`insert done: ${insert.dossiersPerSecond} dossiers/s, ${insert.eventsPerSecond} events/s, ${(insert.totalMs / 1000).toFixed(1)} s in all`);
  const estimate = await navigator.storage?.estimate?.().catch(() => null);

  // Close and reopen: what signing in costs once the data is there, and the first list after it.
  await db.close();
  t0 = now();
  db = await openDatabase(name);
  const fullOpenMs = now() - t0;
  t0 = now();
  await once(() => db.dossiers.find({ selector: { receivedDay: today }, sort: [{ receivedInv: 'asc' }], limit: 200 }));
  const fullFirstListMs = now() - t0;

  const distribution: IdbBenchResult['distribution'] = { status: {}, procedure: {}, lastDay: 0 };
  for (const s of DOSSIER_STATUS_CODES) distribution.status[s] = (await once(() => db.dossiers.count({ selector: { status: s } }))).result as number;
  for (const pr of BENCH_PROCEDURES) distribution.procedure[pr.code] = (await once(() => db.dossiers.count({ selector: { procedureCode: pr.code } }))).result as number;
  distribution.lastDay = (await once(() => db.dossiers.count({ selector: { receivedDay: today } }))).result as number;

  const queries: (QueryMeasure & { ids: string[] | number })[] = [];
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
    { id: 'newest200.desc', label: 'same, desc sort on receivedAt', query: "find({sort:[{receivedAt:'desc'}], limit:200})", runs: slow },
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
    { id: 'countStatus.scan', label: 'find().exec().length, no index ($or)', query: 'find({selector:{$or:[{status:2}]}}).exec().length', runs: slow },
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
    { id: 'byProcedure.jsFilter', label: 'same, full find() then filter/sort in JS', query: 'find().exec() → filter procedureCode, sort receivedInv, slice(50)', runs: slow },
    async () => {
      const query = D.find();
      try {
        const docs = (await query.exec()) as unknown as DossierDoc[];
        const ids = docs
          .filter((d) => d.procedureCode === procedure)
          .sort((a, b) => a.receivedInv - b.receivedInv || (a.id < b.id ? -1 : 1))
          .slice(0, 50)
          .map((d) => d.id);
        return { result: ids, query };
      } finally {
        uncacheRxQuery(D._queryCache, query);
      }
    },
    byProcedure,
  ));

  // 4. Saving one dossier, as the reception screen does, with N dossiers in the database.
  log(`single saves (x${p.singleSaves})`);
  const singleFull = await timeSingleSaves(db, p.singleSaves);

  for (const q of queries) {
    const isFigure = !q.id.includes('.');
    const isCount = q.query.startsWith('count(');
    if (isFigure && q.plan && (!q.plan.selectorSatisfiedByIndex || (!isCount && !q.plan.sortSatisfiedByIndex))) {
      findings.push(`figure query ${q.id} is not fully index-backed: ${JSON.stringify(q.plan)}`);
    }
    if (q.sameResultAsFigure === false) findings.push(`baseline ${q.id} did not return the same result as its figure`);
  }
  await db.close();

  return {
    params: p,
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    storageUsageBytes: estimate?.usage ?? null,
    insert,
    stack,
    distribution,
    open: { createMs: Math.round(createMs), emptyMs: Math.round(emptyOpenMs), fullMs: Math.round(fullOpenMs), fullFirstListMs: Math.round(fullFirstListMs) },
    queries: queries.map(({ ids: _ids, ...q }) => q),
    findings,
    singleSave: { emptyDb: singleEmpty, fullDb: singleFull },
    totalMs: Math.round(now() - benchStart),
  };
}

window.runBench = runBench;
document.title = 'motcua idb bench: ready';
