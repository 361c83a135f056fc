/** JPEG, PNG, (multi-page) TIFF and WebP inputs, decoded by sharp one page at a time. */
import sharp, { type Metadata } from 'sharp';
import { INPUT_LIMITS } from '../../../../src-shared/domain/digitize/messages';
import { InputError, type InputDocument, type RasterPage } from '../types';
import { pngHasEnd, tiffDirectoryInside, webpIsWhole } from './completeness';
import { decodeError, onlyBenignWarnings } from './decode-errors';
import { toRaster } from './raster';

export type RasterKind = 'jpeg' | 'png' | 'tiff' | 'webp';

const MAX_PIXELS = INPUT_LIMITS.maxMegapixels * 1_000_000;

/** Width and height from the file's header only: a 100-megapixel page is refused before any pixel is decoded. */
async function header(bytes: Buffer, page: number, what: string): Promise<Metadata> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { page, limitInputPixels: false }).metadata();
  } catch (error) {
    throw decodeError(error, what);
  }
  // EXIF orientation may swap the sides, never the pixel count.
  if (meta.width * meta.height > MAX_PIXELS) {
    throw new InputError('too-large', `${what}: ${meta.width}×${meta.height} pixels, over ${INPUT_LIMITS.maxMegapixels} megapixels`);
  }
  return meta;
}

/**
 * 'warning' is the strictest level: at 'error', a JPEG with random bytes in its middle decodes
 * "fine" into a half-grey page. The warnings known to be harmless are retried at 'error'.
 */
async function decode(bytes: Buffer, page: number, meta: Metadata, what: string): Promise<RasterPage> {
  const grey = meta.space === 'b-w' || meta.space === 'grey16';
  const run = (failOn: 'warning' | 'error') => {
    let image = sharp(bytes, { page, pages: 1, failOn, limitInputPixels: MAX_PIXELS, autoOrient: true });
    if (meta.hasAlpha) image = image.flatten({ background: '#ffffff' });
    // To 8-bit sRGB or grey whatever the source (CMYK, 16-bit, palette).
    return toRaster(image.toColourspace(grey ? 'b-w' : 'srgb'), meta.density ?? null);
  };
  try {
    return await run('warning');
  } catch (error) {
    if (!onlyBenignWarnings(error)) throw decodeError(error, what);
    try {
      return await run('error');
    } catch (again) {
      throw decodeError(again, what);
    }
  }
}

function checkWhole(bytes: Buffer, kind: RasterKind): void {
  const whole = kind === 'png' ? pngHasEnd(bytes) : kind === 'webp' ? webpIsWhole(bytes) : kind === 'tiff' ? tiffDirectoryInside(bytes) : true;
  if (!whole) throw new InputError('truncated', `${kind.toUpperCase()} file ends before its ${kind === 'tiff' ? 'image directory' : 'last chunk'}`);
}

export async function openRasterInput(bytes: Buffer, kind: RasterKind): Promise<InputDocument> {
  checkWhole(bytes, kind);
  const first = await header(bytes, 0, 'page 1');
  // Only TIFF holds a document's pages; the frames of an animated WebP are not pages.
  const pageCount = kind === 'tiff' ? (first.pages ?? 1) : 1;
  if (pageCount > INPUT_LIMITS.maxPages) {
    throw new InputError('too-many-pages', `${pageCount} pages, over ${INPUT_LIMITS.maxPages}`);
  }
  return {
    kind,
    pageCount,
    async page(index) {
      if (!Number.isInteger(index) || index < 0 || index >= pageCount) throw new RangeError(`page ${index} of ${pageCount}`);
      const what = `page ${index + 1}`;
      const meta = index === 0 ? first : await header(bytes, index, what);
      return decode(bytes, index, meta, what);
    },
    async close() {},
  };
}
