/**
 * The warm OCR pool: a fixed number of tesseract.js workers fed from one FIFO queue. Tesseract
 * cannot be interrupted, so cancelling or timing out a running page ends its worker and starts a
 * replacement; workers are also replaced after a number of pages because wasm memory only grows.
 */
import { InputError, type OcrPool, type RawOcrPage, type RecognizeOptions } from '../types';
import { imageSize } from './image-size';
import { toRawOcrPage } from './map-result';
import { startOcrWorker, type OcrWorker } from './ocr-worker';
import { assertLocalTessdata, missingModel } from './tessdata';

export interface OcrPoolOptions {
  /** Folder holding vie.traineddata.gz (tessdataDir(resourcesDir)). */
  langPath: string;
  size?: number;
  recycleAfterPages?: number;
  timeoutMs?: number;
  log?: (message: string) => void;
}

export interface OcrPoolStats {
  /** Workers that came up (first starts, replacements and recycles). */
  workersStarted: number;
  /** Ended after recycleAfterPages pages. */
  recycled: number;
  /** Ended because their page was cancelled, timed out or failed, or the thread died. */
  replaced: number;
  pagesDone: number;
  /** Most pages ever recognised at the same time (never above size). */
  peakRunning: number;
  running: number;
  queued: number;
}

export interface PoolRecognizeOptions extends RecognizeOptions {
  /** This page's timeout instead of the pool's (e.g. a retry the clerk asked for). */
  timeoutMs?: number;
}

export interface ConcreteOcrPool extends OcrPool {
  recognize(image: Buffer, options: PoolRecognizeOptions): Promise<RawOcrPage>;
  stats(): OcrPoolStats;
}

/**
 * A page takes 3.4–5.3 s on one core of the development machine (A4, 300 dpi); 90 s leaves room
 * for a slow counter PC under load while still freeing a worker stuck on a pathological image.
 */
export const DEFAULT_TIMEOUT_MS = 90_000;
/** Measured: a worker grows from ~90 MB to ~250 MB over its first pages; see pool-size.ts. */
export const DEFAULT_RECYCLE_AFTER_PAGES = 40;
const START_TIMEOUT_MS = 60_000;

interface Job {
  image: Buffer;
  options: PoolRecognizeOptions;
  resolve: (page: RawOcrPage) => void;
  reject: (error: Error) => void;
  settled: boolean;
  slot: Slot | null;
  /** Set while Tesseract is working on it. */
  worker: OcrWorker | null;
  timer: NodeJS.Timeout | undefined;
  detach: () => void;
}

interface Slot {
  worker: OcrWorker | null;
  starting: Promise<OcrWorker> | null;
  job: Job | null;
  pages: number;
}

