/** Blocks shared by the dossier forms: applicant, procedure, dossier code, signatures. */
import type { Applicant, DossierDoc } from '../contract/documents';
import { BODY_SIZE, field, fieldRow } from './layout/fields';
import type { Flow } from './layout/flow';
import type { SignatureBlock } from './layout/signatures';
import type { FormTemplate } from './templates';

/** How the applicant is addressed: "Ông", "Bà", "Ông/Bà", or "Tổ chức". */
export function addressee(a: Pick<Applicant, 'kind' | 'gender'>): string {
  if (a.kind === 'organisation') return 'Tổ chức';
  return a.gender === 'male' ? 'Ông' : a.gender === 'female' ? 'Bà' : 'Ông/Bà';
}

/** "Mã hồ sơ: …" centred in bold under the title (nothing for a dossier without a code). */
export function codeLine(flow: Flow, code: string): void {
  if (!code) return;
  const { regular, bold } = flow.fonts;
  flow.paragraph(
    [
      { text: 'Mã hồ sơ: ', font: regular, size: BODY_SIZE + 0.5 },
      { text: code, font: bold, size: BODY_SIZE + 0.5 },
    ],
    { align: 'center', after: 8 },
  );
}

/** Name, identification, address, phone and e-mail of the applicant. */
export function applicantFields(flow: Flow, a: Applicant, nameLabel?: string): void {
  field(flow, nameLabel ?? addressee(a), a.name, { strong: true });
  if (a.kind === 'organisation') field(flow, 'Mã số thuế', a.taxCode);
  else field(flow, 'Số định danh cá nhân', a.idNumber);
  field(flow, 'Địa chỉ', a.address);
  fieldRow(flow, [
    ['Số điện thoại', a.phone],
    ['Email', a.email],
  ]);
}

export function procedureField(flow: Flow, d: DossierDoc, options: { number?: number } = {}): void {
  const code = d.procedureCode ? ` (mã thủ tục ${d.procedureCode})` : '';
  field(flow, 'Nội dung yêu cầu giải quyết', `${d.procedureName}${code}`, options);
}

/** The template's signature blocks with the given names, left to right. */
export function signatures(template: FormTemplate, names: readonly (string | undefined)[], dateLine?: string): SignatureBlock[] {
  return template.signatures.map((s, i) => ({
    title: s.title,
    note: s.note,
    name: names[i],
    dateLine: i === template.signatures.length - 1 ? dateLine : undefined,
  }));
}

/** A template sentence addressed to the applicant: "Ông/Bà" becomes "Quý tổ chức" for organisations. */
export function addressed(sentence: string, a: Pick<Applicant, 'kind'>): string {
  return a.kind === 'organisation' ? sentence.replaceAll('Ông/Bà', 'Quý tổ chức') : sentence;
}
