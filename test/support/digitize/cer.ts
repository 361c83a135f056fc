/**
 * Character error rate: edit distance between what was read and the truth, over the truth's length,
 * after NFC and collapsing every run of whitespace (line breaks included) to one space.
 */
export function normalizeForCer(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance over code points, two rows of memory. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[y.length]!;
}

export function characterErrorRate(read: string, truth: string): number {
  const t = normalizeForCer(truth);
  return t.length === 0 ? (normalizeForCer(read).length === 0 ? 0 : 1) : editDistance(normalizeForCer(read), t) / [...t].length;
}
