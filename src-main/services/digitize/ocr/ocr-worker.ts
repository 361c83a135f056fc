/**
 * One tesseract.js worker (a worker thread running the wasm Tesseract with the Vietnamese model),
 * started offline and wrapped so the pool can see progress, failures and exits, and end it for sure.
 */
import type { Worker as NodeWorker } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import { offlineWorkerUrl } from './offline-worker';
import { OCR_LANGUAGE } from './tessdata';

/**
 * Page segmentation: AUTO measured best. On a page skewed 1.5–3.5° with noise, SINGLE_BLOCK read
 * 1.19 % CER against AUTO's 0.25 %, SINGLE_COLUMN 17 %; on straight pages all three tie.
 */
export const PAGE_SEGMENTATION = Tesseract.PSM.AUTO;

/** Tesseract's accepted resolution range (outside it, it warns and guesses). */
const MIN_DPI = 70;
const MAX_DPI = 2400;

export interface OcrWorkerOptions {
  langPath: string;
  /** 'recognizing text' progress, 0–1. */
  onProgress: (progress: number) => void;
  /** The thread ended without terminate() (crash, out of memory). */
  onUnexpectedExit: (code: number) => void;
  log: (message: string) => void;
  /** Give up starting after this long (the thread may then linger; it is logged). */
  startTimeoutMs: number;
}

export interface OcrWorker {
  readonly id: string;
  recognize(image: Buffer, dpi: number): Promise<Tesseract.Page>;
  /** Ends the thread, also in the middle of a recognition (Tesseract cannot be cancelled). */
  terminate(): Promise<void>;
}

export async function startOcrWorker(options: OcrWorkerOptions): Promise<OcrWorker> {
  const { log } = options;
  let started = false;
  let failStart: (error: Error) => void = () => {};
  const startFailed = new Promise<never>((_, reject) => {
    failStart = reject;
  });
  // Startup failures reach us only here (see offline-worker.ts); later ones also reject the call.
  const errorHandler = (error: unknown) => {
    if (!started) failStart(new Error(`OCR worker failed to start: ${String(error)}`));
    else log(`OCR worker error: ${String(error)}`);
  };
  const logger = (m: Tesseract.LoggerMessage) => {
    if (m.status === 'recognizing text') options.onProgress(m.progress);
  };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`OCR worker did not start within ${options.startTimeoutMs} ms`)), options.startTimeoutMs);
  });
  const creating = Tesseract.createWorker(OCR_LANGUAGE, Tesseract.OEM.LSTM_ONLY, {
    langPath: options.langPath,
    gzip: true,
    // The default cache writes vie.traineddata into the working directory.
    cacheMethod: 'none',
    // tesseract.js's type says string; in Node it is handed to `new Worker()` unchanged.
    workerPath: offlineWorkerUrl() as unknown as string,
    logger,
    errorHandler,
  });
  let worker: Tesseract.Worker;
  try {
    worker = await Promise.race([creating, startFailed, timedOut]);
  } catch (error) {
    // A worker that still comes up after we gave up is ended rather than left running.
    void creating.then((late) => late.terminate(), () => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  started = true;

  // createWorker's object carries the thread; tesseract.js itself never listens for its exit.
  const thread = (worker as unknown as { worker: NodeWorker }).worker;
  let terminating = false;
  const exited = new Promise<number>((resolve) => thread.once('exit', resolve));
  thread.on('error', (error) => log(`OCR worker thread error: ${error.message}`));
  void exited.then((code) => {
    if (!terminating) options.onUnexpectedExit(code);
  });

  try {
    await worker.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION });
  } catch (error) {
    terminating = true;
    await worker.terminate();
    throw new Error(`OCR worker failed to start: ${String(error)}`);
  }

  return {
    id: `ocr-${thread.threadId}`,
    async recognize(image, dpi) {
      // Per call, so each page's own resolution is used (tesseract restores its parameters after).
      const userDpi = String(Math.round(Math.min(MAX_DPI, Math.max(MIN_DPI, dpi))));
      const params = { user_defined_dpi: userDpi } as unknown as Partial<Tesseract.RecognizeOptions>;
      // A thread that dies mid-page never answers; its exit must still end the call.
      const died = exited.then((code) => {
        throw new Error(`OCR worker exited (code ${code})`);
      });
      const result = await Promise.race([worker.recognize(image, params, { text: false, blocks: true }), died]);
      return result.data;
    },
    async terminate() {
      terminating = true;
      await worker.terminate();
      await exited;
    },
  };
}
