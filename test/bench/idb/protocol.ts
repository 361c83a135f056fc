/**
 * What the Node runner sends to the IndexedDB bench page and what the page sends back
 * (plain JSON through Playwright's `page.evaluate`).
 */

export interface IdbBenchParams {
  /** Dossiers to insert (each with its `received` event). */
  size: number;
  /** Dossiers per bulkInsert call. */
  batchSize: number;
  /** Working days the data is spread over, ending on `lastDay`. */
  workingDays: number;
  /** `yyyy-MM-dd` (Vietnam) of the newest generated day: the "today" of the list queries. */
  lastDay: string;
  /** Timed runs per query (after one untimed warm-up); the median is reported. */
  runs: number;
  /** Timed runs for the slowest baselines (full scans that materialise every document). */
  slowRuns: number;
  /** Single saves (dossier + event + outbox rows, as the UI does) timed at the start and the end. */
  singleSaves: number;
  /** Seed of the data generator, so two runs insert the same data. */
  seed: number;
}

/** How RxDB's query planner runs a query (`rxQuery.getPreparedQuery().queryPlan`). */
export interface PlanSummary {
  /** Index used, without RxDB's own `_deleted` prefix and primary-key suffix. */
  index: string[];
  /** True when the key range covers the whole store (a full scan). */
  fullRange: boolean;
  sortSatisfiedByIndex: boolean;
  selectorSatisfiedByIndex: boolean;
}

export interface Timing {
  /** Median of the timed runs, milliseconds. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  samplesMs: number[];
}

export interface QueryMeasure {
  /** Short id, stable across runs (used as the JSON key and to pair figures with baselines). */
  id: string;
  label: string;
  /** The query as written (for the record). */
  query: string;
  /** Query plan, when the query goes through RxDB's planner; null for JS-side work. */
  plan: PlanSummary | null;
  /** Documents (or the count) the query returned. */
  resultSize: number;
  timing: Timing;
  /** Same ids in the same order (or same count) as the figure it is a baseline of. */
  sameResultAsFigure?: boolean;
  note?: string;
}

export interface InsertMeasure {
  dossiers: number;
  events: number;
  batchSize: number;
  /** Wall time of all dossier bulkInserts (data generation excluded). */
  dossierMs: number;
  /** Wall time of all event bulkInserts. */
  eventMs: number;
  dossiersPerSecond: number;
  eventsPerSecond: number;
  /** Dossier throughput over the first and the last tenth of the batches. */
  firstTenthDossiersPerSecond: number;
  lastTenthDossiersPerSecond: number;
  /** Per-batch dossier bulkInsert time, milliseconds. */
  batchMs: number[];
  /** Wall time of the whole insert phase including generation. */
  totalMs: number;
}

/** The same dossiers inserted three ways into fresh databases (batches of `batchSize`). */
export interface StackMeasure {
  docs: number;
  /** The app's stack: `openDatabase()` (RxDB, z-schema validation, Dexie). */
  appPerSecond: number;
  /** RxDB on Dexie without the validation wrapper. */
  noValidationPerSecond: number;
  /** Raw IndexedDB `put`s into a store with the schema's indexes, one transaction per batch. */
  rawIndexedDbPerSecond: number;
}

export interface IdbBenchResult {
  params: IdbBenchParams;
  userAgent: string;
  /** `navigator.hardwareConcurrency` as the page sees it. */
  hardwareConcurrency: number;
  /** `navigator.storage.estimate()` after the inserts. */
  storageUsageBytes: number | null;
  insert: InsertMeasure;
  stack: StackMeasure;
  /** Documents per status and per procedure, to read the query figures against. */
  distribution: { status: Record<string, number>; procedure: Record<string, number>; lastDay: number };
  /**
   * Opening the database: creating it, reopening it empty, and reopening it with `size` dossiers
   * (closed and opened again in the same browser), then the first list after that.
   */
  open: { createMs: number; emptyMs: number; fullMs: number; fullFirstListMs: number };
  queries: QueryMeasure[];
  /** Refusals and other observations made while running (e.g. RxDB refusing a slow count). */
  findings: string[];
  singleSave: { emptyDb: Timing; fullDb: Timing };
  totalMs: number;
}
