/**
 * The watched folder as a workstation setting: which folder (kept in `<dataDir>/digitize/
 * watch-folder.json`), a watcher on it that drops every new file into the inbox batch exactly once,
 * and its status for the settings screen.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { INBOX_BATCH_ID } from '../../../src-shared/contract/digitize';
import type { WatchFolderStatus } from '../../../src-shared/contract/desktop';
import { writeFileAtomic } from '../atomic-file';
import { createWatchedFolder } from '../intake';
import type { Digitizer } from './digitizer';
import { InputError } from './types';

export function createWatchFolderSetting(options: { dataDir: string; digitizer: Digitizer; log?: (m: string) => void; pollMs?: number }) {
  const log = options.log ?? (() => {});
  const file = path.join(options.dataDir, 'digitize', 'watch-folder.json');
  const listeners = new Set<(status: WatchFolderStatus) => void>();
  let watcher: ReturnType<typeof createWatchedFolder> | null = null;
  let unsubscribe: (() => void) | null = null;
  let folder: string | null = null;

  const idle = (): WatchFolderStatus => ({ folder, watching: false, problem: null, imported: 0, lastImportAt: null });
  const status = () => (watcher ? watcher.status() : idle());
  const notify = () => listeners.forEach((l) => l(status()));

  async function watch(next: string | null): Promise<void> {
    unsubscribe?.();
    await watcher?.stop();
    watcher = null;
    folder = next;
    if (next) {
      watcher = createWatchedFolder({
        folder: next,
        stateDir: path.join(options.dataDir, 'digitize'),
        log,
        ...(options.pollMs ? { pollMs: options.pollMs } : {}),
        onFile: async ({ name, bytes }) => {
          const outcome = await options.digitizer.addFile(INBOX_BATCH_ID, '', name, bytes, 'folder');
          const refused = outcome.refused[0];
          // The watcher sets a refused file aside with the reason beside it.
          if (refused) throw new InputError(refused.code, refused.detail);
        },
      });
      unsubscribe = watcher.onChange(notify);
      await watcher.start();
    }
    notify();
  }

  return {
    /** Starts watching the saved folder, if any. */
    async start(): Promise<void> {
      const saved = await fs.readFile(file, 'utf8').then((t) => (JSON.parse(t) as { folder: string | null }).folder, () => null);
      await watch(saved);
    },
    status,
    async set(next: string | null): Promise<WatchFolderStatus> {
      const resolved = next === null ? null : path.resolve(next);
      await writeFileAtomic(file, JSON.stringify({ folder: resolved }));
      await watch(resolved);
      return status();
    },
    onChange(listener: (status: WatchFolderStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      await watcher?.stop();
    },
  };
}

export type WatchFolderSetting = ReturnType<typeof createWatchFolderSetting>;
