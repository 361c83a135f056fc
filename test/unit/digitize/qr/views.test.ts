/** The plan of views the QR reader tries: cheap views first, tiles that leave no QR code cut in two. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTileTier, planViews, tileTiers, TILE_OVERLAP, TILE_SIDE, WHOLE_MAX_SIDE, type Rect } from '../../../../src-main/services/digitize/qr/views';

const inside = (inner: Rect, outer: Rect) =>
  inner.left >= outer.left && inner.top >= outer.top && inner.left + inner.width <= outer.left + outer.width && inner.top + inner.height <= outer.top + outer.height;

describe('planViews', () => {
  it('tries a 12 MP photo whole (reduced to WHOLE_MAX_SIDE), binarised, then in full-resolution tiles, then in enlarged ones', () => {
    const photo = planViews(4000, 3000);
    expect(photo.slice(0, 2).map((v) => [v.label, v.scale, v.binarise])).toEqual([
      ['whole', WHOLE_MAX_SIDE / 4000, false],
      ['whole-binarised', WHOLE_MAX_SIDE / 4000, true],
    ]);
    const tiles = photo.filter((v) => v.label.startsWith('tile '));
    const fine = photo.filter((v) => v.label.startsWith('fine-tile '));
    expect(tiles.length + fine.length + 2).toBe(photo.length);
    expect(photo.indexOf(fine[0]!)).toBe(2 + tiles.length);
    expect(tiles.every((v) => v.scale === 1 && v.rect.width === TILE_SIDE && v.smooth > 0)).toBe(true);
    expect(fine.every((v) => v.scale > 1 && Math.round(v.rect.width * v.scale) <= TILE_SIDE)).toBe(true);
  });

  it('tries a card scan whole at full resolution, never enlarged, then in doubled tiles', () => {
    const scan = planViews(1131, 758);
    expect(scan[0]?.scale).toBe(1);
    expect(scan.slice(2).every((v) => v.label.startsWith('tile ') && v.scale === 2 && v.rect.width * 2 === TILE_SIDE)).toBe(true);
  });

  it('starts each tier with the tile nearest the centre', () => {
    for (const tier of tileTiers(4000, 3000)) {
      const first = planTileTier(4000, 3000, tier)[0]!.rect;
      expect(Math.abs(first.left + first.width / 2 - 2000)).toBeLessThan(first.width / 2);
      expect(Math.abs(first.top + first.height / 2 - 1500)).toBeLessThan(first.height / 2);
    }
  });

  it('covers the image in every tier with tiles inside it, in bounded number, so that any square up to the overlap lies whole in one tile', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 64, max: 12000 }),
        fc.integer({ min: 64, max: 12000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (width, height, fx, fy, fs) => {
          const image = { left: 0, top: 0, width, height };
          for (const tier of tileTiers(width, height)) {
            const tiles = planTileTier(width, height, tier);
            expect(tiles.length).toBeGreaterThan(0);
            expect(tiles.length).toBeLessThanOrEqual(25);
            for (const t of tiles) {
              expect(inside(t.rect, image)).toBe(true);
              expect(Number.isInteger(t.rect.left) && Number.isInteger(t.rect.top)).toBe(true);
              // Decoded tiles stay near TILE_SIDE whatever the image size.
              expect(Math.max(t.rect.width, t.rect.height) * t.scale).toBeLessThanOrEqual(TILE_SIDE + 1);
            }
            const tileSide = Math.max(...tiles.map((t) => Math.max(t.rect.width, t.rect.height)));
            const side = Math.max(1, Math.floor(Math.min(fs * TILE_OVERLAP * tileSide, width, height)));
            const square = { left: Math.floor(fx * (width - side)), top: Math.floor(fy * (height - side)), width: side, height: side };
            expect(tiles.some((t) => inside(square, t.rect))).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
