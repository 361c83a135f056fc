/**
 * What a person can do from the outbox screen: send a set-aside record again, and settle a conflict
 * no rule could (keep the portal's version, or lay the local one over it).
 */
import type { DossierDoc, ReplicatedCollection } from '../../src-shared/contract/documents';
import { replicationPaths, type PushResponse } from '../../src-shared/contract/sync';
import { applyLocalGroups, type DossierFieldGroup, type WireDossier } from '../../src-shared/domain/sync/dossier-merge';
import { desktop } from '../bridge';
import { outboxId, type ConflictDoc, type OutboxDoc } from '../db/local-schemas';
import type { Workspace } from '../runtime';
import { setAside } from './conflict-handlers';
import { markRejected, queueChange, setRowState } from './outbox';

/** A dossier is re-sent as a new version; RxDB pushes it with the master state it knows. */
async function resendDossier(ws: Workspace, id: string): Promise<void> {
  const doc = await ws.db.dossiers.findOne(id).exec();
  if (!doc) return;
  const next = { ...(doc.toMutableJSON() as DossierDoc), updatedAt: Math.max(Date.now(), doc.updatedAt + 1) };
  await queueChange(ws.db, 'dossiers', { ...next });
  await ws.db.dossiers.upsert(next);
}

/** Events and file metadata never change: push the same record again, directly. */
async function resendImmutable(ws: Workspace, target: Exclude<ReplicatedCollection, 'dossiers'>, id: string): Promise<void> {
  const doc = await ws.db[target].findOne(id).exec();
  if (!doc) return;
  const local = { ...(doc.toMutableJSON() as unknown as Record<string, unknown> & { id: string }), _deleted: false };
  const response = await ws.client.postJson<PushResponse>(replicationPaths(target).push, [{ assumedMasterState: null, newDocumentState: local }]);
  const [conflict] = response.conflicts;
  if (response.rejected.length > 0) return markRejected(ws.db, target, response.rejected);
  if (conflict) {
    await setAside(ws.db, target, local, conflict as typeof local, ['document']);
    return markRejected(ws.db, target, [{ id, reason: 'conflict' }]);
  }
  await ws.db.outbox.findOne(outboxId(target, id)).remove();
}

export async function retryRow(ws: Workspace, row: Pick<OutboxDoc, 'target' | 'docId' | 'state'>): Promise<void> {
  if (row.target === 'blobs') {
    await setRowState(ws.db, 'blobs', row.docId, 'pending');
    await desktop().invoke('uploads.retry', { fileId: row.docId });
  } else if (row.state !== 'rejected') {
    ws.replication.resync();
  } else if (row.target === 'dossiers') {
    await resendDossier(ws, row.docId);
  } else {
    await resendImmutable(ws, row.target, row.docId);
  }
}

async function closeConflict(ws: Workspace, conflict: ConflictDoc, resolution: 'portal' | 'local'): Promise<void> {
  const doc = await ws.db.conflicts.findOne(conflict.id).exec();
  await doc?.incrementalPatch({ state: 'resolved', resolution, resolvedAt: Date.now(), resolvedBy: ws.user.username });
}

/** Keep the portal's version (already in the database): the conflict is closed, on record. */
export function keepPortalVersion(ws: Workspace, conflict: ConflictDoc): Promise<void> {
  return closeConflict(ws, conflict, 'portal');
}

/** Lay the local version's values of the disputed groups over the current dossier, as a new version. */
export async function keepLocalVersion(ws: Workspace, conflict: ConflictDoc): Promise<void> {
  if (conflict.target !== 'dossiers') throw new Error('only dossier conflicts can keep the local version');
  const current = await ws.db.dossiers.findOne(conflict.docId).exec();
  if (!current) throw new Error(`dossier ${conflict.docId} not found`);
  const groups = conflict.groups as DossierFieldGroup[];
  const { _deleted, ...next } = applyLocalGroups({ ...(current.toMutableJSON() as DossierDoc), _deleted: false }, conflict.local as unknown as WireDossier, groups, Date.now());
  if (_deleted) throw new Error('a deleted dossier cannot be restored here');
  await queueChange(ws.db, 'dossiers', { ...next });
  await ws.db.dossiers.upsert(next);
  await closeConflict(ws, conflict, 'local');
}
