/**
 * A top-down cursor over A4 pages: `y` is the distance from the top edge of the current page, and
 * a new page is started whenever the next block does not fit above the bottom margin.
 */
import {
  PDFName,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFontAndSize,
  setLineWidth,
  setTextMatrix,
  showText,
  stroke,
  type PDFDocument,
  type PDFFont,
  type PDFHexString,
  type PDFPage,
} from 'pdf-lib';
import type { FontSet } from './document';
import { wrapRuns, type Line, type Run } from './wrap';

export interface PageSpec {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

const MM = 72 / 25.4;
const A4_W = 595.28;
const A4_H = 841.89;

/** Portrait A4; margins close to Decree 30/2020 (left 25 mm, right 15 mm, top/bottom 15 mm). */
export const A4_PORTRAIT: PageSpec = { width: A4_W, height: A4_H, margin: { top: 15 * MM, right: 15 * MM, bottom: 15 * MM, left: 25 * MM } };
/** Landscape A4 for the ledger: narrow margins for its fourteen columns. */
export const A4_LANDSCAPE: PageSpec = { width: A4_H, height: A4_W, margin: { top: 12 * MM, right: 10 * MM, bottom: 14 * MM, left: 12 * MM } };

export const BLACK = rgb(0, 0, 0);
const round = (n: number) => Math.round(n * 1000) / 1000;
export const LINE_FACTOR = 1.3;
/** Baseline below the top of a line box, as a fraction of the font size. */
const BASELINE = 1.0;

export type Align = 'left' | 'center' | 'right';

export interface ParagraphOptions {
  align?: Align;
  /** Left indent of every line. */
  indent?: number;
  /** Extra indent of the first line. */
  firstIndent?: number;
  /** Width available (default: content width less the indent). */
  width?: number;
  /** Space after the paragraph. */
  after?: number;
}

// Encoded text per font (encoding runs fontkit's layout and adds the glyphs to the font's subset,
// which stays true for a cached result because the font object is the same).
const encoded = new WeakMap<PDFFont, Map<string, PDFHexString>>();

function encode(font: PDFFont, text: string): PDFHexString {
  let cache = encoded.get(font);
  if (!cache) encoded.set(font, (cache = new Map()));
  let hex = cache.get(text);
  if (!hex) cache.set(text, (hex = font.encodeText(text)));
  return hex;
}

/**
 * Text and boxes are written as content-stream operators directly rather than with pdf-lib's
 * drawText / drawRectangle: those add a new font resource to the page on every call and wrap each
 * call in its own graphics state, which makes a 100-row ledger several times slower and larger.
 * The fill and stroke colours stay the default black.
 */
export class Flow {
  readonly pages: PDFPage[] = [];
  private fontKeys = new Map<PDFFont, PDFName>();
  page!: PDFPage;
  y = 0;
  /** Called after each page break (not for the first page), e.g. to repeat a running head. */
  onPageBreak: ((flow: Flow) => void) | undefined;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: FontSet,
    readonly spec: PageSpec,
  ) {
    this.addPage();
  }

  get left(): number {
    return this.spec.margin.left;
  }
  get right(): number {
    return this.spec.width - this.spec.margin.right;
  }
  get contentWidth(): number {
    return this.right - this.left;
  }
  get bottom(): number {
    return this.spec.height - this.spec.margin.bottom;
  }
  /** Height of a full page's content area. */
  get pageContentHeight(): number {
    return this.bottom - this.spec.margin.top;
  }
  get remaining(): number {
    return this.bottom - this.y;
  }

  addPage(): void {
    this.page = this.doc.addPage([this.spec.width, this.spec.height]);
    this.pages.push(this.page);
    this.fontKeys = new Map();
    this.y = this.spec.margin.top;
  }

  /** The page's resource name of a font (F1, F2 …), registered on first use. */
  private fontKey(font: PDFFont): PDFName {
    let key = this.fontKeys.get(font);
    if (!key) {
      key = PDFName.of(`F${this.fontKeys.size + 1}`);
      this.page.node.setFontDictionary(key, font.ref);
      this.fontKeys.set(font, key);
    }
    return key;
  }

  newPage(): void {
    this.addPage();
    this.onPageBreak?.(this);
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (height > this.remaining && this.y > this.spec.margin.top) this.newPage();
  }

  gap(height: number): void {
    this.y = Math.min(this.y + height, this.bottom);
  }

  /** PDF user-space y of a distance from the top. */
  pdfY(top: number): number {
    return this.spec.height - top;
  }

  /** One run with its line box's top at `top`. */
  drawRun(run: Run, x: number, top: number): void {
    if (!run.text) return;
    const y = this.pdfY(top + run.size * BASELINE);
    this.page.pushOperators(
      beginText(),
      setFontAndSize(this.fontKey(run.font), run.size),
      setTextMatrix(1, 0, 0, 1, round(x), round(y)),
      showText(encode(run.font, run.text)),
      endText(),
    );
  }

  lineHeight(line: Line, fallbackSize: number): number {
    return Math.max(fallbackSize, ...line.runs.map((r) => r.size)) * LINE_FACTOR;
  }

  /** Draws one wrapped line at `top` within [x, x + width], aligned. */
  drawLine(line: Line, x: number, width: number, top: number, align: Align = 'left'): void {
    const offset = align === 'center' ? (width - line.width) / 2 : align === 'right' ? width - line.width : 0;
    for (const r of line.runs) this.drawRun(r, x + offset + r.x, top);
  }

  /** Wraps and draws a paragraph at the cursor, breaking pages between lines. */
  paragraph(runs: readonly Run[], options: ParagraphOptions = {}): void {
    const { align = 'left', indent = 0, firstIndent = 0, after = 0 } = options;
    const width = options.width ?? this.contentWidth - indent;
    const size = runs[0]?.size ?? 10;
    const lines = wrapRuns(runs, width, width - firstIndent);
    lines.forEach((line, i) => {
      const h = this.lineHeight(line, size);
      this.ensure(h);
      const dx = i === 0 ? firstIndent : 0;
      this.drawLine(line, this.left + indent + dx, width - dx, this.y, align);
      this.y += h;
    });
    this.gap(after);
  }

  /** Horizontal rule at distance `top` from the top edge. */
  hline(x1: number, x2: number, top: number, thickness = 0.6): void {
    this.page.drawLine({ start: { x: x1, y: this.pdfY(top) }, end: { x: x2, y: this.pdfY(top) }, thickness, color: BLACK });
  }

  /** Stroked rectangle, top-left corner at (x, top). */
  box(x: number, top: number, width: number, height: number, thickness = 0.5): void {
    this.page.pushOperators(
      pushGraphicsState(),
      setLineWidth(thickness),
      rectangle(round(x), round(this.pdfY(top + height)), round(width), round(height)),
      stroke(),
      popGraphicsState(),
    );
  }
}
