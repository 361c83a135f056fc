/** Form 01: receipt and appointment (Giấy tiếp nhận hồ sơ và hẹn trả kết quả). */
import type { DossierDoc } from '../contract/documents';
import { drawFormTop, finishForm, startForm } from './form';
import { BODY_SIZE, field, text } from './layout/fields';
import type { Flow } from './layout/flow';
import type { LeftExtra } from './layout/header';
import { QR_QUIET_MODULES, drawQr, qrMatrix } from './layout/qr';
import { drawSignatures } from './layout/signatures';
import { drawTable } from './layout/table';
import { wrapText } from './layout/wrap';
import { applicantFields, codeLine, procedureField, signatures } from './parts';
import type { FormAgency, ReceiptInput } from './types';
import { COMPONENT_FORM_VI, viLimit, viLongDateTime, viMoney, viPlaceDate } from './vi-format';

/** What the receipt's QR code encodes: the code, or the agency's lookup address for it. */
export function receiptLookupText(agency: Pick<FormAgency, 'lookupUrlTemplate'>, code: string): string {
  return agency.lookupUrlTemplate ? agency.lookupUrlTemplate.replaceAll('{code}', code) : code;
}

const CODE_SIZE = 7.5;

function qrBlock(text: string, code: string): LeftExtra {
  const matrix = qrMatrix(text);
  const n = matrix.length;
  const size = Math.min(90, Math.max(62, n * 2.4));
  const quiet = (size / n) * QR_QUIET_MODULES;
  return {
    height: quiet + size + quiet + CODE_SIZE * 1.3,
    draw(flow: Flow, x: number, top: number, width: number) {
      const qx = x + (width - size) / 2;
      const qTop = top + quiet;
      drawQr(flow.page, matrix, qx, flow.pdfY(qTop + size), size);
      for (const line of wrapText(code, { font: flow.fonts.regular, size: CODE_SIZE }, width)) {
        flow.drawLine(line, x, width, qTop + size + quiet, 'center');
      }
    },
  };
}

function collectPlace(input: ReceiptInput): string {
  if (input.collectAt) return input.collectAt;
  const d = input.dossier;
  if (d.returnMethod === 'postal') return `Qua dịch vụ bưu chính công ích, đến địa chỉ: ${d.applicant.address}`;
  if (d.returnMethod === 'electronic') return 'Trực tuyến, qua Cổng Dịch vụ công (kết quả điện tử)';
  return [input.agency.name, input.agency.address].filter((s) => s.trim()).join(', ');
}

function componentRows(d: DossierDoc): string[][] {
  return d.components
    .filter((c) => c.submitted > 0)
    .map((c, i) => [String(i + 1), c.name, COMPONENT_FORM_VI[c.form], String(c.submitted)]);
}

export async function buildReceipt(input: ReceiptInput): Promise<Uint8Array> {
  const d = input.dossier;
  if (!d.code) throw new Error('A receipt needs a received dossier with a code (mã hồ sơ)');
  const ctx = await startForm(input, 'receipt');
  const { flow, template } = ctx;
  const lookup = receiptLookupText(input.agency, d.code);
  drawFormTop(ctx, input, { dateLine: viPlaceDate(input.agency.place, input.issuedAt ?? d.receivedAt), leftExtra: qrBlock(lookup, d.code) });
  codeLine(flow, d.code);

  text(flow, `${template.phrases.receptionUnit} – ${input.agency.name} tiếp nhận hồ sơ của:`, { after: 3 });
  applicantFields(flow, d.applicant);
  procedureField(flow, d);
  flow.gap(3);

  text(flow, '1. Thành phần hồ sơ nộp gồm:', { after: 3 });
  drawTable(
    flow,
    [
      { header: 'TT', weight: 6, align: 'center' },
      { header: 'Tên giấy tờ', weight: 54, align: 'left' },
      { header: 'Hình thức (bản chính, bản sao, bản sao chứng thực)', weight: 26, align: 'center' },
      { header: 'Số lượng', weight: 11, align: 'center' },
    ],
    componentRows(d),
    { size: 9.5, headerSize: 9.5, pad: 3 },
  );
  flow.gap(5);
  field(flow, 'Số lượng hồ sơ', `${d.sets} (bộ)`, { number: 2 });
  field(flow, 'Thời gian giải quyết hồ sơ theo quy định', viLimit(d.limit), { number: 3 });
  field(flow, 'Thời gian nhận hồ sơ', viLongDateTime(d.receivedAt), { number: 4 });
  field(flow, 'Thời gian trả kết quả giải quyết hồ sơ', d.appointmentAt ? viLongDateTime(d.appointmentAt) : 'Trả ngay khi giải quyết xong', {
    number: 5,
    strong: true,
  });
  field(flow, 'Nhận kết quả tại', collectPlace(input), { number: 6 });
  if (input.fee) {
    const note = input.fee.note?.trim() ? ` (${input.fee.note.trim()})` : '';
    field(flow, 'Phí, lệ phí', `${viMoney(input.fee.amountVnd)}${note}`, { number: 7 });
  }
  flow.gap(3);
  text(flow, `Vào Sổ theo dõi hồ sơ, Quyển số: ${d.ledgerVolume || '……'}, Số thứ tự: ${d.ledgerNumber || '……'}`, { bold: true, after: 2 });
  const lookupNote = input.agency.lookupUrlTemplate ? `quét mã QR hoặc truy cập ${lookup}` : 'quét mã QR hoặc cung cấp mã hồ sơ';
  const hotline = input.agency.phone ? `; đường dây nóng: ${input.agency.phone}` : '';
  text(flow, `Tra cứu tình trạng hồ sơ: ${lookupNote}${hotline}.`, { italic: true, size: BODY_SIZE - 1, after: 10 });

  drawSignatures(flow, signatures(template, [d.applicant.name, input.clerkName]));
  return finishForm(ctx, input, { about: d.code, keywords: [d.code, d.procedureCode] });
}
