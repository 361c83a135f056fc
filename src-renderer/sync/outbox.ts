/**
 * The outbox records which local changes the portal has not accepted yet. Writes from the UI queue a
 * row in the same step as the change; the push handler clears it once the portal accepts that exact
 * version, or sets it aside as rejected with the portal's reason (it never blocks the rest).
 */
import type { ReplicatedCollection } from '../../src-shared/contract/documents';
import type { MotcuaDatabase } from '../db/database';
import { outboxId, type OutboxDoc } from '../db/local-schemas';

/** A version fingerprint: the document's own change time (events and files never change). */
export function versionOf(doc: Record<string, unknown>): string {
  const stamp = doc.updatedAt ?? doc.at ?? doc.createdAt ?? '';
  return `${String(stamp)}${doc._deleted ? ':deleted' : ''}`;
}

export async function queueChange(db: MotcuaDatabase, collection: ReplicatedCollection, doc: { id: string } & Record<string, unknown>): Promise<void> {
  const row: OutboxDoc = {
    id: outboxId(collection, doc.id),
    target: collection,
    docId: doc.id,
    state: 'pending',
    version: versionOf(doc),
    reason: '',
    queuedAt: Date.now(),
  };
  await db.outbox.upsert(row);
}

/** The portal accepted these documents: drop their rows if the accepted version is still the latest. */
export async function markAccepted(db: MotcuaDatabase, collection: ReplicatedCollection, docs: Record<string, unknown>[]): Promise<void> {
  if (docs.length === 0) return;
  const rows = await db.outbox.findByIds(docs.map((d) => outboxId(collection, String(d.id)))).exec();
  const accepted = docs.filter((d) => rows.get(outboxId(collection, String(d.id)))?.version === versionOf(d));
  await db.outbox.bulkRemove(accepted.map((d) => outboxId(collection, String(d.id))));
}

export async function markRejected(db: MotcuaDatabase, collection: ReplicatedCollection, rejected: { id: string; reason: string }[]): Promise<void> {
  for (const { id, reason } of rejected) {
    const row = await db.outbox.findOne(outboxId(collection, id)).exec();
    if (row) await row.incrementalPatch({ state: 'rejected', reason: reason.slice(0, 1000) });
  }
}
