/** Reading a centre's stored dossiers for the back office (the replicated `dossiers` documents). */
import type { DossierDoc } from '../../src-shared/contract/documents';
import type { Queryable } from '../db/types';

export interface DossierFilter {
  agencyId: string;
  /** Prefix of the dossier code (a whole code, or e.g. `000.17.22.H56-261118` for one day). */
  code?: string | undefined;
  status?: number | undefined;
  limit: number;
}

/** LIKE treats % and _ as wildcards; a code prefix must match literally. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Live (not deleted) dossiers of the centre matching the filter, newest reception first. */
export async function listDossiers(db: Queryable, f: DossierFilter): Promise<DossierDoc[]> {
  const rows = await db.query<{ doc: DossierDoc }>(
    `SELECT doc FROM documents
     WHERE collection = 'dossiers' AND agency_id = $1 AND NOT deleted
       AND ($2::text IS NULL OR doc->>'code' LIKE $2)
       AND ($3::int IS NULL OR (doc->>'status')::int = $3)
     ORDER BY (doc->>'receivedAt')::bigint DESC, id
     LIMIT $4`,
    [f.agencyId, f.code ? likePrefix(f.code) : null, f.status ?? null, f.limit],
  );
  return rows.map((r) => r.doc);
}
