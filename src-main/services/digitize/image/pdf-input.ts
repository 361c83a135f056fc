/** PDF inputs: each page rendered by pdfjs-dist onto an @napi-rs/canvas at 300 dpi. */
import sharp from 'sharp';
import { INPUT_LIMITS } from '../../../../src-shared/domain/digitize/messages';
import { InputError, type InputDocument, type RasterPage } from '../types';
import { pdfHasEnd } from './completeness';
import { loadPdfjs, pdfjsAssetDirs } from './pdfjs-local';

export const PDF_RENDER_DPI = 300;
/**
 * Largest page rendered, in pixels: A3 at 300 dpi (17 MP) fits; bigger sheets (plans, A2) are
 * rendered at a lower dpi so the RGBA canvas stays near 100 MB.
 */
export const PDF_RENDER_MAX_PIXELS = 25_000_000;

/**
 * pdfjs' own canvas factory (an @napi-rs/canvas it loads with require). A canvas made through our
 * own `import` of @napi-rs/canvas crashed the process (SIGSEGV, under tsx and vitest) as soon as
 * pdfjs drew on it, while one from the module pdfjs required did not: the loaders can give two
 * instances of the native module, and pdfjs mixes in its own DOMMatrix and Path2D objects.
 */
/** The part of pdfjs' @napi-rs/canvas we read: its RGBA pixels. */
interface Canvas {
  data(): Buffer;
}

interface CanvasFactory {
  create(width: number, height: number): { canvas: Canvas; context: unknown };
  destroy(item: { canvas: Canvas; context: unknown }): void;
}

function openError(error: unknown, bytes: Buffer): InputError {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new InputError('encrypted', `PDF needs a password (${detail})`);
  if (!pdfHasEnd(bytes)) return new InputError('truncated', `PDF has no %%EOF at its end (${detail})`);
  return new InputError('corrupt', `PDF cannot be parsed (${detail})`);
}

export async function openPdfInput(bytes: Buffer): Promise<InputDocument> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // A copy: pdfjs takes ownership of the array it is given.
    data: new Uint8Array(bytes),
    ...pdfjsAssetDirs(),
    isEvalSupported: false,
    useSystemFonts: false,
    useWorkerFetch: false,
    // Embedded images above the input limit are skipped rather than decoded.
    maxImageSize: INPUT_LIMITS.maxMegapixels * 1_000_000,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw openError(error, bytes);
  }
  const pageCount = doc.numPages;
  if (pageCount > INPUT_LIMITS.maxPages) {
    await doc.destroy();
    throw new InputError('too-many-pages', `${pageCount} pages, over ${INPUT_LIMITS.maxPages}`);
  }
  return {
    kind: 'pdf',
    pageCount,
    async page(index): Promise<RasterPage> {
      if (!Number.isInteger(index) || index < 0 || index >= pageCount) throw new RangeError(`page ${index} of ${pageCount}`);
      let page;
      try {
        page = await doc.getPage(index + 1);
      } catch (error) {
        throw new InputError('corrupt', `PDF page ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
      }
      try {
        const points = page.getViewport({ scale: 1 });
        const full = PDF_RENDER_DPI / 72;
        const fit = Math.sqrt(PDF_RENDER_MAX_PIXELS / (points.width * full * points.height * full));
        const scale = full * Math.min(1, fit);
        const viewport = page.getViewport({ scale });
        const width = Math.max(1, Math.round(viewport.width));
        const height = Math.max(1, Math.round(viewport.height));
        const factory = doc.canvasFactory as CanvasFactory;
        const drawing = factory.create(width, height);
        let rgb;
        try {
          await page.render({ canvas: drawing.canvas as unknown as HTMLCanvasElement, viewport, intent: 'print', background: 'rgb(255,255,255)' }).promise;
          // Opaque (white background), so the premultiplied RGBA is plain RGBA; drop alpha.
          rgb = await sharp(drawing.canvas.data(), { raw: { width, height, channels: 4 } }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        } finally {
          factory.destroy(drawing);
        }
        const { data, info } = rgb;
        return { data, width: info.width, height: info.height, channels: 3, dpi: Math.round(scale * 72 * 100) / 100 };
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError('corrupt', `PDF page ${index + 1} cannot be rendered: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await doc.destroy();
    },
  };
}
