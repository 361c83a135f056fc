/**
 * `motcua digitize` as a real child process: good and bad inputs in one run (exit code, messages,
 * searchable PDFs, JSON reports, the ID card's QR), then a kill mid-file and the resumed run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputErrorCode } from '../../../../src-shared/contract/digitize';
import { inputErrorMessage } from '../../../../src-shared/domain/digitize/messages';
import type { FileReport } from '../../../../src-main/services/digitize/digitize-file';
import { characterErrorRate } from '../../../support/digitize/cer';
import { firstPassage, jpegOf, multiPageTiff, writeEncryptedPdf, type Passage } from './cli-inputs';

const root = path.resolve(import.meta.dirname, '..', '..', '..', '..');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** One CLI process: `node --import tsx` so the pid is the CLI itself (a kill reaches it, not a wrapper). */
function startCli(args: string[]): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/motcua.ts', 'digitize', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

const readReport = (file: string): FileReport => JSON.parse(readFileSync(file, 'utf8')) as FileReport;
const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
const pdfPages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);

/** The ID card generator is another helper's; without it that case is skipped with a reason. */
async function idCardInput(): Promise<{ bytes: Buffer; holder: import('../../../support/digitize/id-card').IdCardHolder } | string> {
  try {
    const { generateIdCard } = await import('../../../support/digitize/id-card');
    const card = await generateIdCard('flat', 0);
    return { bytes: card.bytes, holder: card.holder };
  } catch (error) {
    return `test/support/digitize/id-card.ts unavailable: ${(error as Error).message}`;
  }
}

let dir: string;
let inputs: string;
let passages: Passage[];
let tiffPages: Buffer[];
let card: Awaited<ReturnType<typeof idCardInput>>;
/** hai-trang.tif's report from the first run: what the resumed 4-page file must read again. */
let twoPageReport: FileReport | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-digitize-'));
  inputs = path.join(dir, 'in');
  mkdirSync(inputs);
  passages = await Promise.all([firstPassage('clean', 0), firstPassage('serif', 1), firstPassage('small', 2)]);
  tiffPages = [passages[0]!.png, passages[1]!.png];
  writeFileSync(path.join(inputs, 'hai-trang.tif'), await multiPageTiff(tiffPages));
  const jpeg = await jpegOf(passages[2]!.png);
  writeFileSync(path.join(inputs, 'bien-nhan.jpg'), jpeg);
  // The same bytes under another name, digitised side by side with the first copy.
  writeFileSync(path.join(inputs, 'ban-sao.jpg'), jpeg);
  writeFileSync(path.join(inputs, 'rong.png'), Buffer.alloc(0));
  writeFileSync(path.join(inputs, 'cat-ngang.jpg'), jpeg.subarray(0, Math.floor(jpeg.length * 0.4)));
  writeFileSync(path.join(inputs, 'ghi-chu.png'), 'Đây là ghi chú, không phải ảnh.\n');
  await writeEncryptedPdf(path.join(inputs, 'khoa.pdf'), path.join(dir, 'plain.pdf'));
  card = await idCardInput();
  if (typeof card === 'string') console.log(`[cli] skipping the ID card case: ${card}`);
  else writeFileSync(path.join(inputs, 'cccd.png'), card.bytes);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const BAD: [file: string, code: InputErrorCode][] = [
  ['rong.png', 'empty'],
  ['cat-ngang.jpg', 'truncated'],
  ['ghi-chu.png', 'wrong-type'],
  ['khoa.pdf', 'encrypted'],
];

