/**
 * The document-level parts PDF/A-2b asks for beyond the pages: the Info dictionary and the XMP
 * stream written from one DocInfo, the catalog's /Lang, an sRGB OutputIntent and the trailer /ID.
 */
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { type DocInfo, pdfDate } from './doc-info';
import { ICC_DESCRIPTION, srgbIccProfile } from './icc';
import { xmpPacket } from './xmp';

export function writeInfo(doc: PDFDocument, info: DocInfo): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  if (info.author) doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  // pdf-lib joins a keyword list with spaces; ours is already one '; '-separated string.
  doc.setKeywords([info.keywords]);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  // Written directly (not setCreationDate) so the format is exactly the one the XMP mirrors.
  // setTitle above created the Info dictionary (pdf-lib keeps its getter private).
  const dict = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  dict.set(PDFName.of('CreationDate'), PDFString.of(pdfDate(info.date)));
  dict.set(PDFName.of('ModDate'), PDFString.of(pdfDate(info.date)));
}

export function writeXmp(doc: PDFDocument, info: DocInfo): void {
  // Uncompressed, so that tools which scan for the packet without a PDF parser still find it.
  const stream = doc.context.stream(new TextEncoder().encode(xmpPacket(info)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

export function writeOutputIntent(doc: PDFDocument): void {
  const icc = doc.context.register(doc.context.flateStream(srgbIccProfile(), { N: 3 }));
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(ICC_DESCRIPTION),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of(ICC_DESCRIPTION),
    DestOutputProfile: icc,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([intent]) as PDFArray);
}

export function writeLanguage(doc: PDFDocument): void {
  doc.setLanguage('vi-VN');
}

/** /ID [<first> <first>]: both halves equal, as for a file that was never updated. */
export function writeFileId(doc: PDFDocument, id: Uint8Array): void {
  const hex = Buffer.from(id).toString('hex').toUpperCase();
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(hex), PDFHexString.of(hex)]);
}
