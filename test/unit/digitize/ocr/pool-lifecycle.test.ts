/**
 * The pool's life with real tesseract.js workers (a pool of one, mostly on a four-line crop that
 * reads quickly): cancelling, timing out, recycling, closing, and staying offline and out of the
 * working directory, which for this file is an empty temporary folder.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOcrPool } from '../../../../src-main/services/digitize/ocr';
import { NETWORK_BLOCKED } from '../../../../src-main/services/digitize/ocr/offline-worker';
import { startOcrWorker } from '../../../../src-main/services/digitize/ocr/ocr-worker';
import { characterErrorRate } from '../../../support/digitize/cer';
import { LANG_PATH, pageImage, topLines, type OcrImage } from './fixtures';

const SLOW = 300_000;
/** The crops read with CER 0 when measured; a misread of a letter or two still passes. */
const MAX_CER = 0.02;

let page: OcrImage;
let crop: OcrImage;
let otherCrop: OcrImage;
let workDir: string;
let originalCwd: string;
let originalFetch: typeof globalThis.fetch;
const fetched: string[] = [];

beforeAll(async () => {
  page = await pageImage('clean', 0);
  crop = await topLines(page);
  otherCrop = await topLines(await pageImage('serif', 1));
  workDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-ocr-cwd-'));
  originalCwd = process.cwd();
  process.chdir(workDir);
  originalFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request) => {
    fetched.push(String(input instanceof Request ? input.url : input));
    throw new Error('the network is off in this test');
  };
}, 60_000);

afterAll(async () => {
  globalThis.fetch = originalFetch;
  process.chdir(originalCwd);
  await rm(workDir, { recursive: true, force: true });
});

const cancelled = { name: 'InputError', code: 'cancelled' };

describe('OCR pool life cycle', () => {
  it(
    'cancels a queued page and a running one, then reads on with a fresh worker',
    async () => {
      const pool = createOcrPool({ langPath: LANG_PATH, size: 1 });
      try {
        await pool.warm();
        const running = new AbortController();
        const queued = new AbortController();
        let reading!: () => void;
        const started = new Promise<void>((resolve) => (reading = resolve));
        const a = pool.recognize(page.png, { dpi: 300, signal: running.signal, onProgress: () => reading() });
        const b = pool.recognize(crop.png, { dpi: 300, signal: queued.signal });
        expect(pool.stats().queued).toBe(1);
        queued.abort();
        await expect(b).rejects.toMatchObject(cancelled);
        expect(pool.stats().queued).toBe(0);

        await started;
        expect(pool.stats().running).toBe(1);
        running.abort();
        await expect(a).rejects.toMatchObject(cancelled);
        expect(pool.stats()).toMatchObject({ replaced: 1, pagesDone: 0, running: 0 });

        const c = await pool.recognize(crop.png, { dpi: 300 });
        expect(characterErrorRate(c.text, crop.truth)).toBeLessThan(MAX_CER);
        expect(pool.stats()).toMatchObject({ workersStarted: 2, replaced: 1, pagesDone: 1 });
        await expect(pool.recognize(crop.png, { dpi: 300, signal: AbortSignal.abort() })).rejects.toMatchObject(cancelled);
      } finally {
        await pool.close();
      }
    },
    SLOW,
  );

  it(
    'times a page out, replaces its worker and reads the next page',
    async () => {
      const pool = createOcrPool({ langPath: LANG_PATH, size: 1, timeoutMs: 1 });
      try {
        await expect(pool.recognize(page.png, { dpi: 300 })).rejects.toMatchObject({ name: 'InputError', code: 'ocr-timeout' });
        expect(pool.stats()).toMatchObject({ replaced: 1, pagesDone: 0 });
        // A retry may ask for more time than the pool's default.
        const next = await pool.recognize(crop.png, { dpi: 300, timeoutMs: SLOW });
        expect(characterErrorRate(next.text, crop.truth)).toBeLessThan(MAX_CER);
        expect(pool.stats()).toMatchObject({ replaced: 1, pagesDone: 1 });
      } finally {
        await pool.close();
      }
    },
    SLOW,
  );

  it(
    'recycles the worker after every page when told to, and still reads correctly',
    async () => {
      const pool = createOcrPool({ langPath: LANG_PATH, size: 1, recycleAfterPages: 1 });
      // Tesseract prints "Invalid resolution" on the worker's stderr when it does not get the dpi.
      const stderr = vi.spyOn(process.stderr, 'write');
      try {
        const first = await pool.recognize(crop.png, { dpi: 300 });
        const second = await pool.recognize(otherCrop.png, { dpi: 300 });
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(stderr.mock.calls.map((c) => String(c[0])).filter((line) => /resolution/i.test(line))).toEqual([]);
        expect(characterErrorRate(first.text, crop.truth)).toBeLessThan(MAX_CER);
        expect(characterErrorRate(second.text, otherCrop.truth)).toBeLessThan(MAX_CER);
        expect(pool.stats()).toMatchObject({ recycled: 2, replaced: 0, pagesDone: 2 });
        expect(pool.stats().workersStarted).toBeGreaterThanOrEqual(2);
      } finally {
        stderr.mockRestore();
        await pool.close();
      }
    },
    SLOW,
  );

  it(
    'fails an unreadable image without costing a worker, and close() cancels every waiting page',
    async () => {
      const pool = createOcrPool({ langPath: LANG_PATH, size: 1 });
      await expect(pool.recognize(Buffer.from('not an image'), { dpi: 300 })).rejects.toMatchObject({ code: 'ocr-failed' });
      expect(pool.stats()).toMatchObject({ replaced: 0, workersStarted: 0 });
      const a = pool.recognize(page.png, { dpi: 300 });
      const b = pool.recognize(crop.png, { dpi: 300 });
      await pool.close();
      await expect(a).rejects.toMatchObject(cancelled);
      await expect(b).rejects.toMatchObject(cancelled);
      await expect(pool.recognize(crop.png, { dpi: 300 })).rejects.toMatchObject(cancelled);
      expect(pool.stats().pagesDone).toBe(0);
    },
    SLOW,
  );

  it('refuses a model location it would have to download from, and fails pages (not the app) without the model', async () => {
    expect(() => createOcrPool({ langPath: 'https://cdn.jsdelivr.net/npm/@tesseract.js-data/vie/4.0.0_best_int' })).toThrow(/absolute local folder/);
    expect(() => createOcrPool({ langPath: 'resources/tessdata' })).toThrow(/absolute local folder/);
    const missing = createOcrPool({ langPath: path.join(workDir, 'missing') });
    await expect(missing.recognize(crop.png, { dpi: 300 })).rejects.toMatchObject({ code: 'ocr-failed', message: expect.stringMatching(/model not found/) });
    await missing.close();
  });

  it(
    'blocks the network inside the worker thread even if a URL gets through',
    async () => {
      const start = startOcrWorker({
        // Port 9 (discard) on this machine: a real attempt would fail differently (ECONNREFUSED).
        langPath: 'http://127.0.0.1:9/tessdata',
        onProgress: () => {},
        onUnexpectedExit: () => {},
        log: () => {},
        startTimeoutMs: 60_000,
      });
      await expect(start).rejects.toThrow(NETWORK_BLOCKED);
    },
    SLOW,
  );

  it('fetched nothing and wrote nothing into the working directory', async () => {
    expect(fetched).toEqual([]);
    expect(await readdir(workDir)).toEqual([]);
  });
});
