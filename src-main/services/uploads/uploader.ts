/**
 * The upload queue and its scheduler: sends the vault's files to the portal over tus, two at a time,
 * surviving cuts, outages, restarts, token expiry and logout without re-sending what the portal
 * already has. States: pending → uploading → done (removed from the queue folder), or error
 * (transient, retried with backoff) or rejected (permanent until `retry`). One rejected file never
 * holds up the others.
 */
import type { UploadFile, UploadStatus } from '../../../src-shared/contract/desktop';
import { HASH_MISMATCH_STATUS, STATUS_MAX } from '../../../src-shared/contract/files-api';
import type { Vault } from '../vault';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../../../src-shared/domain/sync/backoff-delay';
import { storedHashes } from './blob-status';
import { createUploadStore } from './queue-store';
import { doneStatus, newRecord, statusOf, type UploadErrorCode, type UploadRecord } from './record';
import { isPortalUploadUrl, startAttempt, type Attempt, type AttemptOutcome } from './tus-attempt';
import { eachLimited } from '../each-limited';

export interface Connection {
  portalUrl: string;
  accessToken: string;
}

export interface UploaderOptions {
  dataDir: string;
  vault: Vault;
  /** Uploads in flight at once (default 2). */
  concurrency?: number;
  backoff?: Partial<BackoffOptions>;
  /** An attempt with no progress for this long is abandoned and retried (default 30 s). */
  stallTimeoutMs?: number;
  /** Progress events per file at most this often (default 250 ms); state changes are sent at once. */
  progressIntervalMs?: number;
  /** Restarts from zero after the portal refused the bytes as not matching the hash (default 3). */
  hashRestarts?: number;
  log?: (message: string) => void;
}

export interface UploaderEvents {
  changed: (status: UploadStatus) => void;
  tokenExpired: () => void;
}

export interface Uploader {
  /** Queues files already in the vault; returns how many were added or replaced. */
  enqueue(files: UploadFile[]): Promise<{ queued: number }>;
  list(): Promise<UploadStatus[]>;
  /** Starts or continues with this portal and token; null pauses cleanly (in-flight uploads keep their URL). */
  connect(connection: Connection | null): void;
  /** The network came back: forget the backoff and try now. */
  kick(): void;
  /** Starts a rejected or waiting upload again; false when no such upload is queued. */
  retry(fileId: string): Promise<boolean>;
  on<E extends keyof UploaderEvents>(event: E, listener: UploaderEvents[E]): () => void;
  /** Resolves once no upload is pending, uploading or waiting to retry (all done or rejected). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

interface Entry {
  record: UploadRecord;
  /** Bytes the portal holds or is receiving, for the progress bar. */
  sent: number;
  attempt: Attempt | null;
  /** Reading the vault before the attempt starts. */
  starting: boolean;
  /** Written to the queue folder (enqueue persists before anything runs). */
  persisted: boolean;
  /** The portal was asked whether it already holds the hash (needed before creating an upload). */
  checked: boolean;
  notBefore: number;
  backoffLevel: number;
  lastEmit: number;
  progressTimer: NodeJS.Timeout | null;
}

const DONE_KEPT = 10_000;
const WRITE_PARALLEL = 16;

const RETRYABLE_4XX = new Set([408, 409, 423, 429]);

