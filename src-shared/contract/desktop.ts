/**
 * The desktop contract: every method the renderer may call on the Node side and every event it may
 * receive. Electron's preload and the browser host's WebSocket expose exactly this, and the Node side
 * validates every incoming request against these schemas before anything runs.
 */
import { z } from 'zod';
import { calendarTableSchema } from './calendar';
import { catalogSchema } from './catalog';
import {
  assembledPdfSchema,
  batchIdSchema,
  digitizeBatchSchema,
  digitizePageSchema,
  ocrPageSchema,
  pageIdSchema,
  pdfMetaSchema,
  refusedInputSchema,
  scannerDeviceSchema,
  scanOptionsSchema,
} from './digitize';
import { FILE_MAX_BYTES, sha256Schema } from './files-api';
import { roleSchema, sessionUserSchema } from './portal-api';
import type { DesktopEvent, DesktopMethod } from './desktop-names';

export type { Catalog } from './catalog';

export * from './desktop-names';

export const LOCK_AFTER_MINUTES_MIN = 1;
export const LOCK_AFTER_MINUTES_MAX = 240;
export const LOCK_AFTER_MINUTES_DEFAULT = 10;

export const settingsSchema = z.object({
  /** Base URL of the central portal, e.g. https://motcua.example.gov.vn */
  portalUrl: z.url().max(300),
  /** Random identity of this workstation, made at first start. */
  workstationId: z.string().min(1).max(64),
  language: z.enum(['vi', 'en']),
  /**
   * Minutes without keyboard, mouse or touch input before the screen locks. No "never": a counter
   * PC holds citizens' personal data and is left alone between applicants.
   */
  lockAfterMinutes: z.number().int().min(LOCK_AFTER_MINUTES_MIN).max(LOCK_AFTER_MINUTES_MAX),
});
export type Settings = z.infer<typeof settingsSchema>;

const empty = z.object({}).strict();

/** Largest `vault.put` / `vault.read` payload: 40,000,000 base64 characters = 30,000,000 bytes. */
export const VAULT_BASE64_MAX = 40_000_000;
/** Most files one `uploads.enqueue` call may queue. */
export const ENQUEUE_MAX = 5000;

/** Same bounds as a `files` document id. */
export const fileIdSchema = z.string().min(1).max(64);

export const UPLOAD_STATES = ['pending', 'uploading', 'done', 'error', 'rejected'] as const;
export type UploadState = (typeof UPLOAD_STATES)[number];

/**
 * Why an upload is in `error` (transient: retried by itself) or `rejected` (permanent: only
 * `uploads.retry` starts it again). The renderer localises by code; `error` carries English detail.
 */
export const UPLOAD_ERROR_CODES = [
  /** error: the portal could not be reached or the connection broke. */
  'network',
  /** error: the portal answered 5xx. */
  'server',
  /** rejected: the portal received other bytes than announced, several times (disk corruption?). */
  'hash-mismatch',
  /** rejected: the local vault no longer holds the file's bytes. */
  'missing-in-vault',
  /** rejected: 403, the portal's message in `error`. */
  'forbidden',
  /** rejected: 413, the file is larger than the portal accepts. */
  'too-large',
  /** rejected: any other refusal (4xx), the portal's message in `error`. */
  'refused',
] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

export const uploadStatusSchema = z.object({
  fileId: fileIdSchema,
  sha256: sha256Schema,
  size: z.number().int().min(0),
  state: z.enum(UPLOAD_STATES),
  /** Bytes the portal holds or is receiving (progress bar); equals size when done. */
  sent: z.number().int().min(0),
  errorCode: z.enum(UPLOAD_ERROR_CODES).nullable(),
  error: z.string().nullable(),
});
export type UploadStatus = z.infer<typeof uploadStatusSchema>;

export const uploadFileSchema = z
  .object({ fileId: fileIdSchema, sha256: sha256Schema, size: z.number().int().min(0).max(FILE_MAX_BYTES) })
  .strict();
export type UploadFile = z.infer<typeof uploadFileSchema>;

