/** The pixel size Tesseract will see, read from the image header without decoding the pixels. */
import sharp, { type Metadata } from 'sharp';
import { InputError } from '../types';

export async function imageSize(image: Buffer): Promise<{ width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(image).metadata();
  } catch (error) {
    throw new InputError('ocr-failed', `page image cannot be read: ${(error as Error).message}`);
  }
  if (!meta.width || !meta.height) throw new InputError('ocr-failed', 'page image has no size');
  // Tesseract applies the EXIF orientation, so its boxes are in the turned frame (5–8 swap axes).
  const swap = (meta.orientation ?? 1) >= 5;
  return swap ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
}
