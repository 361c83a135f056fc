/**
 * Dossier counts per status: the full recount (a count query per status, as `keepStatusCounts`
 * makes when it starts) next to what the UI reads afterwards from `keepStatusCounts(db).counts$`, and
 * how long the counts lag behind a change (its debounce plus the recount of the touched statuses).
 */
import { uncacheRxQuery } from 'rxdb';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { DOSSIER_STATUS, DOSSIER_STATUS_CODES } from '../../../src-shared/domain/dossier-status';
import { applyAction } from '../../../src-shared/domain/lifecycle/apply';
import { recordCheck } from '../../../src-shared/domain/reception';
import { issueNumbers } from '../../../src-renderer/dossiers/numbers';
import { keepStatusCounts, type StatusCountKeeper, type StatusCounts } from '../../../src-renderer/dossiers/status-counts';
import { writeDossierChange } from '../../../src-renderer/dossiers/write';
import type { Workspace } from '../../../src-renderer/runtime';
import { log, now, once, timing, waitFor } from './measure';
import type { IdbBenchParams, StatusCountMeasure } from './protocol';
import { plainDossier, receptionInputs } from './workstation';

/** Longest wait for the kept counts to catch up before the bench gives up. */
const TIMEOUT_MS = 120_000;
const READS_PER_SAMPLE = 10_000;
/** Dossiers changed by one simulated replication pull, in bulks: more than RxDB's change-event buffer (100). */
const PULL_SIZE = 120;
const PULL_BULK = 60;

const counted = (keeper: StatusCountKeeper, test: (c: StatusCounts) => boolean, what: string) =>
  waitFor<StatusCounts | null>((next) => keeper.counts$.subscribe(next), (c) => c !== null && test(c), TIMEOUT_MS, what);

/** Drops the keeper's count queries from RxDB's cache, so the next keeper counts as at sign-in. */
function forgetCountQueries(ws: Workspace): void {
  const D = ws.db.dossiers;
  for (const status of DOSSIER_STATUS_CODES) {
    uncacheRxQuery(D._queryCache, D.count({ selector: { status } }));
  }
}

