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

// Ligatures off: a printed "fi" must be copied back as "fi", not as one ligature glyph.
const FEATURES = { liga: false, clig: false, dlig: false };

export async function createFormDocument(fonts: FormFonts): Promise<FormDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const embed = (bytes: Uint8Array) => doc.embedFont(bytes, { subset: true, features: FEATURES });
  const [regular, bold, italic] = await Promise.all([embed(fonts.regular), embed(fonts.bold), embed(fonts.italic)]);
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
