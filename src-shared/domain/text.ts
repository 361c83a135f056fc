/**
 * Folds Vietnamese text for diacritics-insensitive search: "Chứng thực" -> "chung thuc".
 * NFD splits tone and vowel marks from their letters; đ/Đ has no decomposition and is mapped by hand.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query appears (folded) in the text. */
export function matchesFolded(text: string, query: string): boolean {
  const haystack = foldVietnamese(text);
  return foldVietnamese(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
