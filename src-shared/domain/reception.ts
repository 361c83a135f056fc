/**
 * The counter check (kiểm tra hồ sơ) and its three outcomes: receive (code, appointment, ledger
 * entry, form 01), request a supplement (form 02) or refuse (form 03). Pure: the caller issues the
 * code and ledger number, saves the documents and prints.
 */
import type { Applicant, DossierComponent, DossierDoc, DossierEventDoc } from '../contract/documents';
import { MAX_EPOCH_MS } from '../contract/documents';
import { validateApplicant, type FieldError } from './applicant/validate';
import { dueDate, type DueDateConfig } from './calendar/due-date';
import type { WorkingCalendar } from './calendar/working-calendar';
import { CHANNEL, DOSSIER_STATUS, type Channel } from './dossier-status';
import { applyAction, makeEvent, type MissingItem } from './lifecycle/apply';
import { findTransition } from './lifecycle/transitions';
import type { Procedure } from './procedure';
import { foldVietnamese } from './text';
import { vnDay } from './vn-time';

export interface ReceptionInput {
  procedure: Procedure;
  applicant: Applicant;
  channel: Channel;
  sets: number;
  /** Copies handed in per component id; missing ids count as 0. */
  submitted: Record<string, number>;
  notes: string;
}

export type CheckOutcome =
  | { kind: 'receive' }
  | { kind: 'supplement'; missing: MissingItem[]; reason: string }
  | { kind: 'refuse'; reasons: string[] };

/** Numbers the caller issued for a received dossier (dossier code, ledger entry). */
export interface IssuedNumbers {
  code: string;
  ledgerVolume: string;
  ledgerNumber: number;
}

export interface ReceptionContext {
  agencyId: string;
  workstationId: string;
  clerk: string;
  now: number;
  newId: () => string;
  calendar: WorkingCalendar;
  dueConfig?: DueDateConfig;
}

