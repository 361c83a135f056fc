/** What the OCR read before the Vietnamese post-correction, rebuilt from a page's words. */
import type { OcrPage } from '../../../../src-shared/contract/digitize';

/** Lines joined by '\n', words by ' ', each word as the OCR read it (`ocrText` when corrected). */
export function rawOcrText(page: Pick<OcrPage, 'lines'>): string {
  return page.lines.map((line) => line.words.map((w) => w.ocrText ?? w.text).join(' ')).join('\n');
}

/** The digits of a text in order: the post-correction must never change one. */
export const digitsOf = (text: string): string => text.replace(/\D/gu, '');
