/** Turns the supervisor bench's results into the printed sections (tables and the lines under them). */
import type { IndicatorValues } from '../../../src-shared/domain/indicators/record';
import { formatNumber } from '../lib/table';
import type { BenchRow, BenchSection, Goal } from '../lib/types';
import { NAIVE_CONCURRENCY, type CliMeasure, type Sampled, type SupervisorBenchResult, type Timing } from './protocol';

/** The issue's goal, printed next to the figures it names as information. */
export const SECOND_GOAL: Goal = { value: 1000, name: 'indicators, day review and CLI under 1 s' };

const MiB = 2 ** 20;
const n = (v: number) => v.toLocaleString('en-US');
const ms = (t: Timing) => t.medianMs;
const range = (t: Timing) => `${formatNumber(t.minMs, 'ms')}–${formatNumber(t.maxMs, 'ms')} over ${t.samplesMs.length}`;
const med = (s: Sampled) => s.timing.medianMs;

function pageRows(r: SupervisorBenchResult): BenchRow[] {
  const rows: BenchRow[] = [];
  const cold = ms(r.cold.timing);
  const dossiers = r.fill.dossiers;
  const lower = { unit: 'ms', better: 'lower' } as const;
  rows.push({ figure: 'facts store cold build (no snapshot) until ready', value: cold, ...lower, baseline: 'find() of every dossier, pages of 2,000 (receivedInv order), nothing built', baselineValue: med(r.pagedFind) });
  rows.push({ figure: 'facts store cold build (no snapshot) until ready', value: cold, ...lower, baseline: 'its three change feeds read to the end, nothing built', baselineValue: med(r.feedRead) });
  rows.push({ figure: 'facts store cold build, dossiers/s', value: (dossiers / cold) * 1000, unit: 'docs/s', better: 'higher', baseline: 'the same paged find(), dossiers/s', baselineValue: (dossiers / med(r.pagedFind)) * 1000 });
  rows.push({ figure: 'facts store warm start (snapshot, nothing changed) until ready', value: ms(r.warm.timing), ...lower, baseline: 'cold build', baselineValue: cold });

  const i = r.indicators;
  const { month, year } = r.params.periods;
  rows.push({ figure: `indicators, one month (${month.from}..${month.to}), from the facts`, value: med(i.month), ...lower, baseline: 'same month the naive way: RxDB queries + records per request', baselineValue: med(i.naiveMonth), goal: SECOND_GOAL });
  rows.push({ figure: `indicators, one year (${year.from}..${year.to}), from the facts`, value: med(i.year), ...lower, baseline: 'the month from the facts', baselineValue: med(i.month), goal: SECOND_GOAL });
  rows.push({ figure: `indicators, the month, counter ${r.params.counter} only`, value: med(i.monthCounter), ...lower, baseline: 'the month, every counter', baselineValue: med(i.month), goal: SECOND_GOAL });
  rows.push({ figure: 'drill-down "late", the year', value: med(r.drill.lateYear), ...lower, baseline: 'the year report (computeIndicators)', baselineValue: med(i.year), goal: SECOND_GOAL });

  const v = r.review;
  const ledger = `queryLedger of the day (501 rows, the ledger screen)`;
  rows.push({ figure: `day review (${v.day}): breakdown + due lists (n=${r.params.dueWithinDays}) + anomalies (${r.params.anomalyWindowDays} days)`, value: med(v.total), ...lower, baseline: ledger, baselineValue: med(v.ledger), goal: SECOND_GOAL });
  rows.push({ figure: '  of which dayBreakdown (by counter)', value: med(v.breakdown), ...lower, baseline: ledger, baselineValue: med(v.ledger) });
  rows.push({ figure: '  of which dueLists', value: med(v.due), ...lower, baseline: ledger, baselineValue: med(v.ledger) });
  rows.push({ figure: '  of which anomalies (window filtered + anomalies())', value: med(v.anomalies), ...lower, baseline: ledger, baselineValue: med(v.ledger) });

  rows.push({ figure: 'live update: one dossier write until facts$ emits it', value: ms(r.live.timing), ...lower, baseline: "the store's debounce (its floor)", baselineValue: r.live.debounceMs });
  if (r.heap) {
    rows.push({ figure: `JS heap used with the facts store running (${n(r.heap.facts)} facts, after GC)`, value: r.heap.afterBytes / MiB, unit: 'MiB', better: 'lower', baseline: 'before any facts store ran (after GC)', baselineValue: r.heap.beforeBytes / MiB });
  }
  if (r.snapshot.estimateDeltaBytes !== null && r.fill.storageUsageBytes !== null) {
    rows.push({ figure: 'snapshot in IndexedDB (storage estimate growth)', value: r.snapshot.estimateDeltaBytes / MiB, unit: 'MiB', better: 'lower', baseline: 'the database it summarises (storage estimate after the fill)', baselineValue: r.fill.storageUsageBytes / MiB });
  }
  return rows;
}

