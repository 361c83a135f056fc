/** What a bench module gives the runner (`test/bench/run.ts`), which prints and saves it. */

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  platform: string;
  node: string;
  /** Filled in by the first module that starts Chromium. */
  chromium?: string;
}

/**
 * One line of a bench table. `ratio` is computed by the runner so that > 1 always means the figure
 * is better than its baseline by that factor (baseline / value when lower is better).
 */
export interface BenchRow {
  figure: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  better: 'lower' | 'higher';
  /** A target the figure is checked against, printed as information (never asserted). */
  goal?: Goal;
}

/** `value` is an upper bound when lower is better, a lower bound otherwise; same unit as the row. */
export interface Goal {
  value: number;
  /** Names the goal in the findings, e.g. "every query under 100 ms". */
  name: string;
}

export interface BenchSection {
  title: string;
  rows: BenchRow[];
  /** Extra lines printed under the table (query plans, observations). */
  details?: string[];
}

export interface BenchOutput {
  sections: BenchSection[];
  /** Observations worth reading (refusals, a query found not to be index-backed, slow phases). */
  findings: string[];
  /** Written to test/bench/results/<name>-latest.json. */
  json: unknown;
}

export interface BenchContext {
  root: string;
  machine: MachineInfo;
  log(message: string): void;
}

export interface BenchModule {
  /** Short name: selects the module (BENCH_ONLY=name,…) and names its results file. */
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchOutput>;
}
