/**
 * Finds procedures as a clerk types: every word must match (diacritics-insensitive), and the best
 * matches come first — a code prefix, then the typed phrase appearing whole and early in the name,
 * then the shorter name (the plain procedure before its combined variants).
 */
import type { Procedure } from './procedure';
import { foldVietnamese, matchesFolded } from './text';

export function searchProcedures(procedures: readonly Procedure[], query: string, limit = 20): Procedure[] {
  const q = foldVietnamese(query);
  const score = (p: Procedure): number => {
    if (q && p.code.startsWith(q)) return 0;
    const at = foldVietnamese(p.name).indexOf(q);
    return at >= 0 ? 1 + at / 1000 : 2;
  };
  return procedures
    .filter((p) => matchesFolded(`${p.code} ${p.name} ${p.field}`, query))
    .map((p) => ({ p, s: score(p) }))
    .sort((a, b) => a.s - b.s || a.p.name.length - b.p.name.length || a.p.code.localeCompare(b.p.code))
    .slice(0, limit)
    .map(({ p }) => p);
}
