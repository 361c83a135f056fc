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
  /** A full-scan baseline gets fewer timed runs (at least 2) when `slowRuns` of them would exceed this. */
  scanBudgetMs: number;
  /** Single saves (saveCheck: numbers, dossier, event, outbox rows) on the empty and the full database. */
  singleSaves: number;
  /** Receipts (save + PDF) timed on the empty and the full database. */
  receipts: number;
  /**
   * How the database is filled: 'app' through openDatabase() (z-schema validation of every
   * document), 'plain' through the same RxDB + Dexie storage and schemas without validation.
   */
  fill: 'app' | 'plain';
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
  /** Every plan, when the figure ran more than one query (a one-word name search runs two). */
  plans?: PlanSummary[];
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
  /** Whether the fill went through the app's validating storage (fill 'app'). */
  validated: boolean;
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

/** The full find() the JS-filter baselines of the reception queries share (one per run). */
export interface ScanMeasure {
  docs: number;
  timing: Timing;
}

/** Dossier counts per status through `keepStatusCounts` (src-renderer/dossiers/status-counts.ts). */
export interface StatusCountMeasure {
  /** `count({selector:{status}})` for each of the 10 statuses, one after the other. */
  fullRecount: Timing;
  /** Milliseconds per status in the last recount run. */
  perStatusMs: Record<string, number>;
  /** From `keepStatusCounts(db)` until `counts$` first has a value. */
  firstValue: Timing;
  /** Reading the kept counts as a component does (subscribe, take the value, unsubscribe), per read. */
  read: Timing;
  readsPerSample: number;
  /** From writing a new received dossier until `counts$` shows it (status 2 recounted). */
  afterReceive: Timing;
  /** From returning a processed dossier (9 → 10) until `counts$` shows it (both recounted). */
  afterReturn: Timing;
  /** The writeDossierChange calls inside `afterReceive` and `afterReturn`. */
  write: Timing;
  /** From bulkUpserts of `pullSize` dossiers 9 → 10, `pullBulk` at a time (as a replication pull writes), until `counts$` shows them; null if too few processed dossiers. */
  afterPull: Timing | null;
  pullSize: number;
  pullBulk: number;
  counts: Record<string, number>;
}

/** Pressing "Tiếp nhận" until the receipt PDF is ready, step by step (medians of the runs). */
export interface ReceiptMeasure {
  runs: number;
  /** checkReceptionInput: the validation saveCheck runs before issuing numbers. */
  validate: Timing;
  /** issueNumbers: dossier code from the number block + ledger entry, both persisted. */
  issue: Timing;
  /** recordCheck: the dossier and its event (appointment on the working calendar). */
  record: Timing;
  /** writeDossierChange: outbox rows, dossier, event. */
  write: Timing;
  /** validate + issue + record + write: what saveCheck does. */
  save: Timing;
  /** buildDossierForm(ws, 'receipt', dossier): reads (agency profile, events, procedure) + buildReceipt. */
  pdf: Timing;
  total: Timing;
  pdfBytes: number;
  /** One receipt's numbers, for the record. */
  sample: { code: string; ledger: string; appointmentAt: string };
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
   * Opening the database: creating it, reopening it empty, opening it with the app's stack right
   * after the fill (`firstMs`) and once more (`fullMs`, closed and opened again in the same
   * browser), then the first list after that.
   */
  open: { createMs: number; emptyMs: number; firstMs: number; fullMs: number; fullFirstListMs: number };
  queries: QueryMeasure[];
  /** Refusals and other observations made while running (e.g. RxDB refusing a slow count). */
  findings: string[];
  singleSave: { emptyDb: Timing; fullDb: Timing };
  /** Ledger and search figures with their JS-filter baselines. */
  reception: { queries: QueryMeasure[]; scan: ScanMeasure };
  statusCounts: StatusCountMeasure;
  /**
   * The receipt on the empty and on the full database; `cold` is the very first receipt in the page
   * (fonts fetched and parsed, pdf-lib not yet compiled by the JIT), one sample.
   */
  receipt: { emptyDb: ReceiptMeasure; fullDb: ReceiptMeasure; cold: { saveMs: number; pdfMs: number; totalMs: number } };
  totalMs: number;
}