/** A user remembered for offline sign-in, without any secret. */
export const knownUserSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  agencyId: z.string(),
  /** Last successful online sign-in on this workstation (ISO 8601). */
  updatedAt: z.string(),
});
export type KnownUser = z.infer<typeof knownUserSchema>;

const credentialsSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict();

/** Outcome of a local password check (see src-main/services/offline-login.ts). */
export const offlineVerifySchema = z.discriminatedUnion('result', [
  z.object({ result: z.literal('ok'), user: sessionUserSchema }),
  /** Never signed in online on this workstation: the first sign-in needs the portal. */
  z.object({ result: z.literal('unknown') }),
  /** Wrong password; the next try waits `retryAfterMs` (0: at once). */
  z.object({ result: z.literal('wrong'), retryAfterMs: z.number().int().min(0) }),
  /** Too many failures: not checked at all; try again after `retryAfterMs`. */
  z.object({ result: z.literal('throttled'), retryAfterMs: z.number().int().min(0) }),
]);
export type OfflineVerify = z.infer<typeof offlineVerifySchema>;

export const watchFolderStatusSchema = z.object({
  folder: z.string().nullable(),
  /** Watching now; false when no folder is set or it cannot be read (see problem). */
  watching: z.boolean(),
  problem: z.string().nullable(),
  /** Files imported since the app started. */
  imported: z.number().int(),
  lastImportAt: z.number().int().nullable(),
});
export type WatchFolderStatus = z.infer<typeof watchFolderStatusSchema>;

type Schemas = { request: z.ZodType; response: z.ZodType };

