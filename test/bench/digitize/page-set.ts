/** The bench's pages: N of each generated class, written once to a temp folder for both sides. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePage, PAGE_CLASSES } from '../../support/digitize/pages';
import type { BenchPage, PageSet } from './protocol';

export function pagesPerClassFromEnv(): number {
  const raw = process.env.BENCH_DIGITIZE_PAGES ?? '4';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new Error(`BENCH_DIGITIZE_PAGES must be an integer 1–50, got "${raw}"`);
  return n;
}

export async function writePageSet(perClass: number, log: (m: string) => void): Promise<PageSet> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-digitize-'));
  const pages: BenchPage[] = [];
  const started = performance.now();
  for (const cls of PAGE_CLASSES) {
    for (let variant = 0; variant < perClass; variant++) {
      const page = await generatePage(cls, variant);
      const file = path.join(dir, page.name);
      writeFileSync(file, page.bytes);
      pages.push({ name: page.name, cls, file, truth: page.text });
    }
  }
  log(`${pages.length} pages (${perClass} per class) generated in ${((performance.now() - started) / 1000).toFixed(1)} s into ${dir}`);
  return { dir, pages };
}
