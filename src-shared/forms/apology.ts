/**
 * Form 04: apology with a new date (2025: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết;
 * 2018: Phiếu xin lỗi và hẹn lại ngày trả kết quả). Signed by the head of the agency.
 */
import { drawFormTop, finishForm, startForm } from './form';
import { field, text } from './layout/fields';
import { drawSignatures } from './layout/signatures';
import { addressed, addressee, codeLine } from './parts';
import type { ApologyInput } from './types';
import { viLongDate, viLongDateTime, viPlaceDate } from './vi-format';

export async function buildApology(input: ApologyInput): Promise<Uint8Array> {
  if (!input.reason.trim()) throw new Error('An apology gives the reason for the delay');
  if (!(input.newAppointmentAt > input.previousAppointmentAt)) throw new Error('The new appointment must be later than the previous one');
  const ctx = await startForm(input, 'apology');
  const { flow, template } = ctx;
  const d = input.dossier;
  const a = d.applicant;
  drawFormTop(ctx, input, { dateLine: viPlaceDate(input.agency.place, input.issuedAt ?? input.printedAt) });
  codeLine(flow, d.code);

  text(flow, `Kính gửi: ${addressee(a)} ${a.name}`, { bold: true, align: 'center', after: 8 });
  const you = addressed('Ông/Bà', a);
  text(
    flow,
    `${viLongDate(d.receivedAt).replace(/^n/, 'N')}, ${input.agency.name} tiếp nhận hồ sơ đề nghị giải quyết thủ tục "${d.procedureName}" của ${you}.`,
    { after: 2 },
  );
  field(flow, 'Thời gian hẹn trả kết quả giải quyết hồ sơ', viLongDateTime(input.previousAppointmentAt));
  text(flow, `Tuy nhiên đến nay, ${input.agency.name} chưa trả kết quả giải quyết hồ sơ cho ${you} đúng thời hạn.`, { after: 2 });
  field(flow, 'Lý do', input.reason.trim());
  flow.gap(2);
  text(flow, `${addressed(template.phrases.apology, a)} ${viLongDateTime(input.newAppointmentAt)}.`, { after: 2 });
  text(flow, `Mong nhận được sự thông cảm của ${you}./.`, { after: 12 });

  const head = template.signatures[0];
  drawSignatures(flow, [{ title: input.signer?.title?.trim() || (head?.title ?? ''), note: head?.note ?? '', name: input.signer?.name }]);
  return finishForm(ctx, input, { about: d.code, keywords: [d.code, d.procedureCode] });
}
