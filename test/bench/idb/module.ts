/**
 * Node side of the IndexedDB bench: builds the page with vite, serves it, runs it in a fresh Chromium
 * profile for each size, and turns the results into rows.
 */
import path from 'node:path';
import { build } from 'vite';
import { launchBenchBrowser } from '../lib/chromium';
import { serveStatic } from '../lib/static-server';
import type { BenchModule, BenchSection } from '../lib/types';
import type { IdbBenchParams, IdbBenchResult } from './protocol';
import { missedGoals, sectionsFor } from './rows';

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
    scanBudgetMs: Number(process.env.BENCH_SCAN_BUDGET_S ?? 60) * 1000,
    singleSaves: 50,
    receipts: Number(process.env.BENCH_RUNS ?? 7),
    fill: process.env.BENCH_FILL === 'app' ? 'app' : 'plain',
    seed: 20261120,
  };
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
          const own = sectionsFor(result, browser.version);
          sections.push(...own);
          for (const f of result.findings) if (!findings.includes(f)) findings.push(f);
          findings.push(...missedGoals(own, size));
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
