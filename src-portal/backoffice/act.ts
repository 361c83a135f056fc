/**
 * An officer's action on a stored dossier. One transaction under the centre's replication write
 * lock (the same one pushes take), so the new dossier version and its event get consecutive seqs a
 * puller can never step over, and a push racing with it is serialised: whichever comes second sees
 * the other's version (a push then gets a conflict, never a lost update).
 */
import { randomUUID } from 'node:crypto';
import type { BackofficeAction } from '../../src-shared/contract/backoffice-api';
import type { DossierDoc, DossierEventDoc } from '../../src-shared/contract/documents';
import type { WorkingCalendar } from '../../src-shared/domain/calendar/working-calendar';
import { applyAction } from '../../src-shared/domain/lifecycle/apply';
import { LifecycleError } from '../../src-shared/domain/lifecycle/errors';
import type { Caller } from '../auth/access-token';
import type { Database } from '../db/types';
import { lockAgencyWrites, readForUpdate, writeDocument } from '../replication/store';
import { documentProblem } from '../replication/validate';

export type ActOutcome =
  | { kind: 'done'; dossier: DossierDoc; event: DossierEventDoc; dossierSeq: number; eventSeq: number }
  | { kind: 'not-found' }
  | { kind: 'stale'; updatedAt: number }
  | { kind: 'refused'; code: string; messageVi: string; messageEn: string; status: 400 | 409 }
  | { kind: 'invalid'; problem: string };

const NOT_TRANSFERRED = {
  kind: 'refused',
  code: 'not-transferred',
  messageVi: 'Hồ sơ chưa được chuyển đến cơ quan giải quyết; bộ phận chuyên môn chưa thể xử lý.',
  messageEn: 'The dossier has not been transferred to the processing body yet; the back office cannot act on it.',
  status: 409,
} as const;

export async function actOnDossier(
  db: Database,
  input: { caller: Caller; id: string; action: BackofficeAction; expectedUpdatedAt?: number | undefined; calendar: WorkingCalendar; now: number },
): Promise<ActOutcome> {
  const { caller, id } = input;
  const agencyId = caller.agencyId;
  return db.transaction(async (tx): Promise<ActOutcome> => {
    await lockAgencyWrites(tx, agencyId);
    const stored = await readForUpdate(tx, 'dossiers', id);
    // Another centre's dossier is indistinguishable from a missing one.
    if (!stored || stored.agencyId !== agencyId || stored.wire._deleted) return { kind: 'not-found' };
    const { _deleted, ...current } = stored.wire;
    const dossier = current as unknown as DossierDoc; // validated against the schema when pushed
    if (input.expectedUpdatedAt !== undefined && dossier.updatedAt !== input.expectedUpdatedAt) return { kind: 'stale', updatedAt: dossier.updatedAt };
    if (!dossier.transferredAt) return NOT_TRANSFERRED;

    let result;
    try {
      result = applyAction(dossier, input.action, { now: input.now, by: caller.username, newId: randomUUID, calendar: input.calendar });
    } catch (err) {
      if (!(err instanceof LifecycleError)) throw err;
      return { kind: 'refused', code: err.code, messageVi: err.messageVi, messageEn: err.messageEn, status: err.code === 'invalid-input' ? 400 : 409 };
    }
    // The counter will validate both against the same schemas; never store what it would refuse.
    const problem =
      documentProblem('dossiers', result.dossier as unknown as Record<string, unknown>) ??
      documentProblem('dossierEvents', result.event as unknown as Record<string, unknown>);
    if (problem) return { kind: 'invalid', problem };

    const write = (collection: string, doc: object) =>
      writeDocument(tx, { collection, agencyId, doc: doc as Record<string, unknown>, deleted: false, updatedBy: caller.username });
    const dossierSeq = await write('dossiers', result.dossier);
    const eventSeq = await write('dossierEvents', result.event);
    if (dossierSeq === null || eventSeq === null) throw new Error('back-office write lost to another centre under the agency lock');
    return { kind: 'done', dossier: result.dossier, event: result.event, dossierSeq, eventSeq };
  });
}
