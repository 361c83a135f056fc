/**
 * Digitisation batches on disk, so a crash or a kill mid-batch loses nothing: every finished page
 * (its image and OCR) is on disk before the batch says so, and unfinished pages are queued again at
 * the next start. Layout under `<dataDir>/digitize/`:
 *   sources/<sha256>                 the files as received (content-addressed, shared by batches)
 *   batches/<batchId>/batch.json     the batch: pages in order, states (written atomically)
 *   batches/<batchId>/<pageId>.jpg   the prepared colour page; .thumb.jpg; .ocr.json
 * Citizens' documents: like the vault, these files are personal data (encryption at rest is the
 * security issue's work, in the same two write/read places as the vault's).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DigitizeBatch, DigitizePage, QuarterTurn } from '../../../src-shared/contract/digitize';
import { writeFileAtomic } from '../atomic-file';

export interface StoredPage extends DigitizePage {
  /** SHA-256 of the source file the page comes from. */
  sourceSha: string;
  /** The clerk's turn (absolute, from the source); null: detected automatically. */
  turn: QuarterTurn | null;
}

export interface StoredBatch extends DigitizeBatch {
  pages: StoredPage[];
  /** SHA-256 of files taken from the watched folder: the same file is never imported twice. */
  imports: string[];
}

export type PageFile = 'jpg' | 'thumb.jpg' | 'ocr.json';

const SAFE_ID = /^[a-z0-9-]{1,64}$/;

export function createBatchStore(dataDir: string) {
  const root = path.join(dataDir, 'digitize');
  const batchDir = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error('batch store: unsafe id');
    return path.join(root, 'batches', id);
  };
  const sourceFile = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('batch store: not a SHA-256');
    return path.join(root, 'sources', sha);
  };
  const pageFile = (batchId: string, pageId: string, kind: PageFile) => {
    if (!SAFE_ID.test(pageId)) throw new Error('batch store: unsafe page id');
    return path.join(batchDir(batchId), `${pageId}.${kind}`);
  };

  return {
    sourceFile,
    pageFile,
    async putSource(bytes: Uint8Array): Promise<string> {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const file = sourceFile(sha);
      const existing = await fs.stat(file).catch(() => null);
      if (existing?.size !== bytes.byteLength) await writeFileAtomic(file, bytes);
      return sha;
    },
    async removeSource(sha: string): Promise<void> {
      await fs.rm(sourceFile(sha), { force: true });
    },
    async save(batch: StoredBatch): Promise<void> {
      await writeFileAtomic(path.join(batchDir(batch.id), 'batch.json'), JSON.stringify(batch));
    },
    /** Every stored batch; a batch file that cannot be parsed is set aside (renamed), not lost. */
    async loadAll(log: (m: string) => void): Promise<StoredBatch[]> {
      const dir = path.join(root, 'batches');
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      const out: StoredBatch[] = [];
      for (const name of names.filter((n) => SAFE_ID.test(n))) {
        const file = path.join(dir, name, 'batch.json');
        try {
          out.push(JSON.parse(await fs.readFile(file, 'utf8')) as StoredBatch);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
          log(`digitize: batch ${name} unreadable (${(error as Error).message}); kept as batch.json.broken`);
          await fs.rename(file, `${file}.broken`).catch(() => {});
        }
      }
      return out;
    },
    async writePage(batchId: string, pageId: string, kind: PageFile, data: Uint8Array | string): Promise<void> {
      await writeFileAtomic(pageFile(batchId, pageId, kind), data);
    },
    readPage: (batchId: string, pageId: string, kind: PageFile) => fs.readFile(pageFile(batchId, pageId, kind)),
    async removePage(batchId: string, pageId: string): Promise<void> {
      await Promise.all((['jpg', 'thumb.jpg', 'ocr.json'] as const).map((k) => fs.rm(pageFile(batchId, pageId, k), { force: true })));
    },
    /** Moves a page's files to another batch (same filesystem: renames). */
    async movePage(from: string, to: string, pageId: string): Promise<void> {
      await fs.mkdir(batchDir(to), { recursive: true });
      for (const kind of ['jpg', 'thumb.jpg', 'ocr.json'] as const) {
        await fs.rename(pageFile(from, pageId, kind), pageFile(to, pageId, kind)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      }
    },
    async removeBatch(id: string): Promise<void> {
      await fs.rm(batchDir(id), { recursive: true, force: true });
    },
  };
}

export type BatchStore = ReturnType<typeof createBatchStore>;
