import { execFileSync } from 'node:child_process';
import qrcode from 'qrcode-generator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReceipt, qrMatrix, receiptLookupText } from '../../../src-shared/forms';
import { base, timed } from './build-all';
import { AGENCY, CODE, dossier } from './fixtures';
import { crop, readQrMatrix } from './qr-raster';
import { hasTool, pdfText, pngOfPage, rasterise, writePdf, removeTempDir } from './pdf-tools';

afterAll(removeTempDir);

const LOOKUP = 'https://dichvucong.thanhhoa.gov.vn/tra-cuu?ma={code}';
const DPI = 300;

/** qrcode-generator's own matrix for the text, error correction M. */
function reference(text: string, mode: 'Alphanumeric' | 'Byte'): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, mode);
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

const ascii = (m: boolean[][]) => m.map((row) => row.map((d) => (d ? '#' : '.')).join('')).join('\n');

/** The matrix drawn on page 1, read back from a 300 dpi rendering of the page's top half. */
function drawnMatrix(file: string): boolean[][] {
  const page = rasterise(file, 1, DPI);
  return readQrMatrix(crop(page, 0, 0, page.width, Math.floor(page.height / 2)), 5).matrix;
}

const ZBAR = hasTool('zbarimg');

describe('receipt QR code', () => {
  let plainFile: string;
  let urlFile: string;
  beforeAll(async () => {
    plainFile = writePdf('qr-code', await timed('2025 receipt (QR: code)', () => buildReceipt({ ...base('2025'), dossier: dossier() })));
    urlFile = writePdf(
      'qr-url',
      await timed('2025 receipt (QR: lookup URL)', () => buildReceipt({ ...base('2025'), agency: { ...AGENCY, lookupUrlTemplate: LOOKUP }, dossier: dossier() })),
    );
    if (!ZBAR) console.log('[forms] note: zbarimg is not installed, so the QR codes are not decoded; the drawn module matrix is compared with qrcode-generator’s instead');
  });

  it('encodes the dossier code by default, the lookup address when the agency has one', () => {
    expect(receiptLookupText(AGENCY, CODE)).toBe(CODE);
    expect(receiptLookupText({ lookupUrlTemplate: LOOKUP }, CODE)).toBe(`https://dichvucong.thanhhoa.gov.vn/tra-cuu?ma=${CODE}`);
  });

  it('draws exactly qrcode-generator’s matrix for the code (alphanumeric mode, level M)', () => {
    const want = reference(CODE, 'Alphanumeric');
    expect(qrMatrix(CODE)).toEqual(want);
    expect(ascii(drawnMatrix(plainFile))).toBe(ascii(want));
  });

  it('draws exactly qrcode-generator’s matrix for the lookup address (byte mode, level M)', () => {
    const url = LOOKUP.replace('{code}', CODE);
    const want = reference(url, 'Byte');
    expect(want.length).toBeGreaterThan(reference(CODE, 'Alphanumeric').length);
    expect(ascii(drawnMatrix(urlFile))).toBe(ascii(want));
    expect(pdfText(urlFile, 'layout')).toContain(url);
  });

  it('prints the code under the QR code as well as in the heading', () => {
    const layout = pdfText(plainFile, 'layout');
    expect(layout.split(CODE).length - 1).toBe(2);
  });

  it.runIf(ZBAR)('decodes with zbarimg', () => {
    for (const [file, want] of [
      [plainFile, CODE],
      [urlFile, LOOKUP.replace('{code}', CODE)],
    ] as const) {
      const out = execFileSync('zbarimg', ['-q', '--raw', pngOfPage(file, 1, DPI)], { encoding: 'utf8' }).trim();
      expect(out).toBe(want);
    }
  });
});
