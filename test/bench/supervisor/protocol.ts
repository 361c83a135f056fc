/**
 * What the Node runner sends to the supervisor bench page and what the page sends back (plain JSON
 * through Playwright's `page.evaluate`), and what the Node-side CLI figure returns.
 */
import type { IndicatorValues, Period } from '../../../src-shared/domain/indicators/record';
import type { Timing } from '../idb/protocol';
import type { ExtraCounts } from './data';

export type { Timing };

/** Dossiers whose files and events the naive baseline (page.ts) queries at once. */
export const NAIVE_CONCURRENCY = 50;

export interface SupervisorBenchParams {
  /** Dossiers generated (idb's generator, plus files and extra events: data.ts). */
  size: number;
  /** Documents per bulkInsert call in the fill. */
  batchSize: number;
  /** Working days the data is spread over, ending on `lastDay`. */
  workingDays: number;
  /** `yyyy-MM-dd` (Vietnam) of the newest generated day; the data is aged to the end of its office hours. */
  lastDay: string;
  seed: number;
  /** Timed runs of the in-memory computations (indicators, drill-down, review), after one warm-up. */
  runs: number;
  /** At most this many samples of a slow figure (cold build, full reads, the naive month). */
  slowRuns: number;
  /** A slow figure takes no more samples once they add up to this (never fewer than 2). */
  scanBudgetMs: number;
  /** Single dossier writes timed until facts$ shows them (after one warm-up). */
  liveRuns: number;
  /** The newest dossiers given a pending outbox row (not yet at the portal: the "synced" figures). */
  unsynced: number;
  /** The facts store's snapshot key (the app uses the database name). */
  snapshotKey: string;
  periods: { month: Period; year: Period };
  /** The counter of the filtered month. */
  counter: string;
  /** Days before the reviewed day whose dossiers are searched for anomalies (DayReview.tsx). */
  anomalyWindowDays: number;
  /** The due-soon horizon of the day review, in working days. */
  dueWithinDays: number;
}

export interface Sampled {
  timing: Timing;
  /** Result size (records, rows, documents) of the last run. */
  size: number;
}

export interface FillMeasure {
  dossiers: number;
  /** Check events + supplement and reschedule events. */
  events: number;
  files: number;
  extra: ExtraCounts;
  /** Received dossiers (with a code). */
  received: number;
  totalMs: number;
  /** `navigator.storage.estimate().usage` after the fill. */
  storageUsageBytes: number | null;
}

export interface BuildMeasure {
  timing: Timing;
  /** Documents the store read (all three feeds) in the last sample. */
  read: number;
  facts: number;
}

export interface HeapMeasure {
  /** CDP Runtime.getHeapUsage after a forced GC, before any facts store ran. */
  beforeBytes: number;
  /** Same, with one facts store running (its facts$ held). */
  afterBytes: number;
  facts: number;
}

export interface SupervisorBenchResult {
  params: SupervisorBenchParams;
  userAgent: string;
  fill: FillMeasure;
  /** Baseline of the cold build: `db.dossiers.find()` in pages of 2,000 ([receivedInv] keyset order), nothing built. */
  pagedFind: Sampled;
  /** The three change feeds the store follows read to the end (getChangedDocumentsSince, 2,000 a batch), nothing built. */
  feedRead: Sampled;
  cold: BuildMeasure;
  /** From ready until stop() resolved after a cold build: the snapshot's save. */
  snapshotSave: Timing;
  warm: BuildMeasure;
  /** loadSnapshot alone (part of the warm start). */
  snapshotLoad: Timing;
  snapshot: {
    /** Growth of `navigator.storage.estimate().usage` from before the first cold build to after its snapshot was saved. */
    estimateDeltaBytes: number | null;
    /** JSON.stringify of the loaded snapshot, characters: a proxy of its size. */
    jsonChars: number;
  };
  heap: HeapMeasure | null;
  indicators: {
    month: Sampled;
    year: Sampled;
    monthCounter: Sampled;
    /** The month the naive way: receivedDay index query, files and events per dossier, recordFromDossier, computeIndicators. */
    naiveMonth: Sampled & { queries: number };
    /** Whether the naive month's report equals the one computed from the facts. */
    naiveSame: boolean;
    monthTotals: IndicatorValues;
    yearTotals: IndicatorValues;
    monthCounterTotals: IndicatorValues;
  };
  drill: {
    lateYear: Sampled;
    /** Whether the drill-down's size equals the year report's `late`. */
    matchesReport: boolean;
  };
  review: {
    day: string;
    dayDossiers: number;
    total: Sampled;
    breakdown: Sampled;
    due: Sampled & { overdue: number; dueToday: number; dueSoon: number };
    anomalies: Sampled & { window: number; byKind: Record<string, number> };
    /** Baseline: queryLedger(db, {from: day, to: day}, 501), the ledger screen's page. */
    ledger: Sampled;
  };
  live: {
    /** From the write until facts$ emitted the changed fact. */
    timing: Timing;
    /** writeDossierChange alone. */
    write: Timing;
    debounceMs: number;
  };
  findings: string[];
  totalMs: number;
}

export interface CliMeasure {
  size: number;
  records: number;
  fileBytes: number;
  /** Generating the dossiers and writing the file (Node). */
  writeMs: number;
  period: Period;
  /** `npm run motcua -- indicators --dvcqg … --json`, wall clock. */
  cli: Timing;
  /** `node -e "JSON.parse(require('fs').readFileSync(f,'utf8'))"`. */
  nodeParse: Timing;
  /** `node -e 0`. */
  nodeStart: Timing;
  /** `npm run motcua -- help`: npm, tsx and the CLI's modules loaded, nothing read. */
  cliStart: Timing;
  /** The CLI's own `--timing` line (one run), as printed. */
  ownTiming: string;
  totals: IndicatorValues | null;
}
