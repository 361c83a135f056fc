/**
 * Input files for the command-line test: small pages (the first passage of a generated page, a
 * third of an A4 sheet, so each reads in a second or two), a multi-page TIFF, and the bad files a
 * counter meets (empty, cut short, not an image, password-protected).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { ADMIN_TEXTS } from '../../../support/digitize/admin-texts';
import { generatePage, type PageClass } from '../../../support/digitize/pages';

export interface Passage {
  /** Grey raw pixels → re-encoded by the callers; 300 dpi. */
  png: Buffer;
  truth: string;
}

/** Text starts at this row of a generated page. */
const TEXT_TOP = 300;
/** The blank line between the two passages leaves a white band taller than any gap between lines. */
const PASSAGE_GAP = 60;

/** The first of the two passages printed on a generated (upright) page, cropped at the blank line after it. */
export async function firstPassage(cls: PageClass, variant: number): Promise<Passage> {
  const page = await generatePage(cls, variant);
  const { data, info } = await sharp(page.bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  let white = 0;
  let cut = -1;
  for (let y = TEXT_TOP; y < info.height && cut < 0; y++) {
    let ink = false;
    for (let x = 0, row = y * info.width; x < info.width && !ink; x++) ink = (data[row + x] ?? 255) < 128;
    white = ink ? 0 : white + 1;
    if (white === PASSAGE_GAP) cut = y - PASSAGE_GAP / 2;
  }
  if (cut < 0) throw new Error(`no blank line on ${page.name}`);
  const png = await sharp(page.bytes).extract({ left: 0, top: 0, width: info.width, height: cut }).greyscale().png().withDensity(300).toBuffer();
  const passage = ADMIN_TEXTS[variant % ADMIN_TEXTS.length]!;
  return { png, truth: passage.join('\n') };
}

/** A multi-page TIFF (LZW, 300 dpi) of the given images, one page each. */
export async function multiPageTiff(images: Buffer[]): Promise<Buffer> {
  return sharp(images, { join: { animated: true } }).tiff({ compression: 'lzw' }).withDensity(300).toBuffer();
}

export async function jpegOf(png: Buffer): Promise<Buffer> {
  return sharp(png).jpeg({ quality: 85 }).withDensity(300).toBuffer();
}

/** A one-page PDF that opens only with a user password (AES-256, by qpdf). */
export async function writeEncryptedPdf(file: string, plainFile: string): Promise<void> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Hop dong mat', { x: 72, y: 760, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
  writeFileSync(plainFile, await doc.save());
  execFileSync('qpdf', ['--encrypt', 'mat-khau', 'chu-so-huu', '256', '--', plainFile, file]);
}
