/**
 * Node side of the supervisor bench: builds the page with vite, serves it, runs it in a fresh
 * Chromium profile per size (with CDP for the heap figure), then the CLI figure in Node, and turns
 * both into rows.
 */
import path from 'node:path';
import { build } from 'vite';
import { addDays } from '../../../src-shared/domain/civil-date';
import type { Period } from '../../../src-shared/domain/indicators/record';
import { missedGoals } from '../idb/rows';
import { launchBenchBrowser } from '../lib/chromium';
import { serveStatic } from '../lib/static-server';
import type { BenchModule, BenchSection } from '../lib/types';
import { measureCli } from './cli';
import type { CliMeasure, SupervisorBenchParams, SupervisorBenchResult } from './protocol';
import { cliSection, compareTotals, pageSection } from './rows';

const LAST_DAY = '2026-11-20';
const WORKING_DAYS = 250;
const SEED = 20261120;

function sizesFromEnv(): number[] {
  const raw = process.env.BENCH_SIZES ?? '200000';
  const sizes = raw.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((v) => !Number.isInteger(v) || v < 1000)) throw new Error(`BENCH_SIZES must be integers ≥ 1000, got "${raw}"`);
  return sizes;
}

function partsFromEnv(): Set<'page' | 'cli'> {
  const raw = process.env.BENCH_SUPERVISOR_PARTS ?? 'page,cli';
  const parts = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = parts.filter((x) => x !== 'page' && x !== 'cli');
  if (unknown.length) throw new Error(`BENCH_SUPERVISOR_PARTS knows page and cli, not ${unknown.join(', ')}`);
  return new Set(parts as ('page' | 'cli')[]);
}

/** The last whole calendar month before `day`, and the twelve months ending on `day`. */
function periods(day: string): { month: Period; year: Period } {
  const firstOfMonth = `${day.slice(0, 8)}01`;
  const lastOfPrevious = addDays(firstOfMonth, -1);
  return { month: { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious }, year: { from: addDays(day, -364), to: day } };
}

function paramsFor(size: number): SupervisorBenchParams {
  return {
    size,
    batchSize: 2000,
    workingDays: WORKING_DAYS,
    lastDay: LAST_DAY,
    seed: SEED,
    runs: Number(process.env.BENCH_RUNS ?? 7),
    slowRuns: Number(process.env.BENCH_SLOW_RUNS ?? 5),
    scanBudgetMs: Number(process.env.BENCH_SCAN_BUDGET_S ?? 60) * 1000,
    liveRuns: Number(process.env.BENCH_SUPERVISOR_LIVE_RUNS ?? 5),
    unsynced: 40,
    snapshotKey: 'motcua_bench_supervisor',
    periods: periods(LAST_DAY),
    counter: 'WS-02',
    anomalyWindowDays: 90,
    dueWithinDays: 3,
  };
}

async function runPage(root: string, size: number, log: (m: string) => void, onBrowser: (version: string) => void): Promise<{ result: SupervisorBenchResult; browser: string }> {
  const configFile = path.join(root, 'test', 'bench', 'supervisor', 'vite.config.ts');
  const outDir = path.join(root, 'test', 'bench', '.build', 'supervisor');
  log('building the supervisor bench page with vite');
  await build({ configFile, logLevel: 'warn' });
  const server = await serveStatic(outDir);
  try {
    const browser = await launchBenchBrowser((text, type) => {
      if (text.startsWith('[supervisor]') || type === 'error') log(text);
    });
    try {
      onBrowser(browser.version);
      const cdp = await browser.context.newCDPSession(browser.page);
      await browser.page.exposeFunction('benchHeapUsage', async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize, totalSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
        return { usedSize, totalSize };
      });
      await browser.page.goto(server.url);
      await browser.page.waitForFunction(() => typeof window.runSupervisorBench === 'function');
      log(`N=${size}: running in ${browser.version}`);
      const result = await browser.page.evaluate((p) => window.runSupervisorBench(p), paramsFor(size));
      return { result, browser: browser.version };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

export const supervisorBench: BenchModule = {
  name: 'supervisor',
  description: 'supervisor: facts store, indicators and day review in Chromium; the indicators CLI over a DVCQG file',
  async run(ctx) {
    const sizes = sizesFromEnv();
    const parts = partsFromEnv();
    const sections: BenchSection[] = [];
    const findings: string[] = [];
    const pages: SupervisorBenchResult[] = [];
    const clis: CliMeasure[] = [];
    for (const size of sizes) {
      const label = `N=${size.toLocaleString('en-US')}`;
      let page: SupervisorBenchResult | undefined;
      if (parts.has('page')) {
        const { result, browser } = await runPage(ctx.root, size, ctx.log, (v) => (ctx.machine.chromium ??= v));
        page = result;
        pages.push(result);
        const section = pageSection(result, browser);
        sections.push(section);
        findings.push(...result.findings, ...missedGoals([section], size));
      }
      if (parts.has('cli')) {
        const p = paramsFor(size);
        const cli = await measureCli(ctx.root, { size, workingDays: p.workingDays, lastDay: p.lastDay, seed: p.seed, period: p.periods.year, runs: 3 }, ctx.log);
        clis.push(cli);
        const section = cliSection(cli, page);
        sections.push(section);
        findings.push(...missedGoals([section], size));
        if (page) {
          const diff = compareTotals(cli.totals, page.indicators.yearTotals);
          if (diff.length) findings.push(`${label}: the CLI's totals over the DVCQG file differ from the dashboard's over the same dossiers: ${diff.join('; ')}`);
        }
      }
    }
    return { sections, findings, json: { sizes, pages, clis } };
  },
};
