/** What an input is, from its first bytes (magic numbers), never from its name. */
import type { InputKind } from '../types';

const startsWith = (bytes: Buffer, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Acrobat accepts '%PDF-' anywhere in the first KiB (some generators prepend junk); so does pdfjs. */
const PDF_HEADER_WINDOW = 1024;

export function sniffKind(bytes: Buffer): InputKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // Classic TIFF (42) and BigTIFF (43), little- and big-endian.
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  // 'BM', then a reserved pair of zero words at 6..9 (a text file starting "BM" has letters there).
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26 && bytes.readUInt32LE(6) === 0) return 'bmp';
  if (bytes.subarray(0, PDF_HEADER_WINDOW).includes('%PDF-', 0, 'latin1')) return 'pdf';
  return null;
}

/** A short English description of what an unaccepted file looks like, for logs. */
export function describeUnknown(bytes: Buffer): string {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP container (DOCX, XLSX, ODT or a ZIP archive)';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'an old Office document (DOC, XLS)';
  if (startsWith(bytes, ascii('GIF8'))) return 'a GIF image';
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'an ISO media file (HEIC/AVIF photo or video)';
  const head = bytes.subarray(0, 512);
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127));
  if (printable) return 'text';
  return `unknown content (starts ${[...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ')})`;
}
