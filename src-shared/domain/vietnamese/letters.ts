/**
 * Vietnamese letters as base letter + vowel mark + tone, so a syllable can be taken apart and put
 * back together. NFD splits both kinds of diacritic off the letter; đ has no decomposition and is
 * handled by hand as "d with a stroke".
 */

/** The six tones (thanh): ngang (none), huyền, sắc, hỏi, ngã, nặng. */
export const TONES = ['ngang', 'huyen', 'sac', 'hoi', 'nga', 'nang'] as const;
export type Tone = (typeof TONES)[number];

/** Vowel marks (dấu phụ) and the stroke of đ: â ê ô (circumflex), ă (breve), ơ ư (horn). */
export type LetterMark = '' | 'circumflex' | 'breve' | 'horn' | 'stroke';

const TONE_MARK: Record<Tone, string> = { ngang: '', huyen: '\u0300', sac: '\u0301', hoi: '\u0309', nga: '\u0303', nang: '\u0323' };
const TONE_OF_MARK = new Map<string, Tone>(TONES.filter((t) => t !== 'ngang').map((t) => [TONE_MARK[t], t]));
const VOWEL_MARK: Record<Exclude<LetterMark, '' | 'stroke'>, string> = { circumflex: '\u0302', breve: '\u0306', horn: '\u031b' };
const MARK_OF_COMBINING = new Map<string, LetterMark>([
  ['\u0302', 'circumflex'],
  ['\u0306', 'breve'],
  ['\u031b', 'horn'],
]);

export interface LetterParts {
  /** a–z (lower case) */
  base: string;
  mark: LetterMark;
  tone: Tone;
}

/** The letters of Vietnamese words, lower case, without tone: base letters and their marked forms. */
export const VIETNAMESE_LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';

/**
 * Takes one lower-case letter apart; null for anything that is not a Vietnamese letter with at
 * most one vowel mark and one tone (e.g. 'f', 'ç', a digit, a letter with two tones).
 */
export function splitLetter(letter: string): LetterParts | null {
  if (letter === 'đ') return { base: 'd', mark: 'stroke', tone: 'ngang' };
  const [base = '', ...marks] = [...letter.normalize('NFD')];
  if (!/^[a-z]$/.test(base)) return null;
  let mark: LetterMark = '';
  let tone: Tone = 'ngang';
  for (const m of marks) {
    const t = TONE_OF_MARK.get(m);
    const v = MARK_OF_COMBINING.get(m);
    if (t && tone === 'ngang') tone = t;
    else if (v && mark === '') mark = v;
    else return null;
  }
  if (mark !== '' && !ALLOWED_MARKS[base]?.includes(mark)) return null;
  return { base, mark, tone };
}

/** Which vowel marks each base letter can carry. */
const ALLOWED_MARKS: Record<string, readonly LetterMark[]> = {
  a: ['breve', 'circumflex'],
  e: ['circumflex'],
  o: ['circumflex', 'horn'],
  u: ['horn'],
  d: ['stroke'],
};

/** Builds one NFC letter from its parts (the inverse of splitLetter). */
export function composeLetter(base: string, mark: LetterMark, tone: Tone): string {
  if (mark === 'stroke') return 'đ';
  return (base + (mark === '' ? '' : VOWEL_MARK[mark]) + TONE_MARK[tone]).normalize('NFC');
}

/** The letters a base letter can become by changing its vowel mark (a → a, ă, â; d → d, đ …). */
export function markVariants(base: string): LetterMark[] {
  return ['', ...(ALLOWED_MARKS[base] ?? [])];
}

export const isVowelBase = (base: string) => 'aeiouy'.includes(base);

/** The tone of a word: the first tone mark found ('ngang' when there is none). */
export function toneOf(word: string): Tone {
  for (const ch of word.normalize('NFC').toLowerCase()) {
    const parts = splitLetter(ch);
    if (parts && parts.tone !== 'ngang') return parts.tone;
  }
  return 'ngang';
}

/** Removes tone marks only, keeping vowel marks and case: "Quyết" → "Quyêt". */
export function stripTone(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')
    .normalize('NFC');
}

/** Removes tone and vowel marks and the stroke of đ, keeping case: "Đường" → "Duong". */
export function stripMarks(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** True when the character is an upper-case letter (Đ and accented capitals included). */
export const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** Gives `word` the case pattern of `pattern` letter by letter (both NFC, same number of letters). */
export function copyCase(word: string, pattern: string): string {
  const p = [...pattern];
  return [...word].map((ch, i) => (isUpper(p[i] ?? '') ? ch.toUpperCase() : ch)).join('');
}
