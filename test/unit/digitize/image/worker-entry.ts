/** Worker side of worker-thread.test.ts: opens and prepares the page it is sent, as the pipeline's worker will. */
import { parentPort } from 'node:worker_threads';
import { openInput, preparePage } from '../../../../src-main/services/digitize/image';

parentPort!.once('message', async (bytes: Uint8Array) => {
  try {
    const doc = await openInput(Buffer.from(bytes), 'in-worker.pdf');
    const page = await preparePage(await doc.page(0));
    await doc.close();
    parentPort!.postMessage({ kind: doc.kind, pageCount: doc.pageCount, width: page.width, height: page.height, dpi: page.dpi, jpegBytes: page.jpeg.length, blank: page.blank });
  } catch (error) {
    parentPort!.postMessage({ error: String(error) });
  }
});
