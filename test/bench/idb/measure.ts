/**
 * Timing helpers of the bench page. Every timed run builds new RxQuery objects and evicts them from
 * RxDB's query cache afterwards: a cached query answers from memory (or by event-reduce) and would
 * time nothing. Queries made inside app functions (search, ledger) are caught by wrapping the
 * collection's `find` for the duration of the call.
 */
import { uncacheRxQuery, INDEX_MAX, INDEX_MIN, type RxCollection, type RxQuery } from 'rxdb';
import type { PlanSummary, QueryMeasure, Timing } from './protocol';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- queries of any collection and result type
export type AnyQuery = RxQuery<any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCollection = RxCollection<any>;

export const log = (message: string) => console.log(`[idb] ${message}`);
export const now = () => performance.now();

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (v: number) => (Math.abs(v) < 0.01 ? Number(v.toPrecision(2)) : Math.round(v * 100) / 100);

export function timing(samplesMs: number[]): Timing {
  return {
    medianMs: round(median(samplesMs)),
    minMs: round(Math.min(...samplesMs)),
    maxMs: round(Math.max(...samplesMs)),
    samplesMs: samplesMs.map(round),
  };
}

export function planOf(query: AnyQuery): PlanSummary {
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

/** What one run gave: ids in result order (or a count), and the RxQueries that ran (for their plans). */
export interface Outcome {
  result: string[] | number;
  queries: AnyQuery[];
}

export type Measured = QueryMeasure & { ids: string[] | number };

function resultOf(value: unknown): string[] | number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((d: { primary: string }) => d.primary);
  throw new Error(`unexpected query result ${String(value)}`);
}

/** Runs a query once, then drops it from the collection's query cache. */
export async function once(make: () => AnyQuery): Promise<Outcome> {
  const query = make();
  try {
    return { result: resultOf(await query.exec()), queries: [query] };
  } finally {
    uncacheRxQuery((query.collection as AnyCollection)._queryCache, query);
  }
}

/**
 * Calls an app function that queries `collection` and records every RxQuery it creates through
 * `find()`; they are evicted from the query cache afterwards, so the next call runs them again.
 */
export async function capturing<T>(collection: AnyCollection, fn: () => Promise<T>): Promise<{ value: T; queries: AnyQuery[] }> {
  const queries: AnyQuery[] = [];
  const original = collection.find;
  const wrapped = function (this: AnyCollection, ...args: Parameters<AnyCollection['find']>) {
    const query = original.apply(this, args) as AnyQuery;
    queries.push(query);
    return query;
  };
  Object.defineProperty(collection, 'find', { value: wrapped, configurable: true, writable: true });
  try {
    return { value: await fn(), queries };
  } finally {
    delete (collection as { find?: unknown }).find;
    for (const q of queries) uncacheRxQuery(collection._queryCache, q);
  }
}

export interface Spec {
  id: string;
  label: string;
  query: string;
  runs: number;
  /** For full scans: fewer timed runs (at least 2) when `runs` of them would take longer than this. */
  budgetMs?: number;
  note?: string;
}

/** Timed runs that fit in `budgetMs` given the warm-up's duration: between 2 and `max`. */
export function runsWithin(budgetMs: number | undefined, warmMs: number, max: number): number {
  if (budgetMs === undefined || warmMs <= 0) return max;
  return Math.min(max, Math.max(2, Math.floor(budgetMs / warmMs)));
}

/** One untimed warm-up, then `spec.runs` timed runs (fewer for a slow scan, see `budgetMs`); compares the result with `figure`'s if given. */
export async function measure(spec: Spec, run: () => Promise<Outcome>, figure?: Measured): Promise<Measured> {
  const t = now();
  const warm = await run();
  const runs = runsWithin(spec.budgetMs, now() - t, spec.runs);
  log(`  ${spec.id}: warm-up (${Math.round(now() - t)} ms) + ${runs} runs`);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await run();
    samples.push(now() - t0);
  }
  const ids = warm.result;
  const plans = warm.queries.map(planOf);
  const measured: Measured = {
    id: spec.id,
    label: spec.label,
    query: spec.query,
    plan: plans[0] ?? null,
    resultSize: typeof ids === 'number' ? ids : ids.length,
    timing: timing(samples),
    ids,
  };
  if (plans.length > 1) measured.plans = plans;
  if (spec.note) measured.note = spec.note;
  if (figure) measured.sameResultAsFigure = JSON.stringify(ids) === JSON.stringify(figure.ids);
  log(`  ${spec.id}: median ${measured.timing.medianMs} ms (${measured.resultSize} results)`);
  return measured;
}

/** Resolves with the first value of `subscribe`'s stream that passes `test`; rejects after `timeoutMs`. */
export function waitFor<T>(
  subscribe: (next: (value: T) => void) => { unsubscribe(): void },
  test: (value: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    // A BehaviorSubject calls back synchronously inside subscribe(): unsubscribing waits for a microtask.
    const timer = setTimeout(() => {
      done = true;
      subscription.unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = subscribe((value) => {
      if (done || !test(value)) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => subscription.unsubscribe());
      resolve(value);
    });
  });
}
