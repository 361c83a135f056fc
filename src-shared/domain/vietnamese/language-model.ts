/**
 * A syllable unigram + bigram model (interpolated) over the vocabulary. Keys are canonical
 * syllables (lower case, old-style tone placement), so hòa and HOÀ count as one.
 */
import { isValidSyllable, normalizeSyllable } from './syllable';
import { breaksAfter, breaksBefore, isWordCore, splitToken } from './tokens';
import type { VocabularySource } from './vocabulary';

export interface LanguageModel {
  /** log P(s); a valid syllable never seen gets a small floor, a non-syllable a far smaller one. */
  logUnigram(s: string): number;
  /** log P(s | prev), smoothed towards P(s). */
  logBigram(prev: string, s: string): number;
  /** How often the vocabulary uses s (weighted); 0 when never. */
  count(s: string): number;
}

export interface ModelOptions {
  /** Pseudo-count of a valid syllable the vocabulary never uses. */
  unseenValid: number;
  /** Pseudo-count of a string that is not a syllable (an OCR misreading like "hq"). */
  unseenInvalid: number;
  /**
   * Most weight the bigram gets against the unigram (Jelinek-Mercer). Kept well below 1: the
   * vocabulary is small, so most true pairs are unseen and must not be punished much for it.
   */
  bigramWeight: number;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = { unseenValid: 0.3, unseenInvalid: 1e-5, bigramWeight: 0.5 };

/** Canonical syllable of a word, or null when it is not one; cached because vocabularies repeat words. */
function canonicalizer(): (core: string) => string | null {
  const cache = new Map<string, string | null>();
  return (core) => {
    let k = cache.get(core);
    if (k === undefined) cache.set(core, (k = isWordCore(core) && isValidSyllable(core) ? normalizeSyllable(core) : null));
    return k;
  };
}

/** Runs of canonical syllables in a line: a non-syllable or breaking punctuation ends a run. */
export function syllableRuns(line: string, canonical = canonicalizer()): string[][] {
  const runs: string[][] = [[]];
  for (const raw of line.split(/\s+/)) {
    if (raw === '') continue;
    const t = splitToken(raw);
    const word = canonical(t.core);
    if (word === null || breaksBefore(t)) runs.push([]);
    if (word !== null) runs.at(-1)!.push(word);
    if (breaksAfter(t)) runs.push([]);
  }
  return runs.filter((r) => r.length > 0);
}

export function buildLanguageModel(sources: readonly VocabularySource[], options: ModelOptions = DEFAULT_MODEL_OPTIONS): LanguageModel {
  const unigram = new Map<string, number>();
  const followers = new Map<string, Map<string, number>>();
  const left = new Map<string, number>();
  const add = <K>(m: Map<K, number>, k: K, w: number) => m.set(k, (m.get(k) ?? 0) + w);
  const canonical = canonicalizer();
  for (const source of sources) {
    for (const line of source.lines) {
      for (const run of syllableRuns(line, canonical)) {
        run.forEach((s, i) => {
          add(unigram, s, source.weight);
          if (!source.bigrams || i === 0) return;
          const prev = run[i - 1]!;
          let f = followers.get(prev);
          if (!f) followers.set(prev, (f = new Map()));
          add(f, s, source.weight);
          add(left, prev, source.weight);
        });
      }
    }
  }
  const total = [...unigram.values()].reduce((a, b) => a + b, 0) + unigram.size * options.unseenValid;
  const valid = new Map<string, boolean>();
  const isValid = (s: string) => {
    let v = valid.get(s);
    if (v === undefined) valid.set(s, (v = isValidSyllable(s)));
    return v;
  };
  const pseudoCount = (s: string) => unigram.get(s) ?? (isValid(s) ? options.unseenValid : options.unseenInvalid);
  const logTotal = Math.log(total);
  return {
    count: (s) => unigram.get(s) ?? 0,
    logUnigram: (s) => Math.log(pseudoCount(s)) - logTotal,
    logBigram: (prev, s) => {
      const seen = left.get(prev) ?? 0;
      // Trust the pair counts of a word more the more often it was seen on the left.
      const lambda = (options.bigramWeight * seen) / (seen + 1);
      const pair = seen > 0 ? (followers.get(prev)?.get(s) ?? 0) / seen : 0;
      return Math.log(lambda * pair + ((1 - lambda) * pseudoCount(s)) / total);
    },
  };
}
