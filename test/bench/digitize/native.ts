/**
 * The baseline: Debian's `tesseract` CLI (5.3, `-l vie`) on the same page files, as a user of the
 * CLI gets it (no preprocessing). Each page is one process writing text and TSV (for the word
 * confidences); /usr/bin/time, when present, gives each process's CPU.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { characterErrorRate } from '../../support/digitize/cer';
import { childPids, peakSampler, procStatusMiB } from './memory';
import type { BenchPage, NativePageResult, NativeRun, PageSet } from './protocol';

const TIME = '/usr/bin/time';

function hasVietnamese(): boolean {
  try {
    return execFileSync('tesseract', ['--list-langs'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().split('\n').includes('vie');
  } catch {
    return false;
  }
}

/** null when native tesseract with `vie` is there (installed now if need be), else why it is not. */
export function ensureNativeTesseract(log: (m: string) => void): string | null {
  if (hasVietnamese()) return null;
  if (process.getuid?.() !== 0) return 'native tesseract with `vie` is not installed and the bench is not root (apt-get install -y tesseract-ocr tesseract-ocr-vie)';
  log('installing tesseract-ocr tesseract-ocr-vie with apt-get');
  const install = () => execFileSync('apt-get', ['install', '-y', 'tesseract-ocr', 'tesseract-ocr-vie'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    install();
  } catch {
    try {
      execFileSync('apt-get', ['update'], { stdio: 'ignore' });
      install();
    } catch (error) {
      return `apt-get could not install tesseract-ocr-vie: ${(error as Error).message}`;
    }
  }
  return hasVietnamese() ? null : 'tesseract-ocr-vie installed but `tesseract --list-langs` has no vie';
}

/** Mean confidence of the words (TSV level 5) with a confidence. */
function meanWordConfidence(tsv: string): number {
  const confs = tsv
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((f) => f[0] === '5' && Number(f[10]) >= 0 && (f[11] ?? '').trim() !== '')
    .map((f) => Number(f[10]));
  return confs.length === 0 ? 0 : confs.reduce((s, c) => s + c, 0) / confs.length;
}

export interface NativeSetup {
  label: string;
  parallel: number;
  /** OMP_THREAD_LIMIT, or undefined for tesseract's default (OpenMP over every core). */
  ompThreadLimit?: number;
  /** A folder holding vie.traineddata other than Debian's (`--tessdata-dir`). */
  tessdataDir?: string;
  model: string;
  cerLabel: string;
}

export async function runNative(set: PageSet, setup: NativeSetup, log: (m: string) => void): Promise<NativeRun> {
  const outDir = path.join(set.dir, `native-${setup.parallel}x${setup.ompThreadLimit ?? 'default'}${setup.tessdataDir ? '-app-model' : ''}`);
  mkdirSync(outDir, { recursive: true });
  const timed = existsSync(TIME);
  const env = { ...process.env };
  delete env.OMP_THREAD_LIMIT;
  if (setup.ompThreadLimit !== undefined) env.OMP_THREAD_LIMIT = String(setup.ompThreadLimit);
  const running = new Set<number>();
  // With /usr/bin/time in front, the tesseract is its child; its own few MB are left out.
  const sample = () => [...running].reduce((sum, pid) => sum + (timed ? childPids(pid).reduce((s, c) => s + procStatusMiB(c, 'VmRSS'), 0) : procStatusMiB(pid, 'VmRSS')), 0);

  const readPage = (page: BenchPage): Promise<NativePageResult> =>
    new Promise((resolve, reject) => {
      const base = path.join(outDir, page.name);
      // -c rather than the `txt tsv` config names: those are looked up in the tessdata folder.
      const outputs = ['-c', 'tessedit_create_txt=1', '-c', 'tessedit_create_tsv=1'];
      const command = ['tesseract', page.file, base, ...(setup.tessdataDir ? ['--tessdata-dir', setup.tessdataDir] : []), '-l', 'vie', ...outputs];
      const [file, ...args] = timed ? [TIME, '-f', '%U %S', '-o', `${base}.time`, ...command] : command;
      const child = spawn(file!, args, { env, stdio: 'ignore' });
      if (child.pid) running.add(child.pid);
      child.on('error', reject);
      child.on('close', (code) => {
        if (child.pid) running.delete(child.pid);
        if (code !== 0) return reject(new Error(`tesseract exited ${code} on ${page.name}`));
        try {
          const [user, system] = timed ? readFileSync(`${base}.time`, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : [];
          resolve({
            name: page.name,
            cls: page.cls,
            cer: characterErrorRate(readFileSync(`${base}.txt`, 'utf8'), page.truth),
            confidence: meanWordConfidence(readFileSync(`${base}.tsv`, 'utf8')),
            cpuMs: user === undefined || system === undefined ? null : (user + system) * 1000,
          });
        } catch (error) {
          reject(error as Error);
        }
      });
    });

  const pages: NativePageResult[] = [];
  const peak = peakSampler(sample);
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < set.pages.length) {
      const result = await readPage(set.pages[next++]!);
      pages.push(result);
    }
  };
  await Promise.all(Array.from({ length: setup.parallel }, lane));
  const wallMs = performance.now() - started;
  const peakMiB = peak.stop();
  log(`${setup.label}: ${pages.length} pages in ${(wallMs / 1000).toFixed(1)} s, peak ${Math.round(peakMiB)} MiB`);
  const cpu = pages.every((p) => p.cpuMs !== null) ? pages.reduce((s, p) => s + p.cpuMs!, 0) : null;
  const threads = setup.ompThreadLimit === undefined ? 'default' : String(setup.ompThreadLimit);
  return { label: setup.label, parallel: setup.parallel, threads, model: setup.model, cerLabel: setup.cerLabel, wallMs, peakMiB, cpuMs: cpu, pages };
}
