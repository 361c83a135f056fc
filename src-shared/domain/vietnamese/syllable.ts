/**
 * One Vietnamese syllable (âm tiết): onset / medial / nucleus / coda / tone, the phonotactic checks
 * that tell a real syllable from an OCR misreading, and tone placement in both the old style (hòa,
 * thủy) and the new style (hoà, thuỷ), which are the same syllable.
 */
import { composeLetter, copyCase, splitLetter, type LetterParts, type Tone } from './letters';
import { CONSONANT_CODAS, DIPHTHONGS, MEDIAL_O_RHYMES, MEDIAL_U_RHYMES, ONSETS, PLAIN_RHYMES, QU_RHYMES, STOP_CODAS } from './rhymes';

export type ToneStyle = 'old' | 'new';

export interface Syllable {
  /** Âm đầu, e.g. '', 'ngh', 'qu', 'gi', 'đ'. */
  onset: string;
  /** Âm đệm: 'o' (hoa) or 'u' (huyện); after qu the u belongs to the onset. */
  medial: '' | 'o' | 'u';
  /** Âm chính as written, without tone: 'a', 'uô', 'iê', 'ươ' … */
  nucleus: string;
  /** Âm cuối as written: '', 'ng', 'ch', 'i', 'y', 'o', 'u' … */
  coda: string;
  tone: Tone;
  /** Which placement style the tone mark follows; 'both' when the styles agree. */
  style: ToneStyle | 'both';
}

const MARKED_VOWELS = 'ăâêôơư';
const FRONT = ['i', 'y', 'e', 'ê'];

/** Lower-case letters of a word, or null when one is not a Vietnamese letter. */
function lettersOf(word: string): LetterParts[] | null {
  const out: LetterParts[] = [];
  for (const ch of word.normalize('NFC').toLowerCase()) {
    const parts = splitLetter(ch);
    if (!parts) return null;
    out.push(parts);
  }
  return out;
}

const toneless = (letters: readonly LetterParts[]) => letters.map((l) => composeLetter(l.base, l.mark, 'ngang')).join('');

interface Shape {
  onset: string;
  rhyme: string;
  /** Index in the word of the rhyme's first letter (gi + n: the i is shared, so 1). */
  rhymeStart: number;
}

/** Splits a toneless lower-case word into onset and rhyme, the way Vietnamese spelling reads it. */
function shapeOf(word: string): Shape {
  const onset = ONSETS.find((o) => word.startsWith(o)) ?? '';
  const rest = word.slice(onset.length);
  // gì, gìn: the i is both part of "gi" and the vowel; giếng: gi + iêng with one i written.
  if (onset === 'gi' && (rest === '' || !/^[aăâeêioôơuưy]/.test(rest) || rest.startsWith('ê'))) {
    return { onset, rhyme: `i${rest}`, rhymeStart: 1 };
  }
  return { onset, rhyme: rest, rhymeStart: onset.length };
}

/** Positions in the rhyme's vowel cluster where old and new style put the tone mark. */
function tonePositions(vowels: string, hasConsonantCoda: boolean): { old: number; new: number } {
  const v = [...vowels];
  const horn = vowels.indexOf('ươ');
  if (horn >= 0) return { old: horn + 1, new: horn + 1 };
  const marked = v.findLastIndex((c) => MARKED_VOWELS.includes(c));
  if (marked >= 0) return { old: marked, new: marked };
  if (hasConsonantCoda) return { old: v.length - 1, new: v.length - 1 };
  if (v.length === 3) return { old: 1, new: 1 };
  if (v.length === 2) return { old: 0, new: ['oa', 'oe', 'uy'].includes(vowels) ? 1 : 0 };
  return { old: 0, new: 0 };
}

function onsetFits(onset: string, rhyme: string): boolean {
  const first = rhyme.startsWith('ê') ? 'ê' : (rhyme[0] ?? '');
  if (onset === 'qu') return QU_RHYMES.has(rhyme);
  if (!PLAIN_RHYMES.has(rhyme) && !MEDIAL_O_RHYMES.has(rhyme) && !MEDIAL_U_RHYMES.has(rhyme)) return false;
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return FRONT.includes(first) && (onset === 'k' || first !== 'y');
  if (onset === 'c' || onset === 'g' || onset === 'ng') return !FRONT.includes(first);
  // Without an onset iê is written yê (yên, yêu); with one it is iê (tiền, kiên).
  if (onset === '') return !rhyme.startsWith('iê');
  return !rhyme.startsWith('yê');
}

