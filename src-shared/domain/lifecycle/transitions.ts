/**
 * The dossier state machine over the DVCQG status codes (TrangThaiHoSo, DOMAIN.md §4).
 * A dossier without a code has not been validly received yet (the counter check): it can only be
 * received, sent back for a supplement (form 02), refused (form 03) or abandoned by the applicant.
 */
import type { DossierDoc, DossierEventType } from '../../contract/documents';
import { DOSSIER_STATUS as S, type DossierStatus } from '../dossier-status';

/** `null` = a dossier that does not exist yet. */
type From = DossierStatus | null;

export interface Transition {
  from: readonly From[];
  /** Target status; `'same'` keeps the status (a reschedule). */
  to: DossierStatus | 'same';
  /** Which stage the dossier must be in: before the code (counter check) or after it. */
  stage: 'check' | 'received';
}

/** Every allowed transition. Anything not listed is forbidden. */
export const TRANSITIONS: Readonly<Record<DossierEventType, readonly Transition[]>> = {
  received: [{ from: [null, S.supplementRequested], to: S.received, stage: 'check' }],
  supplementRequested: [
    { from: [null], to: S.supplementRequested, stage: 'check' },
    { from: [S.received, S.processing], to: S.supplementRequested, stage: 'received' },
  ],
  supplemented: [{ from: [S.supplementRequested], to: S.processing, stage: 'received' }],
  refused: [{ from: [null, S.supplementRequested], to: S.notReceived, stage: 'check' }],
  transferred: [{ from: [S.received], to: S.processing, stage: 'received' }],
  feeRequested: [{ from: [S.processing], to: S.feeRequested, stage: 'received' }],
  feePaid: [{ from: [S.feeRequested], to: S.processing, stage: 'received' }],
  // From "received": settled on the spot without a transfer.
  resultReceived: [{ from: [S.received, S.processing], to: S.processed, stage: 'received' }],
  returned: [{ from: [S.processed], to: S.returned, stage: 'received' }],
  withdrawn: [
    { from: [S.supplementRequested], to: S.withdrawn, stage: 'check' },
    { from: [S.received, S.processing, S.supplementRequested, S.feeRequested], to: S.withdrawn, stage: 'received' },
  ],
  stopped: [{ from: [S.processing, S.supplementRequested, S.feeRequested], to: S.stopped, stage: 'received' }],
  rescheduled: [{ from: [S.received, S.processing, S.supplementRequested, S.feeRequested], to: 'same', stage: 'received' }],
};

/** Statuses after which nothing more happens to a dossier. */
export const FINAL_STATUSES: readonly DossierStatus[] = [S.notReceived, S.withdrawn, S.stopped, S.returned];

type DossierState = Pick<DossierDoc, 'status' | 'code'> | null;

function stageOf(dossier: DossierState): 'check' | 'received' {
  return dossier && dossier.code ? 'received' : 'check';
}

/** The transition `type` would take from `dossier`'s state, or undefined when it is forbidden. */
export function findTransition(dossier: DossierState, type: DossierEventType): Transition | undefined {
  const stage = stageOf(dossier);
  const status = dossier ? dossier.status : null;
  return TRANSITIONS[type].find((t) => t.from.includes(status) && t.stage === stage);
}

/** Actions the clerk may take now (the rule limits of once-only actions are checked in `applyAction`). */
export function allowedEventTypes(dossier: DossierState): DossierEventType[] {
  return (Object.keys(TRANSITIONS) as DossierEventType[]).filter((type) => findTransition(dossier, type));
}
