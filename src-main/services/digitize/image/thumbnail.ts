/** Small previews for the batch view. */
import sharp from 'sharp';

/** A JPEG `width` pixels wide (never enlarged); JPEG shrink-on-load keeps this fast for big pages. */
export function makeThumbnail(jpeg: Buffer, width = 240): Promise<Buffer> {
  return sharp(jpeg).resize({ width, withoutEnlargement: true }).jpeg({ quality: 70, chromaSubsampling: '4:2:0' }).toBuffer();
}
