/**
 * The outbox records which local changes the portal has not accepted yet. Writes from the UI queue a
 * row in the same step as the change; the push handler clears it once the portal accepts that exact
 * version, marks it `error` while attempts fail (they are retried), or sets it aside as `rejected`
 * with the portal's reason — a rejected row never blocks the rest.
 */
import type { ReplicatedCollection } from '../../src-shared/contract/documents';
import type { MotcuaDatabase } from '../db/database';
import { outboxId, type OutboxDoc, type OutboxState, type OutboxTarget } from '../db/local-schemas';

/** A version fingerprint: the document's own change time (events, files and sign-offs never change). */
export function versionOf(doc: Record<string, unknown>): string {
  const stamp = doc.updatedAt ?? doc.at ?? doc.createdAt ?? doc.signedAt ?? '';
  return `${String(stamp)}${doc._deleted ? ':deleted' : ''}`;
}

/** The dossier a replicated document belongs to (a dossier is its own; a sign-off belongs to none). */
export function dossierIdOf(collection: ReplicatedCollection, doc: Record<string, unknown>): string {
  if (collection === 'signoffs') return '';
  return String(collection === 'dossiers' ? doc.id : doc.dossierId);
}

function row(target: OutboxTarget, docId: string, dossierId: string, version: string): OutboxDoc {
  return { id: outboxId(target, docId), target, docId, dossierId, state: 'pending', version, reason: '', attempts: 0, queuedAt: Date.now() };
}

export async function queueChange(db: MotcuaDatabase, collection: ReplicatedCollection, doc: { id: string } & Record<string, unknown>): Promise<void> {
  await db.outbox.upsert(row(collection, doc.id, dossierIdOf(collection, doc), versionOf(doc)));
}

/** A file's bytes wait for upload (the metadata document has its own row). */
export async function queueBlob(db: MotcuaDatabase, file: { id: string; dossierId: string; sha256: string }): Promise<void> {
  await db.outbox.upsert(row('blobs', file.id, file.dossierId, file.sha256));
}

/** The portal accepted these documents: drop their rows if the accepted version is still the latest. */
export async function markAccepted(db: MotcuaDatabase, collection: ReplicatedCollection, docs: Record<string, unknown>[]): Promise<void> {
  if (docs.length === 0) return;
  const rows = await db.outbox.findByIds(docs.map((d) => outboxId(collection, String(d.id)))).exec();
  const accepted = docs.filter((d) => rows.get(outboxId(collection, String(d.id)))?.version === versionOf(d));
  await db.outbox.bulkRemove(accepted.map((d) => outboxId(collection, String(d.id))));
}

export async function markRejected(db: MotcuaDatabase, target: OutboxTarget, rejected: { id: string; reason: string }[]): Promise<void> {
  for (const { id, reason } of rejected) {
    const doc = await db.outbox.findOne(outboxId(target, id)).exec();
    if (doc) await doc.incrementalPatch({ state: 'rejected', reason: reason.slice(0, 1000) });
  }
}

/** An attempt to send these failed (network, portal down): they stay queued, marked with why. */
export async function markFailed(db: MotcuaDatabase, target: OutboxTarget, docIds: string[], reason: string): Promise<void> {
  if (docIds.length === 0) return;
  const rows = await db.outbox.findByIds(docIds.map((id) => outboxId(target, id))).exec();
  for (const doc of rows.values()) {
    if (doc.state === 'rejected') continue;
    await doc.incrementalPatch({ state: 'error', reason: reason.slice(0, 1000), attempts: doc.attempts + 1 });
  }
}

/** A row's state as the uploader reports it (files), or back to pending. */
export async function setRowState(db: MotcuaDatabase, target: OutboxTarget, docId: string, state: OutboxState, reason = ''): Promise<void> {
  const doc = await db.outbox.findOne(outboxId(target, docId)).exec();
  if (!doc || (doc.state === state && doc.reason === reason)) return;
  await doc.incrementalPatch({ state, reason: reason.slice(0, 1000), attempts: state === 'error' ? doc.attempts + 1 : doc.attempts });
}

/** Order of gravity when one record has several rows. */
const GRAVITY: Record<OutboxState, number> = { pending: 1, uploading: 2, error: 3, rejected: 4 };
export type RecordSyncState = OutboxState | 'synced';

/** A record's sync state from its rows: the gravest one, or synced when none is left. */
export function recordSyncState(rows: Pick<OutboxDoc, 'state'>[]): RecordSyncState {
  let worst: RecordSyncState = 'synced';
  for (const r of rows) if (worst === 'synced' || GRAVITY[r.state] > GRAVITY[worst]) worst = r.state;
  return worst;
}
