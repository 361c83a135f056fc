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
  const meta: FileMetaDoc = {
    id: crypto.randomUUID(),
    dossierId: dossier.id,
    agencyId: dossier.agencyId,
    componentId,
    name: file.name.slice(0, 255),
    mime,
    size,
    sha256,
    createdAt: Date.now(),
  };
  // Rows first: the push and the uploader must find them as soon as the record exists.
  await queueChange(ws.db, 'files', { ...meta });
  await queueBlob(ws.db, meta);
  await ws.db.files.insert(meta);
  return meta;
}

export async function attachFiles(ws: Workspace, dossier: { id: string; agencyId: string }, componentId: string, files: File[]): Promise<AttachOutcome> {
  const outcome: AttachOutcome = { attached: [], refused: [] };
  for (const file of files) {
    const result = await attachOne(ws, dossier, componentId, file);
    if (typeof result === 'string') outcome.refused.push({ name: file.name, problem: result });
    else outcome.attached.push(result);
  }
  await enqueueUploads(outcome.attached.map((m) => ({ fileId: m.id, sha256: m.sha256, size: m.size })));
  return outcome;
}
