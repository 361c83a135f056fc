/**
 * preparePage on synthetic pages: blank detection (white, a noisy grey "scan" with dark edges, one
 * short line that is not blank), resolution, the clerk's own turn; then rotatePrepared and
 * makeThumbnail on the results.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeThumbnail, openInput, preparePage, rotatePrepared } from '../../../../src-main/services/digitize/image';
import type { PreparedPage, RasterPage } from '../../../../src-main/services/digitize/types';
import { A4, noisyBlankScan, oneLinePage } from './inputs';

async function prepare(bytes: Buffer, label: string, rotation?: 0 | 90 | 180 | 270): Promise<PreparedPage> {
  const raster: RasterPage = await (await openInput(bytes, label)).page(0);
  const started = performance.now();
  const page = await preparePage(raster, rotation === undefined ? {} : { rotation });
  console.log(`${label}: prepared in ${Math.round(performance.now() - started)} ms, ink ${page.inkRatio.toExponential(2)}, blank ${page.blank}, turn ${page.rotation}${page.flipUncertain ? '?' : ''}, ${page.width}×${page.height} @${page.dpi}`);
  return page;
}

let white: PreparedPage;
let noisy: PreparedPage;
let oneLine: PreparedPage;
let oneLineBytes: Buffer;

beforeAll(async () => {
  // Half resolution (150 dpi) and no density in the file: inferred from the size, then upscaled.
  white = await prepare(await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } }).png().toBuffer(), 'white-150dpi.png');
  noisy = await prepare(await noisyBlankScan(), 'noisy-blank.jpg');
  oneLineBytes = await oneLinePage('Trang này để trống');
  oneLine = await prepare(oneLineBytes, 'one-line.png');
}, 120_000);

describe('blank pages', () => {
  it('a white page and a noisy grey scan with dark edges are blank', () => {
    expect(white).toMatchObject({ blank: true, inkRatio: 0, rotation: 0, skewDegrees: 0, flipUncertain: false });
    expect(noisy).toMatchObject({ blank: true, rotation: 0, skewDegrees: 0 });
    expect(noisy.inkRatio).toBeLessThan(1e-5);
  });

  it('one short line of text is not blank, and too little to be sure which way up it is', () => {
    expect(oneLine.blank).toBe(false);
    expect(oneLine.inkRatio).toBeGreaterThan(3e-4);
    expect(oneLine).toMatchObject({ rotation: 0, skewDegrees: 0, flipUncertain: true });
  });

  it('whitens the grey background in the OCR image and keeps the stored JPEG as scanned', async () => {
    const png = await sharp(noisy.ocrPng).stats();
    const jpeg = await sharp(noisy.jpeg).stats();
    console.log(`noisy blank: JPEG mean ${jpeg.channels[0]!.mean.toFixed(0)}, OCR PNG mean ${png.channels[0]!.mean.toFixed(0)}`);
    expect(png.channels[0]!.mean).toBeGreaterThan(jpeg.channels[0]!.mean + 15);
  });
});

describe('resolution', () => {
  it('upscales a 150-dpi page to 300 dpi', async () => {
    expect(white).toMatchObject({ dpi: 300, width: 2480, height: 3508 });
    const meta = await sharp(white.jpeg).metadata();
    expect([meta.width, meta.height, meta.density]).toEqual([2480, 3508, 300]);
  });

  it('keeps a 300-dpi page as it is', () => {
    expect(oneLine).toMatchObject({ dpi: 300, ...A4 });
  });
});

describe('the clerk’s turn and rotatePrepared', () => {
  it('applies exactly the turn asked for, without second-guessing it', async () => {
    const turned = await prepare(oneLineBytes, 'one-line, clerk turned 90', 90);
    expect(turned).toMatchObject({ rotation: 90, flipUncertain: false, width: A4.height, height: A4.width, blank: false });
  });

  it('turns both images, swaps the sides, and a full circle gives the same OCR pixels back', async () => {
    const quarter = await rotatePrepared(oneLine, 90);
    expect(quarter).toMatchObject({ rotation: 90, width: A4.height, height: A4.width, flipUncertain: false, dpi: 300 });
    for (const image of [quarter.jpeg, quarter.ocrPng]) {
      const meta = await sharp(image).metadata();
      expect([meta.width, meta.height]).toEqual([A4.height, A4.width]);
    }
    const back = await rotatePrepared(quarter, 270);
    expect(back).toMatchObject({ rotation: 0, width: A4.width, height: A4.height });
    const [a, b] = await Promise.all([sharp(oneLine.ocrPng).raw().toBuffer(), sharp(back.ocrPng).raw().toBuffer()]);
    expect(a.equals(b)).toBe(true);
    expect(await rotatePrepared(oneLine, 0)).toBe(oneLine);
  });

  it('keeps a grey JPEG grey when turning it', async () => {
    expect((await sharp(oneLine.jpeg).metadata()).channels).toBe(1);
    const half = await rotatePrepared(oneLine, 180);
    expect(half.rotation).toBe(180);
    expect((await sharp(half.jpeg).metadata()).channels).toBe(1);
  });
});

describe('makeThumbnail', () => {
  it('makes a 240-pixel-wide JPEG of the page, or any width asked for, never enlarged', async () => {
    const thumb = await sharp(await makeThumbnail(oneLine.jpeg)).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 240, Math.round((240 * A4.height) / A4.width)]);
    expect((await sharp(await makeThumbnail(oneLine.jpeg, 120)).metadata()).width).toBe(120);
    const small = await sharp({ create: { width: 100, height: 50, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    expect((await sharp(await makeThumbnail(small)).metadata()).width).toBe(100);
  });
});
