/** Vietnamese text: syllable model and OCR post-correction. */
export { TONES, stripMarks, stripTone, toneOf, type Tone } from './letters';
export { applyTone, isValidSyllable, normalizeSyllable, parseSyllable, sameSyllable, type Syllable, type ToneStyle } from './syllable';
export { createVietnameseCorrector, type CorrectorOptions, type VietnameseCorrector } from './corrector';
export { correctText } from './correct-text';
