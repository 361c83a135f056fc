/**
 * Network scanners write a page over seconds: a file is taken only once its size and modification
 * time have not changed for a while. Times come from the watcher's clock, never from the file's
 * mtime, which a file server may set from a clock minutes off.
 */
interface Seen {
  size: number;
  mtimeMs: number;
  since: number;
}

export class SettleTracker {
  private readonly seen = new Map<string, Seen>();

  /** Records what was seen now; returns for how long (ms) it has looked the same. */
  observe(name: string, size: number, mtimeMs: number, now: number): number {
    const last = this.seen.get(name);
    if (!last || last.size !== size || last.mtimeMs !== mtimeMs) {
      this.seen.set(name, { size, mtimeMs, since: now });
      return 0;
    }
    return now - last.since;
  }

  forget(name: string): void {
    this.seen.delete(name);
  }

  /** Drops names no longer in the folder. */
  keepOnly(names: Set<string>): void {
    for (const name of this.seen.keys()) if (!names.has(name)) this.seen.delete(name);
  }

  /** When the next tracked file will have been still for `settleMs` (null: none tracked). */
  nextSettled(settleMs: number): number | null {
    let next: number | null = null;
    for (const s of this.seen.values()) next = Math.min(next ?? Infinity, s.since + settleMs);
    return next;
  }
}
