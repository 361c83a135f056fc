/**
 * Records the OCR fixtures of the Vietnamese post-correction tests from REAL tesseract.js output.
 *
 *   npx tsx test/unit/vietnamese/record-fixtures.ts            # all 12 pages
 *   npx tsx test/unit/vietnamese/record-fixtures.ts caps-2     # only the named pages
 *
 * Renders `generatePage('caps', v)` and `generatePage('serif', v)` for v = 0..5, reads each with one
 * tesseract.js worker (vie, 4.0.0_best_int, 300 dpi, sequentially because the machine is shared)
 * and writes test/fixtures/ocr/<class>-<v>.json: the ground truth and the OCR words line by line.
 * Only words are kept (no boxes, no images) so the fixtures stay small enough to commit. Re-run it
 * when tesseract.js, the traineddata or the page generator change.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorker } from 'tesseract.js';
import { generatePage, type PageClass } from '../../support/digitize/pages';
import type { OcrFixture } from './fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const langPath = path.join(root, 'node_modules/@tesseract.js-data/vie/4.0.0_best_int');
const outDir = path.join(root, 'test/fixtures/ocr');
const CLASSES: readonly PageClass[] = ['caps', 'serif'];
const VARIANTS = [0, 1, 2, 3, 4, 5];

const only = new Set(process.argv.slice(2));
const worker = await createWorker('vie', 1, { langPath, gzip: true, cacheMethod: 'none' });
await worker.setParameters({ user_defined_dpi: '300' });
try {
  for (const cls of CLASSES) {
    for (const variant of VARIANTS) {
      const name = `${cls}-${variant}`;
      if (only.size > 0 && !only.has(name)) continue;
      const page = await generatePage(cls, variant);
      const started = performance.now();
      const { data } = await worker.recognize(page.bytes, {}, { blocks: true, text: true });
      const ms = Math.round(performance.now() - started);
      const lines = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.map((l) => l.words.map((w) => w.text))));
      const fixture: OcrFixture = { name, cls, variant, truth: page.text, lines: lines.filter((l) => l.length > 0) };
      writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify(fixture, null, 1)}\n`);
      console.log(`${name}: ${fixture.lines.length} lines, ${ms} ms`);
    }
  }
} finally {
  await worker.terminate();
}
