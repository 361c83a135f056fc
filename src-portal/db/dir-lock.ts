/**
 * PGlite has no lock of its own: two processes opening one data folder corrupt it. This pid file
 * turns that mistake (e.g. running the CLI while the portal runs) into a clear error.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Takes the lock or throws; returns the release function. A lock left by a dead process is taken over. */
export function lockDirectory(lockPath: string, what: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new Error(
          `${what} is in use by process ${pid}${pid === process.pid ? ' (this process)' : ''}. ` +
            `The embedded database allows one process at a time: stop the portal first (or remove ${lockPath} if that process is not the portal).`,
        );
      }
      rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${what}`);
}
