/** A realistic dossier and calendar for lifecycle and reception tests. */
import path from 'node:path';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import type { Procedure } from '../../../src-shared/domain/procedure';
import { createWorkingCalendar, type WorkingCalendar } from '../../../src-shared/domain/calendar/working-calendar';
import { loadCalendarTables } from '../../../src-main/services/calendar-tables';
import { emptyApplicant as emptyApplicantFixture } from '../../../src-shared/domain/applicant/empty';

export const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');

export async function officialCalendar(): Promise<WorkingCalendar> {
  return createWorkingCalendar(await loadCalendarTables(RESOURCES));
}

export const PROCEDURE: Procedure = {
  code: '1.004873',
  name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
  field: 'Hộ tịch',
  processingBody: 'Ủy ban nhân dân cấp xã',
  limit: { unit: 'workingDays', value: 3 },
  components: [
    { id: 'TP1', name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', form: 'original', quantity: 1 },
    { id: 'TP2', name: 'Giấy tờ chứng minh việc ly hôn', form: 'copy', quantity: 1, optional: true },
  ],
  fee: { amountVnd: 0 },
  paperResult: true,
};

let n = 0;
export const newId = () => `id-${++n}`;

/** A dossier in `status`, received (with a code) unless `code` is ''. */
export function dossierIn(status: DossierDoc['status'], patch: Partial<DossierDoc> = {}): DossierDoc {
  const receivedAt = Date.UTC(2026, 10, 16, 2, 0); // Mon 16/11/2026 09:00 in Vietnam
  return {
    id: newId(),
    agencyId: '000.17.22.H56',
    workstationId: 'ws-1',
    code: '000.17.22.H56-261116-0001',
    procedureCode: PROCEDURE.code,
    procedureName: PROCEDURE.name,
    procedureField: PROCEDURE.field,
    processingBody: PROCEDURE.processingBody,
    limit: PROCEDURE.limit,
    applicant: { ...emptyApplicantFixture(), name: 'Nguyễn Thị Hồng Nhung' },
    nameKey: 'nguyen thi hong nhung',
    givenNameKey: 'nhung',
    idKey: '',
    phoneKey: '',
    channel: 1,
    sets: 1,
    components: [],
    notes: '',
    status,
    receivedAt,
    receivedDay: '2026-11-16',
    receivedInv: 9_999_999_999_999 - receivedAt,
    receivedBy: 'clerk.an',
    appointmentAt: Date.UTC(2026, 10, 19, 10, 0), // Thu 19/11 17:00
    ledgerVolume: '2026.WS1.01',
    ledgerNumber: 1,
    transferredAt: 0,
    resultAt: 0,
    returnedAt: 0,
    returnedTo: '',
    returnMethod: '',
    pausedSince: 0,
    supplementRequests: 0,
    reschedules: 0,
    finishedAt: 0,
    updatedAt: receivedAt,
    ...patch,
  };
}
