/** Every valid Vietnamese syllable the model accepts, built from onsets × rhymes × tones (for property tests). */
import { TONES } from '../../../src-shared/domain/vietnamese/letters';
import { MEDIAL_O_RHYMES, MEDIAL_U_RHYMES, ONSETS, PLAIN_RHYMES, QU_RHYMES } from '../../../src-shared/domain/vietnamese/rhymes';
import { applyTone, isValidSyllable } from '../../../src-shared/domain/vietnamese/syllable';

export function allValidSyllables(): string[] {
  const rhymes = [...new Set([...PLAIN_RHYMES, ...MEDIAL_O_RHYMES, ...MEDIAL_U_RHYMES, ...QU_RHYMES])];
  const out = new Set<string>();
  for (const onset of ['', ...ONSETS]) {
    for (const rhyme of rhymes) {
      // gi + i… is written with one i (gìn, giếng).
      const bare = onset === 'gi' && rhyme.startsWith('i') ? `g${rhyme}` : onset + rhyme;
      for (const tone of TONES) {
        const s = applyTone(bare, tone);
        if (s && isValidSyllable(s)) out.add(s);
      }
    }
  }
  return [...out].sort();
}
