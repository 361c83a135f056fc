/**
 * Form 06 (2018: 05): process control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ). One row per
 * hand-off, from the dossier's events, with room for the giver's and receiver's signatures.
 */
import type { DossierDoc, DossierEventDoc, DossierEventType } from '../contract/documents';
import { vnClock, vnDay } from '../domain/vn-time';
import { drawFormTop, finishForm, startForm } from './form';
import { field } from './layout/fields';
import { drawTable } from './layout/table';
import { addressee, codeLine, procedureField } from './parts';
import type { ControlSlipInput, StepResult } from './types';
import { viLongDateTime, viMoney, viPlaceDate, viShortDate, viShortDateTime } from './vi-format';

export const STEP_RESULT_VI: Readonly<Record<StepResult, string>> = { early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Quá hạn' };

export const EVENT_VI: Readonly<Record<DossierEventType, string>> = {
  received: 'Tiếp nhận hồ sơ',
  supplementRequested: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  supplemented: 'Nộp bổ sung, hoàn thiện hồ sơ',
  refused: 'Từ chối tiếp nhận hồ sơ',
  transferred: 'Chuyển hồ sơ đến cơ quan giải quyết',
  feeRequested: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  feePaid: 'Đã thực hiện nghĩa vụ tài chính',
  resultReceived: 'Nhận kết quả từ cơ quan giải quyết',
  returned: 'Trả kết quả',
  withdrawn: 'Rút hồ sơ theo yêu cầu',
  stopped: 'Dừng giải quyết hồ sơ',
  rescheduled: 'Hẹn lại ngày trả kết quả',
};

/** One row of the slip. */
export interface ControlSlipStep {
  eventId: string;
  at: number;
  giver: string;
  receiver: string;
  content: string;
  result?: StepResult;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const RESULTS = new Set<unknown>(['early', 'onTime', 'late']);

function endResult(d: DossierDoc, at: number): StepResult | undefined {
  if (!d.appointmentAt) return undefined;
  if (d.supplementRequests > 1 || at > d.appointmentAt) return 'late';
  return vnDay(at) < vnDay(d.appointmentAt) ? 'early' : 'onTime';
}

/**
 * The slip's rows: the dossier's own events in time order, each as giver → receiver with its content
 * and, when known, its result (early / on time / late).
 */
export function controlSlipSteps(
  d: DossierDoc,
  events: readonly DossierEventDoc[],
  options: { receptionUnit: string; userNames?: Record<string, string>; stepResults?: Record<string, StepResult> },
): ControlSlipStep[] {
  const own = events.filter((e) => e.dossierId === d.id).sort((x, y) => x.at - y.at || x.id.localeCompare(y.id));
  const hasResultReceived = own.some((e) => e.type === 'resultReceived');
  const applicant = `${addressee(d.applicant)} ${d.applicant.name}`;
  const who = (id: string) => options.userNames?.[id] ?? id;
  const unit = (e: DossierEventDoc) => (e.by ? `${options.receptionUnit} (${who(e.by)})` : options.receptionUnit);
  const body = d.processingBody || 'Cơ quan giải quyết';
  return own.map((e) => {
    const reason = e.reason.trim();
    let giver = unit(e);
    let receiver = applicant;
    let detail = '';
    switch (e.type) {
      case 'received':
      case 'supplemented':
      case 'feePaid':
      case 'withdrawn':
        giver = applicant;
        receiver = unit(e);
        break;
      case 'transferred':
        receiver = str(e.data.to) || body;
        break;
      case 'resultReceived':
        giver = body;
        receiver = unit(e);
        break;
      case 'returned':
        receiver = str(e.data.signedBy) || d.returnedTo || applicant;
        break;
      case 'stopped':
        giver = body;
        break;
      case 'supplementRequested': {
        const missing = Array.isArray(e.data.missing) ? e.data.missing.map((m) => str((m as { name?: unknown }).name)).filter(Boolean) : [];
        if (missing.length) detail = missing.join('; ');
        break;
      }
      case 'feeRequested':
        if (typeof e.data.amountVnd === 'number') detail = viMoney(e.data.amountVnd);
        break;
      case 'rescheduled':
        if (typeof e.data.appointmentAt === 'number') detail = `hẹn mới ${viShortDateTime(e.data.appointmentAt)}`;
        break;
      case 'refused':
        break;
    }
    const content = [EVENT_VI[e.type], detail, reason].filter(Boolean).join(': ');
    let result = options.stepResults?.[e.id] ?? (RESULTS.has(e.data.timeliness) ? (e.data.timeliness as StepResult) : undefined);
    if (!result && (e.type === 'resultReceived' || (e.type === 'returned' && !hasResultReceived))) result = endResult(d, e.at);
    return { eventId: e.id, at: e.at, giver, receiver, content, result };
  });
}

export async function buildControlSlip(input: ControlSlipInput): Promise<Uint8Array> {
  const ctx = await startForm(input, 'controlSlip');
  const { flow, template } = ctx;
  const d = input.dossier;
  drawFormTop(ctx, input, { dateLine: viPlaceDate(input.agency.place, input.issuedAt ?? input.printedAt) });
  codeLine(flow, d.code);

  field(flow, 'Kèm theo hồ sơ của', `${addressee(d.applicant)} ${d.applicant.name}`, { strong: true });
  procedureField(flow, d);
  field(flow, 'Cơ quan chủ trì giải quyết', d.processingBody);
  field(flow, 'Ngày, giờ nhận hồ sơ', d.receivedAt ? viLongDateTime(d.receivedAt) : '');
  field(flow, 'Ngày, giờ hẹn trả kết quả', d.appointmentAt ? viLongDateTime(d.appointmentAt) : '');
  flow.gap(6);

  const steps = controlSlipSteps(d, input.events, { receptionUnit: template.phrases.receptionUnit, userNames: input.userNames, stepResults: input.stepResults });
  const sign = 'Ký, ghi rõ họ tên';
  drawTable(
    flow,
    [
      { header: 'TT', weight: 5, align: 'center' },
      { header: 'Thời gian giao, nhận hồ sơ', weight: 13, align: 'center' },
      { header: 'Bên giao – Bên nhận', weight: 24 },
      { header: 'Nội dung', weight: 22 },
      { header: 'Kết quả (Trước hạn/ Đúng hạn/ Quá hạn)', weight: 14, align: 'center' },
      { header: 'Người giao', weight: 11, group: sign },
      { header: 'Người nhận', weight: 11, group: sign },
    ],
    steps.map((s, i) => [
      String(i + 1),
      `${vnClock(s.at)}\nngày ${viShortDate(s.at)}`,
      `Giao: ${s.giver}\nNhận: ${s.receiver}`,
      s.content,
      s.result ? STEP_RESULT_VI[s.result] : '',
      '',
      '',
    ]),
    { size: 8.5, headerSize: 8.5, pad: 3, minRowHeight: 46 },
  );
  return finishForm(ctx, input, { about: d.code, keywords: [d.code, d.procedureCode], pageNumbers: true });
}
