/**
 * Applies a clerk's action to a dossier: checks the state machine and the once-only rules, and
 * returns the updated dossier with its append-only event. Pure: the caller saves both.
 */
import type { DossierDoc, DossierEventDoc, DossierEventType, ReturnMethod } from '../../contract/documents';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { advanceWorkingTime, workingMsBetween } from '../calendar/working-time';
import { STATUS_NAME_EN, STATUS_NAME_VI, type DossierStatus } from '../dossier-status';
import { LifecycleError } from './errors';
import { findTransition } from './transitions';

export interface MissingItem {
  /** The procedure component it concerns, when it is one. */
  componentId?: string;
  name: string;
  reason: string;
}

/** Actions on an existing dossier (receiving is `reception.ts`). */
export type LifecycleAction =
  | { type: 'supplementRequested'; missing: MissingItem[]; reason: string }
  | { type: 'supplemented'; reason?: string }
  | { type: 'refused'; reasons: string[] }
  | { type: 'transferred'; to: string; reason?: string }
  | { type: 'feeRequested'; amountVnd: number; reason: string }
  | { type: 'feePaid'; reason?: string }
  | { type: 'resultReceived'; reason?: string }
  | { type: 'returned'; method: ReturnMethod; signedBy: string; reason?: string }
  | { type: 'withdrawn'; reason: string }
  | { type: 'stopped'; reason: string }
  | { type: 'rescheduled'; appointmentAt: number; reason: string };

export interface ActionContext {
  now: number;
  by: string;
  newId: () => string;
  /** Needed to move the appointment by the working time spent waiting for a supplement. */
  calendar: WorkingCalendar;
}

export interface ActionResult {
  dossier: DossierDoc;
  event: DossierEventDoc;
}

/** Builds an event; the one place events are made, for reception and for later actions alike. */
export function makeEvent(
  dossier: Pick<DossierDoc, 'id' | 'agencyId'>,
  type: DossierEventType,
  from: DossierStatus | 0,
  to: DossierStatus,
  ctx: Pick<ActionContext, 'now' | 'by' | 'newId'>,
  reason = '',
  data: Record<string, unknown> = {},
): DossierEventDoc {
  return { id: ctx.newId(), dossierId: dossier.id, agencyId: dossier.agencyId, type, at: ctx.now, by: ctx.by, from, to, reason, data };
}

const invalid = (vi: string, en: string) => new LifecycleError('invalid-input', vi, en);
const clean = (s: string | undefined) => (s ?? '').trim().replace(/\s+/g, ' ');

function requireText(value: string | undefined, vi: string, en: string): string {
  const text = clean(value);
  if (!text) throw invalid(vi, en);
  if (text.length > 2000) throw invalid(`${vi} (tối đa 2000 ký tự)`, `${en} (2000 characters at most)`);
  return text;
}

function forbidden(dossier: DossierDoc, type: DossierEventType): LifecycleError {
  const stage = dossier.code ? '' : ' (hồ sơ chưa được tiếp nhận)';
  const stageEn = dossier.code ? '' : ' (the dossier has not been received)';
  return new LifecycleError(
    'forbidden',
    `Không thể thực hiện "${ACTION_NAME_VI[type]}" khi hồ sơ đang ở trạng thái "${STATUS_NAME_VI[dossier.status]}"${stage}.`,
    `"${ACTION_NAME_EN[type]}" is not allowed while the dossier is "${STATUS_NAME_EN[dossier.status]}"${stageEn}.`,
  );
}

export const ACTION_NAME_VI: Readonly<Record<DossierEventType, string>> = {
  received: 'Tiếp nhận hồ sơ',
  supplementRequested: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  supplemented: 'Đã bổ sung hồ sơ',
  refused: 'Từ chối tiếp nhận',
  transferred: 'Chuyển cơ quan giải quyết',
  feeRequested: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  feePaid: 'Đã thực hiện nghĩa vụ tài chính',
  resultReceived: 'Nhận kết quả từ cơ quan giải quyết',
  returned: 'Trả kết quả',
  withdrawn: 'Rút hồ sơ theo yêu cầu',
  stopped: 'Dừng giải quyết',
  rescheduled: 'Gia hạn, hẹn lại ngày trả',
};

export const ACTION_NAME_EN: Readonly<Record<DossierEventType, string>> = {
  received: 'Receive the dossier',
  supplementRequested: 'Request a supplement',
  supplemented: 'Supplement received',
  refused: 'Refuse',
  transferred: 'Transfer to the processing body',
  feeRequested: 'Request fees',
  feePaid: 'Fees paid',
  resultReceived: 'Result received back',
  returned: 'Return the result',
  withdrawn: 'Withdraw at the applicant’s request',
  stopped: 'Stop processing',
  rescheduled: 'Reschedule',
};

