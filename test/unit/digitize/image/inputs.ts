/** Inputs for the image tests, made on the spot (small where the test allows, real formats throughout). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { mulberry32 } from '../../../support/prng';

export const A4 = { width: 2480, height: 3508 } as const;

/** A small colour image: a white sheet with a coloured block, so each page can be told apart. */
export function colourSheet(width: number, height: number, block: string): Promise<Buffer> {
  const inner = { width: Math.round(width / 2), height: Math.round(height / 2) };
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([{ input: { create: { ...inner, channels: 3, background: block } }, left: Math.round(width / 4), top: Math.round(height / 4) }])
    .png()
    .toBuffer();
}

/** A PNG chunk with its CRC. */
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A 1-bit white PNG of width × height, built by hand (25 KB for 100 MP, in ~0.2 s). With
 * `garbageData` its pixel data is not valid zlib: reading it would fail as corrupt, so refusing it
 * as too large shows the pixels were never decoded.
 */
export function bigPng(width: number, height: number, garbageData = false): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const rowBytes = 1 + Math.ceil(width / 8);
  const rows = Buffer.alloc(rowBytes * height, 0xff);
  for (let y = 0; y < height; y++) rows[y * rowBytes] = 0; // filter byte: none
  const data = garbageData ? Buffer.from('not zlib data at all') : zlib.deflateSync(rows, { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

/** An uncompressed 24-bit Windows bitmap. */
export function bmp(width: number, height: number): Buffer {
  const row = Math.ceil((width * 3) / 4) * 4;
  const b = Buffer.alloc(54 + row * height, 0xff);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(row * height, 34);
  b.writeInt32LE(11811, 38);
  b.writeInt32LE(11811, 42);
  return b;
}

/** A PDF whose pages each show one JPEG over the whole page; sizes in points. */
export async function jpegPdf(pages: { jpeg: Buffer; width: number; height: number }[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const p of pages) {
    const image = await doc.embedJpg(p.jpeg);
    doc.addPage([p.width, p.height]).drawImage(image, { x: 0, y: 0, width: p.width, height: p.height });
  }
  return Buffer.from(await doc.save());
}

export async function blankPdf(pageCount: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pageCount; i++) doc.addPage([200, 200]);
  return Buffer.from(await doc.save());
}

/** The PDF encrypted with AES-256 by qpdf (user password 'u'). */
export function encryptPdf(pdf: Buffer): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-image-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
    return readFileSync(path.join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The generator's skew for a noisy-skewed variant (see generatePage): clockwise degrees. */
export function generatedSkew(variant: number): number {
  const random = mulberry32(1000 + variant);
  return (random() < 0.5 ? -1 : 1) * (1.5 + random() * 2);
}

/**
 * A blank sheet as a cheap flatbed scanner gives it: grey paper (205) with noise and specks, a
 * dark band down the left edge and along the bottom (lid and shadow), saved as a poor JPEG.
 */
export function noisyBlankScan(): Promise<Buffer> {
  const { width, height } = A4;
  const random = mulberry32(77);
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const edge = x < 60 || y > height - 40;
      const noise = (random() + random() + random() - 1.5) * 40 + (random() < 0.002 ? -180 : 0);
      const v = edge ? 35 : Math.max(0, Math.min(255, 205 + noise));
      const i = (y * width + x) * 3;
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = Math.max(0, v - 8);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).jpeg({ quality: 45 }).toBuffer();
}

/** A white A4 page with one short line of 12 pt text in the middle. */
export async function oneLinePage(text: string): Promise<Buffer> {
  const font = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/fonts/DejaVuSans.ttf');
  const line = await sharp({ text: { text: `<span font_family="DejaVu Sans" size="12pt">${text}</span>`, fontfile: font, dpi: 300 } })
    .negate()
    .png()
    .toBuffer();
  return sharp({ create: { ...A4, channels: 3, background: '#ffffff' } })
    .composite([{ input: line, top: 1700, left: 900 }])
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
}
