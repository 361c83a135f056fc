/**
 * The columns of the ledger (Sổ theo dõi hồ sơ, DOMAIN.md §5), shared by the screen and the XLSX
 * export; the PDF follows the same order in src-shared/forms.
 */
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { vnDateTimeText } from '../../format';

export interface LedgerColumn {
  header: string;
  /** Columns under the "Ngày, tháng, năm" group. */
  dated?: boolean;
  width: number;
  value: (d: DossierDoc, index: number) => string | number;
}

export const DATE_GROUP = 'Ngày, tháng, năm';

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: 'TT', width: 5, value: (_d, i) => i + 1 },
  { header: 'Mã hồ sơ', width: 26, value: (d) => d.code },
  { header: 'Tên TTHC', width: 40, value: (d) => d.procedureName },
  { header: 'Số lượng hồ sơ (bộ)', width: 8, value: (d) => d.sets },
  { header: 'Tên cá nhân, tổ chức', width: 24, value: (d) => d.applicant.name },
  { header: 'Địa chỉ, số điện thoại', width: 30, value: (d) => [d.applicant.address, d.applicant.phone].filter(Boolean).join(', ') },
  { header: 'Cơ quan chủ trì giải quyết', width: 24, value: (d) => d.processingBody },
  { header: 'Nhận hồ sơ', dated: true, width: 16, value: (d) => vnDateTimeText(d.receivedAt) },
  { header: 'Hẹn trả kết quả', dated: true, width: 16, value: (d) => vnDateTimeText(d.appointmentAt) },
  { header: 'Chuyển hồ sơ đến cơ quan giải quyết', dated: true, width: 16, value: (d) => vnDateTimeText(d.transferredAt) },
  { header: 'Nhận kết quả từ cơ quan giải quyết', dated: true, width: 16, value: (d) => vnDateTimeText(d.resultAt) },
  { header: 'Trả kết quả cho cá nhân, tổ chức', dated: true, width: 16, value: (d) => vnDateTimeText(d.returnedAt) },
  { header: 'Ký nhận', width: 18, value: (d) => d.returnedTo },
  { header: 'Ghi chú', width: 24, value: (d) => [d.ledgerNumber ? `Quyển ${d.ledgerVolume} số ${d.ledgerNumber}` : '', d.notes].filter(Boolean).join('; ') },
];
