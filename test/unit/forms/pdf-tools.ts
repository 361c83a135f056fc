/** The real PDF tools (qpdf, poppler) run on the forms the tests build. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

let dir: string | undefined;

/** This test file's temporary directory, made on first use. */
export function tempDir(): string {
  dir ??= mkdtempSync(path.join(tmpdir(), 'motcua-forms-'));
  return dir;
}

/** For afterAll: removes the PDFs, unless MOTCUA_KEEP_FORMS is set (then says where they are). */
export function removeTempDir(): void {
  if (!dir) return;
  if (process.env.MOTCUA_KEEP_FORMS) console.log(`[forms] PDFs kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

export function writePdf(name: string, bytes: Uint8Array): string {
  const file = path.join(tempDir(), `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** `qpdf --check`; throws (with qpdf's output) when the exit code is not 0. */
export function qpdfCheck(file: string): string {
  return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
}

export type TextMode = 'layout' | 'plain' | 'raw';

/** pdftotext output, NFC-normalised. */
export function pdfText(file: string, mode: TextMode, pages?: { first: number; last: number }): string {
  const args = [...(mode === 'plain' ? [] : [`-${mode}`]), '-enc', 'UTF-8'];
  if (pages) args.push('-f', String(pages.first), '-l', String(pages.last));
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

/** Whitespace runs (line breaks included) collapsed to one space. */
export const squash = (text: string) => text.replace(/\s+/g, ' ');

export interface PdfInfo {
  pages: number;
  /** Points, e.g. [841.89, 595.28]. */
  width: number;
  height: number;
  raw: Record<string, string>;
}

export function pdfInfo(file: string, page = 1): PdfInfo {
  const out = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), file], { encoding: 'utf8' }).normalize('NFC');
  const raw: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) raw[line.slice(0, i).replace(/\s+/g, ' ').trim()] = line.slice(i + 1).trim();
  }
  const m = /([\d.]+) x ([\d.]+) pts/.exec(raw[`Page ${page} size`] ?? '');
  if (!m) throw new Error(`pdfinfo gave no size for page ${page}:\n${out}`);
  return { pages: Number(raw.Pages), width: Number(m[1]), height: Number(m[2]), raw };
}

export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Rasterises one page to 8-bit grey with pdftoppm and reads the PGM. */
export function rasterise(file: string, page: number, dpi: number): GrayImage {
  const dir = mkdtempSync(path.join(tempDir(), 'raster-'));
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), file, path.join(dir, 'p')]);
  const name = readdirSync(dir).find((f) => f.endsWith('.pgm'));
  if (!name) throw new Error('pdftoppm wrote no PGM');
  return parsePgm(readFileSync(path.join(dir, name)));
}

export function parsePgm(buf: Buffer): GrayImage {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i] ?? 32))) i++;
    if (buf[i] === 0x23) {
      while (buf[i] !== 0x0a) i++;
      continue;
    }
    let tok = '';
    while (i < buf.length && !/\s/.test(String.fromCharCode(buf[i] ?? 32))) tok += String.fromCharCode(buf[i++] ?? 0);
    fields.push(tok);
  }
  i++; // the single whitespace after maxval
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error(`unsupported PGM ${fields.join(' ')}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, data: new Uint8Array(buf.subarray(i, i + width * height)) };
}

export function pngOfPage(file: string, page: number, dpi: number): string {
  const dir = mkdtempSync(path.join(tempDir(), 'png-'));
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), file, path.join(dir, 'p')]);
  const name = readdirSync(dir).find((f) => f.endsWith('.png'));
  if (!name) throw new Error('pdftoppm wrote no PNG');
  return path.join(dir, name);
}
