/**
 * The ledger (Sổ theo dõi hồ sơ) for a date range with filters. The day range is read from the
 * [receivedDay, receivedInv] index; the other filters apply to that range only.
 */
import type { DossierDoc } from '../../src-shared/contract/documents';
import type { DossierStatus } from '../../src-shared/domain/dossier-status';
import type { MangoQuerySelector } from 'rxdb';
import type { MotcuaDatabase } from '../db/database';

export interface LedgerFilter {
  /** Inclusive Vietnam days `yyyy-MM-dd`. */
  from: string;
  to: string;
  procedureCode?: string;
  status?: DossierStatus;
  clerk?: string;
  /** Only dossiers with a ledger entry (received); refusals and counter supplements are excluded. */
  receivedOnly?: boolean;
}

/** Rows beyond this are not shown on screen (exports read everything). */
export const LEDGER_SCREEN_LIMIT = 500;

export async function queryLedger(db: MotcuaDatabase, filter: LedgerFilter, limit?: number): Promise<DossierDoc[]> {
  const selector: Record<string, unknown> = { receivedDay: { $gte: filter.from, $lte: filter.to } };
  if (filter.procedureCode) selector.procedureCode = filter.procedureCode;
  if (filter.status) selector.status = filter.status;
  if (filter.clerk) selector.receivedBy = filter.clerk;
  if (filter.receivedOnly) selector.ledgerNumber = { $gt: 0 };
  const query = db.dossiers.find({
    selector: selector as MangoQuerySelector<DossierDoc>,
    sort: [{ receivedDay: 'asc' }, { receivedInv: 'asc' }],
    ...(limit ? { limit } : {}),
  });
  const docs = (await query.exec()).map((d) => d.toJSON() as DossierDoc);
  // The index lists each day newest first; the ledger reads oldest first within a day.
  return docs.sort((a, b) => (a.receivedDay === b.receivedDay ? a.receivedAt - b.receivedAt : a.receivedDay < b.receivedDay ? -1 : 1));
}
