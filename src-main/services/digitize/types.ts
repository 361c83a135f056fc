/**
 * The seams between the parts of the digitisation pipeline (số hoá): reading an input into pages,
 * preparing a page, OCR, post-correction, the searchable PDF and the QR reader. Each part lives in
 * its own folder beside this file; the pipeline (pipeline.ts) joins them.
 */
import type { InputErrorCode, OcrPage, PdfMeta, QuarterTurn } from '../../../src-shared/contract/digitize';

/** An input that could not be read, with a code the UI and the CLI turn into a clear message. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    /** English detail for logs and the CLI (never personal data). */
    detail: string,
  ) {
    super(detail);
  }
}

export type InputKind = 'jpeg' | 'png' | 'tiff' | 'pdf' | 'webp' | 'bmp';

/** A page as decoded pixels: 8-bit, top-left origin, `channels` interleaved. */
export interface RasterPage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  /** Resolution from the file (JFIF/TIFF density, PDF render scale), null when unknown. */
  dpi: number | null;
}

/** An opened input file. Pages are decoded one at a time so a 200-page TIFF never sits in memory whole. */
export interface InputDocument {
  kind: InputKind;
  pageCount: number;
  /** Decodes page `index` (0-based); throws InputError for a page that cannot be read. */
  page(index: number): Promise<RasterPage>;
  close(): Promise<void>;
}

/** A page made ready: upright, deskewed, at a resolution OCR likes, kept in colour for storage. */
export interface PreparedPage {
  /** Colour (or grey, when the source is grey) compact JPEG for storage and the PDF. */
  jpeg: Buffer;
  /** 8-bit grey PNG of the same geometry for the OCR. */
  ocrPng: Buffer;
  width: number;
  height: number;
  /** Resolution both images are at (the PDF page size follows from it). */
  dpi: number;
  /** Clockwise quarter turns applied to make the text lines horizontal (0/90/180/270). */
  rotation: QuarterTurn;
  /**
   * True when the turn is a guess between two opposite orientations (0 vs 180, 90 vs 270): the
   * pipeline then also reads the page turned by 180° if the OCR confidence is low, and keeps the better.
   */
  flipUncertain: boolean;
  /** Deskew applied, in degrees (positive = turned clockwise). */
  skewDegrees: number;
  /** Share of dark pixels after cleaning, 0–1. */
  inkRatio: number;
  blank: boolean;
}

export interface PrepareOptions {
  /** Skip orientation detection and apply exactly this turn (the clerk turned the page). */
  rotation?: QuarterTurn;
}

/** The result of one recognition, before post-correction (OcrPage's counters are filled later). */
export type RawOcrPage = Omit<OcrPage, 'correctedWords'>;

export interface RecognizeOptions {
  dpi: number;
  signal?: AbortSignal;
  /** 0–1 as tesseract reports it. */
  onProgress?: (progress: number) => void;
}

/** A warm pool of tesseract.js workers (worker threads), sized to the machine. */
export interface OcrPool {
  readonly size: number;
  /** Starts every worker now (each takes ~0.5 s) so the first page does not wait. */
  warm(): Promise<void>;
  /**
   * Reads one page image (PNG/JPEG bytes). Rejects with InputError('ocr-timeout') after the pool's
   * per-page timeout (the worker is replaced) and InputError('cancelled') when the signal aborts.
   */
  recognize(image: Buffer, options: RecognizeOptions): Promise<RawOcrPage>;
  close(): Promise<void>;
}

/** One page of a searchable PDF. */
export interface PdfPageInput {
  jpeg: Buffer;
  width: number;
  height: number;
  dpi: number;
  /** The text layer; null for a page without one. */
  ocr: OcrPage | null;
}

export interface SearchablePdfInput {
  pages: PdfPageInput[];
  meta: PdfMeta & { createdAt: Date; software: string };
  /** A TrueType font with Vietnamese glyphs (DejaVu) for the invisible text layer. */
  font: Uint8Array;
}
