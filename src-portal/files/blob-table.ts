/** SQL of `file_blobs` (what each centre holds) and of file metadata still waiting for its bytes. */
import type { MissingFile } from '../../src-shared/contract/files-api';
import type { Queryable } from '../db/types';

export interface BlobRow {
  agencyId: string;
  sha256: string;
  size: number;
  storedBy: string;
}

/** Records a stored blob; false when the centre already had it (the same bytes twice = one row). */
export async function recordBlob(db: Queryable, row: BlobRow): Promise<boolean> {
  const inserted = await db.query(
    `INSERT INTO file_blobs (agency_id, sha256, size, stored_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (agency_id, sha256) DO NOTHING RETURNING sha256`,
    [row.agencyId, row.sha256, row.size, row.storedBy],
  );
  return inserted.length > 0;
}

export async function isBlobStored(db: Queryable, agencyId: string, sha256: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM file_blobs WHERE agency_id = $1 AND sha256 = $2', [agencyId, sha256]);
  return rows.length > 0;
}

/** Which of these hashes the centre holds (a JSON array parameter: one statement on both drivers). */
export async function storedAmong(db: Queryable, agencyId: string, hashes: string[]): Promise<Set<string>> {
  const rows = await db.query<{ sha256: string }>(
    `SELECT b.sha256 FROM file_blobs b
     WHERE b.agency_id = $1 AND b.sha256 IN (SELECT jsonb_array_elements_text($2::text::jsonb))`,
    [agencyId, JSON.stringify(hashes)],
  );
  return new Set(rows.map((r) => r.sha256));
}

// "C" collation: the page order (and `after`) is byte order, the same on every server.
const MISSING_WHERE = `d.collection = 'files' AND d.agency_id = $1 AND NOT d.deleted
  AND NOT EXISTS (SELECT 1 FROM file_blobs b WHERE b.agency_id = d.agency_id AND b.sha256 = d.doc->>'sha256')`;

interface MissingRow {
  id: string;
  dossier_id: string;
  sha256: string;
  size: string | number;
}

/** One page of the centre's `files` documents whose bytes have not arrived, by id. */
export async function missingFiles(
  db: Queryable,
  q: { agencyId: string; after: string | undefined; limit: number },
): Promise<{ missing: MissingFile[]; total: number }> {
  const rows = await db.query<MissingRow>(
    `SELECT d.id, d.doc->>'dossierId' AS dossier_id, d.doc->>'sha256' AS sha256, d.doc->>'size' AS size
     FROM documents d
     WHERE ${MISSING_WHERE} AND ($2::text IS NULL OR d.id COLLATE "C" > $2::text)
     ORDER BY d.id COLLATE "C" LIMIT $3`,
    [q.agencyId, q.after ?? null, q.limit],
  );
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents d WHERE ${MISSING_WHERE}`, [q.agencyId]);
  return {
    missing: rows.map((r) => ({ fileId: r.id, dossierId: r.dossier_id, sha256: r.sha256, size: Number(r.size) })),
    total: count[0]?.n ?? 0,
  };
}