/** Method name -> request and response schema. */
export const desktopMethods = {
  'app.info': {
    request: empty,
    response: z.object({
      version: z.string(),
      host: z.enum(['electron', 'web']),
      platform: z.string(),
    }),
  },
  'catalog.seed': { request: empty, response: catalogSchema },
  /** The bundled yearly calendar tables (resources/calendar); the portal's copies override them. */
  'calendar.tables': { request: empty, response: z.object({ tables: z.array(calendarTableSchema) }) },
  /**
   * Shows a printable PDF in a window of its own (Electron: the print dialog is one keystroke away).
   * `shown: false` when the host cannot (the browser host): the renderer opens the PDF itself.
   */
  'document.show': {
    request: z.object({ title: z.string().min(1).max(200), pdfBase64: z.string().min(1).max(40_000_000) }).strict(),
    response: z.object({ shown: z.boolean() }),
  },
  'settings.get': { request: empty, response: settingsSchema },
  'settings.update': {
    request: settingsSchema.omit({ workstationId: true }).partial().strict(),
    response: settingsSchema,
  },
  /** Stores bytes in the workstation's content-addressed vault; the same bytes twice are stored once. */
  'vault.put': {
    request: z.object({ bytesBase64: z.base64().max(VAULT_BASE64_MAX) }).strict(),
    response: z.object({ sha256: sha256Schema, size: z.number().int().min(0) }),
  },
  /** The bytes of a stored file (fails when the vault does not hold them). */
  'vault.read': {
    request: z.object({ sha256: sha256Schema }).strict(),
    response: z.object({ bytesBase64: z.string() }),
  },
  /**
   * Queues files (already in the vault) for upload to the portal. A fileId already queued with the
   * same hash is left as it is. `queued`: how many were added or replaced.
   */
  'uploads.enqueue': {
    request: z
      .object({ files: z.array(uploadFileSchema).max(ENQUEUE_MAX) })
      .strict()
      .refine((r) => new Set(r.files.map((f) => f.fileId)).size === r.files.length, { message: 'each fileId at most once', path: ['files'] }),
    response: z.object({ queued: z.number().int().min(0) }),
  },
  /** Every queued upload, and those finished since the app started. */
  'uploads.list': { request: empty, response: z.object({ uploads: z.array(uploadStatusSchema) }) },
  /**
   * Starts or continues uploading to the portal of the settings with this access token (call it
   * again with each new token, and when the network comes back); null pauses (logout).
   */
  'uploads.connect': {
    request: z.object({ accessToken: z.string().min(1).max(8192).nullable() }).strict(),
    response: z.object({}),
  },
  /** Starts a rejected (or waiting) upload again from scratch. */
  'uploads.retry': { request: z.object({ fileId: fileIdSchema }).strict(), response: z.object({}) },
  /**
   * After a successful online sign-in: keeps a salted scrypt verifier of the password (never the
   * password) with the user's role and centre, so later sign-ins and unlocks work offline.
   */
  'auth.remember': {
    request: z.object({ user: sessionUserSchema, password: z.string().min(1).max(256) }).strict(),
    response: z.object({}),
  },
  /** Checks a password against the local verifier; rate-limited per user after repeated failures. */
  'auth.verifyOffline': { request: credentialsSchema, response: offlineVerifySchema },
  /** Users who can sign in offline on this workstation, most recent first. */
  'auth.knownUsers': { request: empty, response: z.object({ users: z.array(knownUserSchema) }) },
  /** Removes a user's local verifier: their next sign-in must be online. */
  'auth.forget': {
    request: z.object({ username: z.string().trim().min(1).max(64) }).strict(),
    response: z.object({ forgotten: z.boolean() }),
  },
  /**
   * Adds one file (image, multi-page TIFF or PDF) to a digitisation batch: each page is queued for
   * preparation and OCR at once, and the call returns before the work is done ('digitize.changed'
   * follows progress). A file that cannot be read is refused with a reason; nothing else is touched.
   */
  'digitize.add': {
    request: z
      .object({
        batchId: batchIdSchema,
        componentId: z.string().max(64),
        name: z.string().min(1).max(255),
        bytesBase64: z.base64().max(VAULT_BASE64_MAX),
        via: z.enum(['file', 'camera']),
      })
      .strict(),
    response: z.object({ pages: z.array(digitizePageSchema), refused: z.array(refusedInputSchema) }),
  },
  /** A batch with its pages in order (an unknown id gives an empty batch). */
  'digitize.batch': { request: z.object({ batchId: batchIdSchema }).strict(), response: digitizeBatchSchema },
  /** Sets the order of the pages (every page once) and, optionally, their components. */
  'digitize.arrange': {
    request: z
      .object({
        batchId: batchIdSchema,
        order: z.array(pageIdSchema).max(2000),
        components: z.record(pageIdSchema, z.string().max(64)).optional(),
      })
      .strict(),
    response: digitizeBatchSchema,
  },
  /** Removes pages (a blank page is removed only this way: the clerk confirms it). */
  'digitize.remove': {
    request: z.object({ batchId: batchIdSchema, pageIds: z.array(pageIdSchema).min(1).max(2000) }).strict(),
    response: digitizeBatchSchema,
  },
  /** Turns a page by the clerk's hand (clockwise) and reads it again. */
  'digitize.rotate': {
    request: z.object({ batchId: batchIdSchema, pageId: pageIdSchema, turns: z.union([z.literal(90), z.literal(180), z.literal(270)]) }).strict(),
    response: digitizePageSchema,
  },
  /** Queues a failed or cancelled page again. */
  'digitize.retry': { request: z.object({ batchId: batchIdSchema, pageId: pageIdSchema }).strict(), response: digitizePageSchema },
  /** Cancels the queued or running work of these pages (all the batch's when absent). */
  'digitize.cancel': {
    request: z.object({ batchId: batchIdSchema, pageIds: z.array(pageIdSchema).max(2000).optional() }).strict(),
    response: z.object({ cancelled: z.number().int() }),
  },
  /** Moves pages from one batch (the watched folder's inbox) into another, assigned to a component. */
  'digitize.take': {
    request: z
      .object({ from: batchIdSchema, to: batchIdSchema, pageIds: z.array(pageIdSchema).min(1).max(2000), componentId: z.string().max(64) })
      .strict(),
    response: digitizeBatchSchema,
  },
  /** A page's prepared colour image: a small thumbnail or the full page. */
  'digitize.pageImage': {
    request: z.object({ batchId: batchIdSchema, pageId: pageIdSchema, size: z.enum(['thumb', 'full']) }).strict(),
    response: z.object({ jpegBase64: z.string() }),
  },
  /** A finished page's OCR: words with boxes and confidences (low ones highlighted in the UI). */
  'digitize.pageText': { request: z.object({ batchId: batchIdSchema, pageId: pageIdSchema }).strict(), response: ocrPageSchema },
  /**
   * Builds the searchable PDF of a component from its finished pages in batch order and stores it in
   * the vault. The pages stay in the batch until the caller has recorded the file and removes them.
   */
  'digitize.assemble': {
    request: z.object({ batchId: batchIdSchema, componentId: z.string().max(64), meta: pdfMetaSchema }).strict(),
    response: assembledPdfSchema,
  },
  /** Deletes a batch and its pages. */
  'digitize.discard': { request: z.object({ batchId: batchIdSchema }).strict(), response: z.object({}) },
  /**
   * Looks for QR codes (the chip ID card's) on a page of a batch or on an image; returns their text
   * as read. The caller parses and shows it: never trusted blindly.
   */
  'digitize.readIdCard': {
    request: z.union([
      z.object({ batchId: batchIdSchema, pageId: pageIdSchema }).strict(),
      z.object({ bytesBase64: z.base64().max(VAULT_BASE64_MAX) }).strict(),
    ]),
    response: z.object({ codes: z.array(z.string()) }),
  },
  /** SANE scanners (`scanimage -L`); `available: false` with a reason when SANE is not installed. */
  'scanner.list': {
    request: empty,
    response: z.object({ available: z.boolean(), devices: z.array(scannerDeviceSchema), problem: z.string().nullable() }),
  },
  /**
   * Scans one page or the whole feeder into a batch; the pages then go through OCR like any other.
   * A scanner failure (jam, empty feeder) is a `problem` in both languages, and the pages scanned
   * before it are kept.
   */
  'scanner.scan': {
    request: z.object({ batchId: batchIdSchema, componentId: z.string().max(64), options: scanOptionsSchema }).strict(),
    response: z.object({ pages: z.array(digitizePageSchema), refused: z.array(refusedInputSchema), problem: z.string().nullable() }),
  },
  /** The folder network scanners drop files into (null: none), and what the watcher last did. */
  'watchFolder.get': { request: empty, response: watchFolderStatusSchema },
  /** Sets (or clears) the watched folder; files already in it are picked up. */
  'watchFolder.set': { request: z.object({ folder: z.string().min(1).max(1000).nullable() }).strict(), response: watchFolderStatusSchema },
} as const satisfies Record<DesktopMethod, Schemas>;

