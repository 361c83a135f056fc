/** A realistic dossier, its events, the agency and the fonts, for the form tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DossierDoc, DossierEventDoc } from '../../../src-shared/contract/documents';
import { parseVnDateTime } from '../../../src-shared/domain/vn-time';
import type { FormAgency, FormFonts } from '../../../src-shared/forms';

const FONT_DIR = fileURLToPath(new URL('../../../resources/fonts/', import.meta.url));

export function loadFonts(): FormFonts {
  const read = (name: string) => new Uint8Array(readFileSync(path.join(FONT_DIR, name)));
  return { regular: read('DejaVuSerif.ttf'), bold: read('DejaVuSerif-Bold.ttf'), italic: read('DejaVuSerif-Italic.ttf') };
}

/** Vietnam wall-clock time to epoch ms. */
export function vn(text: string): number {
  const ms = parseVnDateTime(text);
  if (ms === undefined) throw new Error(`bad time ${text}`);
  return ms;
}

export const AGENCY: FormAgency = {
  parentName: 'UBND tỉnh Thanh Hóa',
  name: 'Trung tâm Phục vụ hành chính công tỉnh',
  address: 'Số 28, đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa',
  phone: '0237 3 722 722',
  place: 'Thanh Hóa',
};

export const CODE = '000.17.22.H56-261121-0007';
export const RECEIVED_AT = vn('2026-11-21T14:05');
export const APPOINTMENT_AT = vn('2026-12-04T16:30');
export const PRINTED_AT = vn('2026-11-21T14:07');

export function dossier(overrides: Partial<DossierDoc> = {}): DossierDoc {
  return {
    id: 'd-0007',
    agencyId: '000.17.22.H56',
    workstationId: 'ws-01',
    code: CODE,
    procedureCode: '2.000815',
    procedureName: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    procedureField: 'Chứng thực',
    processingBody: 'Sở Tư pháp tỉnh Thanh Hóa',
    limit: { unit: 'workingDays', value: 10 },
    applicant: {
      kind: 'individual',
      name: 'Nguyễn Thị Hồng Nhung',
      idNumber: '038186001234',
      birthDate: '1986-03-14',
      gender: 'female',
      taxCode: '',
      phone: '0912 345 678',
      email: 'hongnhung.nguyen@example.vn',
      address: 'Số 12, đường Lê Lợi, phường Điện Biên, tỉnh Thanh Hóa',
    },
    nameKey: 'nguyen thi hong nhung',
    givenNameKey: 'nhung',
    idKey: '038186001234',
    phoneKey: '0912345678',
    channel: 1,
    sets: 1,
    components: [
      { id: 'c1', name: 'Đơn đề nghị (theo mẫu)', form: 'original', quantity: 1, submitted: 1, optional: false },
      { id: 'c2', name: 'Giấy khai sinh của người được đăng ký', form: 'certifiedCopy', quantity: 2, submitted: 2, optional: false },
      { id: 'c3', name: 'Thẻ Căn cước công dân', form: 'copy', quantity: 1, submitted: 1, optional: false },
      { id: 'c4', name: 'Giấy tờ chứng minh nơi cư trú (nếu có)', form: 'originalOrCopy', quantity: 1, submitted: 0, optional: true },
    ],
    notes: '',
    status: 2,
    receivedAt: RECEIVED_AT,
    receivedDay: '2026-11-21',
    receivedInv: 9_999_999_999_999 - RECEIVED_AT,
    receivedBy: 'u-viet',
    appointmentAt: APPOINTMENT_AT,
    ledgerVolume: '03',
    ledgerNumber: 1234,
    transferredAt: 0,
    resultAt: 0,
    returnedAt: 0,
    returnedTo: '',
    returnMethod: 'inPerson',
    pausedSince: 0,
    supplementRequests: 0,
    reschedules: 0,
    finishedAt: 0,
    updatedAt: RECEIVED_AT,
    ...overrides,
  };
}

export function events(d: DossierDoc = dossier()): DossierEventDoc[] {
  const ev = (id: string, type: DossierEventDoc['type'], at: string, from: number, to: number, by: string, reason = '', data: Record<string, unknown> = {}) => ({
    id,
    dossierId: d.id,
    agencyId: d.agencyId,
    type,
    at: vn(at),
    by,
    from,
    to,
    reason,
    data,
  });
  // Deliberately out of order: the slip sorts by time.
  return [
    ev('e3', 'resultReceived', '2026-12-03T10:20', 4, 9, 'u-viet', 'Đã có kết quả chứng thực'),
    ev('e1', 'received', '2026-11-21T14:05', 0, 2, 'u-viet'),
    ev('e2', 'transferred', '2026-11-21T15:40', 2, 4, 'u-viet', 'Chuyển bản giấy', { to: 'Sở Tư pháp tỉnh Thanh Hóa' }),
    ev('e4', 'returned', '2026-12-04T09:00', 9, 10, 'u-lan', '', { method: 'inPerson', signedBy: 'Nguyễn Thị Hồng Nhung' }),
    { ...ev('x9', 'received', '2026-11-21T08:00', 0, 2, 'u-other'), dossierId: 'another-dossier' },
  ];
}

export const USER_NAMES = { 'u-viet': 'Trần Quốc Việt', 'u-lan': 'Lê Thị Lan' };
