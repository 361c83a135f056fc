/** Saves a received dossier and its first event locally; replication sends them when it can. */
import { receiveDossier, type ReceptionInput } from '../../../src-shared/domain/reception';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import type { Workspace } from '../../runtime';
import { queueChange } from '../../sync/outbox';
import { outboxId } from '../../db/local-schemas';

export async function saveReception(ws: Workspace, input: ReceptionInput): Promise<DossierDoc> {
  const { dossier, event } = receiveDossier(input, {
    agencyId: ws.user.agencyId,
    workstationId: ws.workstationId,
    clerk: ws.user.username,
    now: Date.now(),
    newId: () => crypto.randomUUID(),
  });
  // Queue before writing: a push can run as soon as the document exists, and must find its outbox row.
  await queueChange(ws.db, 'dossiers', { ...dossier });
  await queueChange(ws.db, 'dossierEvents', { ...event });
  try {
    await ws.db.dossiers.insert(dossier);
    await ws.db.dossierEvents.insert(event);
  } catch (error) {
    await ws.db.dossiers.findOne(dossier.id).remove().catch(() => {});
    await ws.db.outbox.bulkRemove([outboxId('dossiers', dossier.id), outboxId('dossierEvents', event.id)]);
    throw error;
  }
  return dossier;
}