export function createOcrPool(options: OcrPoolOptions): ConcreteOcrPool {
  assertLocalTessdata(options.langPath);
  const size = Math.max(1, Math.floor(options.size ?? 1));
  const recycleAfter = Math.max(1, Math.floor(options.recycleAfterPages ?? DEFAULT_RECYCLE_AFTER_PAGES));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const log = options.log ?? (() => {});
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, starting: null, job: null, pages: 0 }));
  const queue: Job[] = [];
  const ending = new Set<Promise<void>>();
  const counts = { workersStarted: 0, recycled: 0, replaced: 0, pagesDone: 0, peakRunning: 0 };
  let closed = false;

  const running = () => slots.filter((s) => s.job?.worker).length;

  function settle(job: Job, outcome: { page: RawOcrPage } | { error: Error }): void {
    if (job.settled) return;
    job.settled = true;
    clearTimeout(job.timer);
    job.detach();
    if ('page' in outcome) job.resolve(outcome.page);
    else job.reject(outcome.error);
  }

  function startWorker(slot: Slot): Promise<OcrWorker> {
    if (slot.worker) return Promise.resolve(slot.worker);
    if (slot.starting) return slot.starting;
    if (closed) return Promise.reject(new InputError('cancelled', 'OCR pool closed'));
    // Checked here, not at creation: an incomplete installation must not stop the app from starting.
    const missing = missingModel(options.langPath);
    if (missing) return Promise.reject(new InputError('ocr-failed', missing));
    let worker: OcrWorker | null = null;
    const starting = startOcrWorker({
      langPath: options.langPath,
      onProgress: (p) => {
        // Only the page this worker is on hears it (a replaced worker may still report briefly).
        if (slot.worker === worker && slot.job?.worker === worker) slot.job.options.onProgress?.(p);
      },
      onUnexpectedExit: (code) => {
        if (slot.worker !== worker) return;
        log(`OCR worker ${worker?.id} exited unexpectedly (code ${code})`);
        const job = slot.job;
        if (job?.worker === worker) settle(job, { error: new InputError('ocr-failed', `OCR worker exited (code ${code})`) });
        replace(slot, 'replaced');
      },
      log,
      startTimeoutMs: START_TIMEOUT_MS,
    });
    slot.starting = starting.then(
      (w) => {
        slot.starting = null;
        if (closed) {
          end(w);
          throw new InputError('cancelled', 'OCR pool closed');
        }
        worker = w;
        slot.worker = w;
        counts.workersStarted++;
        return w;
      },
      (error: Error) => {
        slot.starting = null;
        log(error.message);
        throw error;
      },
    );
    return slot.starting;
  }

  function end(worker: OcrWorker): void {
    const done = worker.terminate().catch((error: Error) => log(`OCR worker did not end cleanly: ${error.message}`));
    ending.add(done);
    void done.finally(() => ending.delete(done));
  }

  /** Ends the slot's worker and, unless the pool is closing, starts its successor right away. */
  function replace(slot: Slot, why: 'recycled' | 'replaced'): void {
    const worker = slot.worker;
    slot.worker = null;
    // A page still waiting for this slot's worker keeps its place and gets the successor.
    if (!slot.job || slot.job.settled) slot.job = null;
    slot.pages = 0;
    if (worker) {
      counts[why]++;
      end(worker);
    }
    if (!closed) startWorker(slot).catch(() => {});
    pump();
  }

  /** Gives queued pages to free slots, preferring slots whose worker is already up. */
  function pump(): void {
    while (!closed && queue.length > 0) {
      const free = slots.filter((s) => s.job === null);
      const slot = free.find((s) => s.worker) ?? free.find((s) => s.starting) ?? free[0];
      if (!slot) return;
      const job = queue.shift()!;
      slot.job = job;
      job.slot = slot;
      void run(slot, job);
    }
  }

  /** Frees the slot of a page that ended before Tesseract worked on it. */
  function fail(slot: Slot, job: Job, error: Error): void {
    if (job.settled) return;
    settle(job, { error: error instanceof InputError ? error : new InputError('ocr-failed', error.message) });
    slot.job = null;
    pump();
  }

  async function run(slot: Slot, job: Job): Promise<void> {
    let size: { width: number; height: number };
    let worker: OcrWorker;
    try {
      // Checked first: an unreadable image should not cost a worker.
      size = await imageSize(job.image);
      if (job.settled) return;
      worker = await startWorker(slot);
    } catch (error) {
      return fail(slot, job, error as Error);
    }
    // Cancelled meanwhile: the abort handler already freed the slot.
    if (job.settled) return;
    job.worker = worker;
    counts.peakRunning = Math.max(counts.peakRunning, running());
    const limit = job.options.timeoutMs ?? timeoutMs;
    job.timer = setTimeout(() => stopRunning(job, new InputError('ocr-timeout', `OCR took longer than ${limit} ms`)), limit);
    const started = performance.now();
    try {
      const data = await worker.recognize(job.image, job.options.dpi);
      if (job.settled) return;
      const page = toRawOcrPage(data, { ...size, dpi: job.options.dpi }, Math.round(performance.now() - started));
      counts.pagesDone++;
      slot.pages++;
      settle(job, { page });
      if (slot.pages >= recycleAfter) replace(slot, 'recycled');
      else {
        slot.job = null;
        pump();
      }
    } catch (error) {
      if (job.settled) return;
      settle(job, { error: new InputError('ocr-failed', `OCR failed: ${String((error as Error)?.message ?? error)}`) });
      // A worker that failed a page is not trusted with the next one.
      replace(slot, 'replaced');
    }
  }

  /** Cancel or timeout of a page Tesseract is working on: the only way to stop it is to end the worker. */
  function stopRunning(job: Job, error: InputError): void {
    if (job.settled) return;
    settle(job, { error });
    const slot = job.slot;
    if (slot && slot.job === job) replace(slot, 'replaced');
  }

  function cancel(job: Job): void {
    if (job.settled) return;
    const cancelled = new InputError('cancelled', 'OCR cancelled');
    const queued = queue.indexOf(job);
    if (queued >= 0) {
      queue.splice(queued, 1);
      settle(job, { error: cancelled });
    } else if (job.worker) {
      stopRunning(job, cancelled);
    } else {
      // Waiting for its worker to start: free the slot, the start goes on for the next page.
      settle(job, { error: cancelled });
      if (job.slot?.job === job) job.slot.job = null;
      pump();
    }
  }

  return {
    size,
    async warm() {
      if (closed) throw new InputError('cancelled', 'OCR pool closed');
      await Promise.all(slots.map((s) => startWorker(s)));
    },
    recognize(image, recognizeOptions) {
      return new Promise<RawOcrPage>((resolve, reject) => {
        const { signal } = recognizeOptions;
        if (closed) return reject(new InputError('cancelled', 'OCR pool closed'));
        if (signal?.aborted) return reject(new InputError('cancelled', 'OCR cancelled'));
        const job: Job = { image, options: recognizeOptions, resolve, reject, settled: false, slot: null, worker: null, timer: undefined, detach: () => {} };
        if (signal) {
          const onAbort = () => cancel(job);
          signal.addEventListener('abort', onAbort, { once: true });
          job.detach = () => signal.removeEventListener('abort', onAbort);
        }
        queue.push(job);
        pump();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      const closing = new InputError('cancelled', 'OCR pool closed');
      for (const job of queue.splice(0)) settle(job, { error: closing });
      for (const slot of slots) {
        if (slot.job) settle(slot.job, { error: closing });
        slot.job = null;
        if (slot.worker) end(slot.worker);
        slot.worker = null;
      }
      // A worker still starting is ended when its start completes (see startWorker).
      await Promise.allSettled(slots.map((s) => s.starting));
      await Promise.all([...ending]);
    },
    stats() {
      return { ...counts, running: running(), queued: queue.length };
    },
  };
}
