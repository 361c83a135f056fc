/**
 * QR codes drawn as vector squares (no image), error correction M, with qrcode-generator. Text is
 * encoded as UTF-8 bytes (byte mode) unless it fits QR's alphanumeric set (dossier codes do), which
 * gives a smaller symbol.
 */
import qrcode from 'qrcode-generator';
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingGrayscaleColor, type PDFPage } from 'pdf-lib';

export const QR_ERROR_CORRECTION = 'M';
/** Quiet zone around the symbol, in modules (ISO/IEC 18004). */
export const QR_QUIET_MODULES = 4;
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/** UTF-8 bytes as a "binary string", the input qrcode-generator's default byte conversion expects. */
function utf8Binary(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join('');
}

/** Module matrix, `matrix[row][col]` true for dark. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, QR_ERROR_CORRECTION);
  if (ALPHANUMERIC.test(text)) qr.addData(text, 'Alphanumeric');
  else qr.addData(utf8Binary(text), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/**
 * Draws the symbol with its bottom-left corner at (x, y) in PDF user space, `size` wide (quiet zone
 * not included: keep it blank around). Horizontal runs of dark modules become one rectangle each,
 * filled as a single path.
 */
export function drawQr(page: PDFPage, matrix: readonly (readonly boolean[])[], x: number, y: number, size: number): void {
  const n = matrix.length;
  const m = size / n;
  const ops = [pushGraphicsState(), setFillingGrayscaleColor(0)];
  matrix.forEach((row, r) => {
    let c = 0;
    while (c < n) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && row[c]) c++;
      ops.push(rectangle(x + start * m, y + (n - r - 1) * m, (c - start) * m, m));
    }
  });
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}
