/** One shared corrector over the built-in vocabulary, built on first use (it takes a few ms). */
import { createVietnameseCorrector, type VietnameseCorrector } from './corrector';

let shared: VietnameseCorrector | undefined;

/** Corrects a whole OCR text with the built-in vocabulary; see createVietnameseCorrector. */
export function correctText(text: string): string {
  shared ??= createVietnameseCorrector();
  return shared.correctText(text);
}
