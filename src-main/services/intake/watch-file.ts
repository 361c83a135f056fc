/**
 * One claimed file's way through: read and hash → already journaled? file it away → else onFile →
 * journal (fsync) → file it under imported/<day>/. An input the pipeline refuses goes to refused/
 * with its reason; any other failure is thrown for the caller to retry later.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { INPUT_ERROR_CODES, type InputErrorCode } from '../../../src-shared/contract/digitize';
import { FILE_MAX_BYTES } from '../../../src-shared/contract/files-api';
import type { FolderLayout } from './watch-claims';
import type { Journal } from './watch-journal';
import { moveNoClobber, writeRefusalReason } from './watch-moves';
import { dayFolder } from './watch-names';

export interface WatchedFile {
  /** The name the scanner gave the file. */
  name: string;
  /** Where it lies while onFile runs (in processing/); it is moved away afterwards. */
  path: string;
  bytes: Buffer;
  sha256: string;
}

/** Points a test can stop at: throwing there leaves the disk as a crash at that point would. */
export type WatchStep = 'claimed' | 'handled' | 'journaled';

export interface ClaimedFile {
  /** Its path in processing/. */
  path: string;
  name: string;
}

export interface FileHandlerDeps {
  folder: string;
  layout: FolderLayout;
  journal: Journal;
  onFile: (file: WatchedFile) => Promise<void>;
  log: (message: string) => void;
  now: () => number;
  afterStep?: (step: WatchStep, name: string) => void | Promise<void>;
  /** Called once the import is journaled. */
  imported: () => void;
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The input code of an error that refuses the file; 'cancelled' means the app stopped, not a bad file. */
function refusalCode(error: unknown): InputErrorCode | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || code === 'cancelled') return null;
  return (INPUT_ERROR_CODES as readonly string[]).includes(code) ? (code as InputErrorCode) : null;
}

export async function handleClaimedFile(c: ClaimedFile, d: FileHandlerDeps): Promise<void> {
  const where = (dest: string) => path.relative(d.folder, dest);
  const importedDir = () => path.join(d.layout.imported, dayFolder(d.now()));
  const stat = await fs.stat(c.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!stat) return; // Taken over by another workstation meanwhile.

  const refuse = async (code: InputErrorCode, detail: string) => {
    const dest = await moveNoClobber(c.path, d.layout.refused, c.name);
    await writeRefusalReason(dest, c.name, code, detail, d.now());
    d.log(`«${c.name}»: refused (${code}): ${detail}; moved to ${where(dest)}`);
  };
  if (stat.size > FILE_MAX_BYTES) return refuse('too-large', `${stat.size} bytes, more than ${FILE_MAX_BYTES}`);

  const bytes = await fs.readFile(c.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (d.journal.has(sha256)) {
    const dest = await moveNoClobber(c.path, importedDir(), c.name);
    d.log(`«${c.name}»: already imported (same content, sha256 ${sha256.slice(0, 12)}…); filed as ${where(dest)} without importing again`);
    return;
  }
  try {
    await d.onFile({ name: c.name, path: c.path, bytes, sha256 });
  } catch (error) {
    const code = refusalCode(error);
    if (!code) throw error;
    return refuse(code, errorMessage(error));
  }
  await d.afterStep?.('handled', c.name);
  await d.journal.record({ sha256, name: c.name, at: d.now() });
  d.imported();
  await d.afterStep?.('journaled', c.name);
  const dest = await moveNoClobber(c.path, importedDir(), c.name);
  d.log(`«${c.name}»: imported, filed as ${where(dest)}`);
}
