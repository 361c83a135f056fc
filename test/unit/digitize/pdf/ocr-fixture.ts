/**
 * OCR results for the PDF tests without running OCR: a generated page (test/support/digitize/pages)
 * is cut into lines and words by ink projection, and each box gets its ground-truth word. The
 * boxes are where the words are printed, like Tesseract's, so the text layer lies over the scan.
 */
import sharp from 'sharp';
import type { OcrLine, OcrPage } from '../../../../src-shared/contract/digitize';
import { generatePage, type PageClass } from '../../../support/digitize/pages';

export interface PageFixture {
  jpeg: Buffer;
  width: number;
  height: number;
  dpi: number;
  ocr: OcrPage;
  truth: string;
}

/** Runs of indices where `inked(i)` holds. */
function runs(length: number, inked: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < length; i++) {
    if (!inked(i)) continue;
    const last = out.at(-1);
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

/**
 * Merges ink runs into exactly `count` groups by breaking at the count − 1 widest gaps: we know how
 * many lines (words) the truth has, so no threshold has to be guessed. Throws when the breaks are not
 * clearly wider than the gaps kept (the segmentation would then be a guess).
 */
function group(spans: [number, number][], count: number, what: string): [number, number][] {
  if (spans.length < count) throw new Error(`${what}: ${spans.length} ink runs for ${count} groups`);
  const gaps = spans.slice(1).map((s, i) => ({ at: i + 1, size: s[0] - spans[i]![1] }));
  const breaks = [...gaps].sort((a, b) => b.size - a.size || a.at - b.at).slice(0, count - 1);
  const kept = gaps.filter((g) => !breaks.includes(g));
  const narrowestBreak = Math.min(...breaks.map((g) => g.size));
  const widestKept = Math.max(0, ...kept.map((g) => g.size));
  if (breaks.length > 0 && narrowestBreak <= widestKept) throw new Error(`${what}: break gap ${narrowestBreak} px vs kept gap ${widestKept} px`);
  const cuts = new Set(breaks.map((g) => g.at));
  const out: [number, number][] = [];
  spans.forEach((s, i) => {
    if (i === 0 || cuts.has(i)) out.push([s[0], s[1]]);
    else out.at(-1)![1] = s[1];
  });
  return out;
}

/** Lines, then words, of the page by ink projection, grouped to the truth's line and word counts. */
async function segment(png: Buffer, truth: string[][]): Promise<{ width: number; height: number; boxes: { y0: number; y1: number; words: [number, number][] }[] }> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const dark = (x: number, y: number) => data[y * width + x]! < 128;
  const rowInk = (y: number) => {
    for (let x = 0; x < width; x++) if (dark(x, y)) return true;
    return false;
  };
  const lines = group(runs(height, rowInk), truth.length, 'lines');
  return {
    width,
    height,
    boxes: lines.map(([y0, y1], i) => {
      const colInk = (x: number) => {
        for (let y = y0; y < y1; y++) if (dark(x, y)) return true;
        return false;
      };
      return { y0, y1, words: group(runs(width, colInk), truth[i]!.length, `line ${i}`) };
    }),
  };
}

/**
 * A page of class `cls` (no seal: 'serif' or 'small') as JPEG at `dpi` (generated at 300, scaled),
 * with OCR boxes carrying the ground truth. `extra` appends lines of made-up words under the text
 * (each word gets a box in the blank lower part of the page), for characters the corpus lacks.
 */
export async function pageFixture(cls: PageClass, variant: number, options: { dpi?: number; extra?: string[][] } = {}): Promise<PageFixture> {
  const { dpi = 300, extra = [] } = options;
  const page = await generatePage(cls, variant);
  const truth = page.text.split('\n').map((line) => line.split(' '));
  const segmented = await segment(page.bytes, truth);
  const f = dpi / 300;
  const px = (v: number) => Math.round(v * f);
  const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0: px(x0), y0: px(y0), x1: px(x1), y1: px(y1) });
  const lines: OcrLine[] = segmented.boxes.map((b, i) => ({
    bbox: box(b.words[0]![0], b.y0, b.words.at(-1)![1], b.y1),
    words: truth[i]!.map((text, j) => ({ text, confidence: 95, bbox: box(b.words[j]![0], b.y0, b.words[j]![1], b.y1) })),
  }));
  let y = (segmented.boxes.at(-1)?.y1 ?? 0) + 120;
  for (const words of extra) {
    let x = 240;
    const placed = words.map((text) => {
      const bbox = box(x, y, x + 40 * [...text].length, y + 60);
      x += 40 * [...text].length + 30;
      return { text, confidence: 60, bbox };
    });
    lines.push({ bbox: box(240, y, x - 30, y + 60), words: placed });
    y += 100;
  }
  const width = px(segmented.width);
  const height = px(segmented.height);
  const text = lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
  const ocr: OcrPage = { width, height, dpi, lines, text, confidence: 95, lowConfidenceWords: 0, correctedWords: 0, ms: 0 };
  const jpeg = await sharp(page.bytes).resize(width, height).jpeg({ quality: 75 }).toBuffer();
  return { jpeg, width, height, dpi, ocr, truth: text };
}
