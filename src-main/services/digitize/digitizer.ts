/**
 * The workstation's digitisation service behind the desktop contract: batches of pages (one per
 * dossier, plus the watched folder's inbox), a queue that prepares and OCRs them through the engine
 * with at most one page per OCR worker in flight, progress events, and the searchable PDF per
 * component into the vault. Batches live on disk (batch-store.ts): after a crash, finished pages are
 * there and the others are queued again.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AssembledPdf, DigitizeBatch, DigitizePage, OcrPage, PdfMeta, QuarterTurn, RefusedInput } from '../../../src-shared/contract/digitize';
import { INBOX_BATCH_ID } from '../../../src-shared/contract/digitize';
import type { Vault } from '../vault';
import { createBatchStore, type StoredBatch, type StoredPage } from './batch-store';
import type { DigitizeEngine } from './engine';
import { InputError, type PdfPageInput } from './types';

/** A request that names something that does not exist or is not ready (the contract's RequestError). */
export class DigitizeRequestError extends Error {
  override name = 'DigitizeRequestError';
}

export type PageVia = DigitizePage['source']['via'];

export interface AddOutcome {
  pages: DigitizePage[];
  refused: RefusedInput[];
}

const EMIT_EVERY_MS = 250;
const ACTIVE: readonly DigitizePage['state'][] = ['queued', 'preparing', 'ocr'];

/** The public view of a stored page (no internal fields). */
function view(page: StoredPage): DigitizePage {
  const { sourceSha: _sourceSha, turn: _turn, ...rest } = page;
  return rest;
}

function viewBatch(batch: StoredBatch): DigitizeBatch {
  return { id: batch.id, createdAt: batch.createdAt, pages: batch.pages.map(view) };
}

