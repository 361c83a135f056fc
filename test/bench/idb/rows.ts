/** Turns one size's IdbBenchResult into the printed sections (tables and the lines under them). */
import { formatNumber, meetsGoal } from '../lib/table';
import type { BenchRow, BenchSection, Goal } from '../lib/types';
import type { IdbBenchResult, PlanSummary, QueryMeasure, ReceiptMeasure, Timing } from './protocol';

/** The issue's goals, printed next to the figures as information. */
export const QUERY_GOAL: Goal = { value: 100, name: 'every query under 100 ms' };
export const RECEIPT_GOAL: Goal = { value: 1000, name: 'receipt under 1 s' };

const ms = (q: QueryMeasure) => q.timing.medianMs;
const range = (t: Timing) => `${Math.round(t.minMs)}–${Math.round(t.maxMs)}`;

function mainRows(r: IdbBenchResult): BenchRow[] {
  const rows: BenchRow[] = [];
  const i = r.insert;
  const fill = i.validated ? '' : ' without validation (fill)';
  rows.push({ figure: `bulk insert dossiers${fill} (bulkInsert of ${i.batchSize}), all batches`, value: i.dossiersPerSecond, unit: 'docs/s', better: 'higher' });
  rows.push({
    figure: 'bulk insert dossiers, last tenth of batches',
    value: i.lastTenthDossiersPerSecond,
    unit: 'docs/s',
    baseline: 'first tenth of batches',
    baselineValue: i.firstTenthDossiersPerSecond,
    better: 'higher',
  });
  const st = r.stack;
  const stackFigure = `same ${st.docs.toLocaleString('en-US')} dossiers into a fresh app database`;
  rows.push({ figure: stackFigure, value: st.appPerSecond, unit: 'docs/s', baseline: 'RxDB + Dexie without validation', baselineValue: st.noValidationPerSecond, better: 'higher' });
  rows.push({ figure: stackFigure, value: st.appPerSecond, unit: 'docs/s', baseline: 'raw IndexedDB put, same indexes', baselineValue: st.rawIndexedDbPerSecond, better: 'higher' });
  rows.push({ figure: `bulk insert events${fill} (one per dossier), all batches`, value: i.eventsPerSecond, unit: 'docs/s', better: 'higher' });
  rows.push({ figure: `reopen database holding ${r.params.size.toLocaleString('en-US')} dossiers`, value: r.open.fullMs, unit: 'ms', baseline: 'reopen empty database', baselineValue: r.open.emptyMs, better: 'lower' });
  rows.push(...queryRows(r.queries, (f) => (f.id === 'today' ? [{ figure: "today's list, first run after reopen (1 sample)", value: r.open.fullFirstListMs, unit: 'ms', baseline: 'same query, warm (median)', baselineValue: ms(f), better: 'lower', goal: QUERY_GOAL }] : [])));
  rows.push({
    figure: 'save one dossier as the UI does (saveCheck, median of 50)',
    value: r.singleSave.fullDb.medianMs,
    unit: 'ms',
    baseline: 'same, empty database',
    baselineValue: r.singleSave.emptyDb.medianMs,
    better: 'lower',
  });
  return rows;
}

/** Each figure (id without a dot) next to each of its baselines (`<id>.<what>`). */
function queryRows(queries: QueryMeasure[], before: (figure: QueryMeasure) => BenchRow[] = () => []): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const f of queries.filter((q) => !q.id.includes('.'))) {
    rows.push(...before(f));
    const baselines = queries.filter((q) => q.id.startsWith(`${f.id}.`));
    const row = { figure: f.label, value: ms(f), unit: 'ms', better: 'lower', goal: QUERY_GOAL } as const;
    if (baselines.length === 0) rows.push({ ...row });
    for (const b of baselines) rows.push({ ...row, baseline: b.label, baselineValue: ms(b) });
  }
  return rows;
}

function planText(p: PlanSummary | null): string {
  const yes = (b: boolean) => (b ? 'yes' : 'NO');
  return p ? `[${p.index.join(', ')}]${p.fullRange ? ' scan' : ''}, sort by index ${yes(p.sortSatisfiedByIndex)}, selector by index ${yes(p.selectorSatisfiedByIndex)}` : 'JS';
}