export async function measureStatusCounts(ws: Workspace, p: IdbBenchParams): Promise<StatusCountMeasure> {
  const D = ws.db.dossiers;
  const runs = p.slowRuns;

  log(`status counts: full recount, warm-up + ${runs} runs`);
  const recount: number[] = [];
  let perStatusMs: Record<string, number> = {};
  for (let run = 0; run <= runs; run++) {
    const t0 = now();
    perStatusMs = {};
    for (const status of DOSSIER_STATUS_CODES) {
      const t = now();
      await once(() => D.count({ selector: { status } }));
      perStatusMs[status] = Math.round(now() - t);
    }
    if (run > 0) recount.push(now() - t0);
  }

  log(`status counts: keepStatusCounts until counts$ has a value, ${runs} runs`);
  const first: number[] = [];
  for (let run = 0; run < runs; run++) {
    forgetCountQueries(ws);
    const t0 = now();
    const keeper = keepStatusCounts(ws.db);
    await counted(keeper, () => true, 'the first counts');
    first.push(now() - t0);
    keeper.stop();
  }

  forgetCountQueries(ws);
  const keeper = keepStatusCounts(ws.db);
  try {
    await counted(keeper, () => true, 'the first counts');
    await keeper.settled();

    log('status counts: in-memory reads');
    const reads: number[] = [];
    let sink = 0;
    for (let run = 0; run < p.runs; run++) {
      const t0 = now();
      for (let i = 0; i < READS_PER_SAMPLE; i++) {
        const subscription = keeper.counts$.subscribe((c) => (sink += c?.[DOSSIER_STATUS.received] ?? 0));
        subscription.unsubscribe();
      }
      reads.push((now() - t0) / READS_PER_SAMPLE);
    }
    if (sink < 0) log('impossible');

    log(`status counts: a new received dossier until counts$ shows it, warm-up + ${runs} runs`);
    const nextInput = receptionInputs(p.seed + 7);
    const receive: number[] = [];
    const writes: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const at = Date.now();
      const issued = await issueNumbers(ws.db, ws.user.agencyId, ws.holder, ws.workstationId, at);
      const ctx = { agencyId: ws.user.agencyId, workstationId: ws.workstationId, clerk: ws.user.username, now: at, newId: () => crypto.randomUUID(), calendar: ws.calendar };
      const { dossier, event } = recordCheck(nextInput(), { kind: 'receive' }, ctx, issued);
      const before = keeper.counts$.value?.[DOSSIER_STATUS.received] ?? 0;
      const t0 = now();
      await writeDossierChange(ws.db, dossier, event);
      const written = now() - t0;
      await counted(keeper, (c) => c[DOSSIER_STATUS.received] === before + 1, 'the new received dossier in counts$');
      if (run > 0) receive.push(now() - t0);
      if (run > 0) writes.push(written);
      await keeper.settled();
    }

    log(`status counts: a returned dossier (9 → 10) until counts$ shows it, warm-up + ${runs} runs`);
    const processed: DossierDoc[] = (await D.find({ selector: { status: DOSSIER_STATUS.processed }, limit: runs + 1 }).exec()).map(plainDossier);
    if (processed.length < runs + 1) throw new Error(`only ${processed.length} processed dossiers to return`);
    const returned: number[] = [];
    for (const [run, d] of processed.entries()) {
      const { dossier, event } = applyAction(d, { type: 'returned', method: 'inPerson', signedBy: d.applicant.name }, { now: Date.now(), by: ws.user.username, newId: () => crypto.randomUUID(), calendar: ws.calendar });
      const c = keeper.counts$.value ?? {};
      const [done, waiting] = [c[DOSSIER_STATUS.returned] ?? 0, c[DOSSIER_STATUS.processed] ?? 0];
      const t0 = now();
      await writeDossierChange(ws.db, dossier, event);
      const written = now() - t0;
      await counted(keeper, (k) => k[DOSSIER_STATUS.returned] === done + 1 && k[DOSSIER_STATUS.processed] === waiting - 1, 'the returned dossier in counts$');
      if (run > 0) returned.push(now() - t0);
      if (run > 0) writes.push(written);
      await keeper.settled();
    }

    // A replication pull writes dossiers in bulks. RxDB keeps the last 100 change events (a larger
    // single bulk whole): a count query whose missed changes no longer fit runs again over the index
    // instead of being updated, which two bulks of 60 are enough for.
    const available = (await once(() => D.count({ selector: { status: DOSSIER_STATUS.processed } }))).result as number;
    const pullRuns = Math.min(runs, Math.floor(available / PULL_SIZE) - 1);
    log(`status counts: a pull of ${PULL_SIZE} dossiers (9 → 10) until counts$ shows it, warm-up + ${pullRuns} runs`);
    const pulled: number[] = [];
    for (let run = 0; run <= pullRuns && pullRuns > 0; run++) {
      const batch = (await D.find({ selector: { status: DOSSIER_STATUS.processed }, limit: PULL_SIZE }).exec()).map(plainDossier);
      const at = Date.now();
      const changed = batch.map((d) => ({ ...d, status: DOSSIER_STATUS.returned, returnedAt: at, returnedTo: d.applicant.name, returnMethod: 'inPerson' as const, updatedAt: at }));
      const c = keeper.counts$.value ?? {};
      const [done, waiting] = [c[DOSSIER_STATUS.returned] ?? 0, c[DOSSIER_STATUS.processed] ?? 0];
      const t0 = now();
      for (let i = 0; i < changed.length; i += PULL_BULK) {
        const written = await D.bulkUpsert(changed.slice(i, i + PULL_BULK));
        if (written.error.length) throw new Error(`bulkUpsert refused ${written.error.length} dossiers`);
      }
      await counted(keeper, (k) => k[DOSSIER_STATUS.returned] === done + PULL_SIZE && k[DOSSIER_STATUS.processed] === waiting - PULL_SIZE, 'the pulled dossiers in counts$');
      if (run > 0) pulled.push(now() - t0);
      await keeper.settled();
    }

    const counts: Record<string, number> = {};
    for (const [status, n] of Object.entries(keeper.counts$.value ?? {})) counts[status] = n;
    return {
      fullRecount: timing(recount),
      perStatusMs,
      firstValue: timing(first),
      read: timing(reads),
      readsPerSample: READS_PER_SAMPLE,
      afterReceive: timing(receive),
      afterReturn: timing(returned),
      write: timing(writes),
      afterPull: pulled.length ? timing(pulled) : null,
      pullSize: PULL_SIZE,
      pullBulk: PULL_BULK,
      counts,
    };
  } finally {
    keeper.stop();
  }
}
