/**
 * RxDB conflict handlers, one per replicated collection (docs/sync-protocol.md, "Conflicts"). RxDB's
 * default keeps the portal's version and silently drops the local change; here dossiers are merged
 * by the shared rules, and whatever no rule settles is set aside in `conflicts` for a person.
 * Events, file metadata and sign-offs never change once written, so a conflict on them can only be two
 * different records under one id: the portal's stays, the local one is set aside.
 */
import type { RxConflictHandler, RxConflictHandlerInput } from 'rxdb';
import type { ReplicatedCollection } from '../../src-shared/contract/documents';
import { mergeDossiers, type WireDossier } from '../../src-shared/domain/sync/dossier-merge';
import { jsonEqual } from '../../src-shared/domain/sync/json-equal';
import type { MotcuaDatabase } from '../db/database';
import { outboxId, type ConflictDoc } from '../db/local-schemas';
import { dossierIdOf, versionOf } from './outbox';

type Doc = Record<string, unknown> & { id: string };

export async function setAside(db: MotcuaDatabase, target: ReplicatedCollection, local: Doc, portal: Doc, groups: string[]): Promise<void> {
  const detectedAt = Date.now();
  const conflict: ConflictDoc = {
    // One record per distinct local version: RxDB may resolve the same conflict more than once.
    id: `${target}:${local.id}:${versionOf(local)}`,
    target,
    docId: local.id,
    dossierId: dossierIdOf(target, local),
    groups,
    local,
    portal,
    state: 'open',
    resolution: '',
    detectedAt,
    resolvedAt: 0,
    resolvedBy: '',
  };
  const existing = await db.conflicts.findOne(conflict.id).exec();
  if (!existing) await db.conflicts.insert(conflict);
}

/** The outbox row follows the version that will now be pushed, or goes when nothing is left to push. */
async function followResolution(db: MotcuaDatabase, target: ReplicatedCollection, local: Doc, resolved: Doc, master: Doc): Promise<void> {
  const row = await db.outbox.findOne(outboxId(target, local.id)).exec();
  if (!row || row.version !== versionOf(local)) return;
  if (jsonEqual(resolved, master)) await row.remove();
  else await row.incrementalPatch({ version: versionOf(resolved), state: 'pending', reason: '' });
}

function handler<T>(resolve: (input: RxConflictHandlerInput<T>) => Promise<T>): RxConflictHandler<T> {
  return { isEqual: (a, b) => jsonEqual(a, b), resolve: resolve as RxConflictHandler<T>['resolve'] };
}

export function conflictHandlers(getDb: () => MotcuaDatabase, localWorkstationId: string) {
  const dossiers = handler<WireDossier>(async (input) => {
    const result = mergeDossiers({
      base: input.assumedMasterState,
      master: input.realMasterState,
      fork: input.newDocumentState,
      localWorkstationId,
    });
    const db = getDb();
    const [local, master, merged] = [input.newDocumentState, input.realMasterState, result.doc] as unknown as Doc[] as [Doc, Doc, Doc];
    if (result.unresolved.length > 0) await setAside(db, 'dossiers', local, master, result.unresolved);
    await followResolution(db, 'dossiers', local, merged, master);
    return result.doc;
  });

  const immutable = (target: ReplicatedCollection) =>
    handler<Doc>(async (input) => {
      const db = getDb();
      await setAside(db, target, input.newDocumentState, input.realMasterState, ['document']);
      await followResolution(db, target, input.newDocumentState, input.realMasterState, input.realMasterState);
      return input.realMasterState;
    });

  return { dossiers, dossierEvents: immutable('dossierEvents'), files: immutable('files'), signoffs: immutable('signoffs') };
}
