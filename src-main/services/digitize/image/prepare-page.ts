/** Makes a decoded page ready for storage and OCR: upright, level, at an OCR-friendly resolution. */
import type { PrepareOptions, PreparedPage, RasterPage } from '../types';
import { analysePage } from './analyse';
import { isBlank } from './blank';
import { encodeJpeg, encodeOcrPng } from './encode';
import { detectOrientation, skewAfterTurn, type Orientation } from './orientation';
import { sharpOf } from './raster';
import { renderPage } from './render';
import { outputResolution } from './resolution';

export async function preparePage(page: RasterPage, options: PrepareOptions = {}): Promise<PreparedPage> {
  const analysis = await analysePage(page);
  const blank = isBlank(analysis.inkRatio);
  // A blank page has no lines to measure: its noise would pick a turn at random.
  let orientation: Orientation;
  if (options.rotation !== undefined) {
    orientation = { rotation: options.rotation, skewDegrees: blank ? 0 : skewAfterTurn(analysis.points, options.rotation), flipUncertain: false };
  } else if (blank) {
    orientation = { rotation: 0, skewDegrees: 0, flipUncertain: false };
  } else {
    orientation = detectOrientation(analysis.points);
  }
  const { dpi, scale } = outputResolution(page.width, page.height, page.dpi);
  const ready = await renderPage(page, { scale, rotation: orientation.rotation, skewDegrees: orientation.skewDegrees, grey: !analysis.colour });
  const [jpeg, ocrPng] = await Promise.all([encodeJpeg(sharpOf(ready), dpi, ready.channels === 1), encodeOcrPng(sharpOf(ready), dpi, analysis.levels)]);
  return {
    jpeg,
    ocrPng,
    width: ready.width,
    height: ready.height,
    dpi,
    ...orientation,
    inkRatio: analysis.inkRatio,
    blank,
  };
}
