/**
 * The upload queue on disk: `<dataDir>/uploads/<sha256 of fileId>.json`, one small file per upload,
 * so a change rewrites a few hundred bytes however long the queue is. Writes are atomic (temp +
 * rename) and, per upload, applied in the order they were asked for.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-file';
import { uploadRecordSchema, type UploadRecord } from './record';

export interface UploadStore {
  /** Every stored record; unreadable files are set aside (`.corrupt`), never fatal. */
  load(): Promise<UploadRecord[]>;
  save(record: UploadRecord): Promise<void>;
  remove(fileId: string): Promise<void>;
  /** Resolves once every write asked for so far is on disk. */
  flush(): Promise<void>;
}

/** Hashed: a fileId is any string of up to 64 characters, and file names are case-insensitive on Windows. */
const fileNameOf = (fileId: string) => `${createHash('sha256').update(fileId).digest('hex')}.json`;

export function createUploadStore(dataDir: string, log: (message: string) => void = () => {}): UploadStore {
  const dir = path.join(dataDir, 'uploads');
  const chains = new Map<string, Promise<void>>();

  /** Runs `write` after the previous write of the same upload; failures are logged, not rethrown to later writes. */
  function enqueue(fileId: string, write: () => Promise<void>): Promise<void> {
    const previous = chains.get(fileId) ?? Promise.resolve();
    const next = previous.then(write);
    const settled = next.catch(() => {});
    chains.set(fileId, settled);
    void settled.then(() => {
      if (chains.get(fileId) === settled) chains.delete(fileId);
    });
    return next;
  }

  return {
    async load() {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const records: UploadRecord[] = [];
      for (const name of names) {
        const file = path.join(dir, name);
        // Left by a crash between write and rename: the record itself is intact or absent.
        if (name.endsWith('.tmp')) {
          await fs.rm(file, { force: true });
          continue;
        }
        if (!name.endsWith('.json')) continue;
        let parsed: UploadRecord | null = null;
        try {
          const result = uploadRecordSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
          if (result.success && fileNameOf(result.data.fileId) === name) parsed = result.data;
        } catch {
          parsed = null;
        }
        if (parsed) records.push(parsed);
        else {
          log(`uploads: unreadable queue file ${name} set aside`);
          await fs.rename(file, `${file}.corrupt`).catch(() => {});
        }
      }
      return records;
    },
    save(record) {
      const text = JSON.stringify(record);
      return enqueue(record.fileId, () => writeFileAtomic(path.join(dir, fileNameOf(record.fileId)), text));
    },
    remove(fileId) {
      return enqueue(fileId, () => fs.rm(path.join(dir, fileNameOf(fileId)), { force: true }));
    },
    async flush() {
      await Promise.all(chains.values());
    },
  };
}
