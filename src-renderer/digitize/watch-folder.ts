/** The folder network scanners drop files into (thư mục quét), as the Node side watches it. */
import { useEffect, useState } from 'react';
import type { WatchFolderStatus } from '../../src-shared/contract/desktop';
import { desktop } from '../bridge';

/** The watcher's status, followed live; null until read. */
export function useWatchFolder(): { status: WatchFolderStatus | null; error: string | null } {
  const [status, setStatus] = useState<WatchFolderStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const off = desktop().on('watchFolder.changed', (s) => {
      setStatus(s);
      setError(null);
    });
    desktop()
      .invoke('watchFolder.get', {})
      .then((s) => live && setStatus(s))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
      off();
    };
  }, []);
  return { status, error };
}

/** Sets (a trimmed path) or clears (null, or an empty path) the watched folder. */
export function setWatchFolder(folder: string | null): Promise<WatchFolderStatus> {
  const trimmed = folder?.trim() ?? '';
  return desktop().invoke('watchFolder.set', { folder: trimmed === '' ? null : trimmed });
}
