/** Page images for the OCR tests, as the preparer hands them over: 8-bit grey PNG at 300 dpi. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { generatePage, type PageClass } from '../../../support/digitize/pages';

export const LANG_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../resources/tessdata');

export interface OcrImage {
  png: Buffer;
  truth: string;
  width: number;
  height: number;
}

export async function pageImage(cls: PageClass, variant: number): Promise<OcrImage> {
  const page = await generatePage(cls, variant);
  const png = await sharp(page.bytes).greyscale().png().toBuffer();
  return { png, truth: page.text, width: page.width, height: page.height };
}

/**
 * The first four printed lines of a clean or serif page (they sit between y 300 and 620 on the
 * A4 sheet): a small image that reads in a fraction of the time of a page.
 */
export async function topLines(page: OcrImage): Promise<OcrImage> {
  const region = { left: 200, top: 260, width: 1900, height: 380 };
  const png = await sharp(page.png).extract(region).png().toBuffer();
  return { png, truth: page.truth.split('\n').slice(0, 4).join('\n'), width: region.width, height: region.height };
}

export const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);
