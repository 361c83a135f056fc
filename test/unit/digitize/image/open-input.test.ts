/**
 * openInput on every accepted kind of file and on the ways a file can be unreadable. Inputs are made
 * here with sharp, pdf-lib and qpdf; pdfjs renders the PDFs for real.
 */
import { zipSync, strToU8 } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInput } from '../../../../src-main/services/digitize/image';
import { InputError, type InputDocument, type RasterPage } from '../../../../src-main/services/digitize/types';
import type { InputErrorCode } from '../../../../src-shared/contract/digitize';
import { bigPng, blankPdf, bmp, colourSheet, encryptPdf, jpegPdf } from './inputs';

/** Opens and decodes every page; the error code if any step refuses the file. */
async function readAll(bytes: Buffer, name = 'input'): Promise<RasterPage[] | InputErrorCode> {
  let doc: InputDocument | null = null;
  try {
    doc = await openInput(bytes, name);
    const pages: RasterPage[] = [];
    for (let i = 0; i < doc.pageCount; i++) pages.push(await doc.page(i));
    return pages;
  } catch (error) {
    if (error instanceof InputError) return error.code;
    throw error;
  } finally {
    await doc?.close();
  }
}

async function codeOf(bytes: Buffer, name = 'input'): Promise<InputErrorCode | 'ok'> {
  const result = await readAll(bytes, name);
  return typeof result === 'string' ? result : 'ok';
}

/** Mean of each channel in the middle of a raster (where colourSheet puts its block). */
function centreColour(page: RasterPage): number[] {
  const sums = new Array<number>(page.channels).fill(0);
  let n = 0;
  for (let y = Math.floor(page.height * 0.4); y < page.height * 0.6; y++) {
    for (let x = Math.floor(page.width * 0.4); x < page.width * 0.6; x++) {
      const at = (y * page.width + x) * page.channels;
      for (let c = 0; c < page.channels; c++) sums[c]! += page.data[at + c]!;
      n++;
    }
  }
  return sums.map((s) => Math.round(s / n));
}

const RED = [200, 30, 40];
const near = (actual: number[], expected: number[], tolerance = 12) => actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance);

let sheetPng: Buffer;
let sheetJpeg: Buffer;

beforeAll(async () => {
  sheetPng = await colourSheet(400, 600, 'rgb(200,30,40)');
  sheetJpeg = await sharp(sheetPng).jpeg({ quality: 90 }).withDensity(300).toBuffer();
});

