/** Form 02: request to supplement or complete the dossier (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ). */
import { drawFormTop, finishForm, startForm } from './form';
import { text } from './layout/fields';
import { numberedList } from './layout/fields';
import { drawSignatures } from './layout/signatures';
import { addressed, applicantFields, codeLine, procedureField, signatures } from './parts';
import type { SupplementRequestInput } from './types';
import { viPlaceDate } from './vi-format';

export async function buildSupplementRequest(input: SupplementRequestInput): Promise<Uint8Array> {
  const items = input.items.filter((i) => i.name.trim());
  if (items.length === 0) throw new Error('A supplement request lists at least one item');
  const ctx = await startForm(input, 'supplementRequest');
  const { flow, template } = ctx;
  const d = input.dossier;
  const { regular, italic } = flow.fonts;
  drawFormTop(ctx, input, { dateLine: viPlaceDate(input.agency.place, input.issuedAt ?? input.printedAt) });
  codeLine(flow, d.code);

  text(flow, 'Hồ sơ của:', { after: 2 });
  applicantFields(flow, d.applicant);
  procedureField(flow, d);
  flow.gap(4);
  text(flow, 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', { bold: true, after: 3 });
  numberedList(
    flow,
    items.map((i) => [
      { text: i.name.trim(), font: regular, size: 10.5 },
      ...(i.reason.trim() ? [{ text: ` – Lý do: ${i.reason.trim()}`, font: italic, size: 10.5 }] : []),
    ]),
  );
  flow.gap(4);
  text(flow, addressed(template.phrases.oneTimeRule, d.applicant), { after: 3 });
  const contact = input.contact?.trim() || [input.clerkName, input.agency.phone ? `số điện thoại ${input.agency.phone}` : ''].filter(Boolean).join(', ');
  text(flow, addressed(`${template.phrases.supplementContact} ${contact} để được hướng dẫn./.`, d.applicant), { after: 12 });

  drawSignatures(flow, signatures(template, [d.applicant.name, input.clerkName]));
  return finishForm(ctx, input, { about: d.code || d.applicant.name, keywords: [d.code, d.procedureCode].filter(Boolean) });
}