function pageDetails(r: SupervisorBenchResult): string[] {
  const f = r.fill;
  const e = f.extra;
  const i = r.indicators;
  const v = r.review;
  const totals = (t: IndicatorValues) =>
    `received ${n(t.received)}, on time ${n(t.onTime)}, late ${n(t.late)}, digitised ${n(t.digitised)}, online ${n(t.online)}, synced ${t.synced === null ? '—' : n(t.synced)}, processed ${n(t.processed)}, average ${t.averageProcessingDays ?? '—'} working days`;
  const lines = [
    `data: ${n(f.dossiers)} dossiers (${n(f.received)} received with a code) over ${r.params.workingDays} working days to ${r.params.lastDay}, ${n(f.events)} events ` +
      `(one check event each + ${n(e.supplementRequested)} supplementRequested, ${n(e.supplemented)} supplemented, ${n(e.rescheduled)} rescheduled), ` +
      `${n(f.files)} file records (${n(e.fullyScanned)} received dossiers with every component scanned); ${n(r.params.unsynced)} newest dossiers with a pending outbox row; ` +
      `fill ${(f.totalMs / 1000).toFixed(0)} s; storage used ${f.storageUsageBytes === null ? '?' : `${(f.storageUsageBytes / MiB).toFixed(0)} MiB`}`,
    `cold build: ${range(r.cold.timing)}, ${n(r.cold.read)} documents read (dossiers, events, files), ${n(r.cold.facts)} facts; ` +
      `then stop() saved the snapshot in ${formatNumber(ms(r.snapshotSave), 'ms')} (median, ${range(r.snapshotSave)})`,
    `warm start: ${range(r.warm.timing)}, ${n(r.warm.read)} documents read; loadSnapshot alone ${formatNumber(ms(r.snapshotLoad), 'ms')} (median); ` +
      `snapshot ${(r.snapshot.jsonChars / MiB).toFixed(1)} M characters as JSON${r.snapshot.estimateDeltaBytes === null ? '' : `, storage estimate +${(r.snapshot.estimateDeltaBytes / MiB).toFixed(1)} MiB`}`,
    `baselines: find() pages ${range(r.pagedFind.timing)} (${n(r.pagedFind.size)} dossiers); change feeds ${range(r.feedRead.timing)} (${n(r.feedRead.size)} documents)`,
  ];
  if (r.heap) lines.push(`heap: +${((r.heap.afterBytes - r.heap.beforeBytes) / MiB).toFixed(1)} MiB with the store running, about ${Math.round((r.heap.afterBytes - r.heap.beforeBytes) / Math.max(1, r.heap.facts))} bytes a fact (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage)`);
  lines.push(
    `indicators: medians of ${i.month.timing.samplesMs.length} runs after a warm-up; month ${range(i.month.timing)}, year ${range(i.year.timing)}, counter ${range(i.monthCounter.timing)}`,
    `  month totals: ${totals(i.monthTotals)}`,
    `  year totals: ${totals(i.yearTotals)}`,
    `  ${r.params.counter} in the month: ${totals(i.monthCounterTotals)}`,
    `  naive month: ${range(i.naiveMonth.timing)}, ${n(i.naiveMonth.queries)} RxDB queries a run (dossiers by receivedDay, outbox, then files per dossier and events where needed, ${NAIVE_CONCURRENCY} at a time); ` +
      `report ${i.naiveSame ? 'identical to' : 'DIFFERENT from'} the facts' one`,
    `drill-down: ${n(r.drill.lateYear.size)} late dossiers in the year (${r.drill.matchesReport ? 'equals' : 'DIFFERS from'} the report's late), ${range(r.drill.lateYear.timing)}`,
    `day review: ${v.day} is the busiest day (${n(v.dayDossiers)} received), "now" = end of ${r.params.lastDay}; breakdown ${v.breakdown.size} rows; ` +
      `due: ${n(v.due.overdue)} overdue, ${n(v.due.dueToday)} due today, ${n(v.due.dueSoon)} due soon; ` +
      `anomalies: ${n(v.anomalies.size)} among ${n(v.anomalies.window)} facts of the window ${JSON.stringify(v.anomalies.byKind)}; ledger baseline ${n(v.ledger.size)} rows`,
    `live update: ${range(r.live.timing)}; of it writeDossierChange ${formatNumber(ms(r.live.write), 'ms')} (median), the rest the debounce (${r.live.debounceMs} ms) and one catch-up ` +
      '(outbox query, change feeds, a new facts$ array of every fact)',
    `bench ${(r.totalMs / 1000).toFixed(0)} s in the page`,
  );
  return lines;
}

