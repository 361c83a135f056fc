/** How a digitised component's PDF is named and described (pure). */
import type { PdfMeta } from '../../src-shared/contract/digitize';

/** FileMetaDoc names are at most 255 characters. */
export const FILE_NAME_MAX = 255;
const EXT = '.pdf';

/**
 * At most `max` UTF-16 units (what zod's max() counts; never fewer code points than that), without
 * leaving half of a surrogate pair at the end.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
}

/** Characters a file name cannot hold on Windows (the PDF may be saved there later). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const clean = (s: string) => s.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();

/** `<dossier code> - <component name>.pdf`, shortened to 255 characters with the extension kept. */
export function pdfFileName(dossierCode: string, componentName: string): string {
  const stem = [clean(dossierCode), clean(componentName)].filter(Boolean).join(' - ') || 'so-hoa';
  return cut(stem, FILE_NAME_MAX - EXT.length).trimEnd() + EXT;
}

/** Metadata in the PDF (Info and XMP), within the contract's limits. */
export function pdfMeta(dossierCode: string, componentName: string, clerk: string): PdfMeta {
  return { dossierCode: dossierCode ? cut(dossierCode, 64) : null, component: cut(componentName, 500), clerk: cut(clerk, 200) };
}
