/**
 * OCR quality of the whole page path (prepare + recognise + Vietnamese post-correction) on one
 * generated page per class: character error rate against the ground truth, orientation, deskew,
 * and what the post-correction brings on an all-caps page. One engine (two OCR workers) for the
 * file; the seven pages go through it concurrently, as a batch would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuarterTurn } from '../../../../src-shared/contract/digitize';
import { createDigitizeEngine, type DigitizeEngine, type RecognizedPage } from '../../../../src-main/services/digitize/engine';
import { defaultResourcesDir } from '../../../../src-main/services/paths';
import { characterErrorRate } from '../../../support/digitize/cer';
import { generatePage, PAGE_CLASSES, type GeneratedPage, type PageClass } from '../../../support/digitize/pages';
import { mulberry32 } from '../../../support/prng';
import { digitsOf, rawOcrText } from './raw-text';

/**
 * Variant per class and the CER limit (fraction). Measured on variants 0–3 of every class
 * (corrected; before correction in brackets), this pipeline on 2026-11-22 (bench run):
 *   clean 0 / 0 / 0 / 0 % [0–0.09], serif 0 / 0 / 0 / 0 % [0–0.18], small 0 / 0 / 0.09 / 0.09 %,
 *   caps 0 / 0 / 0.09 / 0.09 % [0.27–0.45], noisy-skewed 0 / 0.27 / 0.36 / 0.17 % [0–0.63],
 *   rotated-90 and rotated-180 0 % on all four [0–0.09].
 * A page holds ~1,100 characters, so 0.5 % is about five wrong letters: room for a variant that
 * reads a word worse, not for a regression in orientation, deskew or binarisation (those cost
 * whole lines).
 */
const CASES: Record<PageClass, { variant: number; maxCer: number }> = {
  clean: { variant: 0, maxCer: 0.005 }, // measured 0 %
  serif: { variant: 1, maxCer: 0.005 }, // measured 0 % (0.09–0.18 % before correction)
  small: { variant: 2, maxCer: 0.005 }, // measured 0.09 % (`gủi` for `gửi`)
  caps: { variant: 0, maxCer: 0.006 }, // measured 0–0.09 % over time (0.36 % before correction)
  'noisy-skewed': { variant: 1, maxCer: 0.015 }, // measured 0.27–0.37 % (0.46 % before correction)
  'rotated-90': { variant: 2, maxCer: 0.005 }, // measured 0 %
  'rotated-180': { variant: 1, maxCer: 0.005 }, // measured 0 %
};

/** Clockwise turn that uprights each class (rotated-90 was turned 90° clockwise when generated). */
const UPRIGHT_TURN: Record<PageClass, QuarterTurn> = {
  clean: 0,
  serif: 0,
  small: 0,
  caps: 0,
  'noisy-skewed': 0,
  'rotated-90': 270,
  'rotated-180': 180,
};

/** The angle generatePage turned a noisy-skewed page by (its first two random draws), clockwise. */
function generatedSkew(variant: number): number {
  const random = mulberry32(1000 + variant);
  const sign = random() < 0.5 ? -1 : 1;
  return sign * (1.5 + random() * 2);
}

interface Result {
  page: GeneratedPage;
  read: RecognizedPage;
}

let engine: DigitizeEngine;
let dir: string;
const results = new Map<PageClass, Result>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-ocr-quality-'));
  engine = createDigitizeEngine({ resourcesDir: defaultResourcesDir(), ocrPoolSize: 2 });
  const pages = await Promise.all(PAGE_CLASSES.map((cls) => generatePage(cls, CASES[cls].variant)));
  const started = performance.now();
  await Promise.all(
    pages.map(async (page) => {
      const file = path.join(dir, page.name);
      writeFileSync(file, page.bytes);
      const prepared = await engine.prepare(file, page.name, 0);
      results.set(page.cls, { page, read: await engine.recognize(prepared) });
    }),
  );
  console.log(`[quality] ${pages.length} pages prepared and read in ${Math.round(performance.now() - started)} ms`);
}, 600_000);

afterAll(async () => {
  await engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const of = (cls: PageClass): Result => {
  const result = results.get(cls);
  if (!result) throw new Error(`no result for ${cls}`);
  return result;
};

describe('OCR quality per page class', () => {
  it.each(PAGE_CLASSES)('%s: character error rate under its measured limit', (cls) => {
    const { page, read } = of(cls);
    const cer = characterErrorRate(read.ocr.text, page.text);
    const raw = characterErrorRate(rawOcrText(read.ocr), page.text);
    console.log(`[quality] ${page.name}: CER ${(cer * 100).toFixed(2)} % (before correction ${(raw * 100).toFixed(2)} %), confidence ${read.ocr.confidence.toFixed(1)}`);
    expect(cer).toBeLessThanOrEqual(CASES[cls].maxCer);
    expect(read.ocr.confidence).toBeGreaterThan(80);
  });

  it.each(PAGE_CLASSES)('%s: comes out upright', (cls) => {
    expect(of(cls).read.prepared.rotation).toBe(UPRIGHT_TURN[cls]);
  });

  it('finds the skew of the noisy skewed page and undoes it', () => {
    const { prepared } = of('noisy-skewed').read;
    const turned = generatedSkew(CASES['noisy-skewed'].variant);
    // The page was turned by `turned` clockwise; the deskew turns it back (measured error 0.02°).
    expect(Math.abs(turned)).toBeGreaterThanOrEqual(1.5);
    expect(Math.abs(prepared.skewDegrees + turned)).toBeLessThan(0.3);
    // Upright pages are not "deskewed" by noise.
    expect(Math.abs(of('clean').read.prepared.skewDegrees)).toBeLessThan(0.3);
  });

  it('the post-correction lowers the error rate of the all-caps page and changes no digit', () => {
    const { page, read } = of('caps');
    const raw = rawOcrText(read.ocr);
    const corrected = characterErrorRate(read.ocr.text, page.text);
    const before = characterErrorRate(raw, page.text);
    expect(read.ocr.correctedWords).toBeGreaterThan(0);
    expect(corrected).toBeLessThan(before);
    expect(digitsOf(read.ocr.text)).toBe(digitsOf(raw));
    for (const word of read.ocr.lines.flatMap((l) => l.words)) {
      if (word.ocrText !== undefined) expect(digitsOf(word.text), `${word.ocrText} → ${word.text}`).toBe(digitsOf(word.ocrText));
    }
  });

  it('no page of any class has a digit changed by the post-correction', () => {
    for (const cls of PAGE_CLASSES) {
      const { ocr } = of(cls).read;
      expect(digitsOf(ocr.text), cls).toBe(digitsOf(rawOcrText(ocr)));
    }
  });
});
