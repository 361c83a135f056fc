/** Small helpers to hand a RasterPage to sharp and to read pixels back as a RasterPage. */
import sharp, { type Sharp } from 'sharp';
import type { RasterPage } from '../types';

/** A sharp pipeline over the page's pixels (no copy). */
export function sharpOf(page: RasterPage): Sharp {
  return sharp(page.data, { raw: { width: page.width, height: page.height, channels: page.channels } });
}

/**
 * Runs a pipeline to 8-bit raw pixels. `grey` keeps one channel: sharp otherwise widens grey to
 * sRGB after some operations (a rotation with a background colour, a quarter turn).
 */
export async function toRaster(image: Sharp, dpi: number | null, grey = false): Promise<RasterPage> {
  const { data, info } = await (grey ? image.toColourspace('b-w') : image).raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  if (channels !== 1 && channels !== 3 && channels !== 4) throw new Error(`unexpected channel count ${channels}`);
  return { data, width: info.width, height: info.height, channels, dpi };
}
