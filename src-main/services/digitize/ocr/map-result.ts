/**
 * Turns tesseract.js's block tree into the contract's page: lines of words with boxes, in the
 * order Tesseract reads them (its layout analysis already orders columns and blocks).
 */
import type Tesseract from 'tesseract.js';
import { LOW_CONFIDENCE, type Bbox, type OcrLine, type OcrWord } from '../../../../src-shared/contract/digitize';
import type { RawOcrPage } from '../types';

export interface ImageFacts {
  width: number;
  height: number;
  dpi: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Boxes kept inside the image: the PDF text layer and the review highlights rely on it. */
function clampBox(b: Bbox, width: number, height: number): Bbox {
  return { x0: clamp(b.x0, 0, width), y0: clamp(b.y0, 0, height), x1: clamp(b.x1, 0, width), y1: clamp(b.y1, 0, height) };
}

function union(boxes: readonly Bbox[]): Bbox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

function toWord(w: Tesseract.Word, image: ImageFacts): OcrWord | null {
  // NFC: the corrector, search and the PDF text layer compare composed Vietnamese letters.
  const text = w.text.normalize('NFC').trim();
  if (text === '') return null;
  return { text, confidence: clamp(w.confidence, 0, 100), bbox: clampBox(w.bbox, image.width, image.height) };
}

export function toRawOcrPage(page: Pick<Tesseract.Page, 'blocks'>, image: ImageFacts, ms: number): RawOcrPage {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words.map((w) => toWord(w, image)).filter((w): w is OcrWord => w !== null);
        // The line box is the union of the kept words, so a dropped blank word does not widen it.
        if (words.length > 0) lines.push({ bbox: union(words.map((w) => w.bbox)), words });
      }
    }
  }
  const words = lines.flatMap((l) => l.words);
  const confidence = words.length === 0 ? 0 : words.reduce((sum, w) => sum + w.confidence, 0) / words.length;
  return {
    width: image.width,
    height: image.height,
    dpi: image.dpi,
    lines,
    text: lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n'),
    confidence,
    lowConfidenceWords: words.filter((w) => w.confidence < LOW_CONFIDENCE).length,
    ms,
  };
}
