/**
 * `npm run bench`: runs every bench module (or those named in BENCH_ONLY=name,…), prints each one's
 * tables (figure next to its baseline, as a ratio) and writes test/bench/results/<name>-latest.json.
 * Measurements only: nothing here asserts a time, and none of it runs in `npm test`.
 *
 * To add a bench, write a BenchModule (see lib/types.ts) and list it in MODULES.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { digitizeBench } from './digitize/module';
import { idbBench } from './idb/module';
import { renderBenchRows } from './lib/table';
import { supervisorBench } from './supervisor/module';
import { syncBench } from './sync/module';
import type { BenchModule, MachineInfo } from './lib/types';

const MODULES: BenchModule[] = [idbBench, syncBench, supervisorBench, digitizeBench];

const root = path.resolve(import.meta.dirname, '..', '..');
const resultsDir = path.join(root, 'test', 'bench', 'results');

function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

function elapsed(since: number): string {
  const s = (Date.now() - since) / 1000;
  return s < 120 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const modules = only ? MODULES.filter((m) => only.includes(m.name)) : MODULES;
  if (modules.length === 0) throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY ?? ''} names no bench (have: ${MODULES.map((m) => m.name).join(', ')})`);

  const machine = machineInfo();
  const started = Date.now();
  const log = (message: string) => console.log(`  [${elapsed(started).padStart(8)}] ${message}`);
  const reports: string[] = [];
  mkdirSync(resultsDir, { recursive: true });

  for (const module of modules) {
    console.log(`\n== bench ${module.name}: ${module.description}`);
    const moduleStart = Date.now();
    const output = await module.run({ root, machine, log });
    const took = elapsed(moduleStart);
    const file = path.join(resultsDir, `${module.name}-latest.json`);
    writeFileSync(file, `${JSON.stringify({ bench: module.name, date: new Date().toISOString(), durationMs: Date.now() - moduleStart, machine, ...(output.json as object), findings: output.findings }, null, 2)}\n`);

    const lines: string[] = [`\n## ${module.name}: ${module.description} (${took})`];
    for (const section of output.sections) {
      lines.push('', `### ${section.title}`, '', renderBenchRows(section.rows));
      if (section.details?.length) lines.push('', ...section.details);
    }
    if (output.findings.length) lines.push('', 'findings:', ...output.findings.map((f) => `  - ${f}`));
    lines.push('', `results: ${path.relative(root, file)}`);
    reports.push(lines.join('\n'));
  }

  console.log('\n# motcua benchmarks');
  console.log(
    `machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, ${machine.platform}; Node ${machine.node}` +
      (machine.chromium ? `; ${machine.chromium}` : ''),
  );
  console.log('ratio: how many times better the figure is than its baseline (> 1: figure faster); medians of timed runs after a warm-up');
  for (const report of reports) console.log(report);
  console.log(`\ntotal: ${elapsed(started)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