export function createDigitizer(options: { dataDir: string; engine: DigitizeEngine; vault: Vault; log?: (m: string) => void }) {
  const { engine, vault } = options;
  const log = options.log ?? (() => {});
  const store = createBatchStore(options.dataDir);
  const events = new EventEmitter<{ changed: [DigitizeBatch] }>();
  const batches = new Map<string, StoredBatch>();
  const queue: { batchId: string; pageId: string }[] = [];
  /** Work under way, by job number (a page may be re-queued while its old job winds down). */
  const running = new Map<number, { batchId: string; pageId: string; controller: AbortController }>();
  let nextJob = 1;
  const saving = new Map<string, Promise<void>>();
  const emitTimers = new Map<string, NodeJS.Timeout>();
  let loaded: Promise<void> | undefined;
  let closed = false;

  const load = () =>
    (loaded ??= store.loadAll(log).then((all) => {
      for (const batch of all) {
        batches.set(batch.id, batch);
        // Whatever was under way when the app stopped starts again from its source.
        for (const page of batch.pages) {
          if (!ACTIVE.includes(page.state)) continue;
          Object.assign(page, { state: 'queued', progress: 0 });
          queue.push({ batchId: batch.id, pageId: page.id });
        }
      }
      pump();
    }));

  function batchOf(id: string, create = false): StoredBatch | undefined {
    let batch = batches.get(id);
    if (!batch && create) {
      batch = { id, createdAt: Date.now(), pages: [], imports: [] };
      batches.set(id, batch);
    }
    return batch;
  }

  /** Writes are chained per batch so an older state never lands after a newer one. */
  function persist(batch: StoredBatch): Promise<void> {
    // After close the on-disk state is what the next start resumes from: leave it as it is.
    if (closed) return Promise.resolve();
    const next = (saving.get(batch.id) ?? Promise.resolve()).then(() => (batches.get(batch.id) === batch ? store.save(batch) : undefined));
    const settled = next.catch((error: unknown) => log(`digitize: saving batch ${batch.id} failed: ${(error as Error).message}`));
    saving.set(batch.id, settled);
    return next;
  }

  function emit(batch: StoredBatch, now = false): void {
    if (emitTimers.has(batch.id) && !now) return;
    clearTimeout(emitTimers.get(batch.id));
    emitTimers.delete(batch.id);
    const send = () => {
      emitTimers.delete(batch.id);
      events.emit('changed', viewBatch(batch));
    };
    if (now) send();
    else emitTimers.set(batch.id, setTimeout(send, EMIT_EVERY_MS));
  }

  async function changed(batch: StoredBatch): Promise<void> {
    await persist(batch);
    emit(batch, true);
  }

  function findPage(batchId: string, pageId: string): { batch: StoredBatch; page: StoredPage } {
    const batch = batches.get(batchId);
    const page = batch?.pages.find((p) => p.id === pageId);
    if (!batch || !page) throw new DigitizeRequestError(`no page ${pageId} in batch ${batchId}`);
    return { batch, page };
  }

  function pump(): void {
    while (!closed && running.size < engine.ocrPoolSize && queue.length > 0) {
      const job = queue.shift()!;
      const id = nextJob++;
      const controller = new AbortController();
      running.set(id, { ...job, controller });
      void processPage(job.batchId, job.pageId, controller.signal).finally(() => {
        running.delete(id);
        pump();
      });
    }
  }

  /** The page, if it is still where it was when its work started. */
  const current = (batchId: string, pageId: string) => batches.get(batchId)?.pages.find((p) => p.id === pageId);

  async function processPage(batchId: string, pageId: string, signal: AbortSignal): Promise<void> {
    const page = current(batchId, pageId);
    const batch = batches.get(batchId);
    if (!page || !batch || page.state !== 'queued') return;
    try {
      Object.assign(page, { state: 'preparing', progress: 0, error: null });
      await changed(batch);
      const first = await engine.prepare(store.sourceFile(page.sourceSha), page.source.name, page.source.page, page.turn ?? undefined);
      if (signal.aborted || current(batchId, pageId) !== page) return;
      Object.assign(page, { state: 'ocr', progress: 0 });
      await changed(batch);
      const { prepared, ocr } = await engine.recognize(first, {
        signal,
        onProgress: (progress) => {
          page.progress = progress;
          emit(batch);
        },
      });
      if (signal.aborted || current(batchId, pageId) !== page) return;
      await store.writePage(batchId, pageId, 'jpg', prepared.jpeg);
      await store.writePage(batchId, pageId, 'thumb.jpg', await engine.thumbnail(prepared.jpeg));
      await store.writePage(batchId, pageId, 'ocr.json', JSON.stringify(ocr));
      Object.assign(page, {
        state: 'done',
        progress: 1,
        width: prepared.width,
        height: prepared.height,
        rotation: prepared.rotation,
        skewDegrees: prepared.skewDegrees,
        blank: prepared.blank,
        confidence: Math.round(ocr.confidence * 10) / 10,
        lowConfidenceWords: ocr.lowConfidenceWords,
        bytes: prepared.jpeg.byteLength,
      } satisfies Partial<StoredPage>);
      await changed(batch);
    } catch (error) {
      // Whoever aborted (cancel, rotate, remove, take) has already set the page's new state.
      if (signal.aborted || current(batchId, pageId) !== page) return;
      const code = error instanceof InputError ? error.code : 'ocr-failed';
      if (!(error instanceof InputError)) log(`digitize: page ${pageId} failed: ${(error as Error).message}`);
      Object.assign(page, { state: code === 'cancelled' ? 'cancelled' : 'error', progress: 0, error: { code, detail: (error as Error).message.slice(0, 500) } });
      await changed(batch).catch(() => {});
    }
  }

  function enqueue(batchId: string, page: StoredPage): void {
    Object.assign(page, { state: 'queued', progress: 0, error: null });
    queue.push({ batchId, pageId: page.id });
  }

  function stopWork(batchId: string, pageIds: Iterable<string>): number {
    let stopped = 0;
    for (const pageId of pageIds) {
      const at = queue.findIndex((j) => j.batchId === batchId && j.pageId === pageId);
      if (at >= 0) {
        queue.splice(at, 1);
        stopped++;
      }
      for (const job of running.values()) {
        if (job.batchId !== batchId || job.pageId !== pageId || job.controller.signal.aborted) continue;
        job.controller.abort();
        stopped++;
      }
    }
    return stopped;
  }

  /** Sources no page of any batch uses any more. */
  async function dropUnusedSources(candidates: Iterable<string>): Promise<void> {
    const used = new Set([...batches.values()].flatMap((b) => b.pages.map((p) => p.sourceSha)));
    for (const sha of new Set(candidates)) if (!used.has(sha)) await store.removeSource(sha);
  }

  async function addFile(batchId: string, componentId: string, name: string, bytes: Uint8Array, via: PageVia): Promise<AddOutcome> {
    await load();
    const batch = batchOf(batchId, true)!;
    if (bytes.byteLength === 0) return { pages: [], refused: [{ name, code: 'empty', detail: 'the file is empty' }] };
    const sha = await store.putSource(bytes);
    // The watched folder hands a file over again after a crash: its pages are already here.
    if (via === 'folder' && batch.imports.includes(sha)) return { pages: [], refused: [] };
    let pageCount: number;
    try {
      ({ pageCount } = await engine.inspect(store.sourceFile(sha), name));
    } catch (error) {
      await dropUnusedSources([sha]);
      if (error instanceof InputError) return { pages: [], refused: [{ name, code: error.code, detail: error.message.slice(0, 500) }] };
      throw error;
    }
    const pages: StoredPage[] = Array.from({ length: pageCount }, (_, index) => ({
      id: randomUUID(),
      source: { name, page: index, via },
      componentId,
      state: 'queued',
      progress: 0,
      error: null,
      width: null,
      height: null,
      rotation: 0,
      skewDegrees: 0,
      blank: false,
      confidence: null,
      lowConfidenceWords: null,
      bytes: null,
      sourceSha: sha,
      turn: null,
    }));
    batch.pages.push(...pages);
    if (via === 'folder') batch.imports.push(sha);
    for (const page of pages) queue.push({ batchId, pageId: page.id });
    await changed(batch);
    pump();
    return { pages: pages.map(view), refused: [] };
  }

  return {
    on: (event: 'changed', listener: (batch: DigitizeBatch) => void) => {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    /** Loads the stored batches and restarts unfinished pages. */
    start: load,
    addFile,
    async batch(batchId: string): Promise<DigitizeBatch> {
      await load();
      const batch = batches.get(batchId);
      return batch ? viewBatch(batch) : { id: batchId, createdAt: Date.now(), pages: [] };
    },
    async arrange(batchId: string, order: string[], components: Record<string, string> = {}): Promise<DigitizeBatch> {
      await load();
      const batch = batches.get(batchId);
      if (!batch) throw new DigitizeRequestError(`no batch ${batchId}`);
      const byId = new Map(batch.pages.map((p) => [p.id, p]));
      if (order.length !== batch.pages.length || new Set(order).size !== order.length || order.some((id) => !byId.has(id))) {
        throw new DigitizeRequestError('order must list every page of the batch exactly once');
      }
      for (const id of Object.keys(components)) if (!byId.has(id)) throw new DigitizeRequestError(`no page ${id} in batch ${batchId}`);
      batch.pages = order.map((id) => byId.get(id)!);
      for (const [id, componentId] of Object.entries(components)) byId.get(id)!.componentId = componentId;
      await changed(batch);
      return viewBatch(batch);
    },
    async remove(batchId: string, pageIds: string[]): Promise<DigitizeBatch> {
      await load();
      const batch = batches.get(batchId);
      if (!batch) throw new DigitizeRequestError(`no batch ${batchId}`);
      const gone = new Set(pageIds);
      stopWork(batchId, gone);
      const removed = batch.pages.filter((p) => gone.has(p.id));
      batch.pages = batch.pages.filter((p) => !gone.has(p.id));
      await changed(batch);
      for (const page of removed) await store.removePage(batchId, page.id);
      await dropUnusedSources(removed.map((p) => p.sourceSha));
      return viewBatch(batch);
    },
    async rotate(batchId: string, pageId: string, turns: 90 | 180 | 270): Promise<DigitizePage> {
      await load();
      const { batch, page } = findPage(batchId, pageId);
      stopWork(batchId, [pageId]);
      page.turn = ((page.rotation + turns) % 360) as QuarterTurn;
      enqueue(batchId, page);
      await changed(batch);
      pump();
      return view(page);
    },
    async retry(batchId: string, pageId: string): Promise<DigitizePage> {
      await load();
      const { batch, page } = findPage(batchId, pageId);
      if (page.state !== 'error' && page.state !== 'cancelled') throw new DigitizeRequestError('only a failed or cancelled page can be retried');
      enqueue(batchId, page);
      await changed(batch);
      pump();
      return view(page);
    },
    async cancel(batchId: string, pageIds?: string[]): Promise<number> {
      await load();
      const batch = batches.get(batchId);
      if (!batch) return 0;
      const targets = batch.pages.filter((p) => ACTIVE.includes(p.state) && (!pageIds || pageIds.includes(p.id)));
      stopWork(batchId, targets.map((p) => p.id));
      for (const page of targets) Object.assign(page, { state: 'cancelled', progress: 0, error: { code: 'cancelled', detail: 'cancelled by the clerk' } });
      await changed(batch);
      return targets.length;
    },
    async take(from: string, to: string, pageIds: string[], componentId: string): Promise<DigitizeBatch> {
      await load();
      const source = batches.get(from);
      if (!source) throw new DigitizeRequestError(`no batch ${from}`);
      if (from === to) throw new DigitizeRequestError('pages are already in this batch');
      const moving = pageIds.map((id) => {
        const page = source.pages.find((p) => p.id === id);
        if (!page) throw new DigitizeRequestError(`no page ${id} in batch ${from}`);
        return page;
      });
      const target = batchOf(to, true)!;
      stopWork(from, pageIds);
      source.pages = source.pages.filter((p) => !pageIds.includes(p.id));
      for (const page of moving) {
        await store.movePage(from, to, page.id);
        page.componentId = componentId;
        target.pages.push(page);
        if (ACTIVE.includes(page.state)) enqueue(to, page);
      }
      // The target first: a crash in between leaves the page in both batches, never in neither.
      await changed(target);
      await changed(source);
      pump();
      return viewBatch(target);
    },
    async pageImage(batchId: string, pageId: string, size: 'thumb' | 'full'): Promise<Buffer> {
      await load();
      const { page } = findPage(batchId, pageId);
      if (page.state !== 'done') throw new DigitizeRequestError('the page is not ready yet');
      return store.readPage(batchId, pageId, size === 'thumb' ? 'thumb.jpg' : 'jpg');
    },
    async pageText(batchId: string, pageId: string): Promise<OcrPage> {
      await load();
      const { page } = findPage(batchId, pageId);
      if (page.state !== 'done') throw new DigitizeRequestError('the page is not ready yet');
      return JSON.parse((await store.readPage(batchId, pageId, 'ocr.json')).toString('utf8')) as OcrPage;
    },
    async assemble(batchId: string, componentId: string, meta: PdfMeta): Promise<AssembledPdf> {
      await load();
      const batch = batches.get(batchId);
      const pages = batch?.pages.filter((p) => p.componentId === componentId) ?? [];
      if (pages.length === 0) throw new DigitizeRequestError('no page of this component in the batch');
      if (pages.some((p) => p.state !== 'done')) throw new DigitizeRequestError('some pages of this component are not finished');
      const inputs: PdfPageInput[] = [];
      const texts: OcrPage[] = [];
      for (const page of pages) {
        const ocr = JSON.parse((await store.readPage(batchId, page.id, 'ocr.json')).toString('utf8')) as OcrPage;
        texts.push(ocr);
        inputs.push({ jpeg: await store.readPage(batchId, page.id, 'jpg'), width: ocr.width, height: ocr.height, dpi: ocr.dpi, ocr });
      }
      const pdf = await engine.buildPdf(inputs, meta);
      const stored = await vault.put(pdf);
      const withWords = texts.filter((t) => t.lines.length > 0);
      const confidence = withWords.length === 0 ? null : Math.round((withWords.reduce((s, t) => s + t.confidence, 0) / withWords.length) * 10) / 10;
      return { ...stored, pages: pages.length, confidence, text: texts.map((t) => t.text).join('\f') };
    },
    async discard(batchId: string): Promise<void> {
      await load();
      const batch = batches.get(batchId);
      if (!batch) return;
      stopWork(batchId, batch.pages.map((p) => p.id));
      batches.delete(batchId);
      await saving.get(batchId);
      await store.removeBatch(batchId);
      await dropUnusedSources(batch.pages.map((p) => p.sourceSha));
      events.emit('changed', { id: batchId, createdAt: batch.createdAt, pages: [] });
    },
    async readIdCard(batchId: string, pageId: string): Promise<string[]> {
      await load();
      const { page } = findPage(batchId, pageId);
      if (page.state !== 'done') throw new DigitizeRequestError('the page is not ready yet');
      return engine.readQr(store.pageFile(batchId, pageId, 'jpg'));
    },
    /** Stops the queue and the work under way; those pages are queued again at the next start. */
    async close(): Promise<void> {
      closed = true;
      for (const job of running.values()) job.controller.abort();
      for (const timer of emitTimers.values()) clearTimeout(timer);
      await Promise.all(saving.values());
    },
    inboxId: INBOX_BATCH_ID,
  };
}

export type Digitizer = ReturnType<typeof createDigitizer>;
