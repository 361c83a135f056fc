/**
 * Document shapes stored in RxDB on the workstation and replicated to the portal.
 * The JSON schemas are the single definition: RxDB uses them for storage and indexes,
 * the portal validates pushed documents against the same objects.
 *
 * Indexes are chosen for index-backed queries at 200,000 dossiers: Dexie never uses an index for a
 * `desc` sort, so "newest first" lists sort ascending on an inverted key (`receivedInv`).
 */
import type { Channel, DossierStatus } from '../domain/dossier-status';
import type { ComponentForm, LimitUnit } from './catalog';
import { COMPONENT_FORMS, LIMIT_UNITS } from './catalog';

/** Largest epoch-ms value the schemas accept (year 2286); also the base of inverted sort keys. */
export const MAX_EPOCH_MS = 9_999_999_999_999;

/** The applicant (chủ hồ sơ). Optional text fields are '' when not given, so they can be indexed. */
export interface Applicant {
  kind: 'individual' | 'organisation';
  name: string;
  /** 12-digit personal identification number (số định danh cá nhân, on the CCCD card). */
  idNumber: string;
  /** `yyyy-MM-dd`. */
  birthDate: string;
  gender: 'male' | 'female' | '';
  /** Organisations: tax code (mã số thuế), 10 digits or 10-3. */
  taxCode: string;
  phone: string;
  email: string;
  address: string;
}

/** A component of the dossier (thành phần hồ sơ) as checked at the counter. */
export interface DossierComponent {
  id: string;
  name: string;
  form: ComponentForm;
  /** Copies the procedure asks for. */
  quantity: number;
  /** Copies actually handed in (0 = missing). */
  submitted: number;
  optional: boolean;
}

export type ReturnMethod = 'inPerson' | 'postal' | 'electronic';

/**
 * A dossier (hồ sơ). Every status change also writes a DossierEventDoc; the fields here are the
 * current state, the events are the history. Times are epoch ms, 0 when not (yet) applicable.
 */
export interface DossierDoc {
  id: string;
  agencyId: string;
  workstationId: string;
  /** Dossier code (mã hồ sơ); '' unless the dossier was received (never for a refusal). */
  code: string;
  procedureCode: string;
  procedureName: string;
  procedureField: string;
  /** Competent body (cơ quan chủ trì giải quyết). */
  processingBody: string;
  limit: { unit: LimitUnit; value: number };
  applicant: Applicant;
  /** Search keys: folded lower-case full name, its last word (the given name), ID or tax code, phone digits. */
  nameKey: string;
  givenNameKey: string;
  idKey: string;
  phoneKey: string;
  channel: Channel;
  /** Number of sets (số lượng hồ sơ, bộ). */
  sets: number;
  components: DossierComponent[];
  notes: string;
  status: DossierStatus;
  /** Valid reception (clock start) or, for dossiers never received, the counter check. */
  receivedAt: number;
  /** `yyyy-MM-dd` in Vietnam time: the ledger day. */
  receivedDay: string;
  /** MAX_EPOCH_MS - receivedAt: ascending sort on it lists newest first. */
  receivedInv: number;
  receivedBy: string;
  /** Appointment to return the result (ngày hẹn trả); moves only by supplement time or a reschedule. */
  appointmentAt: number;
  /** Ledger entry (Sổ theo dõi hồ sơ): volume (quyển) and number in it. */
  ledgerVolume: string;
  ledgerNumber: number;
  transferredAt: number;
  resultAt: number;
  returnedAt: number;
  /** Who signed for the result (ký nhận) and how it was returned. */
  returnedTo: string;
  returnMethod: ReturnMethod | '';
  /** Start of the current wait for the applicant's supplement (clock paused), 0 when not waiting. */
  pausedSince: number;
  /** Supplement requests and reschedules made (the rules allow one of each). */
  supplementRequests: number;
  reschedules: number;
  /** End of processing (status 9, else 10, else 8/3/7), for the on-time indicator. */
  finishedAt: number;
  updatedAt: number;
}

export const DOSSIER_EVENT_TYPES = [
  'received',
  'supplementRequested',
  'supplemented',
  'refused',
  'transferred',
  'feeRequested',
  'feePaid',
  'resultReceived',
  'returned',
  'withdrawn',
  'stopped',
  'rescheduled',
] as const;
export type DossierEventType = (typeof DOSSIER_EVENT_TYPES)[number];

