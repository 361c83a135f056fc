/** Form 05 (2025 regime only): notice that processing is stopped (Thông báo dừng giải quyết hồ sơ). */
import { drawFormTop, finishForm, startForm } from './form';
import { field, text } from './layout/fields';
import { drawSignatures } from './layout/signatures';
import { addressed, addressee, codeLine, procedureField } from './parts';
import type { StopNoticeInput } from './types';
import { viLongDateTime, viPlaceDate } from './vi-format';

export async function buildStopNotice(input: StopNoticeInput): Promise<Uint8Array> {
  // startForm throws first under the 2018 regime, which has no such form.
  const ctx = await startForm(input, 'stopNotice');
  if (!input.reason.trim()) throw new Error('A stop notice gives the reason');
  const { flow, template } = ctx;
  const d = input.dossier;
  const a = d.applicant;
  drawFormTop(ctx, input, { dateLine: viPlaceDate(input.agency.place, input.issuedAt ?? input.printedAt) });
  codeLine(flow, d.code);

  text(flow, `Kính gửi: ${addressee(a)} ${a.name}`, { bold: true, align: 'center', after: 8 });
  text(flow, `${input.agency.name} thông báo dừng giải quyết hồ sơ sau:`, { after: 2 });
  procedureField(flow, d);
  field(flow, 'Thời gian tiếp nhận', viLongDateTime(d.receivedAt));
  field(flow, 'Lý do dừng giải quyết', input.reason.trim());
  flow.gap(2);
  text(flow, addressed(template.phrases.stopClosing, a), { after: 12 });

  const head = template.signatures[0];
  drawSignatures(flow, [{ title: input.signer?.title?.trim() || (head?.title ?? ''), note: head?.note ?? '', name: input.signer?.name }]);
  return finishForm(ctx, input, { about: d.code, keywords: [d.code, d.procedureCode] });
}
