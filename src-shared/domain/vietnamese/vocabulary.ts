/**
 * The text the corrector's syllable counts are built from, with how much each part weighs.
 * Phrases give unigrams and bigrams (word order matters: "kết quả", "đầu tư"); the frequency tiers
 * are bags of syllables and give unigrams only, so that their arbitrary order adds no false pairs.
 */
import { ADMIN_PHRASES } from './vocabulary-admin';
import { FREQUENT_SYLLABLES_1, FREQUENT_SYLLABLES_2, FREQUENT_SYLLABLES_3, NUMBER_PHRASES } from './vocabulary-general';
import { namePhrases } from './vocabulary-names';
import { placePhrases } from './vocabulary-places';

export interface VocabularySource {
  /** One phrase per line. */
  lines: readonly string[];
  /** Added to a syllable's count per occurrence. */
  weight: number;
  /** False for bags of syllables whose order means nothing. */
  bigrams: boolean;
}

const linesOf = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

export interface VocabularyWeights {
  /** Per occurrence in the admin, place and number phrases (and the caller's text). */
  phrases: number;
  /** Per generated name pair: many pairs, each only plausible, so each counts little. */
  names: number;
  /** Pseudo-counts of the three frequency tiers, per occurrence. */
  tiers: readonly [number, number, number];
}

export const DEFAULT_VOCABULARY_WEIGHTS: VocabularyWeights = { phrases: 1, names: 0.3, tiers: [60, 5, 1.5] };

export function vocabularySources(extraText: readonly string[] = [], weights: VocabularyWeights = DEFAULT_VOCABULARY_WEIGHTS): VocabularySource[] {
  const { phrases, names, tiers } = weights;
  return [
    { lines: linesOf(ADMIN_PHRASES), weight: phrases, bigrams: true },
    { lines: placePhrases(), weight: phrases, bigrams: true },
    { lines: linesOf(NUMBER_PHRASES), weight: phrases, bigrams: true },
    { lines: namePhrases(), weight: names, bigrams: true },
    { lines: linesOf(FREQUENT_SYLLABLES_1), weight: tiers[0], bigrams: false },
    { lines: linesOf(FREQUENT_SYLLABLES_2), weight: tiers[1], bigrams: false },
    { lines: linesOf(FREQUENT_SYLLABLES_3), weight: tiers[2], bigrams: false },
    // The caller's own text (procedure names, agency names) counts like the admin phrases.
    { lines: extraText.flatMap(linesOf), weight: phrases, bigrams: true },
  ];
}
