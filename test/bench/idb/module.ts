/**
 * Node side of the IndexedDB bench: builds the page with vite, serves it, runs it in a fresh Chromium
 * profile for each size, and turns the results into rows.
 */
import path from 'node:path';
import { build } from 'vite';
import { launchBenchBrowser } from '../lib/chromium';
import { serveStatic } from '../lib/static-server';
import type { BenchModule, BenchRow, BenchSection } from '../lib/types';
import type { IdbBenchParams, IdbBenchResult, QueryMeasure } from './protocol';

/** Inserting longer than this is worth saying out loud (the brief's budget for 200,000 on 2 cores). */
const SLOW_INSERT_MS = 3 * 60 * 1000;

function sizesFromEnv(): number[] {
  const raw = process.env.BENCH_SIZES ?? '20000,200000';
  const sizes = raw.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error(`BENCH_SIZES must be integers ≥ 1000, got "${raw}"`);
  return sizes;
}

function paramsFor(size: number): IdbBenchParams {
  return {
    size,
    batchSize: 2000,
    workingDays: 250,
    lastDay: '2026-11-20',
    runs: Number(process.env.BENCH_RUNS ?? 7),
    slowRuns: Number(process.env.BENCH_SLOW_RUNS ?? 5),
    singleSaves: 50,
    seed: 20261120,
  };
}

const ms = (q: QueryMeasure) => q.timing.medianMs;

function rowsFor(r: IdbBenchResult): BenchRow[] {
  const rows: BenchRow[] = [];
  const i = r.insert;
  rows.push({ figure: `bulk insert dossiers (bulkInsert of ${i.batchSize}), all batches`, value: i.dossiersPerSecond, unit: 'docs/s', better: 'higher' });
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
  rows.push({ figure: 'bulk insert events (one per dossier), all batches', value: i.eventsPerSecond, unit: 'docs/s', better: 'higher' });
  rows.push({ figure: `reopen database holding ${r.params.size.toLocaleString('en-US')} dossiers`, value: r.open.fullMs, unit: 'ms', baseline: 'reopen empty database', baselineValue: r.open.emptyMs, better: 'lower' });

  for (const f of r.queries.filter((q) => !q.id.includes('.'))) {
    const baselines = r.queries.filter((q) => q.id.startsWith(`${f.id}.`));
    if (f.id === 'today') {
      rows.push({ figure: "today's list, first run after reopen (1 sample)", value: r.open.fullFirstListMs, unit: 'ms', baseline: 'same query, warm (median)', baselineValue: ms(f), better: 'lower' });
    }
    if (baselines.length === 0) rows.push({ figure: f.label, value: ms(f), unit: 'ms', better: 'lower' });
    for (const b of baselines) rows.push({ figure: f.label, value: ms(f), unit: 'ms', baseline: b.label, baselineValue: ms(b), better: 'lower' });
  }
  rows.push({
    figure: 'save one dossier as the UI does (median of 50)',
    value: r.singleSave.fullDb.medianMs,
    unit: 'ms',
    baseline: 'same, empty database',
    baselineValue: r.singleSave.emptyDb.medianMs,
    better: 'lower',
  });
  return rows;
}

function planLines(r: IdbBenchResult): string[] {
  const yes = (b: boolean) => (b ? 'yes' : 'NO');
  return [
    'query plans (index without _deleted/id; "scan" = key range covers the whole index):',
    ...r.queries.map((q) => {
      const p = q.plan;
      const plan = p ? `[${p.index.join(', ')}]${p.fullRange ? ' scan' : ''}, sort by index ${yes(p.sortSatisfiedByIndex)}, selector by index ${yes(p.selectorSatisfiedByIndex)}` : 'JS';
      const same = q.sameResultAsFigure === undefined ? '' : q.sameResultAsFigure ? ', same result' : ', DIFFERENT RESULT';
      return `  ${q.id.padEnd(22)} ${plan}; ${q.resultSize} results${same}; ${q.timing.minMs}–${q.timing.maxMs} ms over ${q.timing.samplesMs.length} runs`;
    }),
    `data: ${r.distribution.lastDay} dossiers on the last day; status counts ${JSON.stringify(r.distribution.status)}; ` +
      `procedures ${JSON.stringify(r.distribution.procedure)}`,
    `insert phase ${(r.insert.totalMs / 1000).toFixed(1)} s (dossiers ${(r.insert.dossierMs / 1000).toFixed(1)} s, events ${(r.insert.eventMs / 1000).toFixed(1)} s); ` +
      `storage used ${r.storageUsageBytes === null ? '?' : `${(r.storageUsageBytes / 2 ** 20).toFixed(0)} MiB`}; bench ${(r.totalMs / 1000).toFixed(1)} s in the page`,
  ];
}

export const idbBench: BenchModule = {
  name: 'idb',
  description: "IndexedDB: the app's RxDB database (Dexie + z-schema) in Chromium",
  async run(ctx) {
    const sizes = sizesFromEnv();
    const configFile = path.join(ctx.root, 'test', 'bench', 'idb', 'vite.config.ts');
    const outDir = path.join(ctx.root, 'test', 'bench', '.build', 'idb');
    ctx.log('building the bench page with vite');
    await build({ configFile, logLevel: 'warn' });
    const server = await serveStatic(outDir);
    const results: IdbBenchResult[] = [];
    const sections: BenchSection[] = [];
    const findings: string[] = [];
    try {
      for (const size of sizes) {
        const browser = await launchBenchBrowser((text, type) => {
          if (text.startsWith('[idb]') || type === 'error') ctx.log(text);
        });
        try {
          ctx.machine.chromium ??= browser.version;
          await browser.page.goto(server.url);
          await browser.page.waitForFunction(() => typeof window.runBench === 'function');
          const params = paramsFor(size);
          ctx.log(`N=${size}: running in ${browser.version}`);
          const result = await browser.page.evaluate((p) => window.runBench(p), params);
          results.push(result);
          const n = size.toLocaleString('en-US');
          sections.push({ title: `IndexedDB, N = ${n} dossiers (RxDB + Dexie + z-schema, ${browser.version})`, rows: rowsFor(result), details: planLines(result) });
          for (const f of result.findings) if (!findings.includes(f)) findings.push(f);
          if (result.insert.totalMs > SLOW_INSERT_MS) {
            findings.push(`inserting ${n} dossiers (+events) took ${(result.insert.totalMs / 60000).toFixed(1)} min, more than 3 min on this machine (${ctx.machine.cores} cores)`);
          }
        } finally {
          await browser.close();
        }
      }
    } finally {
      await server.close();
    }
    return { sections, findings, json: { sizes, results } };
  },
};
