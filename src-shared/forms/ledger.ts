/**
 * Form 07 (2018: 06): the ledger (Sổ theo dõi hồ sơ), A4 landscape, with the official columns
 * (DOMAIN.md §5). The column heading is repeated on every page; pages are numbered.
 */
import type { DossierDoc, ReturnMethod } from '../contract/documents';
import { vnClock } from '../domain/vn-time';
import { drawFormTop, finishForm, startForm } from './form';
import { text } from './layout/fields';
import type { Flow } from './layout/flow';
import { drawTable, type TableColumn } from './layout/table';
import type { LedgerInput } from './types';
import { viLongDateOfDay, viShortDate } from './vi-format';
import { formatViDate } from '../domain/civil-date';

export const LEDGER_DATE_GROUP = 'Ngày, tháng, năm';

export const LEDGER_COLUMNS: readonly TableColumn[] = [
  { header: 'TT', weight: 3.4, align: 'center' },
  { header: 'Mã hồ sơ', weight: 10 },
  { header: 'Tên TTHC', weight: 13 },
  { header: 'Số lượng hồ sơ (bộ)', weight: 5, align: 'center' },
  { header: 'Tên cá nhân, tổ chức', weight: 9.5 },
  { header: 'Địa chỉ, số điện thoại', weight: 12 },
  { header: 'Cơ quan chủ trì giải quyết', weight: 9.5 },
  { header: 'Nhận hồ sơ', weight: 6.6, align: 'center', group: LEDGER_DATE_GROUP },
  { header: 'Hẹn trả kết quả', weight: 6.6, align: 'center', group: LEDGER_DATE_GROUP },
  { header: 'Chuyển hồ sơ đến cơ quan giải quyết', weight: 6.6, align: 'center', group: LEDGER_DATE_GROUP },
  { header: 'Nhận kết quả từ cơ quan giải quyết', weight: 6.6, align: 'center', group: LEDGER_DATE_GROUP },
  { header: 'Trả kết quả cho cá nhân, tổ chức', weight: 6.6, align: 'center', group: LEDGER_DATE_GROUP },
  { header: 'Ký nhận', weight: 7 },
  { header: 'Ghi chú', weight: 8 },
];

const METHOD_VI: Readonly<Record<ReturnMethod, string>> = { inPerson: '', postal: 'Qua bưu chính', electronic: 'Trả kết quả điện tử' };
const STATUS_NOTE: Readonly<Partial<Record<number, string>>> = { 3: 'Không được tiếp nhận', 7: 'Rút hồ sơ', 8: 'Dừng xử lý' };

const when = (ms: number) => (ms ? `${viShortDate(ms)}\n${vnClock(ms)}` : '');

/** Ledger order: entry number, then reception time, then code. */
export function ledgerOrder(dossiers: readonly DossierDoc[]): DossierDoc[] {
  return [...dossiers].sort((a, b) => (a.ledgerNumber || Infinity) - (b.ledgerNumber || Infinity) || a.receivedAt - b.receivedAt || a.code.localeCompare(b.code));
}

/** The fourteen cells of one entry. */
export function ledgerRow(d: DossierDoc, index: number): string[] {
  const signed = d.returnedAt ? [d.returnedTo, d.returnMethod ? METHOD_VI[d.returnMethod] : ''].filter(Boolean).join('\n') : '';
  const notes = [STATUS_NOTE[d.status] ?? '', d.reschedules > 0 ? 'Đã hẹn lại ngày trả' : '', d.notes.trim()].filter(Boolean).join('; ');
  return [
    String(d.ledgerNumber || index + 1),
    d.code,
    d.procedureName,
    String(d.sets),
    d.applicant.name,
    [d.applicant.address, d.applicant.phone].filter((s) => s.trim()).join('\n'),
    d.processingBody,
    when(d.receivedAt),
    when(d.appointmentAt),
    when(d.transferredAt),
    when(d.resultAt),
    when(d.returnedAt),
    signed,
    notes,
  ];
}

function runningHead(volume: string): (flow: Flow) => void {
  return (flow) => {
    flow.paragraph([{ text: `SỔ THEO DÕI HỒ SƠ – Quyển số: ${volume} (tiếp theo)`, font: flow.fonts.italic, size: 8 }], { align: 'right', after: 4 });
  };
}

export async function buildLedger(input: LedgerInput): Promise<Uint8Array> {
  const from = formatViDate(input.from);
  const to = formatViDate(input.to);
  const ctx = await startForm(input, 'ledger');
  const { flow } = ctx;
  drawFormTop(ctx, input);
  text(flow, `Quyển số: ${input.volume}`, { bold: true, align: 'center', after: 1 });
  text(flow, `Từ ${viLongDateOfDay(input.from)} đến ${viLongDateOfDay(input.to)}`, { italic: true, align: 'center', after: 8 });

  flow.onPageBreak = runningHead(input.volume);
  const rows = ledgerOrder(input.dossiers).map(ledgerRow);
  drawTable(flow, LEDGER_COLUMNS, rows, { size: 7, headerSize: 7, pad: 2.2, numberRow: true });
  flow.onPageBreak = undefined;
  return finishForm(ctx, input, { about: `Quyển số ${input.volume} (${from} – ${to})`, keywords: [`Quyển số ${input.volume}`], pageNumbers: true });
}