describe('accepted inputs', () => {
  it('reads a JPEG as 8-bit RGB with its density', async () => {
    const [page] = (await readAll(sheetJpeg)) as RasterPage[];
    expect(page).toMatchObject({ width: 400, height: 600, channels: 3, dpi: 300 });
    expect(near(centreColour(page!), RED)).toBe(true);
  });

  it('reads a JPEG named .pdf by its bytes, and turns it by its EXIF orientation', async () => {
    const sideways = await sharp(sheetPng).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const doc = await openInput(sideways, 'scan.pdf');
    expect(doc.kind).toBe('jpeg');
    const page = await doc.page(0);
    expect([page.width, page.height]).toEqual([600, 400]);
  });

  it('flattens a PNG with alpha onto white and keeps a grey PNG one channel', async () => {
    const transparent = await sharp({ create: { width: 50, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const [clear] = (await readAll(transparent)) as RasterPage[];
    expect(clear!.channels).toBe(3);
    expect(centreColour(clear!)).toEqual([255, 255, 255]);
    const grey = await sharp(sheetPng).toColourspace('b-w').png().toBuffer();
    const [g] = (await readAll(grey)) as RasterPage[];
    expect(g!.channels).toBe(1);
  });

  it('reduces a 16-bit PNG to 8 bits by value, not by clipping', async () => {
    const deep = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#804020' } }).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(deep).metadata()).depth).toBe('ushort');
    const [page] = (await readAll(deep)) as RasterPage[];
    expect(centreColour(page!)).toEqual([128, 64, 32]);
  });

  it('reads a 3-page TIFF one page at a time', async () => {
    const colours = ['rgb(200,30,40)', 'rgb(30,160,40)', 'rgb(30,40,200)'];
    const sheets = await Promise.all(colours.map((c) => colourSheet(300, 400, c)));
    const tiff = await sharp(sheets, { join: { animated: true } }).tiff({ compression: 'lzw' }).toBuffer();
    const doc = await openInput(tiff, 'batch.tif');
    expect(doc).toMatchObject({ kind: 'tiff', pageCount: 3 });
    const means = [];
    for (let i = 0; i < 3; i++) means.push(centreColour(await doc.page(i)));
    expect(means).toEqual([
      [200, 30, 40],
      [30, 160, 40],
      [30, 40, 200],
    ]);
    await expect(doc.page(3)).rejects.toThrow(RangeError);
  });

  it('reads a WebP', async () => {
    const webp = await sharp(sheetPng).webp({ lossless: true }).toBuffer();
    const doc = await openInput(webp, 'photo.webp');
    expect(doc.kind).toBe('webp');
    expect(centreColour(await doc.page(0))).toEqual(RED);
  });

  it('refuses a BMP as wrong-type: the prebuilt libvips has no BMP loader', async () => {
    expect(await codeOf(bmp(64, 48), 'scan.bmp')).toBe('wrong-type');
  });

  describe('PDF', () => {
    let pdf: Buffer;
    const fetches: string[] = [];
    const realFetch = globalThis.fetch;

    beforeAll(async () => {
      // pdfjs must read nothing over the network, not even from localhost: any fetch is recorded.
      globalThis.fetch = (async (url: string | URL | Request) => {
        fetches.push(String(url));
        throw new Error('no network in tests');
      }) as typeof fetch;
      const a4 = await sharp(await colourSheet(620, 877, 'rgb(200,30,40)')).jpeg({ quality: 90 }).toBuffer();
      const a5 = await sharp(await colourSheet(620, 438, 'rgb(30,40,200)')).jpeg({ quality: 90 }).toBuffer();
      pdf = await jpegPdf([
        { jpeg: a4, width: 595.28, height: 841.89 },
        { jpeg: a5, width: 595.28, height: 419.53 },
      ]);
    });
    afterAll(() => {
      globalThis.fetch = realFetch;
    });

    it('renders each page at 300 dpi with the worker code loaded locally', async () => {
      const started = performance.now();
      const pages = (await readAll(pdf, 'dossier.pdf')) as RasterPage[];
      console.log(`2-page PDF opened and rendered in ${Math.round(performance.now() - started)} ms`);
      expect(pages.map((p) => [p.width, p.height, p.channels, p.dpi])).toEqual([
        [2480, 3508, 3, 300],
        [2480, 1748, 3, 300],
      ]);
      expect(near(centreColour(pages[0]!), RED)).toBe(true);
      expect(near(centreColour(pages[1]!), [30, 40, 200])).toBe(true);
      expect(fetches).toEqual([]);
      // The fake worker runs the handler we imported, not a script pdfjs would import by URL.
      expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBeTypeOf('function');
    });

    it('refuses a password-protected PDF as encrypted', async () => {
      expect(await codeOf(encryptPdf(pdf), 'secret.pdf')).toBe('encrypted');
    });

    it('refuses a PDF cut in half as truncated', async () => {
      expect(await codeOf(pdf.subarray(0, pdf.length >> 1), 'half.pdf')).toBe('truncated');
    });

    it(`refuses a PDF with more than 500 pages`, async () => {
      expect(await codeOf(await blankPdf(501), 'long.pdf')).toBe('too-many-pages');
    });
  });
});

describe('unreadable inputs', () => {
  it('empty', async () => {
    expect(await codeOf(Buffer.alloc(0), 'scan.jpg')).toBe('empty');
  });

  it('truncated JPEG (cut in half, and only its end marker missing)', async () => {
    expect(await codeOf(sheetJpeg.subarray(0, sheetJpeg.length >> 1))).toBe('truncated');
    expect(await codeOf(sheetJpeg.subarray(0, sheetJpeg.length - 2))).toBe('truncated');
  });

  it('truncated PNG (cut in half, and without IEND, which libpng itself accepts)', async () => {
    expect(await codeOf(sheetPng.subarray(0, sheetPng.length >> 1))).toBe('truncated');
    expect(await codeOf(sheetPng.subarray(0, sheetPng.length - 12))).toBe('truncated');
  });

  it('truncated TIFF (cut before its directory) and WebP', async () => {
    const tiff = await sharp(sheetPng).tiff({ compression: 'none' }).toBuffer();
    expect(await codeOf(tiff.subarray(0, tiff.length >> 1))).toBe('truncated');
    const webp = await sharp(sheetPng).webp().toBuffer();
    expect(await codeOf(webp.subarray(0, webp.length - 10))).toBe('truncated');
  });

  it('corrupt: random bytes behind a JPEG signature, and a JPEG with random bytes in its middle', async () => {
    // A Lehmer generator: fixed bytes, no marker structure (libjpeg: "Unsupported marker type").
    let seed = 1;
    const random = Buffer.from(Array.from({ length: 4000 }, () => (seed = (seed * 48271) % 2147483647) & 255));
    expect(await codeOf(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), random]))).toBe('corrupt');
    const damaged = Buffer.from(sheetJpeg);
    random.copy(damaged, damaged.length >> 1, 0, 1500);
    expect(await codeOf(damaged)).toBe('corrupt');
  });

  it('accepts a JPEG with stray bytes between segments (a harmless libjpeg warning)', async () => {
    const app0End = 4 + sheetJpeg.readUInt16BE(4);
    const stray = Buffer.concat([sheetJpeg.subarray(0, app0End), Buffer.from([0, 0]), sheetJpeg.subarray(app0End)]);
    await expect(sharp(stray).raw().toBuffer()).rejects.toThrow(/extraneous bytes/);
    const [page] = (await readAll(stray)) as RasterPage[];
    expect(near(centreColour(page!), RED)).toBe(true);
  });

  it('wrong-type: a text file named .jpg, a DOCX, a GIF', async () => {
    expect(await codeOf(Buffer.from('Đơn đề nghị cấp giấy phép\n'), 'scan.jpg')).toBe('wrong-type');
    const docx = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
    expect(await codeOf(docx, 'don.docx')).toBe('wrong-type');
    expect(await codeOf(await sharp(sheetPng).gif().toBuffer(), 'scan.gif')).toBe('wrong-type');
  });

  it('too-large: a 100-megapixel PNG is refused from its header, before any pixel is decoded', async () => {
    const png = bigPng(10_000, 10_000);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    await expect(openInput(png, 'poster.png')).rejects.toMatchObject({ code: 'too-large' });
    console.log(`100 MP PNG (${png.length} bytes) refused in ${(performance.now() - started).toFixed(1)} ms, RSS +${((process.memoryUsage().rss - rss) / 2 ** 20).toFixed(1)} MiB`);
    // Its pixel data is not even valid zlib: decoding would have said 'corrupt'.
    expect(await codeOf(bigPng(10_000, 10_000, true))).toBe('too-large');
    // Under the limit the same trick is read, and found corrupt.
    expect(await codeOf(bigPng(1000, 1000, true))).toBe('corrupt');
  });

  it('too-many-pages: a TIFF with 501 pages', async () => {
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer();
    const tiff = await sharp(Array.from({ length: 501 }, () => tiny), { join: { animated: true } }).tiff().toBuffer();
    expect(await codeOf(tiff)).toBe('too-many-pages');
  });
});
