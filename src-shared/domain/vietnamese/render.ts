/**
 * Writes a chosen syllable the way the page wrote the word it replaces: same case letter by letter
 * and the same tone placement style (a page that writes hoà gets hoà, not hòa).
 */
import { copyCase } from './letters';
import { applyTone, parseSyllable } from './syllable';

export function renderLike(canonical: string, observed: string): string {
  const style = parseSyllable(observed)?.style === 'new' ? 'new' : 'old';
  const target = parseSyllable(canonical);
  const placed = target && style === 'new' ? (applyTone(canonical, target.tone, 'new') ?? canonical) : canonical;
  return copyCase(placed, observed.normalize('NFC'));
}
