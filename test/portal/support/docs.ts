/** Valid replicated documents for tests, in the shapes of src-shared/contract/documents.ts. */
import { randomUUID } from 'node:crypto';
import { MAX_EPOCH_MS } from '../../../src-shared/contract/documents';
import type { WireDocument } from '../../../src-shared/contract/sync';

const RECEIVED_AT = Date.UTC(2026, 10, 18, 2, 30);

export function dossier(agencyId: string, overrides: Record<string, unknown> = {}): WireDocument {
  return {
    id: randomUUID(),
    agencyId,
    workstationId: 'ws-1',
    code: `${agencyId}-261118-0001`,
    procedureCode: '2.000815',
    procedureName: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
    procedureField: 'Chứng thực',
    processingBody: 'Ủy ban nhân dân cấp xã',
    limit: { unit: 'sameDay', value: 0 },
    applicant: {
      kind: 'individual',
      name: 'Nguyễn Thị Hoà',
      idNumber: '038190123456',
      birthDate: '1990-05-12',
      gender: 'female',
      taxCode: '',
      phone: '0912345678',
      email: '',
      address: 'Số 12, đường Lê Lợi, phường Điện Biên, tỉnh Thanh Hóa',
    },
    nameKey: 'nguyen thi hoa',
    givenNameKey: 'hoa',
    idKey: '038190123456',
    phoneKey: '0912345678',
    channel: 1,
    sets: 1,
    components: [{ id: 'TP1', name: 'Bản chính giấy tờ', form: 'original', quantity: 1, submitted: 1, optional: false }],
    notes: '',
    status: 2,
    receivedAt: RECEIVED_AT,
    receivedDay: '2026-11-18',
    receivedInv: MAX_EPOCH_MS - RECEIVED_AT,
    receivedBy: 'clerk-a',
    appointmentAt: RECEIVED_AT + 8 * 3_600_000,
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
    updatedAt: RECEIVED_AT,
    _deleted: false,
    ...overrides,
  };
}

export function dossierEvent(agencyId: string, overrides: Record<string, unknown> = {}): WireDocument {
  return {
    id: randomUUID(),
    dossierId: randomUUID(),
    agencyId,
    type: 'received',
    at: RECEIVED_AT,
    by: 'clerk-a',
    from: 0,
    to: 2,
    reason: '',
    data: { note: 'Tiếp nhận tại quầy 3', counter: 3 },
    _deleted: false,
    ...overrides,
  };
}

/** The same document with its keys in reverse order (as jsonb or another client might send it). */
export function reverseKeys<T extends object>(doc: T): T {
  const entries = Object.entries(doc).reverse().map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? reverseKeys(v) : v]);
  return Object.fromEntries(entries) as T;
}
