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
      const byDossier = new Map<string, RecordSyncState>();
      for (const id of dossierIds) byDossier.set(id, recordSyncState(rows.filter((r) => r.dossierId === id)));
      return byDossier;
    }),
  );
}

/** One state per dossier id, live. */
export function useDossierSyncStates(db: MotcuaDatabase, dossierIds: string[]): Map<string, RecordSyncState> {
  return useObservable(() => dossierSyncStates$(db, dossierIds), new Map(), [db, dossierIds.join(',')]);
}
