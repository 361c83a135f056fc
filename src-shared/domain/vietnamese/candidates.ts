/**
 * What an OCR word could have been: the same base letters with other tone and vowel marks (the
 * error class of tesseract's vie model on capitals: GIẤY read as GIẦY, TƯ as TU), and for words
 * that are not syllables, Q read for Ọ (the dot below merges into a tail). Also what each
 * substitution costs, so that a change must be clearly better than the reading.
 */
import { composeLetter, markVariants, splitLetter, TONES, toneOf, type LetterParts } from './letters';
import { STOP_CODAS } from './rhymes';
import { applyTone, parseSyllable } from './syllable';

export interface Variant {
  /** Canonical syllable: lower case, old-style tone placement. */
  syllable: string;
  letters: LetterParts[];
}

/** Per-letter alternatives of a lower-case letter; null when it is not a Vietnamese letter. */
function letterOptions(letter: string, next: string | undefined, readQAsO: boolean): LetterParts[] | null {
  const parts = splitLetter(letter);
  if (!parts) return null;
  const base = readQAsO && parts.base === 'q' && splitLetter(next ?? '')?.base !== 'u' ? 'o' : parts.base;
  return markVariants(base).map((mark) => ({ base, mark, tone: 'ngang' as const }));
}

function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

/**
 * Every valid syllable with the same base letters as `word` (any case), in canonical form, the
 * word's own reading included when it is valid. `readQAsO` also tries o/ô/ơ for a q not followed by
 * u (meant for words that are not syllables as read).
 */
export function markVariantsOf(word: string, readQAsO = false): Variant[] {
  const chars = [...word.normalize('NFC').toLowerCase()];
  const options = chars.map((c, i) => letterOptions(c, chars[i + 1], readQAsO));
  if (options.some((o) => o === null) || chars.length > 7) return [];
  const out: Variant[] = [];
  for (const letters of product(options as LetterParts[][])) {
    const bare = letters.map((l) => composeLetter(l.base, l.mark, 'ngang')).join('');
    // A stop coda (p, t, c, ch) only allows sắc and nặng, so check the shape with sắc.
    const shape = parseSyllable(bare) ?? parseSyllable(applyTone(bare, 'sac') ?? '');
    if (!shape) continue;
    const tones = STOP_CODAS.has(shape.coda) ? (['sac', 'nang'] as const) : TONES;
    for (const tone of tones) {
      const syllable = applyTone(bare, tone, 'old')!;
      out.push({ syllable, letters: [...syllable].map((c) => splitLetter(c)!) });
    }
  }
  return out;
}

export interface SubstitutionCosts {
  /** A different tone (nặng read as sắc, ngã lost …). */
  tone: number;
  /** A different vowel mark on one letter (ư read as u, ê as e) or d for đ. */
  mark: number;
  /** A different letter altogether (q read for ọ). */
  letter: number;
}

export const DEFAULT_COSTS: SubstitutionCosts = { tone: 4, mark: 4, letter: 3 };

/**
 * How unlikely it is that OCR read `observed` when `variant` was printed (in nats). A sum of
 * per-letter and per-tone differences, which makes it a metric: correcting twice then gives the
 * same result as correcting once.
 */
export function substitutionCost(observed: string, variant: Variant, costs: SubstitutionCosts = DEFAULT_COSTS): number {
  const seen = [...observed.normalize('NFC').toLowerCase()].map((c) => splitLetter(c));
  let cost = toneOf(observed) === toneOfLetters(variant.letters) ? 0 : costs.tone;
  variant.letters.forEach((l, i) => {
    const s = seen[i];
    if (!s || s.base !== l.base) cost += costs.letter;
    else if (s.mark !== l.mark) cost += costs.mark;
  });
  return cost;
}

const toneOfLetters = (letters: readonly LetterParts[]) => letters.find((l) => l.tone !== 'ngang')?.tone ?? 'ngang';
