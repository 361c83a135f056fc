/**
 * Reads the QR codes on an image of a chip citizen ID card (CCCD): a flatbed scan in any
 * orientation, or a phone photo where the card is a small part of the frame. Views of the image
 * are tried cheapest first and the first that yields a code ends the search; a time budget bounds
 * the work on an image that has no code at all.
 */
import type { RasterPage } from '../types';
import { loadGrey } from './source';
import { binarise, planViews, renderView, type View } from './views';
import { decodeGrey, type GreyImage } from './zxing';

/**
 * Default time budget. On a busy two-core machine a 12 MP photo takes ~1 s for the whole-image
 * views, ~2 s for the full-resolution tiles and ~4 s for the enlarged ones; past this a clerk would
 * rather retake the photo closer.
 */
export const QR_BUDGET_MS = 8000;

/** One view tried, for logs and tests. Never the decoded text: it is personal data. */
export interface QrAttempt {
  view: string;
  width: number;
  height: number;
  ms: number;
  found: number;
}

export interface QrReadOptions {
  /**
   * No new view is started once this many ms have passed since the call (the view under way
   * finishes, so the worst case is the budget plus one view). The whole image is always tried.
   */
  budgetMs?: number;
  onAttempt?: (attempt: QrAttempt) => void;
}

const sameGeometry = (a: View, b: View) =>
  a.scale === b.scale && a.smooth === b.smooth && a.rect.left === b.rect.left && a.rect.top === b.rect.top && a.rect.width === b.rect.width && a.rect.height === b.rect.height;

/**
 * The text of every QR code found (UTF-8), in the order found, without duplicates; [] when there
 * is none. Throws InputError ('empty', 'truncated', 'corrupt', 'too-large') for an input that is not a
 * readable image.
 */
export async function readQrCodes(image: Buffer | RasterPage, options: QrReadOptions = {}): Promise<string[]> {
  const started = performance.now();
  const budget = options.budgetMs ?? QR_BUDGET_MS;
  const source = await loadGrey(image);
  let previous: { view: View; pixels: GreyImage } | undefined;
  for (const [index, view] of planViews(source.width, source.height).entries()) {
    if (index > 0 && performance.now() - started > budget) break;
    const viewStarted = performance.now();
    const plain = previous && sameGeometry(previous.view, view) ? previous.pixels : await renderView(source, view);
    previous = { view, pixels: plain };
    const pixels = view.binarise ? await binarise(plain, view.scale < 1) : plain;
    const found = [...new Set(await decodeGrey(pixels))];
    options.onAttempt?.({ view: view.label, width: pixels.width, height: pixels.height, ms: Math.round(performance.now() - viewStarted), found: found.length });
    if (found.length > 0) return found;
  }
  return [];
}
