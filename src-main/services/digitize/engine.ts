/**
 * The digitisation engine: one per process, shared by the desktop app's batches, the command line
 * and the bench. It owns the warm OCR pool (tesseract.js worker threads) and a worker thread for
 * image work, and turns a page of an input file into an upright page with corrected OCR.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { OcrPage, PdfMeta, QuarterTurn } from '../../../src-shared/contract/digitize';
import { createVietnameseCorrector, type VietnameseCorrector } from '../../../src-shared/domain/vietnamese';
import { APP_VERSION } from '../../version';
import { createThreadPool, workerEntry, type ThreadPool } from '../workers/thread-pool';
import { correctPage } from './correct-page';
import type { ImageTasks } from './image-worker';
import { seedVocabulary } from './vocabulary';
import { createOcrPool, defaultOcrPoolSize, tessdataDir } from './ocr';
import type { InputKind, OcrPool, PdfPageInput, PreparedPage, RawOcrPage } from './types';

/** Below this mean confidence a page whose up/down could not be told apart is also read turned over. */
const FLIP_RETRY_BELOW = 75;

export const SOFTWARE = `motcua ${APP_VERSION}`;

export interface DigitizeEngineOptions {
  resourcesDir: string;
  /** OCR workers (default: sized to the machine). */
  ocrPoolSize?: number;
  ocrTimeoutMs?: number;
  /** Extra text that enriches the post-correction's vocabulary (default: the seed catalog's names). */
  vocabulary?: readonly string[];
  log?: (message: string) => void;
}

export interface RecognizedPage {
  /** The page as finally read (turned over when that read better). */
  prepared: PreparedPage;
  ocr: OcrPage;
}

export interface DigitizeEngine {
  readonly ocrPoolSize: number;
  /** Starts the OCR workers now so the first page does not wait for them. */
  warm(): Promise<void>;
  inspect(file: string, name: string): Promise<{ kind: InputKind; pageCount: number }>;
  prepare(file: string, name: string, index: number, rotation?: QuarterTurn): Promise<PreparedPage>;
  recognize(prepared: PreparedPage, options?: { signal?: AbortSignal; onProgress?: (p: number) => void }): Promise<RecognizedPage>;
  buildPdf(pages: PdfPageInput[], meta: PdfMeta, createdAt?: Date): Promise<Uint8Array>;
  readQr(file: string): Promise<string[]>;
  readQrBytes(bytes: Uint8Array): Promise<string[]>;
  thumbnail(jpeg: Buffer): Promise<Buffer>;
  close(): Promise<void>;
}

export function createDigitizeEngine(options: DigitizeEngineOptions): DigitizeEngine {
  const log = options.log ?? (() => {});
  const ocr: OcrPool = createOcrPool({
    langPath: tessdataDir(options.resourcesDir),
    size: options.ocrPoolSize ?? defaultOcrPoolSize(),
    ...(options.ocrTimeoutMs ? { timeoutMs: options.ocrTimeoutMs } : {}),
    log,
  });
  // One image thread is enough beside two OCR threads on a 2-core counter PC; more cores, more.
  const images: ThreadPool<ImageTasks> = createThreadPool<ImageTasks>(
    workerEntry(import.meta.url, './image-worker.ts', 'digitize-worker.cjs'),
    Math.max(1, Math.floor(os.availableParallelism() / 2)),
  );
  let corrector: Promise<VietnameseCorrector> | undefined;
  let font: Promise<Buffer> | undefined;

  async function read(prepared: PreparedPage, signal?: AbortSignal, onProgress?: (p: number) => void): Promise<RawOcrPage> {
    return ocr.recognize(prepared.ocrPng, { dpi: prepared.dpi, ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) });
  }

  return {
    ocrPoolSize: ocr.size,
    warm: () => ocr.warm(),
    inspect: (file, name) => images.run('inspect', file, name),
    prepare: (file, name, index, rotation) => images.run('prepare', file, name, index, rotation === undefined ? {} : { rotation }),
    async recognize(prepared, { signal, onProgress } = {}) {
      let page = prepared;
      let raw = await read(prepared, signal, onProgress);
      if (prepared.flipUncertain && raw.confidence < FLIP_RETRY_BELOW) {
        const turned = await images.run('rotate', prepared, 180);
        const second = await read(turned, signal);
        if (second.confidence > raw.confidence) {
          page = turned;
          raw = second;
        }
      }
      corrector ??= (options.vocabulary ? Promise.resolve(options.vocabulary) : seedVocabulary(options.resourcesDir)).then((v) => createVietnameseCorrector(v));
      return { prepared: page, ocr: correctPage(raw, await corrector) };
    },
    async buildPdf(pages, meta, createdAt = new Date()) {
      font ??= readFile(path.join(options.resourcesDir, 'fonts', 'DejaVuSerif.ttf'));
      return images.run('buildPdf', { pages, meta: { ...meta, createdAt, software: SOFTWARE }, font: await font });
    },
    readQr: (file) => images.run('readQr', file),
    readQrBytes: (bytes) => images.run('readQrBytes', bytes),
    thumbnail: (jpeg) => images.run('thumbnail', jpeg),
    async close() {
      await Promise.all([ocr.close(), images.close()]);
    },
  };
}
