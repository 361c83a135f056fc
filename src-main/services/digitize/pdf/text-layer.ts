/**
 * The invisible text layer of one page: every OCR word drawn in text render mode 3 (neither fill
 * nor stroke) exactly over its box, so that search hits, selection and copy fall where the word is
 * printed on the scan. pdf-lib has no invisible-text option, hence raw operators.
 */
import {
  beginText,
  endText,
  type PDFName,
  type PDFOperator,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
} from 'pdf-lib';
import type { Bbox, OcrPage } from '../../../../src-shared/contract/digitize';
import type { TextFont } from './text-font';

/** Two decimals of a point (1/7200 in) is far below a pixel at 600 dpi; shorter streams, same output. */
const r2 = (v: number) => Math.round(v * 100) / 100;

/** Tz below this would make a character of (almost) no width, which some extractors mishandle. */
const MIN_SQUEEZE = 1;

interface PageBox {
  /** Page size in points. */
  width: number;
  height: number;
}

interface PlacedWord {
  text: string;
  bbox: Bbox;
}

/** The line's vertical extent in pixels; the words' union when the line box is missing or empty. */
function lineExtent(line: OcrPage['lines'][number], words: readonly PlacedWord[]): { top: number; bottom: number } {
  if (line.bbox.y1 > line.bbox.y0) return { top: line.bbox.y0, bottom: line.bbox.y1 };
  return { top: Math.min(...words.map((w) => w.bbox.y0)), bottom: Math.max(...words.map((w) => w.bbox.y1)) };
}

/**
 * Operators for the page's text layer, or [] when it has no words. Words of a line share the line's
 * font size and baseline, so extractors see one line; each word is stretched (Tz) to its box, and a
 * space glyph stretched over the gap to the next word gives extractors the word break.
 */
export function textLayerOperators(ocr: OcrPage, page: PageBox, font: TextFont, fontKey: PDFName): PDFOperator[] {
  const sx = page.width / ocr.width;
  const sy = page.height / ocr.height;
  const ops: PDFOperator[] = [];
  for (const line of ocr.lines) {
    const words = line.words
      .map((w) => ({ text: font.sanitize(w.text), bbox: w.bbox }))
      .filter((w) => w.text !== '' && w.bbox.x1 > w.bbox.x0);
    if (words.length === 0) continue;
    const { top, bottom } = lineExtent(line, words);
    // The line box spans the tallest ascent to the lowest descent: map it onto the font's.
    const size = r2(((bottom - top) * sy) / (font.ascent - font.descent));
    if (!(size > 0)) continue;
    const baseline = r2(page.height - bottom * sy - font.descent * size);
    ops.push(setFontAndSize(fontKey, size));
    const spaceWidth = font.width(' ', size);
    words.forEach((word, i) => {
      const x = word.bbox.x0 * sx;
      const width = (word.bbox.x1 - word.bbox.x0) * sx;
      const natural = font.width(word.text, size);
      if (!(natural > 0)) return;
      ops.push(setCharacterSqueeze(r2(Math.max(MIN_SQUEEZE, (100 * width) / natural))), setTextMatrix(1, 0, 0, 1, r2(x), baseline), showText(font.encode(word.text)));
      const next = words[i + 1];
      if (!next || !(spaceWidth > 0)) return;
      // The space starts where the word ends (Tj advanced the pen) and reaches the next word.
      const gap = next.bbox.x0 * sx - (x + width);
      ops.push(setCharacterSqueeze(r2(Math.max(MIN_SQUEEZE, (100 * gap) / spaceWidth))), showText(font.encode(' ')));
    });
  }
  if (ops.length === 0) return [];
  return [beginText(), setTextRenderingMode(TextRenderingMode.Invisible), ...ops, endText()];
}
