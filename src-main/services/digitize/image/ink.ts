/** Which analysis pixels count as ink, and their coordinates for the projection searches. */
import { histogram, otsuThreshold, paperLevel, type GreyImage } from './grey-analysis';

/**
 * Ink must be this much darker than the paper: on a blank page Otsu splits the paper's own noise,
 * and this floor keeps that noise (and a grey scanner background) out.
 */
const MIN_INK_CONTRAST = 50;

export function inkThreshold(grey: GreyImage): number {
  const h = histogram(grey);
  return Math.min(otsuThreshold(h), paperLevel(h) - MIN_INK_CONTRAST);
}

/** 1 where ink, 0 elsewhere. */
export function binarise(grey: GreyImage, threshold: number): Uint8Array {
  const out = new Uint8Array(grey.data.length);
  for (let i = 0; i < out.length; i++) out[i] = grey.data[i]! <= threshold ? 1 : 0;
  return out;
}

/**
 * Ink pixel coordinates relative to a whole-pixel centre (rotations then turn about the centre, and
 * at 0° every point sits exactly on a row).
 */
export interface InkPoints {
  xs: Float32Array;
  ys: Float32Array;
  count: number;
  /** Size of the image the points lie in (sides swapped when the points are turned a quarter). */
  width: number;
  height: number;
}

export function inkPoints(mask: Uint8Array, width: number, height: number): InkPoints {
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i]!;
  const xs = new Float32Array(count);
  const ys = new Float32Array(count);
  const cx = Math.floor(width / 2);
  const cy = Math.floor(height / 2);
  let k = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (mask[row + x] === 1) {
        xs[k] = x - cx;
        ys[k] = y - cy;
        k++;
      }
    }
  }
  return { xs, ys, count, width, height };
}