/** Medial, nucleus and coda of a valid rhyme. */
function splitRhyme(rhyme: string): Pick<Syllable, 'medial' | 'nucleus' | 'coda'> {
  const medial = MEDIAL_O_RHYMES.has(rhyme) ? 'o' : MEDIAL_U_RHYMES.has(rhyme) ? 'u' : '';
  const rest = rhyme.slice(medial.length);
  const consonant = CONSONANT_CODAS.find((c) => rest.endsWith(c) && rest.length > c.length);
  if (consonant) return { medial, nucleus: rest.slice(0, -consonant.length), coda: consonant };
  if (rest.length >= 2 && 'iyou'.includes(rest.at(-1) ?? '') && !DIPHTHONGS.has(rest)) {
    return { medial, nucleus: rest.slice(0, -1), coda: rest.slice(-1) };
  }
  return { medial, nucleus: rest, coda: '' };
}

/**
 * Takes a syllable apart; null when it is not a valid Vietnamese syllable: an unknown onset or
 * rhyme, a spelling rule broken (k/gh/ngh only before i, e, ê; c/g/ng never), more than one tone,
 * a stop coda (p, t, c, ch) with a tone other than sắc or nặng, or a tone mark on the wrong vowel.
 * Case does not matter.
 */
export function parseSyllable(word: string): Syllable | null {
  const letters = lettersOf(word);
  if (!letters || letters.length === 0) return null;
  const toned = letters.flatMap((l, i) => (l.tone === 'ngang' ? [] : [i]));
  if (toned.length > 1) return null;
  const tone = toned.length === 1 ? letters[toned[0]!]!.tone : 'ngang';
  const { onset, rhyme, rhymeStart } = shapeOf(toneless(letters));
  if (rhyme === '' || !onsetFits(onset, rhyme)) return null;
  const coda = CONSONANT_CODAS.find((c) => rhyme.endsWith(c) && rhyme.length > c.length) ?? '';
  if (STOP_CODAS.has(coda) && tone !== 'sac' && tone !== 'nang') return null;
  const vowels = rhyme.slice(0, rhyme.length - coda.length);
  if (!/^[aăâeêioôơuưy]+$/.test(vowels)) return null;
  let style: Syllable['style'] = 'both';
  if (tone !== 'ngang') {
    const at = toned[0]! - rhymeStart;
    const p = tonePositions(vowels, coda !== '');
    if (at !== p.old && at !== p.new) return null;
    if (p.old !== p.new) style = at === p.old ? 'old' : 'new';
  }
  return { onset, ...splitRhyme(rhyme), tone, style };
}

export const isValidSyllable = (word: string): boolean => parseSyllable(word) !== null;

/**
 * Puts `tone` on a word (any tone it had is replaced) where `style` places it, keeping the case of
 * each letter; null when the word is not shaped like a syllable (no vowel, a non-Vietnamese letter).
 */
export function applyTone(word: string, tone: Tone, style: ToneStyle = 'old'): string | null {
  const letters = lettersOf(word);
  if (!letters) return null;
  const bare = toneless(letters);
  const { rhyme, rhymeStart } = shapeOf(bare);
  const coda = CONSONANT_CODAS.find((c) => rhyme.endsWith(c) && rhyme.length > c.length) ?? '';
  const vowels = rhyme.slice(0, rhyme.length - coda.length);
  if (vowels === '' || !/^[aăâeêioôơuưy]+$/.test(vowels)) return null;
  const at = rhymeStart + tonePositions(vowels, coda !== '')[style];
  const out = letters.map((l, i) => composeLetter(l.base, l.mark, i === at ? tone : 'ngang')).join('');
  return copyCase(out, word.normalize('NFC'));
}

/**
 * The canonical form of a syllable: lower case, tone in the old style (hoà → hòa). Words that are
 * not valid syllables come back lower-cased and NFC, unchanged otherwise.
 */
export function normalizeSyllable(word: string): string {
  const lower = word.normalize('NFC').toLowerCase();
  const s = parseSyllable(lower);
  if (!s || s.style !== 'new') return lower;
  return applyTone(lower, s.tone, 'old') ?? lower;
}

/** True when two spellings are the same syllable (hòa / hoà / HOÀ). */
export const sameSyllable = (a: string, b: string): boolean => normalizeSyllable(a) === normalizeSyllable(b);
