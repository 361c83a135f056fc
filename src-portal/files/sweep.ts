/**
 * Forgets unfinished uploads nobody has written to for a while (a file deleted on the workstation
 * before it was sent, a workstation reinstalled). Not the FileStore's own expiration: with it,
 * @tus/server re-reads an upload after onUploadFinish on POST, and ours is gone by then (404).
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const UPLOAD_FILE = /^([0-9a-f]{16}-[0-9a-f]{32})(\.json)?$/;

/** Removes uploads whose bytes and info were last written more than `idleMs` ago; returns how many. */
export async function sweepIdleUploads(uploadsDir: string, idleMs: number, now = Date.now()): Promise<number> {
  const lastWrite = new Map<string, number>();
  for (const name of await readdir(uploadsDir)) {
    const id = UPLOAD_FILE.exec(name)?.[1];
    if (!id) continue;
    const info = await stat(join(uploadsDir, name)).catch(() => null);
    if (info) lastWrite.set(id, Math.max(lastWrite.get(id) ?? 0, info.mtimeMs));
  }
  let removed = 0;
  for (const [id, at] of lastWrite) {
    if (now - at <= idleMs) continue;
    await rm(join(uploadsDir, id), { force: true });
    await rm(join(uploadsDir, `${id}.json`), { force: true });
    removed += 1;
  }
  return removed;
}
