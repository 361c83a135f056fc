/**
 * Vietnamese OCR post-correction (hiệu đính sau nhận dạng): repairs the tone and vowel marks that
 * tesseract's vie model gets wrong on ALL-CAPS words (GIẦY → GIẤY, TU → TƯ, QUÁ → QUẢ after KẾT),
 * and words that are not syllables at all. Each line is decoded as a whole (Viterbi) with a
 * syllable bigram model: a word changes only when the language model prefers the new reading by
 * more than the substitution costs. Tokens with a digit are never touched, punctuation and the case
 * pattern are kept, and the result is idempotent.
 */
import { DEFAULT_COSTS, markVariantsOf, substitutionCost, type SubstitutionCosts } from './candidates';
import { isUpper } from './letters';
import { buildLanguageModel, DEFAULT_MODEL_OPTIONS, type LanguageModel, type ModelOptions } from './language-model';
import { decode, type Slot } from './decode';
import { renderLike } from './render';
import { isValidSyllable, normalizeSyllable } from './syllable';
import { hasDigit, isWordCore, splitToken } from './tokens';
import { DEFAULT_VOCABULARY_WEIGHTS, vocabularySources, type VocabularyWeights } from './vocabulary';

export interface VietnameseCorrector {
  /** One OCR line's words in reading order; returns them corrected and how many changed. */
  correctWords(words: readonly string[]): { words: string[]; changed: number };
  /** A whole text: every line corrected, whitespace kept. */
  correctText(text: string): string;
}

/** Tuning knobs; the defaults were tuned on the recorded OCR fixtures and held-out passages. */
export interface CorrectorOptions {
  costs: SubstitutionCosts;
  model: ModelOptions;
  vocabulary: VocabularyWeights;
}

const isAllCaps = (core: string) => [...core].every(isUpper);

export function createVietnameseCorrector(extraText: readonly string[] = [], options: Partial<CorrectorOptions> = {}): VietnameseCorrector {
  const costs = options.costs ?? DEFAULT_COSTS;
  const model: LanguageModel = buildLanguageModel(
    vocabularySources(extraText, options.vocabulary ?? DEFAULT_VOCABULARY_WEIGHTS),
    options.model ?? DEFAULT_MODEL_OPTIONS,
  );
  // OCR text repeats words a lot: the readings of a word depend only on its letters and caps.
  const cache = new Map<string, Pick<Slot, 'options' | 'opaque'>>();

  function readingsOf(core: string, caps: boolean): Pick<Slot, 'options' | 'opaque'> {
    const fixed = (opaque: boolean) => ({ options: [{ key: normalizeSyllable(core), cost: 0 }], opaque });
    if (!isWordCore(core)) return fixed(true);
    const valid = isValidSyllable(core);
    // Lower- and mixed-case words are trusted unless they are not syllables at all.
    if (valid && !caps) return fixed(false);
    const own = normalizeSyllable(core);
    // Unseen readings cannot beat the word as read on frequency, so only a non-syllable keeps them.
    const all = markVariantsOf(core, !valid).filter((v) => v.syllable !== own);
    const seen = all.filter((v) => model.count(v.syllable) > 0);
    const found = valid || seen.length > 0 ? seen : all;
    if (!valid && found.length === 0) return fixed(true);
    return { options: [{ key: own, cost: 0 }, ...found.map((v) => ({ key: v.syllable, cost: substitutionCost(core, v, costs) }))], opaque: false };
  }

  function slotOf(raw: string, caps: boolean): Slot {
    const token = splitToken(raw);
    if (hasDigit(raw)) return { token, options: [{ key: '', cost: 0 }], opaque: true };
    const core = token.core.normalize('NFC');
    const k = `${caps ? 'C' : 'c'}${core}`;
    let r = cache.get(k);
    if (!r) {
      // A long batch meets many one-off strings (codes, names): start over rather than grow forever.
      if (cache.size >= 50_000) cache.clear();
      cache.set(k, (r = readingsOf(core, caps)));
    }
    return { token, ...r };
  }

  function correctWords(words: readonly string[]): { words: string[]; changed: number } {
    const cores = words.map((w) => splitToken(w).core.normalize('NFC'));
    const longCaps = cores.map((c) => [...c].length >= 2 && isWordCore(c) && isAllCaps(c));
    // A one-letter capital (Ở, Ý) counts as ALL-CAPS only next to a longer ALL-CAPS word.
    const caps = cores.map((c, i) => longCaps[i] || ([...c].length === 1 && isAllCaps(c) && (longCaps[i - 1] === true || longCaps[i + 1] === true)));
    const slots = words.map((w, i) => slotOf(w, caps[i]!));
    const chosen = decode(slots, model);
    let changed = 0;
    const out = words.map((w, i) => {
      const pick = chosen[i]!;
      if (pick === 0) return w;
      changed++;
      const { token, options: opts } = slots[i]!;
      return `${token.lead}${renderLike(opts[pick]!.key, token.core.normalize('NFC'))}${token.trail}`;
    });
    return { words: out, changed };
  }

  return {
    correctWords,
    correctText: (text) =>
      text
        .split('\n')
        .map((line) => {
          const parts = line.split(/(\s+)/);
          const words = parts.filter((_, i) => i % 2 === 0 && parts[i] !== '');
          const fixed = correctWords(words).words;
          let k = 0;
          return parts.map((p, i) => (i % 2 === 0 && p !== '' ? fixed[k++]! : p)).join('');
        })
        .join('\n'),
  };
}
