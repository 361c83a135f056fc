/**
 * Sync state of records as the UI shows it (pending, uploading, error, rejected, synced), from the
 * outbox rows of each dossier: the dossier itself, its events, its files' metadata and bytes.
 */
import { map } from 'rxjs';
import type { MotcuaDatabase } from '../db/database';
import { useObservable } from '../hooks';
import { recordSyncState, type RecordSyncState } from './outbox';

export function dossierSyncStates$(db: MotcuaDatabase, dossierIds: string[]) {
  return db.outbox.find({ selector: { dossierId: { $in: dossierIds } } }).$.pipe(
    map((rows) => {
      // One pass over the rows, not one per dossier (a day's list has hundreds of each).
      const rowsOf = new Map<string, typeof rows>();
      for (const r of rows) {
        const list = rowsOf.get(r.dossierId);
        if (list) list.push(r);
        else rowsOf.set(r.dossierId, [r]);
      }
      return new Map<string, RecordSyncState>(dossierIds.map((id) => [id, recordSyncState(rowsOf.get(id) ?? [])]));
    }),
  );
}

/** One state per dossier id, live. */
export function useDossierSyncStates(db: MotcuaDatabase, dossierIds: string[]): Map<string, RecordSyncState> {
  return useObservable(() => dossierSyncStates$(db, dossierIds), new Map(), [db, dossierIds.join(',')]);
}
