/**
 * Files: the tus upload endpoint, blob download, blob status and the list of metadata whose bytes
 * have not arrived. A plugin of its own (registered inside the authenticated scope), so the
 * pass-through body parser for tus PATCHes applies here only.
 */
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  BLOB_STATUS_PATH,
  BLOBS_PATH,
  blobStatusQuerySchema,
  MISSING_FILES_PATH,
  missingFilesQuerySchema,
  sha256Schema,
  UPLOADS_PATH,
  type BlobStatusResponse,
  type MissingFilesResponse,
} from '../../src-shared/contract/files-api';
import type { Database } from '../db/types';
import { callerOf } from '../http/authenticate';
import { badRequest, forbidden, notFound, zodMessage } from '../http/errors';
import { scopedPath } from '../http/paths';
import type { BlobStore } from '../files/blob-store';
import { isBlobStored, missingFiles, storedAmong } from '../files/blob-table';
import { FsBlobStore } from '../files/fs-blob-store';
import { createTusUploads, type TusUploads } from '../files/tus';
import { isUploadOf } from '../files/upload-id';
import { mayPush } from '../replication/caller-rules';

export interface FileRoutesOptions {
  db: Database;
  /** Blobs under `<filesDir>/<agency>/…`, uploads in progress under `<filesDir>/.uploads/`. */
  filesDir: string;
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'DELETE']);
const SWEEP_EVERY_MS = 6 * 3600 * 1000;

/** Checks the caller against the upload, then hands the raw request to tus (which answers it). */
function tusRoute(uploads: TusUploads) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const caller = callerOf(request);
    // Uploading bytes is writing `files`: the same roles as pushing their metadata.
    if (WRITE_METHODS.has(request.method) && !mayPush(caller.role, 'files')) {
      throw forbidden('Only clerks and administrators may upload files');
    }
    const id = (request.params as { '*'?: string })['*'];
    // Another centre's upload does not exist for this caller: same answer as an unknown id.
    if (id !== undefined && !isUploadOf(id, caller.agencyId)) throw notFound('No such upload');
    if (id !== undefined && request.method === 'HEAD') {
      // A resume after a portal crash between the last byte and the hash check: finish it now.
      const answer = await uploads.finishStalled(id, caller);
      if (answer) return reply.code(answer.status).type('text/plain').header('tus-resumable', '1.0.0').send(answer.body);
    }
    reply.hijack();
    try {
      await uploads.handle(request.raw, reply.raw, caller);
    } catch (err) {
      request.log.warn({ err }, 'upload response not delivered');
      reply.raw.destroy();
    }
  };
}

export async function fileRoutes(app: FastifyInstance, options: FileRoutesOptions): Promise<void> {
  const { db, filesDir } = options;
  const blobs: BlobStore = new FsBlobStore(filesDir);
  const uploads = await createTusUploads({ db, blobs, uploadsDir: join(filesDir, '.uploads'), log: app.log });
  const sweep = () =>
    uploads.sweep().then(
      (n) => n > 0 && app.log.info({ count: n }, 'expired uploads removed'),
      (err: unknown) => app.log.warn({ err }, 'sweeping expired uploads failed'),
    );
  await sweep();
  const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();
  app.addHook('onClose', async () => clearInterval(timer));

  // tus bodies are streamed by the tus server itself: leave them unread.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
  const handler = tusRoute(uploads);
  app.route({ method: ['POST', 'OPTIONS'], url: scopedPath(UPLOADS_PATH), handler });
  // No GET: an unfinished upload is never readable; finished bytes are served from the blob store.
  app.route({ method: ['HEAD', 'PATCH', 'DELETE'], url: `${scopedPath(UPLOADS_PATH)}/*`, handler });

  app.get(`${scopedPath(BLOBS_PATH)}/:sha256`, async (request, reply) => {
    const caller = callerOf(request);
    const sha = sha256Schema.safeParse((request.params as { sha256: string }).sha256);
    if (!sha.success) throw badRequest(`sha256: ${zodMessage(sha.error)}`);
    const key = { agencyId: caller.agencyId, sha256: sha.data };
    if (!(await isBlobStored(db, key.agencyId, key.sha256))) throw notFound('This centre holds no file with that SHA-256');
    const blob = await blobs.open(key);
    if (!blob) throw new Error(`blob ${key.agencyId}/${key.sha256} is recorded but missing from the store`);
    return reply.type('application/octet-stream').header('content-length', String(blob.size)).send(blob.stream);
  });

  app.get(scopedPath(BLOB_STATUS_PATH), async (request): Promise<BlobStatusResponse> => {
    const caller = callerOf(request);
    const query = blobStatusQuerySchema.safeParse(request.query);
    if (!query.success) throw badRequest(zodMessage(query.error));
    const asked = [...new Set(query.data.sha256)];
    const stored = await storedAmong(db, caller.agencyId, asked);
    return { stored: asked.filter((h) => stored.has(h)) };
  });

  app.get(scopedPath(MISSING_FILES_PATH), async (request): Promise<MissingFilesResponse> => {
    const caller = callerOf(request);
    const query = missingFilesQuerySchema.safeParse(request.query);
    if (!query.success) throw badRequest(zodMessage(query.error));
    return missingFiles(db, { agencyId: caller.agencyId, after: query.data.after, limit: query.data.limit });
  });
}