function planLines(queries: QueryMeasure[]): string[] {
  return queries.map((q) => {
    const plan = q.plans ? q.plans.map(planText).join(' + ') : planText(q.plan);
    const same = q.sameResultAsFigure === undefined ? '' : q.sameResultAsFigure ? ', same result' : ', DIFFERENT RESULT';
    return `  ${q.id.padEnd(26)} ${plan}; ${q.resultSize} results${same}; ${q.timing.minMs}–${q.timing.maxMs} ms over ${q.timing.samplesMs.length} runs`;
  });
}

function receiptRows(full: ReceiptMeasure, empty: ReceiptMeasure, cold: IdbBenchResult['receipt']['cold']): BenchRow[] {
  const row = (figure: string, pick: (m: ReceiptMeasure) => number, goal?: Goal): BenchRow => ({
    figure,
    value: pick(full),
    unit: 'ms',
    baseline: 'same, empty database',
    baselineValue: pick(empty),
    better: 'lower',
    ...(goal ? { goal } : {}),
  });
  return [
    row('receipt: "Tiếp nhận" pressed → PDF ready', (m) => m.total.medianMs, RECEIPT_GOAL),
    row('  save (validate, issueNumbers, recordCheck, writeDossierChange)', (m) => m.save.medianMs),
    row('    of which issueNumbers (code + ledger entry)', (m) => m.issue.medianMs),
    row('    of which writeDossierChange', (m) => m.write.medianMs),
    row('  PDF (buildDossierForm: reads + buildReceipt)', (m) => m.pdf.medianMs),
    {
      figure: 'first receipt after start, empty database (1 sample: fonts fetched, pdf-lib cold)',
      value: cold.totalMs,
      unit: 'ms',
      baseline: 'warm receipt, empty database',
      baselineValue: empty.total.medianMs,
      better: 'lower',
      goal: RECEIPT_GOAL,
    },
  ];
}

