/**
 * This pipeline's side of the digitize bench, in a process of its own (as the CLI runs) so its
 * memory is the pipeline's alone: `node --import tsx ours-child.ts <page-set.json> <result.json>`.
 * The engine has its default pool; warm() is timed apart; then every page goes through
 * prepare + recognize with as many pages under way as OCR workers, as digitizeFile does; then
 * every page is prepared once more alone, for preprocessing's share of the CPU.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createDigitizeEngine } from '../../../src-main/services/digitize/engine';
import { defaultResourcesDir } from '../../../src-main/services/paths';
import { characterErrorRate } from '../../support/digitize/cer';
import { rawOcrText } from '../../unit/digitize/quality/raw-text';
import { peakSampler, procStatusMiB, rssMiB } from './memory';
import type { OurPageResult, OurRun, PageSet } from './protocol';

async function main(): Promise<void> {
  const [setFile, resultFile] = process.argv.slice(2);
  if (!setFile || !resultFile) throw new Error('usage: ours-child.ts <page-set.json> <result.json>');
  const set = JSON.parse(readFileSync(setFile, 'utf8')) as PageSet;
  const rssBeforeMiB = rssMiB();
  const peak = peakSampler(rssMiB);

  const engine = createDigitizeEngine({ resourcesDir: defaultResourcesDir() });
  const t0 = performance.now();
  await engine.warm();
  const warmMs = performance.now() - t0;

  const cpu0 = process.cpuUsage();
  const t1 = performance.now();
  const pages: OurPageResult[] = [];
  let next = 0;
  const lane = async () => {
    while (next < set.pages.length) {
      const page = set.pages[next++]!;
      const a = performance.now();
      const first = await engine.prepare(page.file, page.name, 0);
      const b = performance.now();
      const { prepared, ocr } = await engine.recognize(first);
      const c = performance.now();
      pages.push({
        name: page.name,
        cls: page.cls,
        cer: characterErrorRate(ocr.text, page.truth),
        rawCer: characterErrorRate(rawOcrText(ocr), page.truth),
        confidence: ocr.confidence,
        rotation: prepared.rotation,
        skewDegrees: prepared.skewDegrees,
        correctedWords: ocr.correctedWords,
        prepareMs: b - a,
        ocrMs: c - b,
      });
      process.stderr.write(`  ours: ${page.name} ${(pages.at(-1)!.cer * 100).toFixed(2)} % (${((c - a) / 1000).toFixed(1)} s)\n`);
    }
  };
  await Promise.all(Array.from({ length: engine.ocrPoolSize }, lane));
  const wallMs = performance.now() - t1;
  const used = process.cpuUsage(cpu0);
  const peakRssMiB = peak.stop();

  // Preprocessing's share of the CPU: every page prepared again, one at a time, with the OCR idle.
  const cpu1 = process.cpuUsage();
  for (const page of set.pages) await engine.prepare(page.file, page.name, 0);
  const prepared = process.cpuUsage(cpu1);
  const result: OurRun = {
    poolSize: engine.ocrPoolSize,
    warmMs,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    prepareCpuMs: (prepared.user + prepared.system) / 1000,
    peakRssMiB,
    hwmMiB: procStatusMiB('self', 'VmHWM'),
    rssBeforeMiB,
    pages,
  };
  await engine.close();
  writeFileSync(resultFile, JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
