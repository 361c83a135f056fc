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
    applicant: { kind: 'individual', name: 'Nguyễn Thị Hoà' },
    channel: 1,
    status: 2,
    receivedAt: RECEIVED_AT,
    receivedDay: '2026-11-18',
    receivedInv: MAX_EPOCH_MS - RECEIVED_AT,
    receivedBy: 'clerk-a',
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
