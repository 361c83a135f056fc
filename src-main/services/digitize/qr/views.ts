/**
 * The views of an image the reader tries, cheapest first: the whole image at a size ZXing scans
 * quickly, the same binarised, then overlapping tiles for a QR code that is small in the frame,
 * e.g. a card lying on a desk in a 12 MP phone photo: first at full resolution, then enlarged.
 */
import sharp from 'sharp';
import type { GreyImage } from './zxing';

/** Long side of the whole-image view: a 300-dpi card scan stays as it is, a photo is reduced. */
export const WHOLE_MAX_SIDE = 2000;
/** Side of a tile as decoded, px. */
export const TILE_SIDE = 1400;
/**
 * Neighbouring tiles share this fraction of a tile, so any square up to that size (~350–490
 * source px, twice a QR code in a 12 MP photo of a card, turned any way) lies whole in one tile.
 */
export const TILE_OVERLAP = 0.35;
/** Most tiles along one axis per tier; a bigger image gets bigger source tiles (decoded reduced). */
const MAX_TILES_PER_AXIS = 5;

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface View {
  /** For logs: `whole`, `whole-binarised`, `tile 2/12`, `fine-tile 3/20`. */
  label: string;
  /** Part of the source image (full-resolution pixels). */
  rect: Rect;
  /** Source pixels → view pixels. */
  scale: number;
  /** Gaussian blur after scaling, sigma in view pixels (0 = none). */
  smooth: number;
  binarise: boolean;
}

/** Start offsets of overlapping windows of `window` px covering `length` px (last one flush with the end). */
function starts(length: number, window: number, stride: number): number[] {
  if (length <= window) return [0];
  const count = Math.ceil((length - window) / stride) + 1;
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - window)) / (count - 1)));
}

interface TileTier {
  name: string;
  /** Enlargement wanted; less when the image is so big that MAX_TILES_PER_AXIS needs bigger tiles. */
  upscale: number;
  smooth: number;
}

/** Overlapping tiles of one tier, the tile nearest the centre first (people centre the card). */
export function planTileTier(width: number, height: number, tier: TileTier): View[] {
  const long = Math.max(width, height);
  const source = Math.max(Math.ceil(TILE_SIDE / tier.upscale), Math.ceil(long / (1 + (MAX_TILES_PER_AXIS - 1) * (1 - TILE_OVERLAP))));
  const stride = source * (1 - TILE_OVERLAP);
  const tw = Math.min(source, width);
  const th = Math.min(source, height);
  const rects = starts(height, th, stride).flatMap((top) => starts(width, tw, stride).map((left) => ({ left, top, width: tw, height: th })));
  const distance = (r: Rect) => Math.hypot(r.left + r.width / 2 - width / 2, r.top + r.height / 2 - height / 2);
  rects.sort((a, b) => distance(a) - distance(b));
  return rects.map((rect, i) => ({
    label: `${tier.name} ${i + 1}/${rects.length}`,
    rect,
    scale: Math.min(tier.upscale, TILE_SIDE / source),
    smooth: tier.smooth,
    binarise: false,
  }));
}

/**
 * The tile tiers. An image up to WHOLE_MAX_SIDE was already seen whole at full resolution, so its
 * tiles are doubled, making modules of 1–2 px big enough to binarise. A larger one (a photo) gets
 * full-resolution tiles, then enlarged ones. Photo tiles are smoothed a little: at 2–3 px per
 * module, sensor noise breaks ZXing's binariser. Measured on ten generated 12 MP photos with a
 * 120 px code (test/support/digitize/id-card.ts, 'photo-far'): the tiles holding the code read
 * 13/20 as they are, 18/20 smoothed, 20/20 enlarged 1.4× and smoothed; with these tiers the code
 * was found in all ten, nine in the first tier.
 */
export function tileTiers(width: number, height: number): TileTier[] {
  if (Math.max(width, height) <= WHOLE_MAX_SIDE) return [{ name: 'tile', upscale: 2, smooth: 0 }];
  return [
    { name: 'tile', upscale: 1, smooth: 0.8 },
    { name: 'fine-tile', upscale: 1.4, smooth: 1 },
  ];
}

/** Every view in the order they are tried: whole, whole binarised, then each tier of tiles. */
export function planViews(width: number, height: number): View[] {
  const rect = { left: 0, top: 0, width, height };
  const scale = Math.min(1, WHOLE_MAX_SIDE / Math.max(width, height));
  return [
    { label: 'whole', rect, scale, smooth: 0, binarise: false },
    { label: 'whole-binarised', rect, scale, smooth: 0, binarise: true },
    ...tileTiers(width, height).flatMap((tier) => planTileTier(width, height, tier)),
  ];
}

/**
 * Adaptive threshold: a pixel is dark when it is darker than its neighbourhood's mean by a margin.
 * Speckle goes first: a 3×3 median removes salt-and-pepper dots (toner dust, dropouts) on a view at
 * full resolution; a reduced view was already averaged by the reduction, and there a light blur is
 * enough (the median costs ~0.4 s on a 3 MP view). The local mean (an area average shrunk 24 times
 * and enlarged again, much cheaper than a wide blur) follows uneven light.
 */
export async function binarise(image: GreyImage, reduced: boolean): Promise<GreyImage> {
  const { width, height } = image;
  const raw = { width, height, channels: 1 } as const;
  const despeckled = reduced ? sharp(image.data, { raw }).blur(1) : sharp(image.data, { raw }).median(3);
  const smooth = await despeckled.toColourspace('b-w').raw().toBuffer();
  const small = await sharp(smooth, { raw })
    .resize(Math.max(1, Math.round(width / 24)), Math.max(1, Math.round(height / 24)), { kernel: 'linear' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const mean = await sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: 1 } })
    .resize(width, height, { kernel: 'linear' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  const out = new Uint8Array(smooth.length);
  for (let i = 0; i < out.length; i++) out[i] = smooth[i]! + 10 < mean[i]! ? 0 : 255;
  return { data: out, width, height };
}

/** The pixels of one view, before binarisation (the caller binarises, reusing the plain view). */
export async function renderView(source: GreyImage, view: View): Promise<GreyImage> {
  const { rect, scale } = view;
  const width = Math.max(1, Math.round(rect.width * scale));
  const height = Math.max(1, Math.round(rect.height * scale));
  let pipeline = sharp(source.data, { raw: { width: source.width, height: source.height, channels: 1 } });
  if (rect.width !== source.width || rect.height !== source.height) pipeline = pipeline.extract(rect);
  if (width !== rect.width || height !== rect.height) {
    // Lanczos when enlarging keeps module edges sharp; reducing averages (and so calms) noise.
    pipeline = pipeline.resize(width, height, { kernel: scale > 1 ? 'lanczos3' : 'lanczos2' });
  }
  if (view.smooth > 0) pipeline = pipeline.blur(view.smooth);
  // libvips hands one-channel raw input on as sRGB: ask for grey again.
  const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`QR view has ${info.channels} channels, expected 1`);
  return { data, width: info.width, height: info.height };
}
