/**
 * How a whitespace-separated token of OCR text (or of the vocabulary) splits into the word and the
 * punctuation around it, and where a run of syllables is broken for bigram purposes. The same
 * rules serve counting and correcting, so the counts mean what the corrector assumes.
 */

export interface Token {
  /** Punctuation before the word, e.g. '(' or '«'. */
  lead: string;
  /** From the first letter to the last; '' when the token has no letter. */
  core: string;
  /** Punctuation after the word, e.g. ',' or '.);'. */
  trail: string;
}

const LETTER = /[\p{L}\p{M}]/u;

export function splitToken(token: string): Token {
  const chars = [...token];
  const first = chars.findIndex((c) => LETTER.test(c));
  if (first < 0) return { lead: token, core: '', trail: '' };
  const last = chars.findLastIndex((c) => LETTER.test(c));
  return { lead: chars.slice(0, first).join(''), core: chars.slice(first, last + 1).join(''), trail: chars.slice(last + 1).join('') };
}

/** A core made of letters only (no digit, hyphen or slash inside: "NĐ-CP", "H56" are not words). */
export const isWordCore = (core: string) => core !== '' && /^[\p{L}\p{M}]+$/u.test(core);

export const hasDigit = (token: string) => /\p{N}/u.test(token);

/**
 * Punctuation that ends a phrase: the words on either side are not read as a pair. Commas do not
 * (form headings such as "họ, chữ đệm, tên" are pairs across them); dashes standing alone are
 * tokens without letters and break the run anyway.
 */
const BREAKS = /[.;:!?()[\]{}«»"“”]/;

export const breaksBefore = (t: Token) => BREAKS.test(t.lead);
export const breaksAfter = (t: Token) => BREAKS.test(t.trail);
