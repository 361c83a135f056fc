/**
 * The record of what the watched folder has imported: one JSON line per file whose onFile
 * completed, appended and fsync'd before the file leaves processing/. A crash can tear only the
 * last line; it is cut off on opening so the next record starts on a line of its own.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface JournalEntry {
  sha256: string;
  name: string;
  at: number;
}

export interface Journal {
  has(sha256: string): boolean;
  /** Resolves once the line is on disk. */
  record(entry: JournalEntry): Promise<void>;
  close(): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

function parseLine(line: string): string | null {
  try {
    const entry = JSON.parse(line) as Partial<JournalEntry>;
    return typeof entry.sha256 === 'string' && SHA256.test(entry.sha256) ? entry.sha256 : null;
  } catch {
    return null;
  }
}

async function syncDir(dir: string): Promise<void> {
  // Makes a new file's directory entry durable (POSIX); Windows cannot open folders and needs none.
  const handle = await fs.open(dir, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

export async function openJournal(file: string): Promise<Journal> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const done = new Set<string>();
  if (text !== null) {
    const end = text.lastIndexOf('\n') + 1;
    if (end < text.length) await fs.truncate(file, Buffer.byteLength(text.slice(0, end)));
    for (const line of text.slice(0, end).split('\n')) {
      const sha = line ? parseLine(line) : null;
      if (sha) done.add(sha);
    }
  }
  const handle = await fs.open(file, 'a', 0o600);
  if (text === null) await syncDir(path.dirname(file));
  let queue = Promise.resolve();

  return {
    has: (sha256) => done.has(sha256),
    record(entry) {
      const write = queue.then(async () => {
        await handle.write(`${JSON.stringify(entry)}\n`);
        await handle.sync();
        done.add(entry.sha256);
      });
      queue = write.catch(() => undefined);
      return write;
    },
    async close() {
      await queue;
      await handle.close();
    },
  };
}
