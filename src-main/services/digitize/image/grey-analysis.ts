/**
 * The small grey copy every measurement (orientation, skew, blank) runs on: heavy pixel loops stay
 * on at most ANALYSIS_LONG_SIDE pixels on the long side, whatever the page size.
 */
import type { RasterPage } from '../types';
import { sharpOf } from './raster';

/** ~100 dpi for an A4 page at 300 dpi: lines and diacritics are still a few pixels tall. */
export const ANALYSIS_LONG_SIDE = 1200;

/** A pixel whose channels differ by more than this is coloured (a red seal, blue ink), not grey paper. */
const CHROMA = 48;
/** Coloured pixels needed to keep a page in colour: a seal or a signature, not JPEG colour noise. */
const MIN_COLOURED_SHARE = 0.0002;

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface AnalysisCopy {
  grey: GreyImage;
  /** Analysis pixels per source pixel (≤ 1). */
  scale: number;
  /** Whether the page has colour worth storing (always false for a grey source). */
  colour: boolean;
}

export async function analysisCopy(page: RasterPage): Promise<AnalysisCopy> {
  const scale = Math.min(1, ANALYSIS_LONG_SIDE / Math.max(page.width, page.height));
  const width = Math.max(1, Math.round(page.width * scale));
  const height = Math.max(1, Math.round(page.height * scale));
  const { data, info } = await sharpOf(page)
    .resize({ width, height, fit: 'fill', kernel: 'linear' })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  const grey = new Uint8Array(width * height);
  let coloured = 0;
  for (let i = 0, p = 0; i < grey.length; i++, p += channels) {
    if (channels < 3) {
      grey[i] = data[p]!;
      continue;
    }
    const r = data[p]!;
    const g = data[p + 1]!;
    const b = data[p + 2]!;
    // Rec. 601 luma, as libvips' and most scanners' grey.
    grey[i] = (r * 299 + g * 587 + b * 114 + 500) / 1000;
    if (Math.max(r, g, b) - Math.min(r, g, b) > CHROMA) coloured++;
  }
  return { grey: { data: grey, width, height }, scale, colour: coloured >= Math.max(20, grey.length * MIN_COLOURED_SHARE) };
}

export function histogram(grey: GreyImage): Uint32Array {
  const h = new Uint32Array(256);
  for (let i = 0; i < grey.data.length; i++) h[grey.data[i]!]!++;
  return h;
}

/** Paper level: the most common grey in the light half (a grey scanner background included). */
export function paperLevel(h: Uint32Array): number {
  let best = 255;
  for (let v = 128; v < 256; v++) if (h[v]! > h[best]!) best = v;
  return best;
}

/** Otsu's threshold: the grey level that best separates two classes (ink, paper). */
export function otsuThreshold(h: Uint32Array): number {
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += h[v]!;
    sum += v * h[v]!;
  }
  let weightBelow = 0;
  let sumBelow = 0;
  let best = 0;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    weightBelow += h[t]!;
    if (weightBelow === 0) continue;
    const weightAbove = total - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += t * h[t]!;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sum - sumBelow) / weightAbove;
    const variance = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}
