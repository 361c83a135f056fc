/** Applies the chosen resolution, quarter turn and deskew to the full-size page. */
import type { QuarterTurn } from '../../../../src-shared/contract/digitize';
import type { RasterPage } from '../types';
import { sharpOf, toRaster } from './raster';

const WHITE = { r: 255, g: 255, b: 255 };

export interface Geometry {
  /** Source pixels to output pixels. */
  scale: number;
  rotation: QuarterTurn;
  /** Extra clockwise degrees, applied with the quarter turn in one resampling. */
  skewDegrees: number;
  /** Reduce to one grey channel (no colour worth keeping). */
  grey: boolean;
}

/**
 * The output keeps the page's own frame (its sides swapped by a quarter turn): the corners a deskew
 * turns out of the frame are margins, and the frame keeps the physical page size for the PDF.
 */
export async function renderPage(page: RasterPage, g: Geometry): Promise<RasterPage> {
  let current = page;
  const grey = g.grey || page.channels === 1;
  if (grey && current.channels !== 1) current = await toRaster(sharpOf(current), current.dpi, true);
  if (g.scale !== 1) {
    const width = Math.max(1, Math.round(current.width * g.scale));
    const height = Math.max(1, Math.round(current.height * g.scale));
    current = await toRaster(sharpOf(current).resize({ width, height, fit: 'fill', kernel: g.scale < 1 ? 'lanczos3' : 'cubic' }), current.dpi, grey);
  }
  if (g.skewDegrees === 0) {
    return g.rotation === 0 ? current : toRaster(sharpOf(current).rotate(g.rotation), current.dpi, grey);
  }
  const swap = g.rotation === 90 || g.rotation === 270;
  const width = swap ? current.height : current.width;
  const height = swap ? current.width : current.height;
  const turned = await toRaster(sharpOf(current).rotate(g.rotation + g.skewDegrees, { background: WHITE }), current.dpi, grey);
  const left = Math.max(0, Math.round((turned.width - width) / 2));
  const top = Math.max(0, Math.round((turned.height - height) / 2));
  return toRaster(
    sharpOf(turned).extract({
      left,
      top,
      width: Math.min(width, turned.width - left),
      height: Math.min(height, turned.height - top),
    }),
    current.dpi,
    grey,
  );
}
