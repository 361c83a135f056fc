/**
 * Connects the Node side's uploader (it sends the bytes with tus and survives restarts) to the
 * workspace: hands it the current access token, re-queues every file whose bytes the portal has
 * not confirmed, and mirrors its progress into the outbox rows (`blobs`) that the UI shows.
 */
import type { UploadStatus } from '../../src-shared/contract/desktop';
import { ENQUEUE_MAX } from '../../src-shared/contract/desktop';
import { desktop } from '../bridge';
import type { MotcuaDatabase } from '../db/database';
import { outboxId } from '../db/local-schemas';
import { useSession } from '../store/session';
import { setRowState } from './outbox';
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

  return {
    kick: () => void connect(),
    async stop() {
      unsubscribers.forEach((u) => u());
      await api.invoke('uploads.connect', { accessToken: null }).catch(() => undefined);
      await chain;
    },
  };
}
