/** The resolution rules of preparePage, on page sizes met at the counter. */
import { describe, expect, it } from 'vitest';
import { outputResolution, sourceDpi } from '../../../../src-main/services/digitize/image/resolution';

describe('resolution', () => {
  it('believes a file dpi that gives a believable page, and infers it otherwise', () => {
    expect(sourceDpi(2480, 3508, 300)).toBe(300);
    // 72 dpi is the JFIF/camera default: an A4 scan would be 48 inches long.
    expect(sourceDpi(2480, 3508, 72)).toBeCloseTo(300, 0);
    expect(sourceDpi(2480, 3508, null)).toBeCloseTo(300, 0);
    // An ID card (CCCD) scanned at 300 dpi is 3.4 inches wide: believable.
    expect(sourceDpi(1011, 638, 300)).toBe(300);
    // Without a dpi, a card crop is read as a card (not as an A4 page at 86 dpi), in either orientation.
    expect(sourceDpi(1011, 638, null)).toBe(300);
    expect(sourceDpi(1276, 2022, null)).toBe(600);
    expect(outputResolution(1011, 638, null)).toEqual({ dpi: 300, scale: 1 });
    // A 16:10 or 4:3 photo is no card: read as A4.
    expect(sourceDpi(1920, 1200, null)).toBeCloseTo(1920 / 11.69, 0);
    expect(sourceDpi(4000, 3000, null)).toBeCloseTo(4000 / 11.69, 0);
  });

  it('keeps 200–400 dpi, brings the rest to 300', () => {
    expect(outputResolution(2480, 3508, 300)).toEqual({ dpi: 300, scale: 1 });
    expect(outputResolution(2480 * 0.8, 3508 * 0.8, 240)).toEqual({ dpi: 240, scale: 1 });
    expect(outputResolution(4960, 7016, 600)).toEqual({ dpi: 300, scale: 0.5 });
    expect(outputResolution(1240, 1754, 150)).toEqual({ dpi: 300, scale: 2 });
    // A 48-MP phone photo with the camera's 72 dpi: taken as an A4 page at ~684 dpi, halved or so.
    const photo = outputResolution(8000, 6000, 72);
    expect(photo.dpi).toBe(300);
    expect(photo.scale).toBeCloseTo(300 / (8000 / 11.69), 3);
    // A thumbnail-sized image is enlarged at most four times.
    expect(outputResolution(300, 424, null).scale).toBe(4);
  });
});
