/**
 * The searchable PDF checked from outside with poppler and qpdf (what an archive or a viewer
 * sees), on three pages: an A4 page at 300 dpi with its text, an A4 page at 200 dpi with its text,
 * and a photo-like page at 150 dpi without OCR. The OCR boxes come from the generated page's ink
 * with the ground truth as text (no OCR run needed).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchablePdf } from '../../../../src-main/services/digitize/pdf';
import { srgbIccProfile } from '../../../../src-main/services/digitize/pdf/icc';
import type { PdfPageInput, SearchablePdfInput } from '../../../../src-main/services/digitize/types';
import { type PageFixture, pageFixture } from './ocr-fixture';
import { assertWellFormedXml, normalizeText, parseInfo, qpdfCheck, tool, xmlValues } from './pdf-tools';

const FONT_FILE = path.resolve(import.meta.dirname, '../../../../resources/fonts/DejaVuSerif.ttf');
/** Words the corpus lacks or that test the hardest letters: hook above on a capital, tilde over a circumflex… */
const EXTRA = [['Ủy', 'Nguyễn', 'Tự', 'Đồng', 'vẫn', 'NGHĨA', 'Quỳnh', '“ngoặc”', '123/2015/NĐ-CP']];

const META = {
  dossierCode: '000.00.12.H56-261121-0042',
  component: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  clerk: 'Nguyễn Văn An',
  createdAt: new Date('2026-03-01T08:30:00.250Z'),
  software: 'motcua 0.4.0',
};

let dir: string;
let font: Uint8Array;
let pages: [PageFixture, PageFixture];
let photo: PdfPageInput;
let input: SearchablePdfInput;
let pdf: Uint8Array;
let file: string;

/** Every glyph id (4 hex digits, Identity-H) shown by a Tj in a decoded content stream. */
const glyphIds = (ops: string) => [...ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].flatMap((m) => m[1]!.match(/.{4}/g) ?? []);

/** The decoded content stream(s) of page `index`. */
async function pageOperators(bytes: Uint8Array, index: number): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const contents = doc.getPage(index).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  return streams.map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString('latin1')).join('\n');
}

