/**
 * Taking a file from the watched folder. A file is claimed by renaming it into this workstation's
 * own folder under .motcua/processing/: rename is atomic, so of two workstations (or two app
 * instances) exactly one gets it. Each owner recovers only its own folder at start, so an instance
 * starting never takes a file another live instance is working on; a folder whose owner stopped
 * beating its heart (`.alive`) for long is adopted by another.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-file';

export interface FolderLayout {
  processing: string;
  /** This owner's claims. */
  own: string;
  imported: string;
  refused: string;
}

export function folderLayout(folder: string, owner: string): FolderLayout {
  const meta = path.join(folder, '.motcua');
  const processing = path.join(meta, 'processing');
  return { processing, own: path.join(processing, owner), imported: path.join(meta, 'imported'), refused: path.join(meta, 'refused') };
}

/** The stable id of this app's watcher, kept in its state folder so a restart finds its own claims. */
export async function ownerId(stateDir: string): Promise<string> {
  const file = path.join(stateDir, 'watch-owner');
  const existing = (await fs.readFile(file, 'utf8').catch(() => '')).trim();
  if (/^[0-9a-f]{16}$/.test(existing)) return existing;
  const id = randomBytes(8).toString('hex');
  await writeFileAtomic(file, id);
  return id;
}

// A claimed file is `<16 hex>_<original name>`: unique in the folder, original name recoverable.
const CLAIM = /^[0-9a-f]{16}_(.+)$/s;

export function originalName(claimName: string): string {
  return CLAIM.exec(claimName)?.[1] ?? claimName;
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Renames `file` into `own`; null when another instance took it first (ENOENT) or a writer still
 * holds it open (Windows refuses the rename with EBUSY/EPERM/EACCES).
 */
export async function claim(file: string, own: string, name: string): Promise<string | null> {
  const target = path.join(own, `${randomBytes(8).toString('hex')}_${name}`);
  try {
    await fs.rename(file, target);
    return target;
  } catch (error) {
    if (['ENOENT', 'EBUSY', 'EPERM', 'EACCES'].includes(errno(error) ?? '')) return null;
    throw error;
  }
}

export const ALIVE = '.alive';

export async function heartbeat(own: string, at: number): Promise<void> {
  const file = path.join(own, ALIVE);
  const time = new Date(at);
  await fs.utimes(file, time, time).catch(async (error: unknown) => {
    if (errno(error) !== 'ENOENT') throw error;
    await fs.writeFile(file, '');
    await fs.utimes(file, time, time);
  });
}

/** Moves the claims of owners silent for `staleMs` into `own`; returns how many were taken over. */
export async function adoptOrphans(layout: FolderLayout, now: number, staleMs: number): Promise<number> {
  let adopted = 0;
  for (const entry of await fs.readdir(layout.processing, { withFileTypes: true })) {
    const dir = path.join(layout.processing, entry.name);
    if (!entry.isDirectory() || dir === layout.own) continue;
    const beat = await fs.stat(path.join(dir, ALIVE)).catch(() => fs.stat(dir));
    if (now - beat.mtimeMs < staleMs) continue;
    for (const name of await fs.readdir(dir)) {
      if (name === ALIVE) continue;
      // Renaming again: if two instances adopt at once, each file still goes to exactly one.
      if (await claim(path.join(dir, name), layout.own, originalName(name))) adopted++;
    }
    await fs.rm(path.join(dir, ALIVE), { force: true });
    await fs.rmdir(dir).catch(() => undefined);
  }
  return adopted;
}
