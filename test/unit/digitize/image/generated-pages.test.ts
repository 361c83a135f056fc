/**
 * preparePage on generated A4 scans (test/support/digitize/pages.ts): orientation, deskew, colour,
 * geometry and sizes. Each page is generated and prepared once, up front.
 */
import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { openInput, preparePage } from '../../../../src-main/services/digitize/image';
import type { PreparedPage } from '../../../../src-main/services/digitize/types';
import { generatePage, type PageClass } from '../../../support/digitize/pages';
import { A4, generatedSkew } from './inputs';

interface Case {
  cls: PageClass;
  variant: number;
  source: Buffer;
  page: PreparedPage;
}

const CASES: [PageClass, number][] = [
  ['clean', 0],
  ['serif', 1],
  ['small', 2],
  ['caps', 3],
  ['rotated-90', 0],
  ['rotated-180', 0],
  ['noisy-skewed', 0],
  ['noisy-skewed', 1],
  ['noisy-skewed', 2],
];
const cases = new Map<string, Case>();
const get = (cls: PageClass, variant: number) => cases.get(`${cls}-${variant}`)!;

beforeAll(async () => {
  for (const [cls, variant] of CASES) {
    const generated = await generatePage(cls, variant);
    const started = performance.now();
    const doc = await openInput(generated.bytes, generated.name);
    const raster = await doc.page(0);
    const opened = performance.now();
    const page = await preparePage(raster);
    const done = performance.now();
    console.log(
      `${generated.name}: decode ${Math.round(opened - started)} ms, prepare ${Math.round(done - opened)} ms; ` +
        `turn ${page.rotation}${page.flipUncertain ? '?' : ''}, skew ${page.skewDegrees}°, ink ${(page.inkRatio * 100).toFixed(2)}%, ` +
        `${page.width}×${page.height} @${page.dpi} dpi, JPEG ${(page.jpeg.length / 1024).toFixed(0)} KiB, OCR PNG ${(page.ocrPng.length / 1024).toFixed(0)} KiB`,
    );
    cases.set(`${cls}-${variant}`, { cls, variant, source: generated.bytes, page });
  }
}, 180_000);

/** Mean absolute difference between two same-sized grey images. */
async function greyDistance(a: Sharp, b: Sharp): Promise<number> {
  const [x, y] = await Promise.all([a.toColourspace('b-w').raw().toBuffer(), b.toColourspace('b-w').raw().toBuffer()]);
  expect(x.length).toBe(y.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]! - y[i]!);
  return sum / x.length;
}

describe('orientation', () => {
  it('leaves upright pages upright and sure of it', () => {
    for (const [cls, variant] of CASES.filter(([c]) => !c.startsWith('rotated'))) {
      const { page } = get(cls, variant);
      expect({ cls, variant, rotation: page.rotation, flipUncertain: page.flipUncertain }).toEqual({ cls, variant, rotation: 0, flipUncertain: false });
    }
  });

  it('turns a page scanned a quarter turn clockwise back by 270° (clockwise)', async () => {
    const { page, source } = get('rotated-90', 0);
    expect(page).toMatchObject({ rotation: 270, flipUncertain: false, skewDegrees: 0, width: A4.width, height: A4.height });
    // The prepared page matches the source turned back, and not the source turned the other way.
    const right = await greyDistance(sharp(page.ocrPng), sharp(source).rotate(270));
    const wrong = await greyDistance(sharp(page.ocrPng), sharp(source).rotate(90));
    console.log(`rotated-90: distance to the right turn ${right.toFixed(2)}, to the wrong one ${wrong.toFixed(2)}`);
    expect(right).toBeLessThan(3);
    expect(wrong).toBeGreaterThan(right * 3);
  });

  it('turns an upside-down page by 180°', async () => {
    const { page, source } = get('rotated-180', 0);
    expect(page).toMatchObject({ rotation: 180, flipUncertain: false, skewDegrees: 0, width: A4.width, height: A4.height });
    expect(await greyDistance(sharp(page.ocrPng), sharp(source).rotate(180))).toBeLessThan(3);
  });
});

describe('deskew', () => {
  it('finds the generator’s skew within 0.3° and turns it back', () => {
    for (const variant of [0, 1, 2]) {
      const { page } = get('noisy-skewed', variant);
      const applied = -generatedSkew(variant);
      console.log(`noisy-skewed-${variant}: generator ${(-applied).toFixed(2)}°, deskew applied ${page.skewDegrees}°`);
      expect(Math.abs(page.skewDegrees - applied)).toBeLessThanOrEqual(0.3);
    }
  });

  it('leaves level pages alone', () => {
    for (const cls of ['clean', 'serif', 'small', 'caps'] as const) expect(get(cls, CASES.find(([c]) => c === cls)![1]).page.skewDegrees).toBe(0);
  });

  it('keeps the page’s frame: a deskewed page has the source’s size', async () => {
    const { page, source } = get('noisy-skewed', 0);
    const meta = await sharp(source).metadata();
    expect([page.width, page.height]).toEqual([meta.width, meta.height]);
  });
});

describe('stored images', () => {
  it('gives a JPEG and an 8-bit grey OCR PNG of the same geometry as width and height', async () => {
    for (const { cls, variant, page } of cases.values()) {
      const [jpeg, png] = await Promise.all([sharp(page.jpeg).metadata(), sharp(page.ocrPng).metadata()]);
      expect({ cls, variant, jpeg: [jpeg.format, jpeg.width, jpeg.height, jpeg.density], png: [png.format, png.width, png.height, png.channels, png.depth] }).toEqual({
        cls,
        variant,
        jpeg: ['jpeg', page.width, page.height, page.dpi],
        png: ['png', page.width, page.height, 1, 'uchar'],
      });
      expect(page.blank).toBe(false);
    }
  });

  it('keeps the red seal red in the stored JPEG, and stores grey pages as grey JPEGs', async () => {
    const { page } = get('clean', 0);
    const meta = await sharp(page.jpeg).metadata();
    expect(meta.channels).toBe(3);
    // The seal's star is centred 210 px into a 420 px square placed at (1680, 2608) on the page.
    const { data } = await sharp(page.jpeg).extract({ left: 1886, top: 2814, width: 9, height: 9 }).raw().toBuffer({ resolveWithObject: true });
    const mean = [0, 1, 2].map((c) => data.filter((_, i) => i % 3 === c).reduce((s, v) => s + v, 0) / 81);
    console.log(`seal colour in the stored JPEG: rgb(${mean.map(Math.round).join(', ')})`);
    expect(mean[0]).toBeGreaterThan(170);
    expect(mean[1]).toBeLessThan(80);
    expect(mean[2]).toBeLessThan(80);
    expect((await sharp(get('serif', 1).page.jpeg).metadata()).channels).toBe(1);
  });

  it('stores an A4 page at 300 dpi in a compact JPEG', () => {
    for (const cls of ['clean', 'serif', 'small', 'caps'] as const) {
      const { page } = get(cls, CASES.find(([c]) => c === cls)![1]);
      expect(page.dpi).toBe(300);
      expect(page.jpeg.length).toBeLessThan(700 * 1024);
    }
  });
});
