/**
 * What happens when the last byte of an upload arrives: hash the received file, refuse it on a
 * mismatch (and forget its bytes), otherwise move it into the blob store and record it for the
 * centre. Runs once per upload at a time: a retried final PATCH waits for the first and shares its
 * outcome.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Caller } from '../auth/access-token';
import type { Database } from '../db/types';
import type { BlobStore } from './blob-store';
import { isBlobStored, recordBlob } from './blob-table';
import { sha256OfFile } from './hash';

export type FinishOutcome =
  | { kind: 'stored'; created: boolean; /** null when an earlier request stored it */ size: number | null }
  | { kind: 'mismatch'; actual: string }
  /** The upload's bytes are gone and the blob is not stored either (finished and refused earlier). */
  | { kind: 'gone' };

export interface FinishDeps {
  db: Database;
  blobs: BlobStore;
  /** The tus FileStore's folder: an upload's bytes are `<uploadsDir>/<id>`, its info `<id>.json`. */
  uploadsDir: string;
}

export class UploadFinisher {
  private readonly running = new Map<string, Promise<FinishOutcome>>();

  constructor(private readonly deps: FinishDeps) {}

  finish(uploadId: string, announced: string, caller: Caller): Promise<FinishOutcome> {
    const current = this.running.get(uploadId);
    if (current) return current;
    const run = this.run(uploadId, announced, caller).finally(() => this.running.delete(uploadId));
    this.running.set(uploadId, run);
    return run;
  }

  private async run(uploadId: string, announced: string, caller: Caller): Promise<FinishOutcome> {
    const { db, blobs, uploadsDir } = this.deps;
    const bytes = join(uploadsDir, uploadId);
    let received: { sha256: string; size: number };
    try {
      received = await sha256OfFile(bytes);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      // Already finished by an earlier request whose answer the client did not get.
      return (await isBlobStored(db, caller.agencyId, announced)) ? { kind: 'stored', created: false, size: null } : { kind: 'gone' };
    }
    const forgetUpload = async () => {
      await rm(bytes, { force: true });
      await rm(`${bytes}.json`, { force: true });
    };
    if (received.sha256 !== announced) {
      await forgetUpload();
      return { kind: 'mismatch', actual: received.sha256 };
    }
    const key = { agencyId: caller.agencyId, sha256: received.sha256 };
    // Bytes first, row second: a crash in between leaves a blob without a row, which the next upload
    // of the same file repairs (the reverse would claim bytes that do not exist).
    await blobs.put(key, bytes);
    const created = await recordBlob(db, { ...key, size: received.size, storedBy: caller.username });
    await forgetUpload();
    return { kind: 'stored', created, size: received.size };
  }
}
