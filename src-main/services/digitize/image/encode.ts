/** How prepared pages are stored: a compact colour (or grey) JPEG, and a grey PNG for the OCR. */
import type { Sharp } from 'sharp';

/** Quality 75 with 4:2:0 chroma: text and seals stay crisp at ~0.3–0.5 MB per clean A4 page at 300 dpi. */
export const JPEG_QUALITY = 75;

/** `grey` writes a one-channel JPEG (sharp would otherwise widen grey input to sRGB). */
export function encodeJpeg(image: Sharp, dpi: number, grey: boolean): Promise<Buffer> {
  return (grey ? image.toColourspace('b-w') : image)
    .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:2:0' })
    .withDensity(dpi)
    .toBuffer();
}

/** Grey levels mapped to black and white in the OCR image (a light stretch, see contrastLevels). */
export interface Levels {
  low: number;
  high: number;
}

/**
 * 8-bit grey with a linear contrast stretch (a grey scanner background becomes near white, faint
 * print darker). No binarisation: Tesseract binarises itself. Level 3 deflate is as fast as 1 here
 * and 40% smaller; the PNG only travels to the OCR worker.
 */
export function encodeOcrPng(image: Sharp, dpi: number, levels: Levels): Promise<Buffer> {
  const a = 255 / (levels.high - levels.low);
  return image
    .toColourspace('b-w')
    .linear(a, -levels.low * a)
    .png({ compressionLevel: 3, adaptiveFiltering: false })
    .withDensity(dpi)
    .toBuffer();
}

/** Re-encodes an OCR PNG after a lossless change (a quarter turn). */
export function reencodeOcrPng(image: Sharp, dpi: number): Promise<Buffer> {
  return image.png({ compressionLevel: 3, adaptiveFiltering: false }).withDensity(dpi).toBuffer();
}
