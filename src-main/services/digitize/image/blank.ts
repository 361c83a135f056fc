/** Whether a page looks blank, from its cleaned ink. */

/**
 * Share of ink below which a page is blank. Measured at analysis scale: a white page 0, a noisy
 * grey JPEG "scan" with dark scanner edges 0 (3.5% before cleaning), one short 12 pt line
 * ("Trang này để trống", 18 letters) 7.1e-4, a half-full page 2–4e-2. Kept low because a page
 * wrongly called blank is worse than one wrongly kept (the clerk confirms removals anyway).
 */
export const BLANK_MAX_INK = 1e-4;

export function isBlank(inkRatio: number): boolean {
  return inkRatio < BLANK_MAX_INK;
}
