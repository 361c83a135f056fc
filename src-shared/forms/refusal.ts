/** Form 03: refusal to receive the dossier (Phiếu từ chối tiếp nhận giải quyết hồ sơ). */
import { drawFormTop, finishForm, startForm } from './form';
import { numberedList, text } from './layout/fields';
import { drawSignatures } from './layout/signatures';
import { addressed, applicantFields, codeLine, procedureField, signatures } from './parts';
import type { RefusalInput } from './types';
import { viPlaceDate } from './vi-format';

export async function buildRefusal(input: RefusalInput): Promise<Uint8Array> {
  const reasons = input.reasons.map((r) => r.trim()).filter(Boolean);
  if (reasons.length === 0) throw new Error('A refusal gives at least one reason');
  const ctx = await startForm(input, 'refusal');
  const { flow, template } = ctx;
  const d = input.dossier;
  drawFormTop(ctx, input, { dateLine: viPlaceDate(input.agency.place, input.issuedAt ?? input.printedAt) });
  codeLine(flow, d.code);

  text(flow, `${template.phrases.receptionUnit} – ${input.agency.name} tiếp nhận hồ sơ của:`, { after: 2 });
  applicantFields(flow, d.applicant);
  procedureField(flow, d);
  flow.gap(4);
  text(flow, template.phrases.refusalIntro, { after: 3 });
  numberedList(
    flow,
    reasons.map((r) => [{ text: r, font: flow.fonts.regular, size: 10.5 }]),
  );
  flow.gap(4);
  text(flow, addressed('Xin thông báo để Ông/Bà được biết và thực hiện./.', d.applicant), { after: 12 });

  drawSignatures(flow, signatures(template, [d.applicant.name, input.clerkName]));
  return finishForm(ctx, input, { about: d.code || d.applicant.name, keywords: [d.code, d.procedureCode].filter(Boolean) });
}
