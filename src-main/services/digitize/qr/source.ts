/**
 * The image the QR reader was given, as full-resolution 8-bit grey pixels: decoded once, then cut
 * and scaled into views without decoding the file again.
 */
import sharp, { type Sharp } from 'sharp';
import { INPUT_LIMITS } from '../../../../src-shared/domain/digitize/messages';
import { decodeError } from '../image/decode-errors';
import { InputError, type RasterPage } from '../types';
import type { GreyImage } from './zxing';

const MAX_PIXELS = INPUT_LIMITS.maxMegapixels * 1_000_000;

function isRasterPage(image: Buffer | RasterPage): image is RasterPage {
  return !Buffer.isBuffer(image);
}

function fromRaster(page: RasterPage): Sharp {
  const { width, height, channels, data } = page;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || ![1, 3, 4].includes(channels)) {
    throw new InputError('corrupt', `raster page has an invalid geometry ${width}x${height}x${channels}`);
  }
  if (data.length !== width * height * channels) {
    throw new InputError('corrupt', `raster page holds ${data.length} bytes, expected ${width * height * channels}`);
  }
  if (width * height > MAX_PIXELS) throw new InputError('too-large', `raster page is ${width}x${height}`);
  return sharp(data, { raw: { width, height, channels } });
}

/** Full-resolution grey pixels of an image file (any format sharp reads) or a decoded page. */
export async function loadGrey(image: Buffer | RasterPage): Promise<GreyImage> {
  let pipeline: Sharp;
  if (isRasterPage(image)) {
    pipeline = fromRaster(image);
  } else {
    if (image.length === 0) throw new InputError('empty', 'image is empty (0 bytes)');
    // limitInputPixels turns a decompression bomb into an error before it is decoded.
    pipeline = sharp(image, { failOn: 'error', limitInputPixels: MAX_PIXELS });
  }
  try {
    // Alpha is flattened onto white: a transparent PNG's hidden pixels are often black.
    // 'b-w' rather than greyscale(): libvips hands one-channel raw input on as sRGB otherwise; and
    // 8 bits whatever the file has (16-bit PNG and TIFF scans exist).
    const { data, info } = await pipeline.flatten({ background: '#ffffff' }).toColourspace('b-w').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`grey image has ${info.channels} channels`);
    return { data, width: info.width, height: info.height };
  } catch (error) {
    // The same codes as the page readers: 'too-large', 'truncated' (a half-copied file), else 'corrupt'.
    throw decodeError(error, 'QR image');
  }
}