export class ReceptionError extends Error {
  override name = 'ReceptionError';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.messageEn}`).join('; '));
  }
}

const fieldError = (field: string, messageVi: string, messageEn: string): FieldError => ({ field, messageVi, messageEn });

/** The dossier's component checklist: what the procedure asks for and what was handed in. */
export function checklist(procedure: Procedure, submitted: Record<string, number>): DossierComponent[] {
  return procedure.components.map((c) => ({
    id: c.id,
    name: c.name,
    form: c.form,
    quantity: c.quantity,
    submitted: Math.max(0, Math.min(99, Math.trunc(submitted[c.id] ?? 0))),
    optional: c.optional ?? false,
  }));
}

/** Required components handed in with fewer copies than asked: the default content of form 02. */
export function missingComponents(components: readonly DossierComponent[]): MissingItem[] {
  return components
    .filter((c) => !c.optional && c.submitted < c.quantity)
    .map((c) => ({
      componentId: c.id,
      name: c.name,
      reason: c.submitted === 0 ? 'Chưa nộp' : `Nộp ${c.submitted}/${c.quantity} bản`,
    }));
}

/** Validates everything typed at the counter; returns the normalised applicant and every problem. */
export function checkReceptionInput(input: ReceptionInput, outcome: CheckOutcome): { applicant: Applicant; errors: FieldError[] } {
  const { applicant, errors } = validateApplicant(input.applicant);
  if (!input.procedure?.code) errors.unshift(fieldError('procedure', 'Hãy chọn thủ tục hành chính.', 'Choose a procedure.'));
  if (!Number.isInteger(input.sets) || input.sets < 1 || input.sets > 99) {
    errors.push(fieldError('sets', 'Số bộ hồ sơ phải từ 1 đến 99.', 'The number of sets must be 1 to 99.'));
  }
  if (input.notes.length > 2000) errors.push(fieldError('notes', 'Ghi chú tối đa 2000 ký tự.', 'Notes are limited to 2000 characters.'));
  if (input.procedure?.code && outcome.kind === 'receive') {
    const missing = missingComponents(checklist(input.procedure, input.submitted));
    if (missing.length) {
      errors.push(
        fieldError(
          'components',
          `Hồ sơ chưa đủ thành phần (${missing.map((m) => m.name).join('; ')}): hãy yêu cầu bổ sung thay vì tiếp nhận.`,
          `The dossier is incomplete (${missing.map((m) => m.name).join('; ')}): request a supplement instead of receiving it.`,
        ),
      );
    }
  }
  return { applicant, errors };
}

/** Keys the search indexes use: folded full name, its last word (the given name), ID or tax code, phone digits. */
export function searchKeys(applicant: Applicant): Pick<DossierDoc, 'nameKey' | 'givenNameKey' | 'idKey' | 'phoneKey'> {
  const nameKey = foldVietnamese(applicant.name).slice(0, 200);
  return {
    nameKey,
    givenNameKey: (nameKey.split(' ').pop() ?? '').slice(0, 60),
    idKey: applicant.kind === 'organisation' ? applicant.taxCode : applicant.idNumber,
    phoneKey: applicant.phone.replace(/\D/g, '').slice(0, 20),
  };
}

function baseDossier(input: ReceptionInput, applicant: Applicant, ctx: ReceptionContext, existing?: DossierDoc): DossierDoc {
  const { procedure } = input;
  const { now } = ctx;
  return {
    id: existing?.id ?? ctx.newId(),
    agencyId: ctx.agencyId,
    workstationId: ctx.workstationId,
    code: '',
    procedureCode: procedure.code,
    procedureName: procedure.name,
    procedureField: procedure.field,
    processingBody: procedure.processingBody,
    limit: { unit: procedure.limit.unit, value: procedure.limit.value },
    applicant,
    ...searchKeys(applicant),
    channel: input.channel ?? CHANNEL.inPerson,
    sets: input.sets,
    components: checklist(procedure, input.submitted),
    notes: input.notes.trim(),
    status: DOSSIER_STATUS.registered,
    receivedAt: now,
    receivedDay: vnDay(now),
    receivedInv: MAX_EPOCH_MS - now,
    receivedBy: ctx.clerk,
    appointmentAt: 0,
    ledgerVolume: '',
    ledgerNumber: 0,
    transferredAt: 0,
    resultAt: 0,
    returnedAt: 0,
    returnedTo: '',
    returnMethod: '',
    pausedSince: 0,
    supplementRequests: 0,
    reschedules: 0,
    finishedAt: 0,
    updatedAt: now,
  };
}

/**
 * Records the outcome of the counter check, for a new dossier or one that came back after a
 * supplement request at the counter (`existing`, status 5 without a code). `issued` is required to
 * receive. Throws ReceptionError (field problems) or LifecycleError (not allowed in this state).
 */
export function recordCheck(
  input: ReceptionInput,
  outcome: CheckOutcome,
  ctx: ReceptionContext,
  issued?: IssuedNumbers,
  existing?: DossierDoc,
): { dossier: DossierDoc; event: DossierEventDoc } {
  const { applicant, errors } = checkReceptionInput(input, outcome);
  if (errors.length) throw new ReceptionError(errors);
  const base = baseDossier(input, applicant, ctx, existing);
  const by = { now: ctx.now, by: ctx.clerk, newId: ctx.newId };
  const from = existing ?? null;

  if (outcome.kind === 'receive') {
    if (!issued?.code) throw new Error('recordCheck: a received dossier needs an issued code');
    if (!findTransition(from, 'received')) throw new Error(`recordCheck: cannot receive a dossier in status ${existing?.status}`);
    const appointmentAt = dueDate({ receivedAt: ctx.now, limit: base.limit }, ctx.calendar, ctx.dueConfig);
    const dossier: DossierDoc = { ...base, ...issued, status: DOSSIER_STATUS.received, appointmentAt };
    const event = makeEvent(dossier, 'received', existing?.status ?? 0, DOSSIER_STATUS.received, by, '', {
      code: issued.code,
      appointmentAt,
      ledgerVolume: issued.ledgerVolume,
      ledgerNumber: issued.ledgerNumber,
      workstationId: ctx.workstationId,
    });
    return { dossier, event };
  }
  // Supplement and refusal: the state machine and its messages are the lifecycle's.
  const action =
    outcome.kind === 'supplement'
      ? ({ type: 'supplementRequested', missing: outcome.missing, reason: outcome.reason } as const)
      : ({ type: 'refused', reasons: outcome.reasons } as const);
  const subject = existing ? { ...base, status: existing.status, supplementRequests: existing.supplementRequests } : base;
  return applyAction(subject, action, { ...by, calendar: ctx.calendar }, !existing);
}
