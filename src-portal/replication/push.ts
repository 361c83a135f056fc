/**
 * Applies a push from a workstation, row by row, each in its own transaction so one bad row never
 * blocks the others. Outcomes per row: written, unchanged (an idempotent retry), conflict (the
 * caller's assumed master state is outdated; RxDB resolves it) or rejected for good with a reason.
 */
import type { ReplicatedCollection } from '../../src-shared/contract/documents';
import type { Checkpoint, PushResponse, PushRow, WireDocument } from '../../src-shared/contract/sync';
import type { Caller } from '../auth/access-token';
import type { Database } from '../db/types';
import { jsonEqual } from '../../src-shared/domain/sync/json-equal';
import { lockAgencyWrites, readForUpdate, writeDocument } from './store';
import { documentProblem } from './validate';
import { callerProblem } from './caller-rules';

/** Collections whose documents never change once written (the control slip and the day seals). */
const APPEND_ONLY: ReadonlySet<ReplicatedCollection> = new Set(['dossierEvents', 'signoffs']);

const OTHER_CENTRE = 'document belongs to another centre';

type RowOutcome =
  | { kind: 'written'; doc: WireDocument; seq: number }
  | { kind: 'unchanged' }
  | { kind: 'conflict'; master: WireDocument }
  | { kind: 'rejected'; reason: string };

export interface PushResult {
  response: PushResponse;
  /** What was written, in seq order, for the live stream; empty when nothing changed. */
  written: { documents: WireDocument[]; checkpoint: Checkpoint } | null;
}

async function applyRow(db: Database, caller: Caller, collection: ReplicatedCollection, row: PushRow): Promise<RowOutcome> {
  const { _deleted, ...doc } = row.newDocumentState;
  const problem = documentProblem(collection, doc) ?? (await callerProblem(collection, doc, caller));
  if (problem) return { kind: 'rejected', reason: problem };
  if (doc.agencyId !== caller.agencyId) return { kind: 'rejected', reason: OTHER_CENTRE };

  return db.transaction(async (tx): Promise<RowOutcome> => {
    await lockAgencyWrites(tx, caller.agencyId);
    const stored = await readForUpdate(tx, collection, doc.id);
    if (stored) {
      // Never overwrite, and never reveal, a document another centre owns.
      if (stored.agencyId !== caller.agencyId) return { kind: 'rejected', reason: OTHER_CENTRE };
      // A retried push of what is already stored: success without a new seq.
      if (jsonEqual(stored.wire, row.newDocumentState)) return { kind: 'unchanged' };
      if (APPEND_ONLY.has(collection)) return { kind: 'rejected', reason: `${collection} are append-only and cannot be changed` };
      if (!row.assumedMasterState || !jsonEqual(stored.wire, row.assumedMasterState)) {
        return { kind: 'conflict', master: stored.wire };
      }
    }
    const seq = await writeDocument(tx, { collection, agencyId: caller.agencyId, doc, deleted: _deleted, updatedBy: caller.username });
    if (seq === null) return { kind: 'rejected', reason: OTHER_CENTRE };
    return { kind: 'written', doc: row.newDocumentState, seq };
  });
}

export async function applyPush(db: Database, caller: Caller, collection: ReplicatedCollection, rows: PushRow[]): Promise<PushResult> {
  const response: PushResponse = { conflicts: [], rejected: [] };
  const written: { doc: WireDocument; seq: number }[] = [];
  // Sequential on purpose: rows for the same id must apply in the order the client sent them.
  for (const row of rows) {
    const outcome = await applyRow(db, caller, collection, row);
    if (outcome.kind === 'written') written.push(outcome);
    else if (outcome.kind === 'conflict') response.conflicts.push(outcome.master);
    else if (outcome.kind === 'rejected') response.rejected.push({ id: row.newDocumentState.id, reason: outcome.reason });
  }
  written.sort((a, b) => a.seq - b.seq);
  const last = written[written.length - 1];
  return {
    response,
    written: last ? { documents: written.map((w) => w.doc), checkpoint: { id: last.doc.id, seq: last.seq } } : null,
  };
}
