/**
 * A page's OCR as the clerk checks it: words the OCR was unsure of are highlighted, words the
 * Vietnamese post-correction changed carry what the OCR read (pure).
 */
import { LOW_CONFIDENCE, type OcrPage } from '../../src-shared/contract/digitize';

export interface ShownWord {
  text: string;
  confidence: number;
  /** Below LOW_CONFIDENCE: shown in <mark>. */
  low: boolean;
  /** What the OCR read, when the correction changed the word. */
  ocrText: string | null;
}

export function shownLines(page: Pick<OcrPage, 'lines'>): ShownWord[][] {
  return page.lines
    .map((line) =>
      line.words.map((w) => ({
        text: w.text,
        confidence: Math.round(w.confidence),
        low: w.confidence < LOW_CONFIDENCE,
        ocrText: w.ocrText !== undefined && w.ocrText !== w.text ? w.ocrText : null,
      })),
    )
    .filter((words) => words.length > 0);
}
