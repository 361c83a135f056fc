/** Valid replicated documents for tests, in the shapes of src-shared/contract/documents.ts. */
import { randomUUID } from 'node:crypto';
import { MAX_EPOCH_MS } from '../../../src-shared/contract/documents';
import type { WireDocument } from '../../../src-shared/contract/sync';
import { dossierIn } from '../../unit/lifecycle/fixtures';

const RECEIVED_AT = Date.UTC(2026, 10, 18, 2, 30);

/** A received dossier (the lifecycle tests' fixture) in `agencyId`, with a fresh id, as it travels. */
export function dossier(agencyId: string, overrides: Record<string, unknown> = {}): WireDocument {
  return {
    ...dossierIn(2, { id: randomUUID(), agencyId, code: `${agencyId}-261118-0001`, receivedAt: RECEIVED_AT, receivedDay: '2026-11-18', receivedInv: MAX_EPOCH_MS - RECEIVED_AT, updatedAt: RECEIVED_AT }),
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
