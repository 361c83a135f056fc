/** The Upload-Metadata a client must send (UPLOAD_METADATA in the contract), already base64-decoded. */
import { sha256Schema, UPLOAD_METADATA } from '../../src-shared/contract/files-api';

export interface UploadMeta {
  sha256: string;
  fileId?: string;
}

/** The announced metadata, or a message a person can read (what is wrong, never the value). */
export function readUploadMeta(metadata: Record<string, string | null> | undefined): UploadMeta | string {
  const sha256 = metadata?.[UPLOAD_METADATA.sha256];
  if (sha256 === undefined || sha256 === null) {
    return `Upload-Metadata must carry "${UPLOAD_METADATA.sha256}": the SHA-256 of the file, in lower-case hex, base64-encoded as tus requires`;
  }
  if (!sha256Schema.safeParse(sha256).success) {
    return `Upload-Metadata "${UPLOAD_METADATA.sha256}" must be a SHA-256 in lower-case hex (64 characters), base64-encoded`;
  }
  const fileId = metadata?.[UPLOAD_METADATA.fileId];
  if (fileId === undefined) return { sha256 };
  if (fileId === null || fileId.length === 0 || fileId.length > 64) {
    return `Upload-Metadata "${UPLOAD_METADATA.fileId}" must be the id of the file's metadata document (1 to 64 characters)`;
  }
  return { sha256, fileId };
}