const pageText = async (n: number, ...flags: string[]) => tool('pdftotext', ...flags, '-f', String(n), '-l', String(n), file, '-');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'motcua-pdf-'));
  font = new Uint8Array(await readFile(FONT_FILE));
  pages = [await pageFixture('serif', 2, { extra: EXTRA }), await pageFixture('small', 3, { dpi: 200 })];
  // A page kept without a text layer (a photo, a page the OCR failed on): A4 at 150 dpi.
  const photoJpeg = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#e8e4dc' } })
    .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#c03030"/></svg>'), top: 200, left: 200 }])
    .jpeg({ quality: 80 })
    .toBuffer();
  photo = { jpeg: photoJpeg, width: 1240, height: 1754, dpi: 150, ocr: null };
  input = { pages: [...pages.map(({ jpeg, width, height, dpi, ocr }) => ({ jpeg, width, height, dpi, ocr })), photo], meta: META, font };
  const started = performance.now();
  pdf = await buildSearchablePdf(input);
  console.log(`built 3 pages in ${Math.round(performance.now() - started)} ms`);
  file = path.join(dir, 'out.pdf');
  await writeFile(file, pdf);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('searchable PDF', () => {
  it('passes qpdf --check, unencrypted', async () => {
    const { code, output } = await qpdfCheck(file);
    expect(output).toContain('No syntax or stream encoding errors found');
    expect(output).toContain('File is not encrypted');
    expect(code).toBe(0);
  });

  it('gives back every page’s OCR text exactly with pdftotext, in page order and in all modes', async () => {
    for (const [i, page] of pages.entries()) {
      for (const flags of [[], ['-layout'], ['-raw']]) {
        const text = await pageText(i + 1, ...flags);
        expect(normalizeText(text), `page ${i + 1} ${flags.join(' ')}`).toBe(normalizeText(page.truth));
        expect(text).toBe(text.normalize('NFC'));
      }
    }
    const first = await pageText(1);
    for (const ch of ['Ủ', 'ễ', 'ự', 'Đ', 'ẫ', 'Ĩ', 'ỳ', '“']) expect(first).toContain(ch);
    // Lines stay lines: each OCR line is one line of the extraction.
    const lines = first.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toEqual(pages[0].truth.split('\n'));
    expect(normalizeText(await pageText(3))).toBe('');
    const all = await tool('pdftotext', file, '-');
    expect(all.split('\f').map(normalizeText).slice(0, 3)).toEqual([normalizeText(pages[0].truth), normalizeText(pages[1].truth), '']);
  });

  it('lays each word over its OCR box (pdftotext -bbox, within half a point)', async () => {
    for (const [i, page] of pages.entries()) {
      const html = await pageText(i + 1, '-bbox');
      const found = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
        box: m.slice(1, 5).map(Number),
      }));
      const expected = page.ocr.lines.flatMap((l) => l.words).map((w) => ({ text: w.text, box: [w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1].map((v) => (v * 72) / page.dpi) }));
      expect(found.map((w) => w.text)).toEqual(expected.map((w) => w.text));
      const worst = Math.max(...found.flatMap((w, j) => w.box.map((v, k) => Math.abs(v - expected[j]!.box[k]!))));
      console.log(`page ${i + 1}: ${found.length} words, worst box edge off by ${worst.toFixed(3)} pt`);
      expect(worst).toBeLessThan(0.5);
    }
  });

  it('embeds DejaVu Serif as a subset with a ToUnicode map', async () => {
    const fonts = (await tool('pdffonts', file)).trim().split('\n').slice(2);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatch(/^[A-Z]{6}\+DejaVuSerif\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
  });

  it('embeds each page’s JPEG as it is, one per page, at the page’s resolution', async () => {
    const list = (await tool('pdfimages', '-list', file)).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
    expect(list.map((c) => [c[0], c[2], c[3], c[4], c[5], c[8], c[9], c[12], c[13]])).toEqual([
      ['1', 'image', String(pages[0].width), String(pages[0].height), 'rgb', 'jpeg', 'no', '300', '300'],
      ['2', 'image', String(pages[1].width), String(pages[1].height), 'rgb', 'jpeg', 'no', '200', '200'],
      ['3', 'image', '1240', '1754', 'rgb', 'jpeg', 'no', '150', '150'],
    ]);
    // No re-encoding: the extracted DCT streams are the input bytes.
    await tool('pdfimages', '-j', file, path.join(dir, 'img'));
    const extracted = (await readdir(dir)).filter((f) => f.startsWith('img-')).sort();
    expect(extracted).toEqual(['img-000.jpg', 'img-001.jpg', 'img-002.jpg']);
    for (const [i, name] of extracted.entries()) {
      expect(Buffer.compare(await readFile(path.join(dir, name)), Buffer.from(input.pages[i]!.jpeg))).toBe(0);
    }
  });

  it('sizes pages from pixels and dpi (A4 at 300, 200 and 150 dpi)', async () => {
    const sizes = parseInfo(await tool('pdfinfo', '-f', '1', '-l', '3', file));
    expect(sizes.get('Page    1 size')).toBe('595.2 x 841.92 pts (A4)');
    expect(sizes.get('Page    2 size')).toMatch(/^595\.\d+ x 84[12]\.\d+ pts \(A4\)$/);
    expect(sizes.get('Page    3 size')).toBe('595.2 x 841.92 pts (A4)');
  });

  it('draws the text layer invisibly: a page renders the same with and without it', async () => {
    const bare = await buildSearchablePdf({ ...input, pages: [{ ...input.pages[0]!, ocr: null }] });
    await writeFile(path.join(dir, 'bare.pdf'), bare);
    const render = async (pdfFile: string, prefix: string) => {
      await tool('pdftoppm', '-r', '30', '-f', '1', '-l', '1', '-gray', '-png', '-singlefile', pdfFile, path.join(dir, prefix));
      return readFile(path.join(dir, `${prefix}.png`));
    };
    const withText = await render(file, 'with-text');
    const without = await render(path.join(dir, 'bare.pdf'), 'without');
    expect(withText.equals(without)).toBe(true);
    // …because the words are in render mode 3, stretched with Tz onto their boxes.
    const ops = await pageOperators(pdf, 0);
    expect(ops).toMatch(/BT\s+3 Tr/);
    expect(ops.match(/ Tz\b/g)?.length).toBeGreaterThan(200);
    expect(glyphIds(ops)).not.toContain('0000'); // never the .notdef glyph
    // One Tj per word plus one space glyph between the words of a line.
    const { lines } = input.pages[0]!.ocr!;
    const words = lines.reduce((n, l) => n + l.words.length, 0);
    expect(ops.match(/\bTj\b/g)).toHaveLength(2 * words - lines.length);
    expect(bare.length).toBeLessThan(pdf.length);
    expect((await tool('pdffonts', path.join(dir, 'bare.pdf'))).trim().split('\n')).toHaveLength(2); // header only: no font
  });

  it('writes the Info dictionary and an XMP packet that agree, declaring PDF/A-2b', async () => {
    const info = parseInfo(await tool('pdfinfo', '-isodates', file));
    expect(info.get('Title')).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả - 000.00.12.H56-261121-0042');
    expect(info.get('Author')).toBe('Nguyễn Văn An');
    expect(info.get('Keywords')).toContain('000.00.12.H56-261121-0042');
    expect(info.get('Subject')).toContain('000.00.12.H56-261121-0042');
    expect(info.get('Creator')).toBe('motcua 0.4.0');
    expect(info.get('Producer')).toContain('pdf-lib');
    expect(info.get('CreationDate')).toBe('2026-03-01T08:30:00Z');
    expect(info.get('ModDate')).toBe('2026-03-01T08:30:00Z');
    expect(info.get('Metadata Stream')).toBe('yes');
    expect(info.get('Encrypted')).toBe('no');
    expect(info.get('JavaScript')).toBe('no');
    expect(info.get('Pages')).toBe('3');

    const xmp = await tool('pdfinfo', '-meta', file);
    assertWellFormedXml(xmp.trim());
    const one = (name: string) => {
      const values = xmlValues(xmp, name);
      expect(values, name).toHaveLength(1);
      return values[0];
    };
    expect(one('pdfaid:part')).toBe('2');
    expect(one('pdfaid:conformance')).toBe('B');
    expect(one('dc:title')).toBe(info.get('Title'));
    expect(one('dc:creator')).toBe(info.get('Author'));
    expect(one('dc:description')).toBe(info.get('Subject'));
    expect(one('pdf:Keywords')).toBe(info.get('Keywords'));
    expect(one('xmp:CreatorTool')).toBe(info.get('Creator'));
    expect(one('pdf:Producer')).toBe(info.get('Producer'));
    expect(one('xmp:CreateDate')).toBe(info.get('CreationDate'));
    expect(one('xmp:ModifyDate')).toBe(info.get('ModDate'));
    expect(one('xmp:MetadataDate')).toBe(info.get('ModDate'));
    expect(one('motcua:dossierCode')).toBe(META.dossierCode);
    expect(one('motcua:component')).toBe(META.component);
    expect(one('motcua:clerk')).toBe(META.clerk);
  });

  it('has /Lang vi-VN, an sRGB OutputIntent with the ICC profile, a trailer /ID and no encryption', async () => {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const catalog = doc.catalog;
    expect(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('vi-VN');
    const intents = catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    expect(intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText()).toBe('sRGB IEC61966-2.1');
    const profile = intent.lookup(PDFName.of('DestOutputProfile'));
    if (!(profile instanceof PDFRawStream)) throw new Error('DestOutputProfile is not a stream');
    expect(profile.dict.get(PDFName.of('N'))?.toString()).toBe('3');
    expect(Buffer.from(decodePDFRawStream(profile).decode()).equals(Buffer.from(srgbIccProfile()))).toBe(true);
    const metadata = catalog.lookup(PDFName.of('Metadata'));
    if (!(metadata instanceof PDFRawStream)) throw new Error('Metadata is not a stream');
    expect(metadata.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('XML'));
    expect(metadata.dict.has(PDFName.of('Filter'))).toBe(false);

    const trailer = doc.context.trailerInfo;
    expect(trailer.Encrypt).toBeUndefined();
    const id = doc.context.lookup(trailer.ID, PDFArray);
    const [a, b] = [0, 1].map((i) => id.lookup(i, PDFHexString).asString());
    expect(a).toMatch(/^[0-9A-F]{32}$/);
    expect(b).toBe(a);
    // No transparency or scripts anywhere: no soft masks, blend groups, actions.
    const raw = Buffer.from(pdf).toString('latin1');
    for (const key of ['/SMask', '/Group', '/JavaScript', '/JS', '/OpenAction', '/AA', '/Encrypt']) expect(raw).not.toContain(key);
  });

  it('shows characters the font lacks as U+FFFD (never .notdef) and skips empty words and lines', async () => {
    const jpeg = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
    const word = (text: string, x0: number) => ({ text, confidence: 50, bbox: { x0, y0: 100, x1: x0 + 120, y1: 140 } });
    const ocr = {
      width: 600,
      height: 300,
      dpi: 100,
      lines: [
        { bbox: { x0: 20, y0: 100, x1: 560, y1: 140 }, words: [word('Số', 20), word('漢字', 160), word('\u0007', 300), word('e\u0301', 440)] },
        { bbox: { x0: 0, y0: 0, x1: 0, y1: 0 }, words: [] },
      ],
      text: '',
      confidence: 50,
      lowConfidenceWords: 4,
      correctedWords: 0,
      ms: 0,
    };
    const small = await buildSearchablePdf({ ...input, pages: [{ jpeg, width: 600, height: 300, dpi: 100, ocr }] });
    const smallFile = path.join(dir, 'small.pdf');
    await writeFile(smallFile, small);
    // The control character is dropped, the Han characters replaced, e + combining acute composed (NFC).
    expect(normalizeText(await tool('pdftotext', smallFile, '-'))).toBe('Số \uFFFD\uFFFD é');
    const ops = await pageOperators(small, 0);
    expect(glyphIds(ops).length).toBeGreaterThan(0);
    expect(glyphIds(ops)).not.toContain('0000');
    expect((await qpdfCheck(smallFile)).code).toBe(0);
  });

  it('gives the same bytes for the same input, and other bytes for another date', async () => {
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const again = await buildSearchablePdf(input);
    expect(sha(again)).toBe(sha(pdf));
    const later = await buildSearchablePdf({ ...input, meta: { ...META, createdAt: new Date('2026-03-02T08:30:00Z') } });
    expect(sha(later)).not.toBe(sha(pdf));
    console.log(`sha256 ${sha(pdf)}`);
  });

  it('reports its size (printed)', async () => {
    const jpegs = input.pages.map((p) => p.jpeg.length);
    const total = jpegs.reduce((a, b) => a + b, 0);
    const noText = await buildSearchablePdf({ ...input, pages: input.pages.map((p) => ({ ...p, ocr: null })) });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const fontFile = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .find((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.has(PDFName.of('Length1')));
    console.log(
      [
        `pdf ${pdf.length} B for ${input.pages.length} pages; JPEGs ${jpegs.join(' + ')} = ${total} B`,
        `overhead ${pdf.length - total} B (${((100 * (pdf.length - total)) / pdf.length).toFixed(1)} %)`,
        `text layer + font ${pdf.length - noText.length} B (font subset stream ${fontFile?.contents.length} B), structure + XMP + ICC ${noText.length - total} B`,
      ].join('\n'),
    );
    expect(fontFile).toBeDefined();
    expect(fontFile!.contents.length).toBeLessThan(font.length / 4); // really a subset
  });
});