/** Event name -> payload schema (Node side -> renderer). */
export const desktopEvents = {
  'settings.changed': settingsSchema,
  /** One upload changed state, or made progress (at most every 250 ms per file). */
  'uploads.changed': uploadStatusSchema,
  /** The portal refused the access token: uploads wait for `uploads.connect` with a new one. */
  'uploads.tokenExpired': z.object({}),
  /** A batch changed (pages added, progress, done, removed); at most a few times a second. */
  'digitize.changed': digitizeBatchSchema,
  'watchFolder.changed': watchFolderStatusSchema,
} as const satisfies Record<DesktopEvent, z.ZodType>;

// Compile-time check: no schema without a name in desktop-names.ts.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: [Exact<keyof typeof desktopMethods, DesktopMethod>, Exact<keyof typeof desktopEvents, DesktopEvent>] = [true, true];
void namesMatch;
export type MethodRequest<M extends DesktopMethod> = z.input<(typeof desktopMethods)[M]['request']>;
export type MethodResponse<M extends DesktopMethod> = z.output<(typeof desktopMethods)[M]['response']>;
export type EventPayload<E extends DesktopEvent> = z.output<(typeof desktopEvents)[E]>;

/** The object the preload puts on `window.motcua` (and the browser bridge imitates). */
export interface DesktopApi {
  invoke<M extends DesktopMethod>(method: M, request: MethodRequest<M>): Promise<MethodResponse<M>>;
  on<E extends DesktopEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

