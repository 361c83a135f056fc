/**
 * Files between a workstation and the portal. The bytes travel over the tus 1.0.0 resumable-upload
 * protocol (https://tus.io/protocols/resumable-upload), separately from their metadata document
 * (`files` collection): the metadata may arrive first, and the portal tracks what is still missing.
 * Blobs are content-addressed by SHA-256 per centre; the portal verifies the hash when an upload
 * completes and refuses the upload (and forgets its bytes) on a mismatch.
 */
import { z } from 'zod';
import { API_PREFIX } from './sync';

/** tus endpoint: POST here creates an upload; HEAD/PATCH/DELETE on the Location it returns. */
export const UPLOADS_PATH = `${API_PREFIX}/files/uploads`;
/** GET `${BLOBS_PATH}/<sha256>` downloads a stored blob of the caller's centre (404 otherwise). */
export const BLOBS_PATH = `${API_PREFIX}/files/blobs`;
/** GET `?sha256=<hex>,<hex>…` (at most STATUS_MAX) → BlobStatusResponse. */
export const BLOB_STATUS_PATH = `${API_PREFIX}/files/status`;
/** GET `?limit=&after=<fileId>` → MissingFilesResponse: metadata whose bytes have not arrived. */
export const MISSING_FILES_PATH = `${API_PREFIX}/files/missing`;

/** Largest file accepted (a long colour scan as PDF stays well below it). */
export const FILE_MAX_BYTES = 200 * 1024 * 1024;
export const STATUS_MAX = 100;
export const MISSING_LIMIT_MAX = 1000;

/** Keys of the tus Upload-Metadata header. `sha256` is required, `fileId` names the metadata doc. */
export const UPLOAD_METADATA = { sha256: 'sha256', fileId: 'fileId' } as const;

/** Status of the final PATCH when the received bytes do not hash to the announced SHA-256. */
export const HASH_MISMATCH_STATUS = 460;

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

export interface BlobStatusResponse {
  /** The requested hashes the portal holds for the caller's centre. */
  stored: string[];
}

export interface MissingFile {
  fileId: string;
  dossierId: string;
  sha256: string;
  size: number;
}

export interface MissingFilesResponse {
  missing: MissingFile[];
  /** How many metadata documents of the centre still lack their bytes, in all. */
  total: number;
}

/** `GET BLOB_STATUS_PATH?sha256=a,b`: comma-separated (a repeated parameter is accepted too). */
export const blobStatusQuerySchema = z.object({
  sha256: z
    .union([z.string(), z.array(z.string())], 'a comma-separated list of SHA-256 hashes')
    .transform((v) => (Array.isArray(v) ? v.join(',') : v).split(',').filter((s) => s !== ''))
    .pipe(z.array(sha256Schema).min(1, 'at least one hash').max(STATUS_MAX, `at most ${STATUS_MAX} hashes`)),
});

/** `GET MISSING_FILES_PATH?limit=&after=`: pages ordered by fileId; `after` is the last fileId seen. */
export const missingFilesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MISSING_LIMIT_MAX).default(100),
  after: z.string().min(1).max(64).optional(),
});
