/**
 * The watched folder (thư mục nhận tệp quét): network scanners drop files into a shared folder and
 * each file is handed to the digitisation pipeline exactly once, across restarts, crashes and
 * several workstations watching the same folder.
 *
 * A file's way: settles (size and mtime still for settleMs) → claimed by an atomic rename into
 * .motcua/processing/<owner>/ → onFile → its sha256 journaled (fsync) → filed under
 * .motcua/imported/<yyyy-MM-dd>/. Refused inputs go to .motcua/refused/ with a reason beside them.
 * A crash before the journal line means onFile runs again at restart (it must be idempotent per
 * sha256); a crash after it means the file is only filed away.
 */
import { promises as fs, watch, type Dirent, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { WatchFolderStatus } from '../../../src-shared/contract/desktop';
import { ALIVE, adoptOrphans, claim, folderLayout, heartbeat, originalName, ownerId, type FolderLayout } from './watch-claims';
import { errorMessage as message, handleClaimedFile, type ClaimedFile, type WatchedFile, type WatchStep } from './watch-file';
import { openJournal, type Journal } from './watch-journal';
import { isIgnoredName } from './watch-names';
import { readProblem, writeProblem } from './watch-problems';
import { SettleTracker } from './watch-settle';

export type { WatchedFile, WatchStep };

export interface WatchedFolderOptions {
  folder: string;
  /** This app's own state (journal, owner id): one watcher per stateDir. */
  stateDir: string;
  /**
   * Imports one file. Must be idempotent per sha256 (a crash can repeat it). Throwing an error whose
   * `code` is an InputErrorCode refuses the file; any other error retries it later.
   */
  onFile: (file: WatchedFile) => Promise<void>;
  log?: (message: string) => void;
  pollMs?: number;
  settleMs?: number;
  now?: () => number;
  /** Another owner's claims are taken over once its heartbeat is this old (default 15 min). */
  orphanAfterMs?: number;
  /** Test seam, called after each step of a file: throwing there leaves the disk as a crash would. */
  afterStep?: (step: WatchStep, name: string) => void | Promise<void>;
}

export interface WatchedFolder {
  start(): Promise<void>;
  /** Stops watching; waits for the file being handled to finish. */
  stop(): Promise<void>;
  status(): WatchFolderStatus;
  onChange(listener: (status: WatchFolderStatus) => void): () => void;
}

interface Claim extends ClaimedFile {
  attempts: number;
  nextAt: number;
}

const DEFAULT_POLL_MS = 2000;
const DEFAULT_SETTLE_MS = 1500;
const DEFAULT_ORPHAN_MS = 15 * 60_000;
const HEARTBEAT_MS = 30_000;
const MAX_BACKOFF_MS = 5 * 60_000;
/** Scanners often create the file empty and start writing later: an empty file waits this many settles. */
const EMPTY_SETTLE_FACTOR = 5;
/** fs.watch fires several events per file: one look shortly after is enough. */
const HINT_DELAY_MS = 100;
const MIN_DELAY_MS = 20;

async function readable(file: string): Promise<boolean> {
  try {
    await (await fs.open(file, 'r')).close();
    return true;
  } catch {
    return false;
  }
}

export function createWatchedFolder(options: WatchedFolderOptions): WatchedFolder {
  const { folder, stateDir, onFile } = options;
  const log = options.log ?? (() => undefined);
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const orphanAfterMs = options.orphanAfterMs ?? DEFAULT_ORPHAN_MS;
  const settle = new SettleTracker();
  const claims = new Map<string, Claim>();
  const listeners = new Set<(status: WatchFolderStatus) => void>();
  let state: WatchFolderStatus = { folder, watching: false, problem: null, imported: 0, lastImportAt: null };
  let journal: Journal | null = null;
  let layout: FolderLayout | null = null;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let ticking: Promise<void> | null = null;
  let again = false;
  let watcher: FSWatcher | null = null;
  let lastBeat = -Infinity;

  function update(patch: Partial<WatchFolderStatus>) {
    const next = { ...state, ...patch };
    if (JSON.stringify(next) === JSON.stringify(state)) return;
    state = next;
    for (const listener of listeners) {
      try {
        listener(state);
      } catch (error) {
        log(`watched folder listener failed: ${message(error)}`);
      }
    }
  }

  function schedule(delay: number) {
    if (!running) return;
    const wait = Math.max(MIN_DELAY_MS, delay);
    if (timer && timerAt <= Date.now() + wait) return;
    if (timer) clearTimeout(timer);
    timerAt = Date.now() + wait;
    timer = setTimeout(fire, wait);
    timer.unref();
  }

  function fire() {
    timer = null;
    timerAt = Infinity;
    if (ticking) {
      again = true;
      return;
    }
    ticking = tick()
      .catch((error: unknown) => log(`watched folder: ${message(error)}`))
      .finally(() => {
        ticking = null;
        if (again) {
          again = false;
          schedule(0);
        } else schedule(nextDelay());
      });
  }

  /** The sooner of the next poll, the next file to settle and the next retry. */
  function nextDelay(): number {
    const t = now();
    let due = pollMs;
    const settled = settle.nextSettled(settleMs);
    if (settled !== null) due = Math.min(due, settled - t + 10);
    for (const c of claims.values()) due = Math.min(due, c.nextAt - t);
    return due;
  }

  function openWatcher() {
    if (watcher) return;
    try {
      // A hint only: network shares deliver no events, polling finds the files anyway.
      watcher = watch(folder, { persistent: false }, () => schedule(HINT_DELAY_MS));
      watcher.on('error', closeWatcher);
    } catch {
      watcher = null;
    }
  }

  function closeWatcher() {
    watcher?.close();
    watcher = null;
  }

  /** Our folders exist and are writable; claims left in our folder (a crash, an adoption) are known. */
  async function prepare(l: FolderLayout) {
    for (const dir of [l.own, l.imported, l.refused]) await fs.mkdir(dir, { recursive: true });
    // Beat well within the time after which others would take our claims over.
    if (now() - lastBeat >= Math.min(HEARTBEAT_MS, orphanAfterMs / 3)) {
      await heartbeat(l.own, now());
      lastBeat = now();
    }
    const adopted = await adoptOrphans(l, now(), orphanAfterMs);
    if (adopted) log(`took over ${adopted} file(s) left by a workstation that stopped`);
    for (const name of await fs.readdir(l.own)) {
      const file = path.join(l.own, name);
      if (name === ALIVE || claims.has(file)) continue;
      // Ticks never overlap, so a file here that we do not know is one an earlier run left behind.
      log(`«${originalName(name)}» was left in processing (restart): handling it again`);
      claims.set(file, { path: file, name: originalName(name), attempts: 0, nextAt: 0 });
    }
  }

  async function tick() {
    const l = layout;
    if (!l || !running) return;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      closeWatcher();
      update({ watching: false, problem: readProblem(folder, error) });
      return;
    }
    try {
      await prepare(l);
    } catch (error) {
      closeWatcher();
      update({ watching: false, problem: writeProblem(folder, error) });
      return;
    }
    openWatcher();
    update({ watching: true, problem: null });

    for (const c of [...claims.values()]) {
      if (!running) return;
      if (c.nextAt <= now()) await attempt(c, false);
    }
    const names = entries.filter((e) => e.isFile() && !isIgnoredName(e.name)).map((e) => e.name);
    settle.keepOnly(new Set(names));
    for (const name of names) {
      if (!running) return;
      await consider(l, name);
    }
  }

  async function consider(l: FolderLayout, name: string) {
    const file = path.join(folder, name);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) return settle.forget(name);
    const still = settle.observe(name, stat.size, stat.mtimeMs, now());
    if (still < (stat.size === 0 ? settleMs * EMPTY_SETTLE_FACTOR : settleMs)) return;
    if (!(await readable(file))) return;
    settle.forget(name);
    const claimed = await claim(file, l.own, name);
    if (!claimed) return;
    const c: Claim = { path: claimed, name, attempts: 0, nextAt: 0 };
    claims.set(claimed, c);
    await attempt(c, true);
  }

  async function attempt(c: Claim, fresh: boolean) {
    try {
      if (fresh) await options.afterStep?.('claimed', c.name);
      await handle(c);
      claims.delete(c.path);
    } catch (error) {
      c.attempts++;
      const backoff = Math.min(MAX_BACKOFF_MS, pollMs * 2 ** c.attempts);
      c.nextAt = now() + backoff;
      log(`«${c.name}»: ${message(error)}; trying again in ${Math.round(backoff / 1000)} s`);
    }
  }

  function handle(c: Claim) {
    const [l, j] = [layout, journal];
    if (!l || !j) throw new Error('the watcher is not started');
    const imported = () => update({ imported: state.imported + 1, lastImportAt: now() });
    return handleClaimedFile(c, { folder, layout: l, journal: j, onFile, log, now, afterStep: options.afterStep, imported });
  }

  return {
    async start() {
      if (running) return;
      journal = await openJournal(path.join(stateDir, 'watch-journal.log'));
      layout = folderLayout(folder, await ownerId(stateDir));
      lastBeat = -Infinity;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      timerAt = Infinity;
      closeWatcher();
      await ticking;
      await journal?.close();
      journal = null;
      update({ watching: false });
    },
    status: () => state,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