export function sectionsFor(r: IdbBenchResult, browser: string): BenchSection[] {
  const n = r.params.size.toLocaleString('en-US');
  const sc = r.statusCounts;
  const recount = { baseline: 'full recount of every status', baselineValue: sc.fullRecount.medianMs } as const;
  const scan = r.reception.scan;
  const rf = r.receipt.fullDb;
  return [
    {
      title: `IndexedDB, N = ${n} dossiers (RxDB + Dexie + z-schema, ${browser})`,
      rows: mainRows(r),
      details: [
        'query plans (index without _deleted/id; "scan" = key range covers the whole index):',
        ...planLines(r.queries),
        `data: ${r.distribution.lastDay} dossiers on the last day; status counts ${JSON.stringify(r.distribution.status)}; ` +
          `main procedures ${JSON.stringify(r.distribution.procedure)}`,
        `insert phase ${(r.insert.totalMs / 1000).toFixed(1)} s (dossiers ${(r.insert.dossierMs / 1000).toFixed(1)} s, events ${(r.insert.eventMs / 1000).toFixed(1)} s, the rest generating them); ` +
          `storage used ${r.storageUsageBytes === null ? '?' : `${(r.storageUsageBytes / 2 ** 20).toFixed(0)} MiB`}; bench ${(r.totalMs / 1000).toFixed(1)} s in the page`,
        `open: first open with the app's stack right after the fill ${r.open.firstMs} ms, then reopened ${r.open.fullMs} ms; creating an empty database ${r.open.createMs} ms`,
      ],
    },
    {
      title: `Reception queries, N = ${n}: ledger and search through the app's functions`,
      rows: queryRows(r.reception.queries),
      details: [
        `baselines: one full find() of all ${scan.docs.toLocaleString('en-US')} dossiers per run (median ${formatNumber(scan.timing.medianMs, 'ms')}), shared, plus each case's JS filter/sort/limit`,
        'query plans (figures: every RxQuery the app function made):',
        ...planLines(r.reception.queries.filter((q) => !q.id.includes('.'))),
        'baselines:',
        ...planLines(r.reception.queries.filter((q) => q.id.includes('.'))),
      ],
    },
    {
      title: `Status counts, N = ${n}: keepStatusCounts (src-renderer/dossiers/status-counts.ts)`,
      rows: [
        { figure: 'read the kept counts (subscribe to counts$, take the value)', value: sc.read.medianMs, unit: 'ms', ...recount, better: 'lower', goal: QUERY_GOAL },
        { figure: 'keepStatusCounts(db) until counts$ has a value', value: sc.firstValue.medianMs, unit: 'ms', ...recount, better: 'lower', goal: QUERY_GOAL },
        { figure: 'counts$ stale after receiving one dossier (new, status 2)', value: sc.afterReceive.medianMs, unit: 'ms', ...recount, better: 'lower', goal: QUERY_GOAL },
        { figure: 'counts$ stale after returning one dossier (9 → 10)', value: sc.afterReturn.medianMs, unit: 'ms', ...recount, better: 'lower', goal: QUERY_GOAL },
        ...(sc.afterPull
          ? [{ figure: `counts$ stale after a pull of ${sc.pullSize} dossiers (9 → 10, bulks of ${sc.pullBulk})`, value: sc.afterPull.medianMs, unit: 'ms', ...recount, better: 'lower', goal: QUERY_GOAL } as const]
          : []),
        { figure: 'full recount of every status (10 count queries)', value: sc.fullRecount.medianMs, unit: 'ms', better: 'lower', goal: QUERY_GOAL },
      ],
      details: [
        `milliseconds per status in one recount: ${JSON.stringify(sc.perStatusMs)}; counts ${JSON.stringify(sc.counts)}`,
        `ranges (min–max ms over runs): first value ${range(sc.firstValue)}, after receiving ${range(sc.afterReceive)}, after returning ${range(sc.afterReturn)}` +
          `${sc.afterPull ? `, after the pull ${range(sc.afterPull)}` : ''}, full recount ${range(sc.fullRecount)}; ` +
          `the single changes' writeDossierChange took ${formatNumber(sc.write.medianMs, 'ms')} (median) of their stale time`,
        `in-memory read: ${sc.readsPerSample.toLocaleString('en-US')} reads per sample; stale: from the write until counts$ emits counts that include it. ` +
          "After the first count, RxDB updates a cached count query from its change-event buffer (the last 100 events, a larger single bulk whole) without reading the index, so a single change costs about the keeper's debounce; " +
          "a query whose missed changes no longer fit (a pull in several bulks, over 100 changes between recounts), or one evicted from RxDB's query cache (least recently used beyond 100 queries), counts the touched statuses over the index again.",
      ],
    },
    {
      title: `Receipt, N = ${n}: saveCheck's steps + buildDossierForm('receipt')`,
      rows: receiptRows(rf, r.receipt.emptyDb, r.receipt.cold),
      details: [
        `medians of ${rf.runs} receipts after a warm-up; validate ${formatNumber(rf.validate.medianMs, 'ms')}, recordCheck ${formatNumber(rf.record.medianMs, 'ms')}; ` +
          `first receipt: save ${r.receipt.cold.saveMs} ms, PDF ${r.receipt.cold.pdfMs} ms`,
        `last receipt: ${rf.sample.code}, ledger ${rf.sample.ledger}, appointment ${rf.sample.appointmentAt}, PDF ${(rf.pdfBytes / 1024).toFixed(0)} KiB`,
      ],
    },
  ];
}

/** One finding per figure that misses its goal. */
export function missedGoals(sections: BenchSection[], size: number): string[] {
  const missed: string[] = [];
  for (const s of sections) {
    const seen = new Set<string>();
    for (const row of s.rows) {
      if (seen.has(row.figure) || meetsGoal(row) !== false || !row.goal) continue;
      seen.add(row.figure);
      missed.push(`N=${size.toLocaleString('en-US')}: "${row.figure.trim()}" ${formatNumber(row.value, row.unit)} misses "${row.goal.name}"`);
    }
  }
  return missed;
}
