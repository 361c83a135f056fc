/**
 * One input file → a searchable PDF and a JSON report, for batch back-file digitisation (the CLI)
 * and the bench. Resumable: every finished page is checkpointed under `<out>/.motcua-partial/<base>-<sha>/`
 * before the next is counted, so a kill mid-file loses at most the pages under way; the PDF and then
 * the JSON (the commit marker) are written atomically, and an input whose JSON already names the
 * same source SHA-256 is skipped.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OcrPage } from '../../../src-shared/contract/digitize';
import { parseCccdQr, type CccdQrData } from '../../../src-shared/domain/applicant/cccd-qr';
import { writeFileAtomic } from '../atomic-file';
import { SOFTWARE, type DigitizeEngine } from './engine';
import { eachLimited } from '../each-limited';

export interface PageReport {
  page: number;
  confidence: number;
  words: number;
  lowConfidenceWords: number;
  correctedWords: number;
  rotation: number;
  skewDegrees: number;
  blank: boolean;
  timings: { prepareMs: number; ocrMs: number };
}

export interface FileReport {
  source: { file: string; sha256: string; bytes: number };
  pdf: { file: string; sha256: string; bytes: number };
  software: string;
  /** The corrected full text; pages separated by a form feed. */
  text: string;
  confidence: number | null;
  pages: PageReport[];
  /** The chip ID card's QR fields when a page carries one (validated; never trusted blindly). */
  idCard: (CccdQrData & { warnings: string[] }) | null;
  timings: { totalMs: number; prepareMs: number; ocrMs: number; qrMs: number; pdfMs: number; resumedPages: number };
}

interface Checkpoint {
  ocr: OcrPage;
  width: number;
  height: number;
  dpi: number;
  rotation: number;
  skewDegrees: number;
  blank: boolean;
  timings: PageReport['timings'];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const round1 = (n: number) => Math.round(n * 10) / 10;

export interface DigitizeFileOptions {
  /** Output path without extension: `<out>/<base>` gets .pdf and .json. */
  outBase: string;
  clerk: string;
  /** Looks for a CCCD QR code on each page until one is found (default true). */
  readIdCard?: boolean;
  today?: string;
}

export type DigitizeFileResult = { skipped: true; report: FileReport } | { skipped: false; report: FileReport };

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export async function digitizeFile(engine: DigitizeEngine, input: string, options: DigitizeFileOptions): Promise<DigitizeFileResult> {
  const started = performance.now();
  const bytes = await fs.readFile(input);
  const sourceSha = sha256(bytes);
  const jsonFile = `${options.outBase}.json`;
  const pdfFile = `${options.outBase}.pdf`;
  const previous = await readJson<FileReport>(jsonFile);
  if (previous?.source.sha256 === sourceSha && (await fs.stat(pdfFile).catch(() => null))?.size === previous.pdf.bytes) {
    return { skipped: true, report: previous };
  }

  // Keyed by output too: two copies of one file in a run must not share (and remove) checkpoints.
  const partial = path.join(path.dirname(options.outBase), '.motcua-partial', `${path.basename(options.outBase)}-${sourceSha.slice(0, 16)}`);
  const name = path.basename(input);
  const { pageCount } = await engine.inspect(input, name);
  const checkpoints: Checkpoint[] = new Array(pageCount);
  let resumedPages = 0;

  await eachLimited(Array.from({ length: pageCount }, (_, i) => i), engine.ocrPoolSize, async (index) => {
    const stem = path.join(partial, `page-${String(index + 1).padStart(4, '0')}`);
    const saved = await readJson<Checkpoint>(`${stem}.json`);
    if (saved && (await fs.stat(`${stem}.jpg`).catch(() => null))) {
      checkpoints[index] = saved;
      resumedPages++;
      return;
    }
    const t0 = performance.now();
    const first = await engine.prepare(input, name, index);
    const t1 = performance.now();
    const { prepared, ocr } = await engine.recognize(first);
    const t2 = performance.now();
    const checkpoint: Checkpoint = {
      ocr,
      width: prepared.width,
      height: prepared.height,
      dpi: prepared.dpi,
      rotation: prepared.rotation,
      skewDegrees: prepared.skewDegrees,
      blank: prepared.blank,
      timings: { prepareMs: Math.round(t1 - t0), ocrMs: Math.round(t2 - t1) },
    };
    // The image first, then the JSON that says the page is done.
    await writeFileAtomic(`${stem}.jpg`, prepared.jpeg);
    await writeFileAtomic(`${stem}.json`, JSON.stringify(checkpoint));
    checkpoints[index] = checkpoint;
  });

  const jpegOf = (index: number) => path.join(partial, `page-${String(index + 1).padStart(4, '0')}.jpg`);

  let idCard: FileReport['idCard'] = null;
  const qrStart = performance.now();
  if (options.readIdCard !== false) {
    for (let index = 0; index < pageCount && !idCard; index++) {
      for (const code of await engine.readQr(jpegOf(index))) {
        const parsed = parseCccdQr(code, options.today ? { today: options.today } : {});
        if (!parsed.ok) continue;
        const { idNumber, oldIdNumber, name: fullName, birthDate, gender, address, issueDate } = parsed;
        idCard = { idNumber, oldIdNumber, name: fullName, birthDate, gender, address, issueDate, warnings: parsed.warnings.map((w) => w.messageEn) };
        break;
      }
    }
  }
  const qrMs = performance.now() - qrStart;

  const pdfStart = performance.now();
  const pdf = await engine.buildPdf(
    await Promise.all(checkpoints.map(async (c, index) => ({ jpeg: await fs.readFile(jpegOf(index)), width: c.width, height: c.height, dpi: c.dpi, ocr: c.ocr }))),
    { dossierCode: null, component: path.basename(options.outBase), clerk: options.clerk },
  );
  await writeFileAtomic(pdfFile, pdf);
  const pdfMs = performance.now() - pdfStart;

  const withWords = checkpoints.filter((c) => c.ocr.lines.length > 0);
  const report: FileReport = {
    source: { file: name, sha256: sourceSha, bytes: bytes.byteLength },
    pdf: { file: path.basename(pdfFile), sha256: sha256(pdf), bytes: pdf.byteLength },
    software: SOFTWARE,
    text: checkpoints.map((c) => c.ocr.text).join('\f'),
    confidence: withWords.length === 0 ? null : round1(withWords.reduce((s, c) => s + c.ocr.confidence, 0) / withWords.length),
    pages: checkpoints.map((c, index) => ({
      page: index + 1,
      confidence: round1(c.ocr.confidence),
      words: c.ocr.lines.reduce((n, l) => n + l.words.length, 0),
      lowConfidenceWords: c.ocr.lowConfidenceWords,
      correctedWords: c.ocr.correctedWords,
      rotation: c.rotation,
      skewDegrees: round1(c.skewDegrees),
      blank: c.blank,
      timings: c.timings,
    })),
    idCard,
    timings: {
      totalMs: Math.round(performance.now() - started),
      prepareMs: checkpoints.reduce((s, c) => s + c.timings.prepareMs, 0),
      ocrMs: checkpoints.reduce((s, c) => s + c.timings.ocrMs, 0),
      qrMs: Math.round(qrMs),
      pdfMs: Math.round(pdfMs),
      resumedPages,
    },
  };
  await writeFileAtomic(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  await fs.rm(partial, { recursive: true, force: true });
  return { skipped: false, report };
}
