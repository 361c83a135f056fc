/**
 * Document shapes stored in RxDB on the workstation and replicated to the portal.
 * The JSON schemas are the single definition: RxDB uses them for storage and indexes,
 * the portal validates pushed documents against the same objects.
 *
 * Indexes are chosen for index-backed queries at 200,000 dossiers: Dexie never uses an index for a
 * `desc` sort, so "newest first" lists sort ascending on an inverted key (`receivedInv`).
 */
import type { Channel, DossierStatus } from '../domain/dossier-status';

/** Largest epoch-ms value the schemas accept (year 2286); also the base of inverted sort keys. */
export const MAX_EPOCH_MS = 9_999_999_999_999;

export interface Applicant {
  kind: 'individual' | 'organisation';
  name: string;
}

/** A dossier (hồ sơ) received at the counter. */
export interface DossierDoc {
  id: string;
  agencyId: string;
  workstationId: string;
  /** Dossier code (mã hồ sơ); empty until issued. */
  code: string;
  procedureCode: string;
  procedureName: string;
  applicant: Applicant;
  channel: Channel;
  status: DossierStatus;
  receivedAt: number;
  /** `yyyy-MM-dd` in Vietnam time: the ledger day. */
  receivedDay: string;
  /** MAX_EPOCH_MS - receivedAt: ascending sort on it lists newest first. */
  receivedInv: number;
  receivedBy: string;
  updatedAt: number;
}

/** Append-only event on a dossier (the control slip, phiếu kiểm soát, is built from these). */
export interface DossierEventDoc {
  id: string;
  dossierId: string;
  agencyId: string;
  type: 'received' | 'statusChanged' | 'transferred' | 'supplementRequested' | 'returned' | 'note';
  at: number;
  by: string;
  data: Record<string, unknown>;
}

/** Metadata of a file in the vault; the bytes live in the encrypted vault, not in RxDB. */
export interface FileMetaDoc {
  id: string;
  dossierId: string;
  agencyId: string;
  componentId: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: number;
}

const epochMs = { type: 'integer', minimum: 0, maximum: MAX_EPOCH_MS, multipleOf: 1 } as const;
const id = { type: 'string', maxLength: 64, minLength: 1 } as const;
const agencyId = { type: 'string', maxLength: 20, minLength: 1 } as const;

export const dossierSchema = {
  title: 'dossier',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    agencyId,
    workstationId: { type: 'string', maxLength: 64 },
    code: { type: 'string', maxLength: 40 },
    procedureCode: { type: 'string', maxLength: 32 },
    procedureName: { type: 'string', maxLength: 500 },
    applicant: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['individual', 'organisation'] },
        name: { type: 'string', minLength: 1, maxLength: 200 },
      },
      required: ['kind', 'name'],
      additionalProperties: false,
    },
    channel: { type: 'integer', enum: [1, 2, 3] },
    status: { type: 'integer', minimum: 1, maximum: 10, multipleOf: 1 },
    receivedAt: epochMs,
    receivedDay: { type: 'string', maxLength: 10, minLength: 10 },
    receivedInv: epochMs,
    receivedBy: { type: 'string', maxLength: 64 },
    updatedAt: epochMs,
  },
  required: [
    'id', 'agencyId', 'workstationId', 'code', 'procedureCode', 'procedureName', 'applicant',
    'channel', 'status', 'receivedAt', 'receivedDay', 'receivedInv', 'receivedBy', 'updatedAt',
  ],
  additionalProperties: false,
  indexes: [['receivedDay', 'receivedInv'], ['status', 'receivedInv'], ['procedureCode', 'receivedInv'], 'receivedInv', 'code'],
} as const;

export const dossierEventSchema = {
  title: 'dossier event',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    dossierId: id,
    agencyId,
    type: { type: 'string', enum: ['received', 'statusChanged', 'transferred', 'supplementRequested', 'returned', 'note'], maxLength: 32 },
    at: epochMs,
    by: { type: 'string', maxLength: 64 },
    data: { type: 'object' },
  },
  required: ['id', 'dossierId', 'agencyId', 'type', 'at', 'by', 'data'],
  additionalProperties: false,
  indexes: [['dossierId', 'at']],
} as const;

export const fileMetaSchema = {
  title: 'file metadata',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    dossierId: id,
    agencyId,
    componentId: { type: 'string', maxLength: 64 },
    name: { type: 'string', maxLength: 255 },
    mime: { type: 'string', maxLength: 100 },
    size: { type: 'integer', minimum: 0, maximum: 10_000_000_000, multipleOf: 1 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64 },
    createdAt: epochMs,
  },
  required: ['id', 'dossierId', 'agencyId', 'componentId', 'name', 'mime', 'size', 'sha256', 'createdAt'],
  additionalProperties: false,
  indexes: [['dossierId', 'componentId']],
} as const;

/** Collections replicated with the portal, and the schema the portal validates each against. */
export const REPLICATED_SCHEMAS = {
  dossiers: dossierSchema,
  dossierEvents: dossierEventSchema,
  files: fileMetaSchema,
} as const;

export type ReplicatedCollection = keyof typeof REPLICATED_SCHEMAS;
export const REPLICATED_COLLECTIONS = Object.keys(REPLICATED_SCHEMAS) as ReplicatedCollection[];

export function isReplicatedCollection(name: string): name is ReplicatedCollection {
  return Object.prototype.hasOwnProperty.call(REPLICATED_SCHEMAS, name);
}
