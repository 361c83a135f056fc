/**
 * Digitisation (số hoá) as the desktop contract and the command line see it: pages brought in by
 * file, watched folder or scanner, prepared and OCR'd on the Node side, then assembled per dossier
 * component into a searchable PDF in the vault. Shared types only; the work is in
 * src-main/services/digitize.
 */
import { z } from 'zod';

/** A word box in pixels of the prepared page image (origin top-left). */
export const bboxSchema = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export type Bbox = z.infer<typeof bboxSchema>;

export const ocrWordSchema = z.object({
  /** The word after Vietnamese post-correction. */
  text: z.string(),
  /** Tesseract's confidence, 0–100. */
  confidence: z.number(),
  bbox: bboxSchema,
  /** What the OCR read, when the post-correction changed it. */
  ocrText: z.string().optional(),
});
export type OcrWord = z.infer<typeof ocrWordSchema>;

export const ocrLineSchema = z.object({ bbox: bboxSchema, words: z.array(ocrWordSchema) });
export type OcrLine = z.infer<typeof ocrLineSchema>;

/** One page's OCR: lines of words in reading order, in the prepared page's pixel space. */
export const ocrPageSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  /** Resolution of the page image the boxes refer to. */
  dpi: z.number(),
  lines: z.array(ocrLineSchema),
  /** Lines joined by '\n', words by ' ' (corrected). */
  text: z.string(),
  /** Mean word confidence 0–100 (0 for a page with no words). */
  confidence: z.number(),
  /** Words below LOW_CONFIDENCE, shown highlighted for the clerk to check. */
  lowConfidenceWords: z.number().int(),
  /** Words the post-correction changed. */
  correctedWords: z.number().int(),
  /** Milliseconds spent recognising (not counting the wait for a free worker). */
  ms: z.number(),
});
export type OcrPage = z.infer<typeof ocrPageSchema>;

/** Below this a word is highlighted for the clerk to check. */
export const LOW_CONFIDENCE = 70;

/** Why an input (or one page of it) could not be read. Messages in src-shared/domain/digitize-messages.ts. */
export const INPUT_ERROR_CODES = [
  'empty',
  'truncated',
  'corrupt',
  'wrong-type',
  'too-large',
  'too-many-pages',
  'encrypted',
  'ocr-timeout',
  'ocr-failed',
  'cancelled',
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

export const PAGE_STATES = ['queued', 'preparing', 'ocr', 'done', 'error', 'cancelled'] as const;
export type PageState = (typeof PAGE_STATES)[number];

export const QUARTER_TURNS = [0, 90, 180, 270] as const;
export type QuarterTurn = (typeof QUARTER_TURNS)[number];

/** Where a page came from. */
export const pageSourceSchema = z.object({
  /** File name as the clerk or the scanner gave it (no folders). */
  name: z.string(),
  /** 0-based page within that file (multi-page TIFF, PDF). */
  page: z.number().int().min(0),
  via: z.enum(['file', 'folder', 'scanner', 'camera']),
});

export const digitizePageSchema = z.object({
  id: z.string(),
  source: pageSourceSchema,
  /** Dossier component (thành phần hồ sơ) it belongs to; '' = not assigned yet. */
  componentId: z.string(),
  state: z.enum(PAGE_STATES),
  /** 0–1 within the current state (OCR progress). */
  progress: z.number(),
  error: z.object({ code: z.enum(INPUT_ERROR_CODES), detail: z.string() }).nullable(),
  /** Set once prepared. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** Clockwise quarter turns applied to upright the page, and the deskew angle in degrees. */
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  skewDegrees: z.number(),
  /** Looks blank; it stays in the batch until the clerk confirms removing it. */
  blank: z.boolean(),
  confidence: z.number().nullable(),
  lowConfidenceWords: z.number().int().nullable(),
  /** Size of the stored colour JPEG. */
  bytes: z.number().int().nullable(),
});
export type DigitizePage = z.infer<typeof digitizePageSchema>;

/** A batch: the pages of one dossier (or of the watched-folder inbox) in the clerk's order. */
export const digitizeBatchSchema = z.object({
  id: z.string(),
  createdAt: z.number().int(),
  pages: z.array(digitizePageSchema),
});
export type DigitizeBatch = z.infer<typeof digitizeBatchSchema>;

/** The batch id of the watched folder's inbox (pages waiting for a clerk to take them). */
export const INBOX_BATCH_ID = 'inbox';

export const batchIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);
export const pageIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);

/** A file the input could not be made into pages. */
export const refusedInputSchema = z.object({ name: z.string(), code: z.enum(INPUT_ERROR_CODES), detail: z.string() });
export type RefusedInput = z.infer<typeof refusedInputSchema>;

/** Metadata written into the searchable PDF (Info dictionary and XMP). */
export const pdfMetaSchema = z
  .object({
    /** Dossier code (mã hồ sơ), null before one is issued. */
    dossierCode: z.string().max(64).nullable(),
    /** Component name as in the procedure (tên thành phần hồ sơ). */
    component: z.string().max(500),
    /** Who digitised it. */
    clerk: z.string().max(200),
  })
  .strict();
export type PdfMeta = z.infer<typeof pdfMetaSchema>;

export const scannerDeviceSchema = z.object({ name: z.string(), vendor: z.string(), model: z.string(), type: z.string() });
export type ScannerDevice = z.infer<typeof scannerDeviceSchema>;

export const SCAN_MODES = ['Color', 'Gray', 'Lineart'] as const;
export const scanOptionsSchema = z
  .object({
    device: z.string().min(1).max(300),
    resolution: z.number().int().min(75).max(1200),
    mode: z.enum(SCAN_MODES),
    /** Scan until the feeder is empty (ADF), rather than one page. */
    batch: z.boolean(),
  })
  .strict();
export type ScanOptions = z.infer<typeof scanOptionsSchema>;

/** Result of `digitize.assemble`: the searchable PDF now in the vault. */
export const assembledPdfSchema = z.object({
  sha256: z.string(),
  size: z.number().int(),
  pages: z.number().int(),
  /** Mean word confidence over the pages, null when no page had words. */
  confidence: z.number().nullable(),
  /** Corrected full text (pages separated by form feed). */
  text: z.string(),
});
export type AssembledPdf = z.infer<typeof assembledPdfSchema>;
