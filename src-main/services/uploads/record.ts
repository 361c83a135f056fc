/** One queued upload as kept on disk (one small JSON file each) and as the renderer sees it. */
import { z } from 'zod';
import {
  fileIdSchema,
  UPLOAD_ERROR_CODES,
  type UploadErrorCode,
  type UploadStatus,
} from '../../../src-shared/contract/desktop';
import { sha256Schema } from '../../../src-shared/contract/files-api';

/** `done` is never stored: a finished upload's file is removed from the queue folder. */
export const STORED_STATES = ['pending', 'uploading', 'error', 'rejected'] as const;

export const uploadRecordSchema = z.object({
  fileId: fileIdSchema,
  sha256: sha256Schema,
  size: z.number().int().min(0),
  /** The portal's tus URL for this upload, saved as soon as the portal creates it (resume after a restart). */
  uploadUrl: z.string().max(2000).nullable(),
  state: z.enum(STORED_STATES),
  attempts: z.number().int().min(0),
  errorCode: z.enum(UPLOAD_ERROR_CODES).nullable(),
  error: z.string().max(1000).nullable(),
  /** Times the portal refused the received bytes as not matching the hash. */
  hashMismatches: z.number().int().min(0),
  queuedAt: z.number(),
});
export type UploadRecord = z.infer<typeof uploadRecordSchema>;

export function newRecord(file: { fileId: string; sha256: string; size: number }, now = Date.now()): UploadRecord {
  return { ...file, uploadUrl: null, state: 'pending', attempts: 0, errorCode: null, error: null, hashMismatches: 0, queuedAt: now };
}

export function statusOf(record: UploadRecord, sent: number): UploadStatus {
  const { fileId, sha256, size, state, errorCode, error } = record;
  return { fileId, sha256, size, state, sent, errorCode, error };
}

export function doneStatus({ fileId, sha256, size }: { fileId: string; sha256: string; size: number }): UploadStatus {
  return { fileId, sha256, size, state: 'done', sent: size, errorCode: null, error: null };
}

export type { UploadErrorCode };