describe('motcua digitize (command line)', () => {
  it('digitises the good inputs, names each bad one with a clear message and exits 1', async () => {
    const out = path.join(dir, 'out');
    const good = ['hai-trang.tif', 'bien-nhan.jpg', 'ban-sao.jpg', ...(typeof card === 'string' ? [] : ['cccd.png'])];
    const files = [...good, ...BAD.map(([f]) => f)].map((f) => path.join(inputs, f));
    const started = performance.now();
    const run = await startCli([...files, '--out', out, '--clerk', 'Lê Thị Mai']).done;
    console.log(`[cli] ${files.length} inputs in ${Math.round(performance.now() - started)} ms\n${run.stdout}${run.stderr}`);

    expect(run.code).toBe(1);
    for (const [file, code] of BAD) {
      expect(run.stderr).toContain(`${file}: ${inputErrorMessage(code, file).messageEn}`);
      expect(existsSync(path.join(out, `${path.parse(file).name}.json`))).toBe(false);
    }
    expect(run.stderr).toContain(`${BAD.length} of ${files.length} input(s) could not be digitised.`);

    const truths: Record<string, string[]> = { 'hai-trang': [passages[0]!.truth, passages[1]!.truth], 'bien-nhan': [passages[2]!.truth], 'ban-sao': [passages[2]!.truth] };
    for (const file of good) {
      const base = path.parse(file).name;
      const pdf = path.join(out, `${base}.pdf`);
      const report = readReport(path.join(out, `${base}.json`));
      expect(run.stdout).toContain(`${file}: ${report.pages.length} page(s)`);
      // qpdf exits non-zero (and execFileSync throws) on any structural error or warning.
      expect(execFileSync('qpdf', ['--check', pdf]).toString()).toMatch(/No syntax or stream encoding errors/);
      expect(pdfPages(pdf)).toBe(report.pages.length);
      // Also on the card: a page left turned a quarter would have its words run down the page, and
      // the text layer (written across) would not read back in order.
      expect(characterErrorRate(pdfText(pdf), report.text), `${base}: PDF text layer vs JSON`).toBeLessThan(0.005);
      expect(report.pdf.bytes).toBe(readFileSync(pdf).byteLength);
      for (const page of report.pages) expect(page.confidence).toBeGreaterThan(70);
      expect(report.timings).toMatchObject({ resumedPages: 0 });
      for (const key of ['totalMs', 'prepareMs', 'ocrMs', 'pdfMs'] as const) expect(report.timings[key]).toBeGreaterThan(0);
      const expected = truths[base];
      if (expected) {
        const read = report.text.split('\f');
        expect(read).toHaveLength(expected.length);
        // Measured 0 % on each of these passages; 1 % = a couple of wrong letters.
        read.forEach((text, i) => expect(characterErrorRate(text, expected[i]!), `${base} page ${i + 1}`).toBeLessThan(0.01));
        expect(report.idCard).toBeNull();
      }
    }
    twoPageReport = readReport(path.join(out, 'hai-trang.json'));

    if (typeof card !== 'string') {
      const { idCard } = readReport(path.join(out, 'cccd.json'));
      const h = card.holder;
      const isoDate = (d: string) => `${d.slice(4)}-${d.slice(2, 4)}-${d.slice(0, 2)}`;
      expect(idCard).toMatchObject({
        idNumber: h.idNumber,
        oldIdNumber: h.oldIdNumber || null,
        name: h.name,
        birthDate: isoDate(h.birthDate),
        gender: h.gender === 'Nam' ? 'male' : 'female',
        address: h.address,
        issueDate: isoDate(h.issueDate),
      });
    }
  }, 600_000);

  it('resumes a file after a kill, with the same text, then skips it as already done', async () => {
    expect(twoPageReport, 'needs the first run').toBeDefined();
    const out = path.join(dir, 'out-resume');
    const input = path.join(inputs, 'bon-trang.tif');
    writeFileSync(input, await multiPageTiff([...tiffPages, ...tiffPages]));
    const partial = path.join(out, '.motcua-partial');

    // One page at a time, so the kill comes after the first page and before the last.
    const first = startCli([input, '--out', out, '--jobs', '1']);
    let exited = false;
    void first.done.then(() => (exited = true));
    const checkpointed = () => existsSync(partial) && readdirSync(partial).some((entry) => existsSync(path.join(partial, entry, 'page-0001.json')));
    while (!checkpointed() && !exited) await new Promise((r) => setTimeout(r, 50));
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(path.join(out, 'bon-trang.json'))).toBe(false);

    const resumed = await startCli([input, '--out', out]).done;
    console.log(`[cli] resumed run:\n${resumed.stdout}${resumed.stderr}`);
    expect(resumed.code).toBe(0);
    const report = readReport(path.join(out, 'bon-trang.json'));
    expect(report.timings.resumedPages).toBeGreaterThanOrEqual(1);
    expect(report.pages).toHaveLength(4);
    const [a, b] = twoPageReport!.text.split('\f');
    expect(report.text).toBe([a, b, a, b].join('\f'));
    expect(pdfPages(path.join(out, 'bon-trang.pdf'))).toBe(4);
    expect(characterErrorRate(pdfText(path.join(out, 'bon-trang.pdf')), report.text)).toBeLessThan(0.005);
    expect(existsSync(partial) ? readdirSync(partial) : []).toEqual([]);

    const json = readFileSync(path.join(out, 'bon-trang.json'), 'utf8');
    const again = await startCli([input, '--out', out]).done;
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('bon-trang.tif: already done');
    expect(readFileSync(path.join(out, 'bon-trang.json'), 'utf8')).toBe(json);
  }, 600_000);
});
