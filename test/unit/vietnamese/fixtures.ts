/** The recorded OCR fixtures (test/fixtures/ocr/*.json, written by record-fixtures.ts). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface OcrFixture {
  /** e.g. `caps-3` */
  name: string;
  cls: string;
  variant: number;
  /** The printed lines joined by '\n'. */
  truth: string;
  /** What tesseract.js read: the words of each line, in reading order. */
  lines: string[][];
}

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'ocr');

export function loadOcrFixtures(): OcrFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as OcrFixture);
}