export function createUploader(options: UploaderOptions): Uploader {
  const log = options.log ?? (() => {});
  const concurrency = options.concurrency ?? 2;
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...options.backoff };
  const stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
  const progressIntervalMs = options.progressIntervalMs ?? 250;
  const hashRestarts = options.hashRestarts ?? 3;
  const store = createUploadStore(options.dataDir, log);
  const { vault } = options;

  const entries = new Map<string, Entry>();
  const done = new Map<string, UploadStatus>();
  const listeners = { changed: new Set<UploaderEvents['changed']>(), tokenExpired: new Set<UploaderEvents['tokenExpired']>() };
  let settledWaiters: (() => void)[] = [];

  let connection: Connection | null = null;
  /** Bumped whenever running work must not report back (pause, other portal, close). */
  let generation = 0;
  let waitingForToken = false;
  let linkLevel = 0;
  let linkNotBefore = 0;
  let checking = false;
  let active = 0;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let closed = false;

  const makeEntry = (record: UploadRecord, persisted: boolean): Entry => ({
    record,
    sent: 0,
    attempt: null,
    starting: false,
    persisted,
    checked: false,
    notBefore: 0,
    backoffLevel: 0,
    lastEmit: 0,
    progressTimer: null,
  });

  const ready = store.load().then((records) => {
    records.sort((a, b) => a.queuedAt - b.queuedAt);
    for (const record of records) {
      // 'uploading' on disk means the app stopped mid-upload: the saved URL resumes it.
      entries.set(record.fileId, makeEntry(record.state === 'uploading' ? { ...record, state: 'pending' } : record, true));
    }
  });
  ready.catch((error: Error) => log(`uploads: queue folder unreadable: ${error.message}`));

  const isCurrent = (entry: Entry) => entries.get(entry.record.fileId) === entry;
  const isWaiting = (entry: Entry) => entry.record.state === 'pending' || entry.record.state === 'error';
  const isRunnable = (entry: Entry) => entry.persisted && isWaiting(entry) && !entry.attempt && !entry.starting;

  function emit(entry: Entry): void {
    if (entry.progressTimer) clearTimeout(entry.progressTimer);
    entry.progressTimer = null;
    entry.lastEmit = Date.now();
    const status = statusOf(entry.record, entry.sent);
    listeners.changed.forEach((fn) => fn(status));
    checkSettled();
  }

  function progress(entry: Entry, sent: number): void {
    if (!isCurrent(entry) || entry.record.state !== 'uploading') return;
    entry.sent = sent;
    const wait = progressIntervalMs - (Date.now() - entry.lastEmit);
    if (wait <= 0) emit(entry);
    else entry.progressTimer ??= setTimeout(() => emit(entry), wait);
  }

  function checkSettled(): void {
    if (settledWaiters.length === 0) return;
    for (const entry of entries.values()) if (isWaiting(entry) || entry.record.state === 'uploading') return;
    const waiters = settledWaiters;
    settledWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  function persist(entry: Entry): void {
    if (!isCurrent(entry)) return;
    store.save(entry.record).catch((error: Error) => log(`uploads: saving ${entry.record.fileId} failed: ${error.message}`));
  }

  function update(entry: Entry, change: Partial<UploadRecord>, save = true): void {
    entry.record = { ...entry.record, ...change };
    if (save) persist(entry);
    emit(entry);
  }

  function markDone(entry: Entry): void {
    if (!isCurrent(entry)) return;
    entries.delete(entry.record.fileId);
    if (entry.progressTimer) clearTimeout(entry.progressTimer);
    store.remove(entry.record.fileId).catch((error: Error) => log(`uploads: removing ${entry.record.fileId} failed: ${error.message}`));
    const status = doneStatus(entry.record);
    done.delete(status.fileId);
    done.set(status.fileId, status);
    if (done.size > DONE_KEPT) done.delete(done.keys().next().value as string);
    listeners.changed.forEach((fn) => fn(status));
    checkSettled();
  }

  function reject(entry: Entry, errorCode: UploadErrorCode, error: string): void {
    log(`uploads: ${entry.record.fileId} rejected (${errorCode}): ${error}`);
    update(entry, { state: 'rejected', errorCode, error });
  }

  /**
   * A failure that will pass: wait (1 s, 2 s, 4 s … 60 s, with jitter), then try again. A network
   * failure waits on the link's backoff alone (shared by every upload); others on the file's own.
   */
  function transient(entry: Entry, errorCode: UploadErrorCode, error: string, progressed: boolean): void {
    if (progressed) entry.backoffLevel = 0;
    if (errorCode === 'network') linkFailed();
    else entry.notBefore = Date.now() + backoffDelay(entry.backoffLevel++, backoff);
    update(entry, { state: 'error', attempts: entry.record.attempts + 1, errorCode, error });
  }

  /** Uploads failing together (the link went down under both) count as one failure. */
  function linkFailed(): void {
    if (Date.now() < linkNotBefore) return;
    linkNotBefore = Date.now() + backoffDelay(linkLevel++, backoff);
  }

  function linkWorks(): void {
    linkLevel = 0;
    linkNotBefore = 0;
  }

  function tokenExpired(): void {
    if (waitingForToken) return;
    waitingForToken = true;
    log('uploads: access token refused; waiting for a new one');
    abortAll();
    listeners.tokenExpired.forEach((fn) => fn());
  }

  function abortAll(): void {
    for (const entry of entries.values()) entry.attempt?.abort();
  }

  function wakeAt(at: number): void {
    if (timer && timerAt <= at) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = null;
      timerAt = Infinity;
      pump();
    }, Math.max(0, at - Date.now()));
  }

  /** Starts whatever may start now, and sets a timer for what waits. */
  function pump(): void {
    if (closed || !connection || waitingForToken) return;
    const now = Date.now();
    if (now < linkNotBefore) return wakeAt(linkNotBefore);
    void checkBatch(connection);
    let soonest = Infinity;
    for (const entry of entries.values()) {
      if (active >= concurrency) break;
      if (!isRunnable(entry) || (!entry.checked && !entry.record.uploadUrl)) continue;
      if (entry.notBefore > now) soonest = Math.min(soonest, entry.notBefore);
      else void run(entry, connection);
    }
    if (soonest < Infinity) wakeAt(soonest);
  }

  /** Asks the portal, for up to STATUS_MAX waiting files at once, whether it already holds their bytes. */
  async function checkBatch(conn: Connection): Promise<void> {
    if (checking) return;
    const batch: Entry[] = [];
    for (const entry of entries.values()) {
      if (isRunnable(entry) && !entry.checked && !entry.record.uploadUrl) batch.push(entry);
      if (batch.length === STATUS_MAX) break;
    }
    if (batch.length === 0) return;
    checking = true;
    const gen = generation;
    const result = await storedHashes(conn.portalUrl, conn.accessToken, [...new Set(batch.map((e) => e.record.sha256))]);
    checking = false;
    if (gen !== generation || closed) return pump();
    if (result.kind === 'ok') {
      linkWorks();
      for (const entry of batch) {
        if (!isCurrent(entry) || !isRunnable(entry)) continue;
        entry.checked = true;
        if (result.stored.has(entry.record.sha256)) markDone(entry);
      }
    } else if (result.kind === 'http' && result.status === 401) {
      tokenExpired();
    } else if (result.kind === 'network' || result.status >= 500) {
      log(`uploads: status check failed: ${result.kind === 'network' ? result.message : `${result.status} ${result.message}`}`);
      linkFailed();
    } else {
      // A portal that cannot answer this: upload anyway, tus still deduplicates nothing but loses nothing.
      log(`uploads: status check refused (${result.status}): ${result.message}`);
      batch.forEach((entry) => (entry.checked = true));
    }
    pump();
  }

  async function run(entry: Entry, conn: Connection): Promise<void> {
    const gen = generation;
    active++;
    entry.starting = true;
    update(entry, { state: 'uploading', errorCode: null, error: null }, false);
    try {
      const bytes = await vault.read(entry.record.sha256);
      if (!isCurrent(entry)) return;
      if (!bytes) return reject(entry, 'missing-in-vault', 'The local vault no longer holds this file');
      if (gen !== generation || closed) return update(entry, { state: 'pending' }, false);
      let uploadUrl = entry.record.uploadUrl;
      if (uploadUrl && !isPortalUploadUrl(uploadUrl, conn.portalUrl)) {
        uploadUrl = null; // another portal's upload (settings changed): start again here
        update(entry, { uploadUrl: null });
      }
      const sentBefore = entry.sent;
      entry.attempt = startAttempt({
        portalUrl: conn.portalUrl,
        accessToken: conn.accessToken,
        fileId: entry.record.fileId,
        sha256: entry.record.sha256,
        bytes,
        uploadUrl,
        saveUrl: async (url) => {
          if (!isCurrent(entry)) return;
          entry.record = { ...entry.record, uploadUrl: url };
          await store.save(entry.record);
        },
        onProgress: (sent) => progress(entry, sent),
        onResponse: (status) => status < 500 && linkWorks(),
        stallTimeoutMs,
      });
      entry.starting = false;
      const outcome = await entry.attempt.outcome;
      entry.attempt = null;
      if (isCurrent(entry)) settle(entry, outcome, entry.sent > sentBefore);
    } catch (error) {
      // The vault could not be read (disk error): worth another try later.
      if (isCurrent(entry)) transient(entry, 'server', `local: ${(error as Error).message}`, false);
    } finally {
      entry.starting = false;
      entry.attempt = null;
      active--;
      pump();
    }
  }

  function settle(entry: Entry, outcome: AttemptOutcome, progressed: boolean): void {
    switch (outcome.kind) {
      case 'done':
        entry.sent = entry.record.size;
        return markDone(entry);
      case 'aborted':
        return update(entry, { state: 'pending' }, false);
      case 'gone':
        // The URL names no upload (expired, or finished while the answer was lost): ask again, then start over.
        entry.checked = false;
        entry.sent = 0;
        if (entry.backoffLevel > 0) entry.notBefore = Date.now() + backoffDelay(entry.backoffLevel, backoff);
        entry.backoffLevel++;
        return update(entry, { state: 'pending', uploadUrl: null });
      case 'complete':
        // Keep the URL: once the portal has finished with it, HEAD answers 404 and the hash check says "stored".
        entry.notBefore = Date.now() + backoffDelay(entry.backoffLevel++, backoff);
        return update(entry, { state: 'pending' }, false);
      case 'network':
        return transient(entry, 'network', outcome.message, progressed);
      case 'http':
        return settleHttp(entry, outcome.status, outcome.message, progressed);
    }
  }

  function settleHttp(entry: Entry, status: number, message: string, progressed: boolean): void {
    if (status === 401) {
      update(entry, { state: 'pending' }, false);
      return tokenExpired();
    }
    if (status === HASH_MISMATCH_STATUS) {
      const hashMismatches = entry.record.hashMismatches + 1;
      entry.sent = 0;
      entry.checked = true;
      if (hashMismatches > hashRestarts) {
        entry.record = { ...entry.record, hashMismatches, uploadUrl: null };
        return reject(entry, 'hash-mismatch', message);
      }
      // The portal forgot the bytes: start from zero at once.
      entry.notBefore = 0;
      return update(entry, { state: 'error', hashMismatches, uploadUrl: null, attempts: entry.record.attempts + 1, errorCode: 'hash-mismatch', error: message });
    }
    if (status === 403) return reject(entry, 'forbidden', message);
    if (status === 413) return reject(entry, 'too-large', message);
    if (status === 404 || status === 410) return settle(entry, { kind: 'gone' }, progressed);
    if (status >= 500 || RETRYABLE_4XX.has(status)) return transient(entry, 'server', `${status}: ${message}`, progressed);
    return reject(entry, 'refused', `${status}: ${message}`);
  }

  function kick(): void {
    linkWorks();
    for (const entry of entries.values()) {
      entry.notBefore = 0;
      entry.backoffLevel = 0;
    }
    pump();
  }

  return {
    async enqueue(files) {
      await ready;
      if (closed) throw new Error('uploads: closed');
      const added: { entry: Entry; previous: Entry | undefined }[] = [];
      for (const file of files) {
        const previous = entries.get(file.fileId);
        if (previous?.record.sha256 === file.sha256) continue;
        if (!previous && done.get(file.fileId)?.sha256 === file.sha256) continue;
        const entry = makeEntry(newRecord(file), false);
        previous?.attempt?.abort();
        entries.delete(file.fileId);
        entries.set(file.fileId, entry);
        added.push({ entry, previous });
      }
      const written: typeof added = [];
      try {
        await eachLimited(added, WRITE_PARALLEL, async (item) => {
          await store.save(item.entry.record);
          written.push(item);
        });
      } catch (error) {
        // All or nothing: put back what was there before this call, on disk and in memory.
        for (const { entry, previous } of added) {
          entries.delete(entry.record.fileId);
          if (previous) entries.set(entry.record.fileId, previous);
        }
        await Promise.allSettled(written.map(({ entry, previous }) => (previous ? store.save(previous.record) : store.remove(entry.record.fileId))));
        throw error;
      }
      for (const { entry } of added) {
        entry.persisted = true;
        done.delete(entry.record.fileId);
        emit(entry);
      }
      pump();
      return { queued: added.length };
    },

    async list() {
      await ready;
      return [...done.values(), ...[...entries.values()].map((e) => statusOf(e.record, e.sent))];
    },

    connect(next) {
      if (!next) {
        connection = null;
        generation++;
        if (timer) clearTimeout(timer);
        timer = null;
        timerAt = Infinity;
        abortAll();
        return;
      }
      if (connection && connection.portalUrl !== next.portalUrl) {
        generation++;
        abortAll();
        for (const entry of entries.values()) entry.checked = false;
      }
      connection = next;
      waitingForToken = false;
      void ready.then(kick);
    },

    kick,

    async retry(fileId) {
      await ready;
      const entry = entries.get(fileId);
      if (!entry) return done.has(fileId);
      if (entry.attempt || entry.starting) return true;
      entry.notBefore = 0;
      entry.backoffLevel = 0;
      entry.checked = false;
      update(entry, { state: 'pending', attempts: 0, hashMismatches: 0, errorCode: null, error: null });
      pump();
      return true;
    },

    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>;
      set.add(listener);
      return () => set.delete(listener);
    },

    async settled() {
      await ready;
      await new Promise<void>((resolve) => {
        settledWaiters.push(resolve);
        checkSettled();
      });
      await store.flush();
    },

    async close() {
      closed = true;
      generation++;
      if (timer) clearTimeout(timer);
      abortAll();
      for (const entry of entries.values()) if (entry.progressTimer) clearTimeout(entry.progressTimer);
      await ready.catch(() => {});
      await store.flush();
    },
  };
}
