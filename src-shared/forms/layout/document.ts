/**
 * A form's PDF document: the three DejaVu Serif faces embedded as subsets, and metadata fixed from
 * the input so that the same input always saves to the same bytes (pdf-lib's random font-name
 * suffixes come from a fixed-seed generator, and no "now" is read).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import type { FormFonts } from '../types';

export interface FontSet {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

export interface FormDocument {
  doc: PDFDocument;
  fonts: FontSet;
}

export const PRODUCER = 'motcua';

/**
 * `TAG+PostScriptName`: the six-capital prefix marks an embedded subset (PDF 32000-1 §9.6.4), which
 * pdf-lib's own names ("DejaVuSerif-1234") do not; fixed tags keep the output deterministic.
 */
function subsetName(bytes: Uint8Array, tag: string): string {
  const name = fontkit.create(bytes).postscriptName || 'Font';
  return `${tag}+${name.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '')}`;
}

// Ligatures off: a printed "fi" must be copied back as "fi", not as one ligature glyph. Positioning
// features off too: pdf-lib places glyphs by their advance widths only, so they would be computed
// for nothing on every measurement.
const FEATURES = { liga: false, clig: false, dlig: false, kern: false, mark: false, mkmk: false };

export async function createFormDocument(fonts: FormFonts): Promise<FormDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const embed = (bytes: Uint8Array, tag: string) => doc.embedFont(bytes, { subset: true, features: FEATURES, customName: subsetName(bytes, tag) });
  const [regular, bold, italic] = await Promise.all([embed(fonts.regular, 'MCTREG'), embed(fonts.bold, 'MCTBLD'), embed(fonts.italic, 'MCTITA')]);
  return { doc, fonts: { regular, bold, italic } };
}

export interface FormMetadata {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  printedAt: number;
}

export async function saveFormDocument(doc: PDFDocument, meta: FormMetadata): Promise<Uint8Array> {
  const at = new Date(meta.printedAt);
  doc.setTitle(meta.title.normalize('NFC'), { showInWindowTitleBar: true });
  doc.setSubject(meta.subject.normalize('NFC'));
  doc.setAuthor(meta.author.normalize('NFC'));
  doc.setKeywords(meta.keywords.map((k) => k.normalize('NFC')));
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setLanguage('vi-VN');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  return doc.save({ useObjectStreams: true });
}
