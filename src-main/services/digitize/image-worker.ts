/**
 * The digitisation worker thread: everything CPU-heavy but OCR (tesseract.js has its own threads):
 * decoding inputs, preparing pages, thumbnails, the searchable PDF, the QR reader. Inputs are read
 * from disk here, so big files never cross the thread boundary.
 */
import { readFile } from 'node:fs/promises';
import { serveTasks } from '../workers/serve';
import { makeThumbnail, openInput, preparePage, rotatePrepared } from './image';
import { buildSearchablePdf } from './pdf';
import { readQrCodes } from './qr';
import type { InputKind, PrepareOptions, PreparedPage, SearchablePdfInput } from './types';
import type { QuarterTurn } from '../../../src-shared/contract/digitize';

async function withInput<T>(file: string, name: string, use: (doc: Awaited<ReturnType<typeof openInput>>) => Promise<T>): Promise<T> {
  const doc = await openInput(await readFile(file), name);
  try {
    return await use(doc);
  } finally {
    await doc.close();
  }
}

export const imageTasks = {
  inspect: (file: string, name: string): Promise<{ kind: InputKind; pageCount: number }> =>
    withInput(file, name, async (doc) => ({ kind: doc.kind, pageCount: doc.pageCount })),
  prepare: (file: string, name: string, index: number, options: PrepareOptions = {}): Promise<PreparedPage> =>
    withInput(file, name, async (doc) => preparePage(await doc.page(index), options)),
  rotate: (page: PreparedPage, turns: QuarterTurn): Promise<PreparedPage> => rotatePrepared(page, turns),
  thumbnail: (jpeg: Uint8Array): Promise<Buffer> => makeThumbnail(Buffer.from(jpeg)),
  buildPdf: (input: SearchablePdfInput): Promise<Uint8Array> => buildSearchablePdf(input),
  readQr: async (file: string): Promise<string[]> => readQrCodes(await readFile(file)),
  readQrBytes: (bytes: Uint8Array): Promise<string[]> => readQrCodes(Buffer.from(bytes)),
};

export type ImageTasks = typeof imageTasks;

serveTasks(imageTasks);
