/** Applies the Vietnamese post-correction to a recognised page, line by line, keeping what OCR read. */
import { LOW_CONFIDENCE, type OcrLine, type OcrPage } from '../../../src-shared/contract/digitize';
import type { VietnameseCorrector } from '../../../src-shared/domain/vietnamese';
import type { RawOcrPage } from './types';

export function correctPage(raw: RawOcrPage, corrector: VietnameseCorrector): OcrPage {
  let correctedWords = 0;
  const lines: OcrLine[] = raw.lines.map((line) => {
    const { words } = corrector.correctWords(line.words.map((w) => w.text));
    return {
      bbox: line.bbox,
      words: line.words.map((word, i) => {
        const text = words[i] ?? word.text;
        if (text === word.text) return word;
        correctedWords++;
        return { ...word, text, ocrText: word.ocrText ?? word.text };
      }),
    };
  });
  const text = lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
  const all = lines.flatMap((l) => l.words);
  return {
    ...raw,
    lines,
    text,
    lowConfidenceWords: all.filter((w) => w.confidence < LOW_CONFIDENCE).length,
    correctedWords,
  };
}
