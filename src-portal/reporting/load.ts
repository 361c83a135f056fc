/**
 * Reading one centre's dossiers of a reporting period from the replicated `documents` table, in
 * pages, with their events and file metadata: the input of the indicator report and of the DVCQG
 * export. Pages keep memory flat however many dossiers a province has: dossiers are read by
 * `receivedDay` (the Vietnam-time ledger day) in id order, and only the events and files of the page's
 * dossiers are fetched, one query each per page. Deleted documents are left out.
 *
 * Ids go as one text[] parameter (`= ANY ($n::text[])`; PGlite and node-postgres both send JS arrays):
 * PostgreSQL then hashes the list when it filters a scan, and uses an index on the key when there is one.
 */
import type { DossierDoc, DossierEventDoc, FileMetaDoc } from '../../src-shared/contract/documents';
import type { Period } from '../../src-shared/domain/indicators/record';
import type { Queryable } from '../db/types';

/** Dossiers per page: big enough that the events and files queries run rarely, small enough for memory. */
export const PAGE_SIZE = 5000;

export interface PeriodScope {
  agencyId: string;
  period: Period;
  /** Only dossiers with a code (validly received): what a DVCQG export holds. */
  receivedOnly?: boolean;
}

/**
 * Pages of the period's dossiers (received on a day from `period.from` to `period.to`), in id order.
 * The ids are listed once (one pass over the centre's dossiers), then each page is fetched by primary
 * key: paging with OFFSET or `id > last … LIMIT` would filter the whole period again for every page.
 */
export async function* dossierPages(db: Queryable, scope: PeriodScope, pageSize = PAGE_SIZE): AsyncGenerator<DossierDoc[]> {
  const ids = await db.query<{ id: string }>(
    `SELECT id FROM documents
     WHERE collection = 'dossiers' AND agency_id = $1 AND NOT deleted
       AND doc->>'receivedDay' BETWEEN $2 AND $3
       AND (NOT $4::boolean OR doc->>'code' <> '')
     ORDER BY id`,
    [scope.agencyId, scope.period.from, scope.period.to, scope.receivedOnly ?? false],
  );
  for (let i = 0; i < ids.length; i += pageSize) {
    const page = ids.slice(i, i + pageSize).map((r) => r.id);
    const rows = await db.query<{ doc: DossierDoc }>(
      `SELECT doc FROM documents
       WHERE collection = 'dossiers' AND id = ANY ($2::text[])
         AND agency_id = $1 AND NOT deleted
       ORDER BY id`,
      [scope.agencyId, page],
    );
    // A dossier deleted or moved between the two queries is simply left out.
    if (rows.length) yield rows.map((r) => r.doc);
  }
}

function groupBy<T extends { dossierId: string }>(docs: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const doc of docs) {
    const list = out.get(doc.dossierId);
    if (list) list.push(doc);
    else out.set(doc.dossierId, [doc]);
  }
  return out;
}

/** Events of these dossiers (of the centre), by dossier id, oldest first. */
export async function eventsOf(db: Queryable, agencyId: string, dossierIds: readonly string[]): Promise<Map<string, DossierEventDoc[]>> {
  if (dossierIds.length === 0) return new Map();
  const rows = await db.query<{ doc: DossierEventDoc }>(
    `SELECT doc FROM documents
     WHERE collection = 'dossierEvents' AND agency_id = $1 AND NOT deleted
       AND doc->>'dossierId' = ANY ($2::text[])
     ORDER BY (doc->>'at')::bigint, id`,
    [agencyId, [...dossierIds]],
  );
  return groupBy(rows.map((r) => r.doc));
}

/** File metadata of these dossiers (of the centre), by dossier id. */
export async function filesOf(db: Queryable, agencyId: string, dossierIds: readonly string[]): Promise<Map<string, FileMetaDoc[]>> {
  if (dossierIds.length === 0) return new Map();
  const rows = await db.query<{ doc: FileMetaDoc }>(
    `SELECT doc FROM documents
     WHERE collection = 'files' AND agency_id = $1 AND NOT deleted
       AND doc->>'dossierId' = ANY ($2::text[])`,
    [agencyId, [...dossierIds]],
  );
  return groupBy(rows.map((r) => r.doc));
}

/** Which components of these dossiers have a file: just the two ids, not the whole metadata. */
export async function fileComponentsOf(db: Queryable, agencyId: string, dossierIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (dossierIds.length === 0) return out;
  const rows = await db.query<{ dossier_id: string; component_id: string }>(
    `SELECT DISTINCT doc->>'dossierId' AS dossier_id, doc->>'componentId' AS component_id FROM documents
     WHERE collection = 'files' AND agency_id = $1 AND NOT deleted
       AND doc->>'dossierId' = ANY ($2::text[])`,
    [agencyId, [...dossierIds]],
  );
  for (const r of rows) {
    const set = out.get(r.dossier_id);
    if (set) set.add(r.component_id);
    else out.set(r.dossier_id, new Set([r.component_id]));
  }
  return out;
}
