/**
 * Connects the Node side's uploader (it sends the bytes with tus and survives restarts) to the
 * workspace: hands it the current access token, re-queues every file whose bytes the portal has
 * not confirmed, and mirrors its progress into the outbox rows (`blobs`) that the UI shows.
 */
import type { UploadStatus } from '../../src-shared/contract/desktop';
import { ENQUEUE_MAX } from '../../src-shared/contract/desktop';
import { MISSING_FILES_PATH, MISSING_LIMIT_MAX, type MissingFilesResponse } from '../../src-shared/contract/files-api';
import { desktop } from '../bridge';
import type { MotcuaDatabase } from '../db/database';
import { outboxId } from '../db/local-schemas';
import { useSession } from '../store/session';
import { queueBlob, setRowState } from './outbox';
import type { PortalClient } from './portal-client';

/** Files waiting for upload according to the outbox, in the shape the uploader takes. */
async function queuedFiles(db: MotcuaDatabase): Promise<{ fileId: string; sha256: string; size: number }[]> {
  const rows = await db.outbox.find({ selector: { target: 'blobs' } }).exec();
  const live = rows.filter((r) => r.state !== 'rejected');
  const metas = await db.files.findByIds(live.map((r) => r.docId)).exec();
  return [...metas.values()].map((m) => ({ fileId: m.id, sha256: m.sha256, size: m.size }));
}

export async function enqueueUploads(files: { fileId: string; sha256: string; size: number }[]): Promise<void> {
  for (let i = 0; i < files.length; i += ENQUEUE_MAX) await desktop().invoke('uploads.enqueue', { files: files.slice(i, i + ENQUEUE_MAX) });
}

async function mirror(db: MotcuaDatabase, status: UploadStatus): Promise<void> {
  if (status.state === 'done') {
    await db.outbox.findOne(outboxId('blobs', status.fileId)).remove();
  } else if (status.state === 'uploading' || status.state === 'pending') {
    await setRowState(db, 'blobs', status.fileId, status.state);
  } else {
    await setRowState(db, 'blobs', status.fileId, status.state, status.error ?? status.errorCode ?? '');
  }
}

/** How often the portal's list of missing files is compared with what this workstation holds. */
export const RECONCILE_EVERY_MS = 10 * 60_000;

/**
 * Files the portal still lacks but this workstation believes sent (whatever the cause: a portal
 * restored from backup, a lost answer) are queued again. The portal's list is the authority.
 */
export async function reconcileMissing(db: MotcuaDatabase, client: PortalClient): Promise<number> {
  let after = '';
  let requeued = 0;
  for (;;) {
    const query = new URLSearchParams({ limit: String(MISSING_LIMIT_MAX), ...(after ? { after } : {}) });
    const page = await client.getJson<MissingFilesResponse>(`${MISSING_FILES_PATH}?${query}`);
    const metas = await db.files.findByIds(page.missing.map((m) => m.fileId)).exec();
    const rows = await db.outbox.findByIds(page.missing.map((m) => outboxId('blobs', m.fileId))).exec();
    const lost = [...metas.values()].filter((m) => !rows.has(outboxId('blobs', m.id)));
    for (const meta of lost) await queueBlob(db, meta);
    await enqueueUploads(lost.map((m) => ({ fileId: m.id, sha256: m.sha256, size: m.size })));
    requeued += lost.length;
    const last = page.missing[page.missing.length - 1];
    if (!last || page.missing.length < MISSING_LIMIT_MAX) return requeued;
    after = last.fileId;
  }
}

/** How often the outbox is compared with the uploader's own list (a progress event may be lost). */
export const RESYNC_EVERY_MS = 60_000;

/** The uploader is the authority on its files: mirror every status, queue what it does not know. */
export async function resyncWithUploader(db: MotcuaDatabase): Promise<void> {
  const { uploads } = await desktop().invoke('uploads.list', {});
  const rows = await db.outbox.findByIds(uploads.map((u) => outboxId('blobs', u.fileId))).exec();
  for (const status of uploads) if (rows.has(outboxId('blobs', status.fileId))) await mirror(db, status);
  const known = new Set(uploads.map((u) => u.fileId));
  await enqueueUploads((await queuedFiles(db)).filter((f) => !known.has(f.fileId)));
}

export interface FileUploads {
  /** The network came back: resume at once instead of waiting for the uploader's backoff. */
  kick(): void;
  stop(): Promise<void>;
}

export function startFileUploads(db: MotcuaDatabase, client: PortalClient): FileUploads {
  const api = desktop();
  const connect = () => api.invoke('uploads.connect', { accessToken: useSession.getState().tokens?.accessToken ?? null }).catch(() => undefined);
  // Progress events may arrive faster than IndexedDB writes: apply them one after another.
  let chain = Promise.resolve();
  const unsubscribers = [
    api.on('uploads.changed', (status) => {
      chain = chain.then(() => mirror(db, status)).catch(() => undefined);
    }),
    api.on('uploads.tokenExpired', () => void client.refresh().catch(() => false)),
    useSession.subscribe((state, previous) => {
      if (state.tokens?.accessToken !== previous.tokens?.accessToken) void connect();
    }),
  ];
  void (async () => {
    await enqueueUploads(await queuedFiles(db));
    await connect();
  })().catch(() => undefined);
  const reconcile = () => void reconcileMissing(db, client).catch(() => undefined); // offline: next time
  const timer = setInterval(reconcile, RECONCILE_EVERY_MS);
  const resync = setInterval(() => {
    chain = chain.then(() => resyncWithUploader(db)).catch(() => undefined);
  }, RESYNC_EVERY_MS);

  return {
    kick() {
      void connect();
      reconcile();
    },
    async stop() {
      clearInterval(timer);
      clearInterval(resync);
      unsubscribers.forEach((u) => u());
      await api.invoke('uploads.connect', { accessToken: null }).catch(() => undefined);
      await chain;
    },
  };
}
