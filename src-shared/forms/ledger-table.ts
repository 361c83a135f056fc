/**
 * The ledger's official columns (DOMAIN.md §5) and the cells of one entry, without pdf-lib: the
 * printed ledger (form 07), the ledger screen and the XLSX export all use these.
 */
import type { DossierDoc, ReturnMethod } from '../contract/documents';
import { vnClock } from '../domain/vn-time';
import type { TableColumn } from './layout/table';
import { viShortDate } from './vi-format';

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