/** Append-only event on a dossier: who, when, from which status to which, and why. */
export interface DossierEventDoc {
  id: string;
  dossierId: string;
  agencyId: string;
  type: DossierEventType;
  at: number;
  by: string;
  /** Status before (0 for the first event) and after. */
  from: number;
  to: number;
  reason: string;
  /** Details of the action (missing components, new appointment, recipient …). */
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

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
/** A civil day `yyyy-MM-dd`. */
const isoDay = { type: 'string', maxLength: 10, minLength: 10 } as const;
const count = { type: 'integer', minimum: 0, maximum: 1000, multipleOf: 1 } as const;

export const dossierSchema = {
  title: 'dossier',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    agencyId,
    workstationId: text(64),
    code: text(40),
    procedureCode: text(32),
    procedureName: text(500),
    procedureField: text(200),
    processingBody: text(300),
    limit: {
      type: 'object',
      properties: { unit: { type: 'string', enum: LIMIT_UNITS }, value: { type: 'number', minimum: 0, maximum: 365 } },
      required: ['unit', 'value'],
      additionalProperties: false,
    },
    applicant: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['individual', 'organisation'] },
        name: { type: 'string', minLength: 1, maxLength: 200 },
        idNumber: { type: 'string', pattern: '^$|^[0-9]{12}$' },
        birthDate: { type: 'string', pattern: '^$|^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
        gender: { type: 'string', enum: ['male', 'female', ''] },
        // z-schema refuses optional groups as potential ReDoS: plain alternatives only.
        taxCode: { type: 'string', pattern: '^$|^[0-9]{10}$|^[0-9]{10}-[0-9]{3}$|^[0-9]{12}$' },
        phone: text(20),
        email: text(254),
        address: text(500),
      },
      required: ['kind', 'name', 'idNumber', 'birthDate', 'gender', 'taxCode', 'phone', 'email', 'address'],
      additionalProperties: false,
    },
    nameKey: text(200),
    givenNameKey: text(60),
    idKey: text(20),
    phoneKey: text(20),
    channel: { type: 'integer', enum: [1, 2, 3] },
    sets: { type: 'integer', minimum: 1, maximum: 99, multipleOf: 1 },
    components: {
      type: 'array',
      maxItems: 60,
      items: {
        type: 'object',
        properties: {
          id: text(32),
          name: text(500),
          form: { type: 'string', enum: COMPONENT_FORMS },
          quantity: count,
          submitted: count,
          optional: { type: 'boolean' },
        },
        required: ['id', 'name', 'form', 'quantity', 'submitted', 'optional'],
        additionalProperties: false,
      },
    },
    notes: text(2000),
    status: { type: 'integer', minimum: 1, maximum: 10, multipleOf: 1 },
    receivedAt: epochMs,
    receivedDay: isoDay,
    receivedInv: epochMs,
    receivedBy: text(64),
    appointmentAt: epochMs,
    ledgerVolume: text(40),
    ledgerNumber: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    transferredAt: epochMs,
    resultAt: epochMs,
    returnedAt: epochMs,
    returnedTo: text(200),
    returnMethod: { type: 'string', enum: ['inPerson', 'postal', 'electronic', ''] },
    pausedSince: epochMs,
    supplementRequests: count,
    reschedules: count,
    finishedAt: epochMs,
    updatedAt: epochMs,
  },
  required: [
    'id', 'agencyId', 'workstationId', 'code', 'procedureCode', 'procedureName', 'procedureField', 'processingBody',
    'limit', 'applicant', 'nameKey', 'givenNameKey', 'idKey', 'phoneKey', 'channel', 'sets', 'components', 'notes',
    'status', 'receivedAt', 'receivedDay', 'receivedInv', 'receivedBy', 'appointmentAt', 'ledgerVolume', 'ledgerNumber',
    'transferredAt', 'resultAt', 'returnedAt', 'returnedTo', 'returnMethod', 'pausedSince', 'supplementRequests',
    'reschedules', 'finishedAt', 'updatedAt',
  ],
  additionalProperties: false,
  indexes: [
    ['receivedDay', 'receivedInv'],
    ['status', 'receivedInv'],
    ['status', 'appointmentAt'],
    ['procedureCode', 'receivedInv'],
    'receivedInv',
    'code',
    ['nameKey', 'receivedInv'],
    ['givenNameKey', 'receivedInv'],
    ['idKey', 'receivedInv'],
    ['phoneKey', 'receivedInv'],
  ],
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
    type: { type: 'string', enum: DOSSIER_EVENT_TYPES, maxLength: 32 },
    at: epochMs,
    by: text(64),
    from: { type: 'integer', minimum: 0, maximum: 10, multipleOf: 1 },
    to: { type: 'integer', minimum: 1, maximum: 10, multipleOf: 1 },
    reason: text(2000),
    data: { type: 'object' },
  },
  required: ['id', 'dossierId', 'agencyId', 'type', 'at', 'by', 'from', 'to', 'reason', 'data'],
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

/**
 * A supervisor's sign-off of a centre's ledger day (ký duyệt sổ theo dõi). Append-only: a day signed
 * again after amendments gets a new document; the newest one is the day's seal. `lines` holds one
 * SHA-256 per ledger entry as it was signed, so later changes show as amendments line by line;
 * `seal` is the SHA-256 over the day, the signer, the time and those line hashes (docs/signoff.md).
 */
export interface SignoffDoc {
  id: string;
  agencyId: string;
  /** Ledger day `yyyy-MM-dd` (Vietnam time). */
  day: string;
  signedBy: string;
  signerName: string;
  signedAt: number;
  workstationId: string;
  lines: { dossierId: string; hash: string }[];
  seal: string;
  note: string;
}

const sha256Hex = { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64 } as const;

export const signoffSchema = {
  title: 'ledger day sign-off',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    agencyId,
    day: isoDay,
    signedBy: text(64),
    signerName: text(200),
    signedAt: epochMs,
    workstationId: text(64),
    lines: {
      type: 'array',
      maxItems: 20_000,
      items: {
        type: 'object',
        properties: { dossierId: id, hash: sha256Hex },
        required: ['dossierId', 'hash'],
        additionalProperties: false,
      },
    },
    seal: sha256Hex,
    note: text(2000),
  },
  required: ['id', 'agencyId', 'day', 'signedBy', 'signerName', 'signedAt', 'workstationId', 'lines', 'seal', 'note'],
  additionalProperties: false,
  indexes: [['day', 'signedAt']],
} as const;

/** Collections replicated with the portal, and the schema the portal validates each against. */
export const REPLICATED_SCHEMAS = {
  dossiers: dossierSchema,
  dossierEvents: dossierEventSchema,
  files: fileMetaSchema,
  signoffs: signoffSchema,
} as const;

export type ReplicatedCollection = keyof typeof REPLICATED_SCHEMAS;
export const REPLICATED_COLLECTIONS = Object.keys(REPLICATED_SCHEMAS) as ReplicatedCollection[];

export function isReplicatedCollection(name: string): name is ReplicatedCollection {
  return Object.prototype.hasOwnProperty.call(REPLICATED_SCHEMAS, name);
}
