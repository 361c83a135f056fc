/** BlobStore on the local file system: `<root>/<agencyId>/<sha[0:2]>/<sha256>`. */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AGENCY_ID_PATTERN } from '../../src-shared/domain/agency';
import type { BlobKey, BlobStore, OpenBlob } from './blob-store';

const SHA256 = /^[0-9a-f]{64}$/;

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/** Flushes a file (or a folder's entries) to disk; folders cannot be opened for this on Windows. */
async function fsyncPath(path: string, folder = false): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (!folder) throw err;
  }
}

export class FsBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  /** The blob's path; the key is checked so no value can ever escape the root folder. */
  pathOf(key: BlobKey): string {
    if (!AGENCY_ID_PATTERN.test(key.agencyId)) throw new Error(`not an agency identifier: ${JSON.stringify(key.agencyId)}`);
    if (!SHA256.test(key.sha256)) throw new Error('not a lower-case SHA-256');
    return join(this.root, key.agencyId, key.sha256.slice(0, 2), key.sha256);
  }

  async put(key: BlobKey, localFile: string): Promise<boolean> {
    const target = this.pathOf(key);
    if (await this.has(key)) {
      await rm(localFile, { force: true });
      return false;
    }
    const folder = dirname(target);
    await mkdir(folder, { recursive: true });
    // Durable before the database row says "stored".
    await fsyncPath(localFile);
    try {
      await rename(localFile, target); // same file system: atomic
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      // Another file system: copy beside the target, then rename, so the target appears whole.
      const temp = join(folder, `.${key.sha256}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await copyFile(localFile, temp);
        await fsyncPath(temp);
        await rename(temp, target);
      } catch (copyErr) {
        await rm(temp, { force: true });
        throw copyErr;
      }
      await rm(localFile, { force: true });
    }
    await fsyncPath(folder, true);
    return true;
  }

  async has(key: BlobKey): Promise<boolean> {
    return (await this.size(key)) !== null;
  }

  async size(key: BlobKey): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? info.size : null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async open(key: BlobKey): Promise<OpenBlob | null> {
    let handle;
    try {
      handle = await open(this.pathOf(key), 'r');
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      // The stream owns the handle from here and closes it when done or destroyed.
      return { size: info.size, stream: handle.createReadStream() };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async delete(key: BlobKey): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
