/**
 * Receiving a dossier at the counter: builds the dossier record and its first event.
 * Pure, so it is the same on any workstation and testable without a database.
 */
import type { Applicant, DossierDoc, DossierEventDoc } from '../contract/documents';
import { MAX_EPOCH_MS } from '../contract/documents';
import { CHANNEL, DOSSIER_STATUS, type Channel } from './dossier-status';
import type { Procedure } from './procedure';
import { vnDay } from './vn-time';

export interface ReceptionInput {
  procedure: Pick<Procedure, 'code' | 'name'>;
  applicant: Applicant;
  channel?: Channel;
}

export interface ReceptionContext {
  agencyId: string;
  workstationId: string;
  clerk: string;
  now: number;
  newId: () => string;
}

export class ReceptionError extends Error {
  constructor(readonly field: 'procedure' | 'applicantName', message: string) {
    super(message);
    this.name = 'ReceptionError';
  }
}

export function receiveDossier(input: ReceptionInput, ctx: ReceptionContext): { dossier: DossierDoc; event: DossierEventDoc } {
  const name = input.applicant.name.trim().replace(/\s+/g, ' ');
  if (!input.procedure.code) throw new ReceptionError('procedure', 'A procedure is required');
  if (!name) throw new ReceptionError('applicantName', "The applicant's name is required");
  if (name.length > 200) throw new ReceptionError('applicantName', "The applicant's name is longer than 200 characters");

  const dossier: DossierDoc = {
    id: ctx.newId(),
    agencyId: ctx.agencyId,
    workstationId: ctx.workstationId,
    code: '',
    procedureCode: input.procedure.code,
    procedureName: input.procedure.name,
    applicant: { kind: input.applicant.kind, name },
    channel: input.channel ?? CHANNEL.inPerson,
    status: DOSSIER_STATUS.received,
    receivedAt: ctx.now,
    receivedDay: vnDay(ctx.now),
    receivedInv: MAX_EPOCH_MS - ctx.now,
    receivedBy: ctx.clerk,
    updatedAt: ctx.now,
  };
  const event: DossierEventDoc = {
    id: ctx.newId(),
    dossierId: dossier.id,
    agencyId: ctx.agencyId,
    type: 'received',
    at: ctx.now,
    by: ctx.clerk,
    data: { status: DOSSIER_STATUS.received, workstationId: ctx.workstationId },
  };
  return { dossier, event };
}
