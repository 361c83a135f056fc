/** SQL of the replicated documents table. Documents are stored exactly as pushed (minus `_deleted`). */
import type { Checkpoint, WireDocument } from '../../src-shared/contract/sync';
import type { Queryable } from '../db/types';

export interface StoredDocument {
  agencyId: string;
  seq: number;
  /** The master state as RxDB sees it: stored fields plus `_deleted`. */
  wire: WireDocument;
}

interface Row {
  id: string;
  agency_id: string;
  seq: string | number; // bigint: node-postgres returns a string, PGlite a number
  doc: Record<string, unknown>;
  deleted: boolean;
}

const toStored = (row: Row): StoredDocument => ({
  agencyId: row.agency_id,
  seq: Number(row.seq),
  wire: { ...row.doc, id: row.id, _deleted: row.deleted },
});

/**
 * Serialises writers of one agency until commit. Seq values are taken inside the lock, so they
 * commit in increasing order and a puller can never see seq N+1 before N (which would make its
 * checkpoint skip N forever).
 */
export async function lockAgencyWrites(tx: Queryable, agencyId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7291, hashtext($1))', [agencyId]);
}

export async function readForUpdate(tx: Queryable, collection: string, id: string): Promise<StoredDocument | null> {
  const rows = await tx.query<Row>(
    'SELECT id, agency_id, seq, doc, deleted FROM documents WHERE collection = $1 AND id = $2 FOR UPDATE',
    [collection, id],
  );
  return rows[0] ? toStored(rows[0]) : null;
}

/**
 * Inserts or replaces a document with a fresh seq. The WHERE guard keeps a racing writer from
 * another agency from ever replacing this one's row; null means that happened.
 */
export async function writeDocument(
  tx: Queryable,
  w: { collection: string; agencyId: string; doc: Record<string, unknown>; deleted: boolean; updatedBy: string },
): Promise<number | null> {
  const id = String(w.doc.id);
  const rows = await tx.query<{ seq: string | number }>(
    `INSERT INTO documents (collection, id, agency_id, doc, deleted, updated_by)
     VALUES ($1, $2, $3, $4::text::jsonb, $5, $6)
     ON CONFLICT (collection, id) DO UPDATE SET
       doc = EXCLUDED.doc, deleted = EXCLUDED.deleted, updated_by = EXCLUDED.updated_by,
       updated_at = now(), seq = nextval('document_seq')
     WHERE documents.agency_id = EXCLUDED.agency_id
     RETURNING seq`,
    [w.collection, id, w.agencyId, JSON.stringify(w.doc), w.deleted, w.updatedBy],
  );
  return rows[0] ? Number(rows[0].seq) : null;
}

/** Documents of one agency changed after the checkpoint, oldest change first. */
export async function pullDocuments(
  db: Queryable,
  q: { collection: string; agencyId: string; after: Checkpoint | null; limit: number },
): Promise<{ documents: WireDocument[]; checkpoint: Checkpoint | null }> {
  const rows = await db.query<Row>(
    `SELECT id, agency_id, seq, doc, deleted FROM documents
     WHERE collection = $1 AND agency_id = $2 AND seq > $3
     ORDER BY seq LIMIT $4`,
    [q.collection, q.agencyId, q.after?.seq ?? 0, q.limit],
  );
  const stored = rows.map(toStored);
  const last = stored[stored.length - 1];
  return {
    documents: stored.map((s) => s.wire),
    checkpoint: last ? { id: String(last.wire.id), seq: last.seq } : q.after,
  };
}
