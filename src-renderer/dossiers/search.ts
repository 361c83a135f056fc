/**
 * Finds dossiers by code, applicant name (diacritics-insensitive, prefix of the full name or of the
 * given name), ID number / tax code or phone. Every kind is a key-range query on its own index, so it
 * stays instant at 200,000 dossiers (npm run bench).
 */
import type { DossierDoc } from '../../src-shared/contract/documents';
import { foldVietnamese } from '../../src-shared/domain/text';
import type { MotcuaDatabase } from '../db/database';

export type SearchKind = 'code' | 'id' | 'phone' | 'name';
export const SEARCH_LIMIT = 50;

/** The highest BMP code point: `prefix + HIGH` bounds every string that starts with `prefix`. */
const HIGH = '\uffff';

export function classifyQuery(raw: string): { kind: SearchKind; key: string } | null {
  const text = raw.trim();
  if (!text) return null;
  const compact = text.replace(/[\s.()-]/g, '');
  if (/^\+?84\d{8,10}$/.test(compact)) return { kind: 'phone', key: `0${compact.replace(/^\+?84/, '')}` };
  if (/^\d{10}-\d{3}$/.test(text.replace(/\s/g, ''))) return { kind: 'id', key: text.replace(/\s/g, '') };
  if (/^\d+$/.test(compact)) {
    // Phones start with 0 and have 10–11 digits; a 12-digit number is a personal ID; 10 digits not
    // starting with 0 are a tax code.
    if (compact.startsWith('0') && compact.length <= 11) return { kind: 'phone', key: compact };
    return { kind: 'id', key: compact };
  }
  // Dossier codes start with the agency identifier: digits and dots, e.g. 000.17.22.H56-…
  if (/^\d{3}\.[0-9A-Za-z.]*(-[0-9-]*)?$/.test(text)) return { kind: 'code', key: text.toUpperCase() };
  return { kind: 'name', key: foldVietnamese(text) };
}

async function prefix(db: MotcuaDatabase, field: 'code' | 'idKey' | 'phoneKey' | 'nameKey' | 'givenNameKey', key: string): Promise<DossierDoc[]> {
  // The sort must follow the index exactly to be served by it: `code` is a single-field index, the
  // others are [field, receivedInv]. So a prefix returns its first matches in key order, not the newest.
  const sort = field === 'code' ? [{ code: 'asc' as const }] : [{ [field]: 'asc' as const }, { receivedInv: 'asc' as const }];
  const docs = await db.dossiers.find({ selector: { [field]: { $gte: key, $lt: key + HIGH } }, sort, limit: SEARCH_LIMIT }).exec();
  return docs.map((d) => d.toJSON() as DossierDoc);
}

export async function searchDossiers(db: MotcuaDatabase, raw: string): Promise<{ kind: SearchKind; results: DossierDoc[] }> {
  const query = classifyQuery(raw);
  if (!query) return { kind: 'name', results: [] };
  const { kind, key } = query;
  let results: DossierDoc[];
  if (kind === 'code') results = await prefix(db, 'code', key);
  else if (kind === 'id') results = await prefix(db, 'idKey', key);
  else if (kind === 'phone') results = await prefix(db, 'phoneKey', key);
  else {
    // One word may be the family name ("nguyen") or the given name ("an"); several words, the full name.
    const lists = await Promise.all(key.includes(' ') ? [prefix(db, 'nameKey', key)] : [prefix(db, 'nameKey', key), prefix(db, 'givenNameKey', key)]);
    const seen = new Map<string, DossierDoc>();
    for (const d of lists.flat()) seen.set(d.id, d);
    results = [...seen.values()];
  }
  results.sort((a, b) => a.receivedInv - b.receivedInv);
  return { kind, results: results.slice(0, SEARCH_LIMIT) };
}
