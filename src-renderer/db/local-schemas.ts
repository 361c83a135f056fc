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

/** What an outbox row tracks: a replicated document, or the bytes of a file (`blobs`, docId = file id). */
export type OutboxTarget = ReplicatedCollection | 'blobs';
/**
 * pending: waiting to be sent; uploading: a file's bytes are on their way; error: the last attempt
 * failed and will be retried; rejected: refused for good by the portal, set aside with its reason.
 * A record with no row is synced.
 */
export const OUTBOX_STATES = ['pending', 'uploading', 'error', 'rejected'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * The outbox: one row per local change not yet accepted by the portal (or rejected by it).
 * A row disappears when the portal accepts exactly the version it records.
 */
export interface OutboxDoc {
  id: string;
  /** Named so because RxDocument reserves `collection`. */
  target: OutboxTarget;
  docId: string;
  /** The dossier the change belongs to: a record's sync state gathers its rows. */
  dossierId: string;
  state: OutboxState;
  /** Fingerprint of the local version waiting to be accepted (a file's SHA-256 for blobs). */
  version: string;
  reason: string;
  attempts: number;
  queuedAt: number;
}
export const outboxSchema = {
  title: 'outbox',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    target: { type: 'string', maxLength: 32 },
    docId: { type: 'string', maxLength: 64 },
    dossierId: { type: 'string', maxLength: 64 },
    state: { type: 'string', enum: [...OUTBOX_STATES], maxLength: 10 },
    version: { type: 'string', maxLength: 200 },
    reason: { type: 'string', maxLength: 1000 },
    attempts: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    queuedAt: { type: 'integer', minimum: 0, maximum: MAX_EPOCH_MS, multipleOf: 1 },
  },
  required: ['id', 'target', 'docId', 'dossierId', 'state', 'version', 'reason', 'attempts', 'queuedAt'],
  indexes: [['state', 'queuedAt'], ['dossierId', 'queuedAt']],
} as const;

export const outboxId = (target: OutboxTarget, docId: string) => `${target}:${docId}`;

/**
 * A conflict no rule could settle (docs/sync-protocol.md): the portal's version is in the database,
 * the local one is kept here until a person chooses. Never deleted, so the choice stays on record.
 */
export interface ConflictDoc {
  id: string;
  target: ReplicatedCollection;
  docId: string;
  dossierId: string;
  /** Field groups both sides changed (dossier-merge.ts), or ['document'] for immutable records. */
  groups: string[];
  local: Record<string, unknown>;
  portal: Record<string, unknown>;
  state: 'open' | 'resolved';
  resolution: '' | 'portal' | 'local';
  detectedAt: number;
  resolvedAt: number;
  resolvedBy: string;
}
export const conflictSchema = {
  title: 'conflict',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    target: { type: 'string', maxLength: 32 },
    docId: { type: 'string', maxLength: 64 },
    dossierId: { type: 'string', maxLength: 64 },
    groups: { type: 'array', items: { type: 'string', maxLength: 32 } },
    local: { type: 'object' },
    portal: { type: 'object' },
    state: { type: 'string', enum: ['open', 'resolved'], maxLength: 10 },
    resolution: { type: 'string', enum: ['', 'portal', 'local'], maxLength: 10 },
    detectedAt: { type: 'integer', minimum: 0, maximum: MAX_EPOCH_MS, multipleOf: 1 },
    resolvedAt: { type: 'integer', minimum: 0, maximum: MAX_EPOCH_MS, multipleOf: 1 },
    resolvedBy: { type: 'string', maxLength: 64 },
  },
  required: ['id', 'target', 'docId', 'dossierId', 'groups', 'local', 'portal', 'state', 'resolution', 'detectedAt', 'resolvedAt', 'resolvedBy'],
  indexes: [['state', 'detectedAt'], ['dossierId', 'detectedAt']],
} as const;
