/** Schemas of collections that stay on the workstation (not replicated). */
import type { Procedure } from '../../src-shared/domain/procedure';
import type { ReplicatedCollection } from '../../src-shared/contract/documents';
import { MAX_EPOCH_MS } from '../../src-shared/contract/documents';

export type ProcedureDoc = Procedure;

export const procedureSchema = {
  title: 'procedure',
  version: 0,
  primaryKey: 'code',
  type: 'object',
  properties: {
    code: { type: 'string', maxLength: 32 },
    name: { type: 'string' },
    field: { type: 'string', maxLength: 200 },
    processingBody: { type: 'string', maxLength: 300 },
    limit: { type: 'object' },
    components: { type: 'array', items: { type: 'object' } },
    fee: { type: 'object' },
    paperResult: { type: 'boolean' },
  },
  required: ['code', 'name', 'field', 'processingBody', 'limit', 'components', 'fee', 'paperResult'],
  indexes: ['field'],
} as const;

/** Small local key-value records (catalog version, last sync time …). */
export interface SettingDoc {
  id: string;
  value: unknown;
}
export const settingSchema = {
  title: 'setting',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 64 }, value: {} },
  required: ['id'],
} as const;

/**
 * The outbox: one row per local change not yet accepted by the portal (or rejected by it).
 * A row disappears when the portal accepts exactly the version it records.
 */
export interface OutboxDoc {
  id: string;
  /** Named so because RxDocument reserves `collection`. */
  target: ReplicatedCollection;
  docId: string;
  state: 'pending' | 'rejected';
  /** Fingerprint of the local version waiting to be accepted. */
  version: string;
  reason: string;
  queuedAt: number;
}
export const outboxSchema = {
  title: 'outbox',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    target: { type: 'string', maxLength: 32 },
    docId: { type: 'string', maxLength: 64 },
    state: { type: 'string', enum: ['pending', 'rejected'], maxLength: 10 },
    version: { type: 'string', maxLength: 200 },
    reason: { type: 'string', maxLength: 1000 },
    queuedAt: { type: 'integer', minimum: 0, maximum: MAX_EPOCH_MS, multipleOf: 1 },
  },
  required: ['id', 'target', 'docId', 'state', 'version', 'reason', 'queuedAt'],
  indexes: [['state', 'queuedAt']],
} as const;

export const outboxId = (collection: ReplicatedCollection, docId: string) => `${collection}:${docId}`;
