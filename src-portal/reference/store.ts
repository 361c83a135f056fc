/**
 * SQL of the reference data the portal distributes: the procedure catalog (kind 'catalog', key
 * 'current') and the yearly calendar tables (kind 'calendar', key = the year). `reference_data`
 * holds the current version of each; `reference_data_history` every version ever stored.
 */
import type { Database, Queryable } from '../db/types';

export type ReferenceKind = 'catalog' | 'calendar';
export const CATALOG_KEY = 'current';

export interface ReferenceEntry<T = unknown> {
  key: string;
  version: string;
  body: T;
}

export interface StoreInput {
  kind: ReferenceKind;
  key: string;
  version: string;
  body: unknown;
  /** Username of the administrator, or 'seed' for the bundled files. */
  by: string;
  now: number;
}

/** Serialises writers of one reference entry, also when no row exists yet to lock. */
async function lockEntry(tx: Queryable, kind: ReferenceKind, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7292, hashtext($1))', [`${kind} ${key}`]);
}

export async function readReference<T>(db: Queryable, kind: ReferenceKind, key: string): Promise<ReferenceEntry<T> | null> {
  const rows = await db.query<ReferenceEntry<T>>('SELECT key, version, body FROM reference_data WHERE kind = $1 AND key = $2', [kind, key]);
  return rows[0] ?? null;
}

/** Every current entry of a kind, ordered by key (calendar years sort as text: four digits). */
export async function listReference<T>(db: Queryable, kind: ReferenceKind): Promise<ReferenceEntry<T>[]> {
  return db.query<ReferenceEntry<T>>('SELECT key, version, body FROM reference_data WHERE kind = $1 ORDER BY key', [kind]);
}

export async function listReferenceKeys(db: Queryable, kind: ReferenceKind): Promise<Set<string>> {
  const rows = await db.query<{ key: string }>('SELECT key FROM reference_data WHERE kind = $1', [kind]);
  return new Set(rows.map((r) => r.key));
}

async function write(tx: Queryable, w: StoreInput): Promise<void> {
  const body = JSON.stringify(w.body);
  await tx.query(
    `INSERT INTO reference_data (kind, key, version, body, updated_at, updated_by)
     VALUES ($1, $2, $3, $4::text::jsonb, $5, $6)
     ON CONFLICT (kind, key) DO UPDATE SET
       version = EXCLUDED.version, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [w.kind, w.key, w.version, body, w.now, w.by],
  );
  await tx.query(
    `INSERT INTO reference_data_history (kind, key, version, body, stored_at, stored_by)
     VALUES ($1, $2, $3, $4::text::jsonb, $5, $6)`,
    [w.kind, w.key, w.version, body, w.now, w.by],
  );
}

export type ReplaceResult = { ok: true } | { ok: false; current: string };

/**
 * Stores `w` as the current version when `isNewer(w.version, current)` holds (or nothing is stored
 * yet), and appends it to the history; otherwise leaves everything as it was and returns the
 * current version. Two administrators saving at once are serialised: the second sees the first.
 */
export async function replaceIfNewer(
  db: Database,
  w: StoreInput,
  isNewer: (candidate: string, current: string) => boolean,
): Promise<ReplaceResult> {
  return db.transaction(async (tx) => {
    await lockEntry(tx, w.kind, w.key);
    const current = await readReference(tx, w.kind, w.key);
    if (current && !isNewer(w.version, current.version)) return { ok: false, current: current.version };
    await write(tx, w);
    return { ok: true };
  });
}

/** Stores `w` only when the entry does not exist (first start); true when it did. */
export async function seedIfMissing(db: Database, w: StoreInput): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockEntry(tx, w.kind, w.key);
    if (await readReference(tx, w.kind, w.key)) return false;
    await write(tx, w);
    return true;
  });
}
