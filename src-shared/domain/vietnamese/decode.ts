/**
 * Chooses one reading per word of a line: a Viterbi search over the runs of syllables between
 * punctuation and non-words, scoring each path by the syllable bigram model minus the substitution
 * costs of the readings it picks.
 */
import type { LanguageModel } from './language-model';
import { breaksAfter, breaksBefore, type Token } from './tokens';

export interface Reading {
  /** Canonical syllable, the language model's key. */
  key: string;
  /** Substitution cost from the word as read. */
  cost: number;
}

export interface Slot {
  token: Token;
  /** Readings to choose from; the first is the word as read. */
  options: readonly Reading[];
  /** Not a syllable (digits, abbreviations, punctuation): the bigram chain restarts around it. */
  opaque: boolean;
}

/**
 * Best reading per slot: maximises Σ log P(word | previous word) − Σ substitution cost over each
 * run of syllables. Ties keep the reading (option 0 is tried first and only a strictly better
 * score replaces it). Returns the chosen option index per slot.
 */
export function decode(slots: readonly Slot[], model: LanguageModel): number[] {
  const chosen = slots.map(() => 0);
  let start = 0;
  slots.forEach((slot, i) => {
    if (slot.opaque) {
      decodeRun(slots, start, i, model, chosen);
      start = i + 1;
    } else if (i > start && (breaksBefore(slot.token) || breaksAfter(slots[i - 1]!.token))) {
      decodeRun(slots, start, i, model, chosen);
      start = i;
    }
  });
  decodeRun(slots, start, slots.length, model, chosen);
  return chosen;
}

function decodeRun(slots: readonly Slot[], from: number, to: number, model: LanguageModel, chosen: number[]): void {
  if (to <= from) return;
  // score[k] of option k at the current slot, back[i][k] the best previous option.
  let score = slots[from]!.options.map((o) => model.logUnigram(o.key) - o.cost);
  const back: number[][] = [];
  for (let i = from + 1; i < to; i++) {
    const prev = slots[i - 1]!.options;
    const next: number[] = [];
    const links: number[] = [];
    for (const o of slots[i]!.options) {
      let best = -Infinity;
      let arg = 0;
      prev.forEach((p, j) => {
        const s = score[j]! + model.logBigram(p.key, o.key);
        if (s > best + 1e-9) [best, arg] = [s, j];
      });
      next.push(best - o.cost);
      links.push(arg);
    }
    back.push(links);
    score = next;
  }
  let k = 0;
  score.forEach((s, j) => {
    if (s > score[k]! + 1e-9) k = j;
  });
  for (let i = to - 1; i >= from; i--) {
    chosen[i] = k;
    if (i > from) k = back[i - from - 1]![k]!;
  }
}
