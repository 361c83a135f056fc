/**
 * The contrast stretch for the OCR image, from the analysis copy's histogram: the darkest 0.5% of
 * pixels become black and the lightest 1% white. (sharp's normalise() does the same through Lab
 * and three channels and took ~0.7 s CPU per A4 page; this costs nothing.)
 */
import type { Levels } from './encode';
import { histogram, type GreyImage } from './grey-analysis';

const DARK_SHARE = 0.005;
const LIGHT_SHARE = 0.01;
/** A page with less range than this (blank, or all one tone) is not stretched. */
const MIN_RANGE = 48;

export function contrastLevels(grey: GreyImage): Levels {
  const h = histogram(grey);
  const total = grey.data.length;
  let low = 0;
  for (let seen = 0; low < 255 && seen + h[low]! <= total * DARK_SHARE; low++) seen += h[low]!;
  let high = 255;
  for (let seen = 0; high > 0 && seen + h[high]! <= total * LIGHT_SHARE; high--) seen += h[high]!;
  return high - low < MIN_RANGE ? { low: 0, high: 255 } : { low, high };
}
