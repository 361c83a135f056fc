/**
 * The CLI figure, in Node: the same generated dossiers as the page (data.ts, same seed) written as a
 * DVCQG file with the app's `toDvcqg` (received dossiers only, as an export), then the whole
 * `npm run motcua -- indicators --dvcqg <file> --from … --to … --json` process timed from spawn to
 * exit, next to bare Node start-up, Node parsing the same file, and the CLI started without reading
 * anything (`npm run motcua -- help`).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DossierEventDoc, FileMetaDoc } from '../../../src-shared/contract/documents';
import { isExportable, toDvcqg } from '../../../src-shared/domain/dvcqg/to-dvcqg';
import type { IndicatorReport, Period } from '../../../src-shared/domain/indicators/record';
import { median, timing } from '../idb/measure';
import { createSupervisorGenerator, dataDays } from './data';
import type { CliMeasure } from './protocol';

export interface CliParams {
  size: number;
  workingDays: number;
  lastDay: string;
  seed: number;
  period: Period;
  /** Timed runs of each process (after one untimed run that warms the page cache). */
  runs: number;
}

function groupBy<T extends { dossierId: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.dossierId);
    if (list) list.push(item);
    else out.set(item.dossierId, [item]);
  }
  return out;
}

/** Writes the DVCQG JSON array (one record a line) and returns how many records it holds. */
export function writeDvcqgFile(file: string, p: Pick<CliParams, 'size' | 'workingDays' | 'lastDay' | 'seed'>): number {
  const generator = createSupervisorGenerator(p.size, dataDays(p.lastDay, p.workingDays), p.seed);
  const fd = openSync(file, 'w');
  let records = 0;
  let produced = 0;
  try {
    writeSync(fd, '[\n');
    while (produced < p.size) {
      const batch = generator.next(Math.min(2000, p.size - produced));
      produced += batch.dossiers.length;
      const events = groupBy<DossierEventDoc>(batch.events);
      const files = groupBy<FileMetaDoc>(batch.files);
      const lines: string[] = [];
      for (const d of batch.dossiers) {
        if (!isExportable(d)) continue;
        lines.push(JSON.stringify(toDvcqg(d, events.get(d.id) ?? [], files.get(d.id) ?? [])));
      }
      if (lines.length === 0) continue;
      writeSync(fd, `${records > 0 ? ',\n' : ''}${lines.join(',\n')}`);
      records += lines.length;
    }
    writeSync(fd, '\n]\n');
  } finally {
    closeSync(fd);
  }
  return records;
}

interface Run {
  ms: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Run {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

/** One untimed run, then `runs` timed ones; returns the samples and the last run's output. */
function timed(runs: number, command: string, args: string[], cwd: string): { samples: number[]; last: Run } {
  let last = run(command, args, cwd);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    last = run(command, args, cwd);
    samples.push(last.ms);
  }
  return { samples, last };
}

/** The report out of npm's stdout (npm prints its `> motcua …` header lines first). */
function reportOf(stdout: string): IndicatorReport | null {
  const start = stdout.indexOf('{');
  try {
    return start < 0 ? null : (JSON.parse(stdout.slice(start)) as IndicatorReport);
  } catch {
    return null;
  }
}

export async function measureCli(root: string, p: CliParams, log: (message: string) => void): Promise<CliMeasure> {
  const file = path.join(os.tmpdir(), `motcua-bench-dvcqg-${p.size}-${process.pid}.json`);
  try {
    log(`CLI: writing ${p.size.toLocaleString('en-US')} generated dossiers as a DVCQG file (toDvcqg)`);
    const t0 = performance.now();
    const records = writeDvcqgFile(file, p);
    const writeMs = performance.now() - t0;
    const fileBytes = statSync(file).size;
    log(`CLI: ${records} records, ${(fileBytes / 2 ** 20).toFixed(0)} MiB in ${(writeMs / 1000).toFixed(1)} s`);

    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const periodArgs = ['--from', p.period.from, '--to', p.period.to];
    log(`CLI: npm run motcua -- indicators --dvcqg <file> ${periodArgs.join(' ')} --json, 1 + ${p.runs} runs`);
    const cli = timed(p.runs, npm, ['run', 'motcua', '--', 'indicators', '--dvcqg', file, ...periodArgs, '--json'], root);
    log(`CLI: median ${Math.round(median(cli.samples))} ms`);
    const own = run(npm, ['run', 'motcua', '--', 'indicators', '--dvcqg', file, ...periodArgs, '--json', '--timing'], root);
    const ownTiming = own.stderr.split('\n').find((l) => /JSON\.parse/.test(l))?.trim() ?? '(no --timing line)';
    log(`CLI --timing: ${ownTiming}`);
    const nodeParse = timed(p.runs, process.execPath, ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)},'utf8'))`], root);
    const nodeStart = timed(p.runs, process.execPath, ['-e', '0'], root);
    const cliStart = timed(p.runs, npm, ['run', 'motcua', '--', 'help'], root);
    log(`CLI baselines: node parse ${Math.round(median(nodeParse.samples))} ms, node -e 0 ${Math.round(median(nodeStart.samples))} ms, npm run motcua -- help ${Math.round(median(cliStart.samples))} ms`);
    return {
      size: p.size,
      records,
      fileBytes,
      writeMs: Math.round(writeMs),
      period: p.period,
      cli: timing(cli.samples),
      nodeParse: timing(nodeParse.samples),
      nodeStart: timing(nodeStart.samples),
      cliStart: timing(cliStart.samples),
      ownTiming,
      totals: reportOf(cli.last.stdout)?.totals ?? null,
    };
  } finally {
    rmSync(file, { force: true });
  }
}
