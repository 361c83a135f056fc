import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE, type OcrLine } from '../../../src-shared/contract/digitize';
import { shownLines } from '../../../src-renderer/digitize/ocr-view';

const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
const word = (text: string, confidence: number, ocrText?: string) => ({ text, confidence, bbox: box, ...(ocrText === undefined ? {} : { ocrText }) });

describe('shownLines', () => {
  it('marks words under LOW_CONFIDENCE and keeps what the OCR read for corrected words', () => {
    const lines: OcrLine[] = [
      { bbox: box, words: [word('Cộng', 96), word('hòa', LOW_CONFIDENCE - 0.5), word('xã', LOW_CONFIDENCE)] },
      { bbox: box, words: [] },
      { bbox: box, words: [word('Việt', 88, 'Viêt'), word('Nam', 90, 'Nam')] },
    ];
    expect(shownLines({ lines })).toEqual([
      [
        { text: 'Cộng', confidence: 96, low: false, ocrText: null },
        { text: 'hòa', confidence: 70, low: true, ocrText: null },
        { text: 'xã', confidence: 70, low: false, ocrText: null },
      ],
      [
        { text: 'Việt', confidence: 88, low: false, ocrText: 'Viêt' },
        { text: 'Nam', confidence: 90, low: false, ocrText: null },
      ],
    ]);
  });
});
