/**
 * The tus 1.0.0 endpoint (@tus/server over @tus/file-store). Access rules (token, role, centre of the
 * upload id) are checked by the Fastify route before a request reaches here; this module names
 * uploads by centre, validates their metadata and runs the hash check when an upload completes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server, type ServerOptions } from '@tus/server';
import type { FastifyBaseLogger } from 'fastify';
import { FILE_MAX_BYTES, HASH_MISMATCH_STATUS, UPLOADS_PATH } from '../../src-shared/contract/files-api';
import type { Caller } from '../auth/access-token';
import type { Database } from '../db/types';
import type { BlobStore } from './blob-store';
import { UploadFinisher } from './finish';
import { readUploadMeta } from './metadata';
import { sweepIdleUploads } from './sweep';
import { newUploadId } from './upload-id';

/** An unfinished upload nobody wrote to for this long is forgotten (HEAD then answers 404). */
export const UPLOAD_IDLE_MS = 30 * 24 * 3600 * 1000;

type TusRequest = Parameters<NonNullable<ServerOptions['onUploadCreate']>>[0];

/** tus errors are plain objects with a status and a text body (thrown from hooks, sent as is). */
const tusError = (status_code: number, body: string) => ({ status_code, body: `${body}\n` });

/** The answer (with HASH_MISMATCH_STATUS) to an upload whose bytes are not the announced ones. */
const mismatchBody = (announced: string, actual: string) =>
  `The received bytes do not match the announced SHA-256 (${announced}); they hash to ${actual}. The upload was discarded: upload the file again.\n`;

export interface TusUploads {
  handle(req: IncomingMessage, res: ServerResponse, caller: Caller): Promise<void>;
  /**
   * An upload whose bytes all arrived but whose hash check never ran (the portal died in between)
   * is finished now. Returns the answer to give instead of tus's, or null to let tus answer.
   */
  finishStalled(uploadId: string, caller: Caller): Promise<{ status: number; body: string } | null>;
  /** Deletes unfinished uploads idle for more than UPLOAD_IDLE_MS; returns how many. */
  sweep(): Promise<number>;
}

export async function createTusUploads(deps: {
  db: Database;
  blobs: BlobStore;
  uploadsDir: string;
  log: FastifyBaseLogger;
}): Promise<TusUploads> {
  const { log, uploadsDir } = deps;
  await mkdir(uploadsDir, { recursive: true });
  // The tus server sees web Requests; the authenticated caller travels beside the Node request.
  const callers = new WeakMap<object, Caller>();
  const callerOf = (req: TusRequest): Caller => {
    const node = req.runtime?.node?.req;
    const caller = node ? callers.get(node) : undefined;
    if (!caller) throw tusError(401, 'Authentication required');
    return caller;
  };
  const finisher = new UploadFinisher(deps);

  const server = new Server({
    path: UPLOADS_PATH,
    datastore: new FileStore({ directory: uploadsDir }),
    maxSize: FILE_MAX_BYTES,
    // Relative Location: right behind a TLS proxy without trusting forwarded headers.
    relativeLocation: true,
    namingFunction: (req) => newUploadId(callerOf(req).agencyId),
    async onUploadCreate(_req, upload) {
      const meta = readUploadMeta(upload.metadata);
      if (typeof meta === 'string') throw tusError(400, meta);
      return {};
    },
    async onUploadFinish(req, upload) {
      const caller = callerOf(req);
      const meta = readUploadMeta(upload.metadata);
      if (typeof meta === 'string') throw tusError(400, meta); // checked at creation; never expected
      const outcome = await finisher.finish(upload.id, meta.sha256, caller);
      if (outcome.kind === 'mismatch') {
        log.warn({ uploadId: upload.id, username: caller.username }, 'upload refused: SHA-256 mismatch');
        return { status_code: HASH_MISMATCH_STATUS, body: mismatchBody(meta.sha256, outcome.actual) };
      }
      if (outcome.kind === 'gone') throw tusError(404, 'This upload no longer exists: upload the file again');
      if (outcome.created) log.info({ sha256: meta.sha256, size: outcome.size, username: caller.username }, 'file stored');
      return {};
    },
    // A failure that is not a tus error must not reach the client with its message (paths, SQL).
    onResponseError(_req, err) {
      if (!(err instanceof Error)) return undefined;
      log.error({ err }, 'upload request failed');
      return { status_code: 500, body: 'Internal server error\n' };
    },
  });

  /** Bytes on disk and announced length of an upload, or null when it is not (or no longer) there. */
  async function progressOf(uploadId: string): Promise<{ received: number; length: number; metadata: Record<string, string | null> } | null> {
    try {
      const info = JSON.parse(await readFile(join(uploadsDir, `${uploadId}.json`), 'utf8')) as { size?: number; metadata?: Record<string, string | null> };
      const received = (await stat(join(uploadsDir, uploadId))).size;
      return typeof info.size === 'number' ? { received, length: info.size, metadata: info.metadata ?? {} } : null;
    } catch {
      return null;
    }
  }

  return {
    async finishStalled(uploadId, caller) {
      const progress = await progressOf(uploadId);
      if (!progress || progress.received !== progress.length) return null;
      const meta = readUploadMeta(progress.metadata);
      if (typeof meta === 'string') return null;
      const outcome = await finisher.finish(uploadId, meta.sha256, caller);
      log.info({ uploadId, outcome: outcome.kind }, 'stalled upload finished on resume');
      if (outcome.kind === 'mismatch') return { status: HASH_MISMATCH_STATUS, body: mismatchBody(meta.sha256, outcome.actual) };
      // Finished: the upload is gone, as for any finished upload; the blob status says "stored".
      return { status: 404, body: 'This upload is finished\n' };
    },
    async handle(req, res, caller) {
      callers.set(req, caller);
      await server.handle(req, res);
    },
    sweep: () => sweepIdleUploads(uploadsDir, UPLOAD_IDLE_MS),
  };
}