function cliRows(c: CliMeasure): BenchRow[] {
  const figure = `npm run motcua -- indicators --dvcqg (${n(c.records)} records) --json, whole process`;
  const row = { figure, value: ms(c.cli), unit: 'ms', better: 'lower', goal: SECOND_GOAL } as const;
  return [
    { ...row, baseline: 'node -e 0 (Node start-up)', baselineValue: ms(c.nodeStart) },
    { ...row, baseline: 'npm run motcua -- help (npm + tsx + the CLI loaded)', baselineValue: ms(c.cliStart) },
    { ...row, baseline: "node -e JSON.parse(readFileSync(file,'utf8'))", baselineValue: ms(c.nodeParse) },
  ];
}

const KEYS: (keyof IndicatorValues)[] = ['received', 'onTime', 'late', 'judged', 'digitised', 'online', 'processed', 'averageProcessingDays'];

/**
 * Where the CLI's totals (from the DVCQG file) differ from the dashboard's (from the facts), synced
 * aside (a file cannot say). DVCQG dates are to the second, so the average may move by 0.01 day.
 */
export function compareTotals(cli: IndicatorValues | null, page: IndicatorValues): string[] {
  if (!cli) return ['the CLI printed no report'];
  const same = (k: keyof IndicatorValues) =>
    k === 'averageProcessingDays' && typeof cli[k] === 'number' && typeof page[k] === 'number' ? Math.abs(cli[k] - page[k]) <= 0.011 : cli[k] === page[k];
  return KEYS.filter((k) => !same(k)).map((k) => `${k}: CLI ${String(cli[k])}, dashboard ${String(page[k])}`);
}

function cliDetails(c: CliMeasure, page: SupervisorBenchResult | undefined): string[] {
  const lines = [
    `file: ${n(c.records)} DVCQG records (the received ones of ${n(c.size)} generated dossiers, toDvcqg with their events and files), ` +
      `${(c.fileBytes / MiB).toFixed(0)} MiB, written in ${(c.writeMs / 1000).toFixed(0)} s; period ${c.period.from}..${c.period.to}`,
    `wall clock from spawn to exit, medians after one untimed run: CLI ${range(c.cli)}; node -e 0 ${range(c.nodeStart)}; motcua help ${range(c.cliStart)}; node parse ${range(c.nodeParse)}`,
    `the CLI's own --timing (one run): ${c.ownTiming}`,
  ];
  if (page) {
    const diff = compareTotals(c.totals, page.indicators.yearTotals);
    lines.push(diff.length ? `CLI totals vs the dashboard's year: DIFFERENT — ${diff.join('; ')}` : `CLI totals equal the dashboard's year totals (synced aside: a DVCQG file cannot say; average ${String(c.totals?.averageProcessingDays)} vs ${String(page.indicators.yearTotals.averageProcessingDays)} days, DVCQG dates being to the second)`);
  }
  return lines;
}

export function pageSection(r: SupervisorBenchResult, browser: string): BenchSection {
  return { title: `Supervisor in Chromium, N = ${n(r.params.size)} dossiers (facts store, indicators, day review; ${browser})`, rows: pageRows(r), details: pageDetails(r) };
}

export function cliSection(c: CliMeasure, page: SupervisorBenchResult | undefined): BenchSection {
  return { title: `CLI indicators over a DVCQG file, N = ${n(c.size)} dossiers (Node ${process.version})`, rows: cliRows(c), details: cliDetails(c, page) };
}
