/** The pipeline calls openInput and preparePage inside a worker thread: pdfjs, its canvas and sharp must all work there. */
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { colourSheet, jpegPdf } from './inputs';

it('reads and prepares a PDF page inside a worker thread', async () => {
  const jpeg = await sharp(await colourSheet(620, 438, 'rgb(30,40,200)')).jpeg().toBuffer();
  const pdf = await jpegPdf([{ jpeg, width: 595.28, height: 419.53 }]);
  const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), { workerData: { entry: new URL('./worker-entry.ts', import.meta.url).href } });
  try {
    const started = performance.now();
    const reply = await new Promise<Record<string, unknown>>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`worker exited (${code})`)));
      worker.postMessage(pdf);
    });
    console.log(`worker: started, read and prepared in ${Math.round(performance.now() - started)} ms`);
    expect(reply).toMatchObject({ kind: 'pdf', pageCount: 1, width: 2480, height: 1748, dpi: 300, blank: false });
    expect(reply.jpegBytes).toBeGreaterThan(1000);
  } finally {
    await worker.terminate();
  }
}, 60_000);
