/**
 * The digitize bench: this pipeline (warm tesseract.js pool + preprocessing + Vietnamese
 * post-correction) against Debian's native `tesseract -l vie` on the same generated pages:
 * throughput, CPU, peak memory, character error rate per page class.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BenchContext, BenchModule } from '../lib/types';
import { ensureNativeTesseract, runNative } from './native';
import { pagesPerClassFromEnv, writePageSet } from './page-set';
import type { NativeRun, OurRun, PageSet } from './protocol';
import { cerSection, classFigures, findingsOf, speedSection } from './rows';

/** Runs ours-child.ts in its own Node process and reads back its result. */
async function runOurs(ctx: BenchContext, set: PageSet): Promise<OurRun> {
  const setFile = path.join(set.dir, 'page-set.json');
  const resultFile = path.join(set.dir, 'ours.json');
  writeFileSync(setFile, JSON.stringify(set));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'bench', 'digitize', 'ours-child.ts'), setFile, resultFile], {
    cwd: ctx.root,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let tail = '';
  child.stderr!.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
    for (const line of d.toString().split('\n')) if (line.startsWith('  ours:')) ctx.log(line.trim());
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`ours-child.ts exited ${code}:\n${tail}`);
  return JSON.parse(readFileSync(resultFile, 'utf8')) as OurRun;
}

export const digitizeBench: BenchModule = {
  name: 'digitize',
  description: 'digitisation: preprocessing + tesseract.js pool + post-correction vs native tesseract -l vie',
  async run(ctx) {
    const perClass = pagesPerClassFromEnv();
    const set = await writePageSet(perClass, ctx.log);
    try {
      ctx.log('ours: engine in its own process, warm() then every page');
      const ours = await runOurs(ctx, set);
      ctx.log(`ours: ${ours.pages.length} pages in ${(ours.wallMs / 1000).toFixed(1)} s after a ${(ours.warmMs / 1000).toFixed(1)} s start-up, peak ${Math.round(ours.peakRssMiB)} MiB`);

      const skipped = ensureNativeTesseract(ctx.log);
      let parallel: NativeRun | null = null;
      let sequential: NativeRun | null = null;
      let appModel: NativeRun | null = null;
      if (skipped) {
        ctx.log(`native tesseract skipped: ${skipped}`);
      } else {
        const cores = os.availableParallelism();
        const debian = { model: "Debian's tesseract-ocr-vie (tessdata_fast)", cerLabel: 'native tesseract' };
        parallel = await runNative(set, { label: `native, ${cores} processes × 1 thread`, parallel: cores, ompThreadLimit: 1, ...debian }, ctx.log);
        sequential = await runNative(set, { label: 'native, 1 process, default threads', parallel: 1, ...debian }, ctx.log);
        // The same binary with the app's model (tessdata_best, integer), to tell the model's cost from WebAssembly's.
        const tessdataDir = path.join(set.dir, 'app-tessdata');
        mkdirSync(tessdataDir);
        writeFileSync(path.join(tessdataDir, 'vie.traineddata'), gunzipSync(readFileSync(path.join(ctx.root, 'resources', 'tessdata', 'vie.traineddata.gz'))));
        appModel = await runNative(
          set,
          { label: `native + app's model, ${cores} × 1 thread`, parallel: cores, ompThreadLimit: 1, tessdataDir, model: "the app's (tessdata_best int)", cerLabel: "native + app's model" },
          ctx.log,
        );
      }
      const natives = [parallel, sequential, appModel].filter((r): r is NativeRun => r !== null);

      const sections = [speedSection(ours, natives), cerSection(ours, parallel, appModel ? [appModel] : [])];
      const findings = findingsOf(sections, ours, parallel);
      if (skipped) findings.unshift(`no baseline: ${skipped}`);
      if (parallel && sequential) {
        const differ = parallel.pages.filter((p) => sequential!.pages.find((q) => q.name === p.name)?.cer !== p.cer).map((p) => p.name);
        if (differ.length) findings.push(`native tesseract read ${differ.length} page(s) differently with its default threading: ${differ.join(', ')}`);
      }
      return {
        sections,
        findings,
        json: { perClass, pages: set.pages.map((p) => p.name), classes: classFigures(ours, parallel), ours, natives },
      };
    } finally {
      if (process.env.BENCH_DIGITIZE_KEEP !== '1') rmSync(set.dir, { recursive: true, force: true });
    }
  },
};
