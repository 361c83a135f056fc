/**
 * The searchable PDF of one dossier component (thành phần hồ sơ): each page is the stored colour
 * JPEG, embedded as it is (DCTDecode, no re-encoding), under an invisible OCR text layer; the file
 * carries what PDF/A-2b asks for (embedded font, XMP with pdfaid, sRGB OutputIntent, /ID, no
 * encryption or transparency). The same input gives the same bytes.
 */
import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { PdfPageInput, SearchablePdfInput } from '../types';
import { writeFileId, writeInfo, writeLanguage, writeOutputIntent, writeXmp } from './archive-parts';
import { docInfo } from './doc-info';
import { embedTextFont } from './text-font';
import { textLayerOperators } from './text-layer';

/** Points per inch: page size in points = pixels / dpi × 72. */
const PT_PER_INCH = 72;

function pageSize(page: PdfPageInput): { width: number; height: number } {
  if (!(page.dpi > 0) || !(page.width > 0) || !(page.height > 0)) {
    throw new RangeError(`page needs a positive size and dpi (got ${page.width}×${page.height} at ${page.dpi} dpi)`);
  }
  return { width: (page.width / page.dpi) * PT_PER_INCH, height: (page.height / page.dpi) * PT_PER_INCH };
}

/**
 * The file identifier from everything that shapes the file, so that it is stable for the same input
 * and differs otherwise (the /ID cannot be a hash of the output, which contains it).
 */
function fileId(input: SearchablePdfInput): Uint8Array {
  const hash = createHash('sha256');
  const { createdAt, ...meta } = input.meta;
  hash.update(JSON.stringify({ meta, createdAt: createdAt.getTime() }));
  hash.update(createHash('sha256').update(input.font).digest());
  for (const page of input.pages) {
    hash.update(JSON.stringify({ width: page.width, height: page.height, dpi: page.dpi, ocr: page.ocr }));
    hash.update(createHash('sha256').update(page.jpeg).digest());
  }
  return hash.digest().subarray(0, 16);
}

export async function buildSearchablePdf(input: SearchablePdfInput): Promise<Uint8Array> {
  if (input.pages.length === 0) throw new RangeError('a searchable PDF needs at least one page');
  const info = docInfo(input.meta);
  // updateMetadata off: pdf-lib would otherwise stamp its own Producer and the current time.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // A file of pages without words carries no font at all.
  const hasWords = input.pages.some((p) => p.ocr?.lines.some((l) => l.words.length > 0));
  const font = hasWords ? await embedTextFont(doc, input.font) : null;
  const fontKey = PDFName.of('FOcr');

  for (const pageInput of input.pages) {
    const size = pageSize(pageInput);
    const page = doc.addPage([size.width, size.height]);
    const image = await doc.embedJpg(pageInput.jpeg);
    page.drawImage(image, { x: 0, y: 0, width: size.width, height: size.height });
    const ops = pageInput.ocr && font ? textLayerOperators(pageInput.ocr, size, font, fontKey) : [];
    if (font && ops.length > 0) {
      page.node.setFontDictionary(fontKey, font.font.ref);
      page.pushOperators(...ops);
    }
  }

  await font?.finish();
  writeInfo(doc, info);
  writeXmp(doc, info);
  writeLanguage(doc);
  writeOutputIntent(doc);
  writeFileId(doc, fileId(input));
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
