/**
 * The document's descriptive metadata, computed once from the input so that the Info dictionary
 * and the XMP packet are written from the same values (PDF/A-2 requires them to agree).
 */
import type { SearchablePdfInput } from '../types';

/** The PDF library that writes the file (Producer), as opposed to the application (Creator). */
export const PDF_LIBRARY = 'pdf-lib 1.17.1';

export interface DocInfo {
  title: string;
  /** The clerk; '' when unknown (then no Author / dc:creator is written). */
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  /** Whole seconds: neither the Info dates nor xmp dates carry milliseconds. */
  date: Date;
  /** Custom properties (extension schema in the XMP). */
  dossierCode: string | null;
  component: string;
  clerk: string;
}

/** Collapses whitespace and control characters: metadata is one line of text. */
const clean = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cs}\s\uFFFE\uFFFF]+/gu, ' ')
    .trim();

export function docInfo(meta: SearchablePdfInput['meta']): DocInfo {
  const component = clean(meta.component);
  const code = meta.dossierCode === null ? null : clean(meta.dossierCode) || null;
  const clerk = clean(meta.clerk);
  const software = clean(meta.software) || 'motcua';
  // Thành phần hồ sơ + mã hồ sơ: what a clerk searches the vault and archive for.
  const name = component || 'Tài liệu số hoá';
  const title = code ? `${name} - ${code}` : name;
  const subject = code
    ? `Bản số hoá thành phần hồ sơ «${name}» của hồ sơ ${code} (digitised dossier component)`
    : `Bản số hoá thành phần hồ sơ «${name}» (digitised dossier component)`;
  const keywords = [code, name, 'số hoá', 'OCR'].filter((k): k is string => !!k).join('; ');
  const time = meta.createdAt.getTime();
  if (!Number.isFinite(time)) throw new RangeError('meta.createdAt is not a valid date');
  return {
    title,
    author: clerk,
    subject,
    keywords,
    creator: software,
    producer: `${software} searchable PDF (${PDF_LIBRARY})`,
    date: new Date(Math.floor(time / 1000) * 1000),
    dossierCode: code,
    component,
    clerk,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** PDF date string in UTC (PDF 32000-1 §7.9.4), e.g. D:20260301083000Z. */
export function pdfDate(d: Date): string {
  return `D:${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** XMP date (ISO 8601) in UTC without fractions, the same instant as pdfDate. */
export function xmpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
