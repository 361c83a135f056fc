/**
 * Attaches files to a dossier component: checks each file, stores its bytes in the workstation's
 * vault (Node side), writes its metadata with outbox rows for the record and for the bytes, and
 * queues the upload. A file that fails a check is reported and nothing of it is kept; the others go on.
 */
import type { FileMetaDoc } from '../../src-shared/contract/documents';
import { VAULT_BASE64_MAX } from '../../src-shared/contract/desktop';
import { desktop } from '../bridge';
import { bytesToBase64 } from '../bridge/base64';
import type { Workspace } from '../runtime';
import { queueBlob, queueChange } from '../sync/outbox';
import { enqueueUploads } from '../sync/file-uploads';
import { sniffMime } from './file-kind';

/** Largest file the vault takes in one call (base64 inflates by 4/3). */
export const ATTACH_MAX_BYTES = Math.floor((VAULT_BASE64_MAX * 3) / 4);

export type AttachProblem = 'empty' | 'too-large' | 'wrong-type' | 'unreadable';

export interface AttachOutcome {
  attached: FileMetaDoc[];
  refused: { name: string; problem: AttachProblem }[];
}

/** A file whose bytes are already in the vault, to be recorded for a dossier component. */
export interface VaultFile {
  componentId: string;
  name: string;
  mime: string;
  sha256: string;
  size: number;
}

/**
 * Records a vault file as a dossier's FileMetaDoc, with outbox rows for the record and for the
 * bytes, and queues the upload. Used for attached files and for digitised PDFs alike.
 */
export async function recordVaultFile(ws: Workspace, dossier: { id: string; agencyId: string }, file: VaultFile): Promise<FileMetaDoc> {
  const meta: FileMetaDoc = {
    id: crypto.randomUUID(),
    dossierId: dossier.id,
    agencyId: dossier.agencyId,
    componentId: file.componentId,
    name: file.name.slice(0, 255),
    mime: file.mime,
    size: file.size,
    sha256: file.sha256,
    createdAt: Date.now(),
  };
  // Rows first: the push and the uploader must find them as soon as the record exists.
  await queueChange(ws.db, 'files', { ...meta });
  await queueBlob(ws.db, meta);
  await ws.db.files.insert(meta);
  await enqueueUploads([{ fileId: meta.id, sha256: meta.sha256, size: meta.size }]);
  return meta;
}

async function attachOne(ws: Workspace, dossier: { id: string; agencyId: string }, componentId: string, file: File): Promise<FileMetaDoc | AttachProblem> {
  if (file.size === 0) return 'empty';
  if (file.size > ATTACH_MAX_BYTES) return 'too-large';
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return 'unreadable';
  }
  const mime = sniffMime(bytes.subarray(0, 8));
  if (!mime) return 'wrong-type';
  const { sha256, size } = await desktop().invoke('vault.put', { bytesBase64: bytesToBase64(bytes) });
  return recordVaultFile(ws, dossier, { componentId, name: file.name, mime, sha256, size });
}

export async function attachFiles(ws: Workspace, dossier: { id: string; agencyId: string }, componentId: string, files: File[]): Promise<AttachOutcome> {
  const outcome: AttachOutcome = { attached: [], refused: [] };
  for (const file of files) {
    const result = await attachOne(ws, dossier, componentId, file);
    if (typeof result === 'string') outcome.refused.push({ name: file.name, problem: result });
    else outcome.attached.push(result);
  }
  return outcome;
}
