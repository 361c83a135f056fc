/**
 * Saves a dossier change with its event: outbox rows first (a push may start as soon as a document
 * exists and must find its row), then the documents. On failure nothing half-written stays behind.
 */
import type { DossierDoc, DossierEventDoc } from '../../src-shared/contract/documents';
import type { MotcuaDatabase } from '../db/database';
import { outboxId } from '../db/local-schemas';
import { queueChange } from '../sync/outbox';

export async function writeDossierChange(db: MotcuaDatabase, dossier: DossierDoc, event: DossierEventDoc): Promise<void> {
  const previous = await db.dossiers.findOne(dossier.id).exec();
  const before = previous ? (previous.toMutableJSON() as DossierDoc) : null;
  await queueChange(db, 'dossiers', { ...dossier });
  await queueChange(db, 'dossierEvents', { ...event });
  try {
    await db.dossiers.upsert(dossier);
    await db.dossierEvents.insert(event);
  } catch (error) {
    // Put back what was there (and its outbox row), or remove what this call added.
    if (before) {
      await db.dossiers.upsert(before).catch(() => {});
      await queueChange(db, 'dossiers', { ...before }).catch(() => {});
    } else {
      await db.dossiers.findOne(dossier.id).remove().catch(() => {});
      await db.outbox.bulkRemove([outboxId('dossiers', dossier.id)]);
    }
    await db.outbox.bulkRemove([outboxId('dossierEvents', event.id)]);
    throw error;
  }
}