/** The effect of each action on the dossier's fields, after the transition was allowed. */
function effect(d: DossierDoc, action: LifecycleAction, ctx: ActionContext): { patch: Partial<DossierDoc>; reason: string; data: Record<string, unknown> } {
  const { now } = ctx;
  switch (action.type) {
    case 'supplementRequested': {
      if (d.code && d.supplementRequests >= 1) {
        throw new LifecycleError(
          'once-only',
          'Hồ sơ đã được yêu cầu bổ sung một lần; theo quy định chỉ được yêu cầu bổ sung, hoàn thiện một lần.',
          'A supplement was already requested once; the rules allow a single supplement request.',
        );
      }
      const missing = action.missing.map((m) => ({ ...m, name: clean(m.name), reason: clean(m.reason) })).filter((m) => m.name);
      if (missing.length === 0) throw invalid('Hãy ghi rõ giấy tờ cần bổ sung, hoàn thiện.', 'List what must be supplemented or completed.');
      const patch: Partial<DossierDoc> = d.code ? { pausedSince: now, supplementRequests: d.supplementRequests + 1 } : {};
      return { patch, reason: clean(action.reason), data: { missing } };
    }
    case 'supplemented': {
      const pausedMs = d.pausedSince ? workingMsBetween(ctx.calendar, d.pausedSince, now) : 0;
      const appointmentAt = d.appointmentAt ? advanceWorkingTime(ctx.calendar, d.appointmentAt, pausedMs) : 0;
      return { patch: { pausedSince: 0, appointmentAt }, reason: clean(action.reason), data: { pausedWorkingMs: pausedMs, previousAppointmentAt: d.appointmentAt, appointmentAt } };
    }
    case 'refused': {
      const reasons = action.reasons.map(clean).filter(Boolean);
      if (reasons.length === 0) throw invalid('Hãy ghi rõ lý do từ chối tiếp nhận.', 'Give the reasons for the refusal.');
      return { patch: { finishedAt: now }, reason: reasons.join('; '), data: { reasons } };
    }
    case 'transferred': {
      const to = requireText(action.to, 'Hãy chọn cơ quan giải quyết.', 'Choose the processing body.');
      return { patch: { transferredAt: now, processingBody: to }, reason: clean(action.reason), data: { to } };
    }
    case 'feeRequested': {
      if (!Number.isInteger(action.amountVnd) || action.amountVnd < 0) throw invalid('Số tiền không hợp lệ.', 'Invalid amount.');
      return { patch: {}, reason: requireText(action.reason, 'Hãy ghi nội dung nghĩa vụ tài chính.', 'Describe the fee.'), data: { amountVnd: action.amountVnd } };
    }
    case 'feePaid':
      return { patch: {}, reason: clean(action.reason), data: {} };
    case 'resultReceived':
      return { patch: { resultAt: now, finishedAt: now }, reason: clean(action.reason), data: {} };
    case 'returned': {
      const signedBy = requireText(action.signedBy, 'Hãy ghi họ tên người nhận kết quả (ký nhận).', 'Enter the name of the person who signed for the result.');
      return {
        patch: { returnedAt: now, returnedTo: signedBy, returnMethod: action.method, finishedAt: d.finishedAt || now },
        reason: clean(action.reason),
        data: { method: action.method, signedBy },
      };
    }
    case 'withdrawn':
    case 'stopped': {
      const reason = requireText(action.reason, 'Hãy ghi rõ lý do.', 'Give the reason.');
      return { patch: { finishedAt: now, pausedSince: 0 }, reason, data: {} };
    }
    case 'rescheduled': {
      if (d.reschedules >= 1) {
        throw new LifecycleError(
          'once-only',
          'Hồ sơ đã được hẹn lại một lần; không được gia hạn thêm.',
          'The appointment was already rescheduled once; it cannot be rescheduled again.',
        );
      }
      if (!d.appointmentAt) throw new LifecycleError('no-appointment', 'Hồ sơ không có ngày hẹn trả để gia hạn.', 'The dossier has no appointment to reschedule.');
      if (!Number.isFinite(action.appointmentAt) || action.appointmentAt <= d.appointmentAt) {
        throw invalid('Ngày hẹn mới phải sau ngày hẹn cũ.', 'The new appointment must be later than the current one.');
      }
      const reason = requireText(action.reason, 'Hãy ghi rõ lý do chậm trễ.', 'Give the reason for the delay.');
      return {
        patch: { appointmentAt: action.appointmentAt, reschedules: d.reschedules + 1 },
        reason,
        data: { previousAppointmentAt: d.appointmentAt, appointmentAt: action.appointmentAt },
      };
    }
  }
}

/**
 * `isNew`: the dossier is being created by this action (a supplement request or refusal at the
 * counter); its status field is ignored and the event starts from 0.
 */
export function applyAction(dossier: DossierDoc, action: LifecycleAction, ctx: ActionContext, isNew = false): ActionResult {
  const transition = findTransition(isNew ? null : dossier, action.type);
  if (!transition) throw forbidden(dossier, action.type);
  const { patch, reason, data } = effect(dossier, action, ctx);
  const from = isNew ? 0 : dossier.status;
  const to = transition.to === 'same' ? dossier.status : transition.to;
  const updated: DossierDoc = { ...dossier, ...patch, status: to, updatedAt: ctx.now };
  return { dossier: updated, event: makeEvent(dossier, action.type, from, to, ctx, reason, data) };
}
