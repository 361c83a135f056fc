/** Mapping tesseract.js's block tree to the contract's page, on hand-built trees (no OCR). */
import type Tesseract from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import { ocrPageSchema } from '../../../../src-shared/contract/digitize';
import { toRawOcrPage } from '../../../../src-main/services/digitize/ocr/map-result';

type Box = Tesseract.Bbox;
const word = (text: string, confidence: number, bbox: Box) => ({ text, confidence, bbox }) as Tesseract.Word;
const line = (...words: Tesseract.Word[]) => ({ words }) as Tesseract.Line;
const block = (...lines: Tesseract.Line[]) => ({ paragraphs: [{ lines }] }) as unknown as Tesseract.Block;
const image = { width: 1000, height: 800, dpi: 300 };

describe('toRawOcrPage', () => {
  it('keeps lines in order, composes letters (NFC), drops blank words and counts unsure ones', () => {
    const decomposed = 'Ho\u0302\u0300 so\u031b'; // "Hồ sơ" with combining marks
    const page = toRawOcrPage(
      {
        blocks: [
          block(
            line(word(decomposed.split(' ')[0]!, 96, { x0: 10, y0: 10, x1: 90, y1: 40 }), word(' ', 10, { x0: 95, y0: 10, x1: 99, y1: 40 }), word(decomposed.split(' ')[1]!, 60, { x0: 100, y0: 12, x1: 160, y1: 42 })),
            line(word('', 0, { x0: 0, y0: 0, x1: 1, y1: 1 })),
          ),
          block(line(word('Mã', 90, { x0: 10, y0: 60, x1: 60, y1: 90 }), word('số', 50, { x0: 70, y0: 60, x1: 1200, y1: 900 }))),
        ],
      },
      image,
      1234,
    );
    expect(page.text).toBe('Hồ sơ\nMã số');
    expect(page.lines).toHaveLength(2);
    expect(page.lines[0]!.bbox).toEqual({ x0: 10, y0: 10, x1: 160, y1: 42 });
    // A box reaching past the image is clipped to it.
    expect(page.lines[1]!.words[1]!.bbox).toEqual({ x0: 70, y0: 60, x1: 1000, y1: 800 });
    expect(page.confidence).toBeCloseTo((96 + 60 + 90 + 50) / 4, 10);
    expect(page.lowConfidenceWords).toBe(2);
    expect(page).toMatchObject({ width: 1000, height: 800, dpi: 300, ms: 1234 });
    expect(ocrPageSchema.omit({ correctedWords: true }).safeParse(page).success).toBe(true);
  });

  it('gives confidence 0 and empty text for a page without words', () => {
    for (const blocks of [null, [], [block(line(word('  ', 30, { x0: 1, y0: 1, x1: 2, y1: 2 })))]]) {
      expect(toRawOcrPage({ blocks }, image, 5)).toMatchObject({ lines: [], text: '', confidence: 0, lowConfidenceWords: 0 });
    }
  });
});
