/** The resolution a page is prepared at: what OCR likes, without resampling what is already fine. */

/** Tesseract reads body text best at about 300 dpi. */
export const TARGET_DPI = 300;
/** Within this range a page is kept at its own resolution (resampling only blurs). */
const KEEP_MIN_DPI = 200;
const KEEP_MAX_DPI = 400;
/** A tiny image is not blown up more than this. */
const MAX_UPSCALE = 4;
/** The long side of A4 (297 mm) in inches: a page without a believable dpi is taken to be A4-ish. */
const A4_LONG_INCHES = 11.69;
/** An ID card (CCCD, ID-1: 85.6 × 53.98 mm): its long side in inches and its aspect ratio. */
const CARD_LONG_INCHES = 3.37;
// Narrow enough to leave out 16:10 (1.6) screens and photos.
const CARD_ASPECT = { min: 1.56, max: 1.598 } as const;
/** A card crop is believed at 150–1200 dpi; outside that it is more likely something else. */
const CARD_DPI = { min: 150, max: 1200 } as const;
/** A believable page: an ID card (CCCD, 3.4 in) up to A3 (16.5 in) with some slack. */
const PAGE_LONG_INCHES = { min: 2, max: 18 } as const;

/** Resolutions scanners offer: an inferred dpi within 2% of one is taken to be it. */
const SCANNER_DPIS = [75, 100, 150, 200, 240, 300, 400, 600, 1200];

function snapToScanner(dpi: number): number {
  return SCANNER_DPIS.find((d) => Math.abs(dpi - d) <= d * 0.02) ?? dpi;
}

/**
 * The page's true resolution: the file's when it gives a believable page size (72 dpi is the JFIF
 * and camera default, and makes an A4 scan 48 inches long), else inferred from the pixel size: as
 * an ID card when it has a card's proportions, as an A4 page otherwise.
 */
export function sourceDpi(width: number, height: number, fileDpi: number | null): number {
  const long = Math.max(width, height);
  if (fileDpi !== null && Number.isFinite(fileDpi) && fileDpi > 0) {
    const inches = long / fileDpi;
    if (inches >= PAGE_LONG_INCHES.min && inches <= PAGE_LONG_INCHES.max) return fileDpi;
  }
  // A cropped card scan has no other page's proportions; read as A4 it would be blown up 3.5 times.
  const aspect = long / Math.min(width, height);
  const asCard = long / CARD_LONG_INCHES;
  if (aspect >= CARD_ASPECT.min && aspect <= CARD_ASPECT.max && asCard >= CARD_DPI.min && asCard <= CARD_DPI.max) return snapToScanner(asCard);
  return snapToScanner(long / A4_LONG_INCHES);
}

/** Resolution to prepare at, and the scale from the source pixels to it. */
export function outputResolution(width: number, height: number, fileDpi: number | null): { dpi: number; scale: number } {
  const source = sourceDpi(width, height, fileDpi);
  if (source >= KEEP_MIN_DPI && source <= KEEP_MAX_DPI) return { dpi: Math.round(source), scale: 1 };
  const scale = Math.min(MAX_UPSCALE, TARGET_DPI / source);
  return { dpi: Math.round(source * scale), scale };
}
