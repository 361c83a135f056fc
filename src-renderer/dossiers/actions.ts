/** The clerk's actions on dossiers, as the UI calls them: domain rules, numbers, then one write. */
import type { DossierDoc } from '../../src-shared/contract/documents';
import { applyAction, type LifecycleAction } from '../../src-shared/domain/lifecycle/apply';
import { recordCheck, type CheckOutcome, type ReceptionInput } from '../../src-shared/domain/reception';
import { checkReceptionInput, ReceptionError } from '../../src-shared/domain/reception';
import type { Workspace } from '../runtime';
import { issueNumbers } from './numbers';
import { writeDossierChange } from './write';

const newId = () => crypto.randomUUID();

/**
 * Records the counter check. Validation runs before any number is issued, so a typing mistake never
 * costs a dossier code.
 */
export async function saveCheck(ws: Workspace, input: ReceptionInput, outcome: CheckOutcome, existing?: DossierDoc): Promise<DossierDoc> {
  const { errors } = checkReceptionInput(input, outcome);
  if (errors.length) throw new ReceptionError(errors);
  const now = Date.now();
  const issued = outcome.kind === 'receive' ? await issueNumbers(ws.db, ws.user.agencyId, ws.holder, ws.workstationId, now) : undefined;
  const ctx = { agencyId: ws.user.agencyId, workstationId: ws.workstationId, clerk: ws.user.username, now, newId, calendar: ws.calendar };
  const { dossier, event } = recordCheck(input, outcome, ctx, issued, existing);
  await writeDossierChange(ws.db, dossier, event);
  return dossier;
}

export async function saveAction(ws: Workspace, dossier: DossierDoc, action: LifecycleAction): Promise<DossierDoc> {
  const result = applyAction(dossier, action, { now: Date.now(), by: ws.user.username, newId, calendar: ws.calendar });
  await writeDossierChange(ws.db, result.dossier, result.event);
  return result.dossier;
}
