/**
 * The workstation's digitisation service end to end on real parts (sharp, tesseract.js, pdf-lib,
 * the vault): batches, the queue, cancellation, clerk's turns, the inbox, crash recovery, the PDF.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigitizeBatch } from '../../../src-shared/contract/digitize';
import { createDigitizer, DigitizeRequestError, type Digitizer } from '../../../src-main/services/digitize/digitizer';
import { createDigitizeEngine, type DigitizeEngine } from '../../../src-main/services/digitize/engine';
import { scanIntoBatch } from '../../../src-main/services/digitize/scan-into-batch';
import { createVault } from '../../../src-main/services/vault';
import { defaultResourcesDir } from '../../../src-main/services/paths';
import { characterErrorRate } from '../../support/digitize/cer';
import { generatePage } from '../../support/digitize/pages';

let engine: DigitizeEngine;
let page: { bytes: Buffer; text: string; name: string };
let strip: Buffer;

/** The first lines of a generated page: a small image that OCRs in about a second. */
async function topStrip(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).extract({ left: 0, top: 200, width: 2480, height: 700 }).png().toBuffer();
}

beforeAll(async () => {
  engine = createDigitizeEngine({ resourcesDir: defaultResourcesDir(), ocrPoolSize: 1 });
  const generated = await generatePage('serif', 2);
  page = generated;
  strip = await topStrip(generated.bytes);
}, 60_000);

afterAll(async () => {
  await engine?.close();
});

function setup(dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-digitizer-'))) {
  const vault = createVault(dataDir);
  const digitizer = createDigitizer({ dataDir, engine, vault });
  const batches: DigitizeBatch[] = [];
  digitizer.on('changed', (b) => batches.push(b));
  return { dataDir, vault, digitizer, batches };
}

async function settled(digitizer: Digitizer, batchId: string, timeoutMs = 90_000): Promise<DigitizeBatch> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const batch = await digitizer.batch(batchId);
    if (batch.pages.every((p) => !['queued', 'preparing', 'ocr'].includes(p.state))) return batch;
    if (Date.now() > until) throw new Error(`batch ${batchId} not settled: ${batch.pages.map((p) => p.state).join(',')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('digitizer', () => {
  it('reads a page, refuses bad files without losing the good one, and stores a searchable PDF in the vault', async () => {
    const { digitizer, vault, batches } = setup();
    const good = await digitizer.addFile('dossier-1', 'c1', page.name, page.bytes, 'file');
    const empty = await digitizer.addFile('dossier-1', 'c1', 'empty.jpg', new Uint8Array(0), 'file');
    const text = await digitizer.addFile('dossier-1', 'c1', 'note.jpg', Buffer.from('not an image at all'), 'file');
    expect(good.pages).toHaveLength(1);
    expect(empty.refused).toEqual([expect.objectContaining({ name: 'empty.jpg', code: 'empty' })]);
    expect(text.refused).toEqual([expect.objectContaining({ name: 'note.jpg', code: 'wrong-type' })]);

    const batch = await settled(digitizer, 'dossier-1');
    expect(batch.pages).toHaveLength(1);
    const [done] = batch.pages;
    expect(done).toMatchObject({ state: 'done', componentId: 'c1', rotation: 0, blank: false, error: null });
    expect(done!.confidence).toBeGreaterThan(80);
    // Progress went through the states in order, as events.
    const states = batches.map((b) => b.pages[0]?.state);
    expect(states.indexOf('preparing')).toBeLessThan(states.indexOf('ocr'));
    expect(states.indexOf('ocr')).toBeLessThan(states.indexOf('done'));

    const ocr = await digitizer.pageText('dossier-1', done!.id);
    expect(characterErrorRate(ocr.text, page.text)).toBeLessThan(0.05);
    const thumb = await digitizer.pageImage('dossier-1', done!.id, 'thumb');
    expect((await sharp(thumb).metadata()).format).toBe('jpeg');

    const pdf = await digitizer.assemble('dossier-1', 'c1', { dossierCode: '000.00.12.H56-261121-0001', component: 'Đơn đề nghị', clerk: 'Lê Thu Hà' });
    expect(pdf.pages).toBe(1);
    const bytes = await vault.read(pdf.sha256);
    expect(bytes?.byteLength).toBe(pdf.size);
    const file = path.join(os.tmpdir(), `motcua-digitizer-${pdf.sha256}.pdf`);
    writeFileSync(file, bytes!);
    execFileSync('qpdf', ['--check', file]);
    const extracted = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(characterErrorRate(extracted, ocr.text)).toBeLessThan(0.01);
  }, 180_000);

  it('picks up unfinished pages after a crash and finishes them', async () => {
    const first = setup();
    await first.digitizer.addFile('crash', 'c1', 'strip.png', strip, 'file');
    await first.digitizer.addFile('crash', 'c2', 'strip-2.png', strip, 'file');
    // "Crash": this instance stops with the work under way; a new one opens the same data folder.
    await first.digitizer.close();
    const stored = JSON.parse(await fs.readFile(path.join(first.dataDir, 'digitize', 'batches', 'crash', 'batch.json'), 'utf8')) as DigitizeBatch;
    expect(stored.pages.map((p) => p.state).some((s) => s !== 'done')).toBe(true);

    const second = setup(first.dataDir);
    await second.digitizer.start();
    const batch = await settled(second.digitizer, 'crash');
    expect(batch.pages.map((p) => [p.componentId, p.state])).toEqual([
      ['c1', 'done'],
      ['c2', 'done'],
    ]);
    await second.digitizer.close();
  }, 180_000);

  it('cancels, retries, turns, reorders, moves from the inbox and removes pages', async () => {
    const { digitizer, dataDir } = setup();
    const a = (await digitizer.addFile('inbox', '', 'a.png', strip, 'folder')).pages[0]!;
    // The same file handed over twice by the watched folder (a restart) is imported once.
    expect((await digitizer.addFile('inbox', '', 'a-again.png', strip, 'folder')).pages).toEqual([]);
    const b = (await digitizer.addFile('inbox', '', 'b.png', await sharp(strip).rotate(180).png().toBuffer(), 'folder')).pages[0]!;
    expect(await digitizer.cancel('inbox', [b.id])).toBe(1);
    let inbox = await settled(digitizer, 'inbox');
    expect(inbox.pages.find((p) => p.id === b.id)).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });

    await digitizer.retry('inbox', b.id);
    inbox = await settled(digitizer, 'inbox');
    const turned = inbox.pages.find((p) => p.id === b.id)!;
    expect(turned.state).toBe('done');
    expect(turned.rotation).toBe(180);

    // The clerk turns it a further half turn: read again, upside down, with worse confidence.
    await digitizer.rotate('inbox', b.id, 180);
    inbox = await settled(digitizer, 'inbox');
    const upsideDown = inbox.pages.find((p) => p.id === b.id)!;
    expect(upsideDown.rotation).toBe(0);
    expect(upsideDown.confidence!).toBeLessThan(turned.confidence!);

    await expect(digitizer.arrange('inbox', [a.id])).rejects.toBeInstanceOf(DigitizeRequestError);
    await digitizer.arrange('inbox', [b.id, a.id], { [a.id]: 'x' });
    const moved = await digitizer.take('inbox', 'dossier-2', [a.id], 'c9');
    expect(moved.pages.map((p) => [p.id, p.componentId, p.state])).toEqual([[a.id, 'c9', 'done']]);
    expect((await digitizer.pageText('dossier-2', a.id)).text.length).toBeGreaterThan(20);
    expect((await digitizer.batch('inbox')).pages.map((p) => p.id)).toEqual([b.id]);

    await digitizer.remove('inbox', [b.id]);
    await digitizer.discard('dossier-2');
    expect((await digitizer.batch('dossier-2')).pages).toEqual([]);
    // Nothing of the two sources is left once no page uses them.
    expect(await fs.readdir(path.join(dataDir, 'digitize', 'sources'))).toEqual([]);
    await expect(digitizer.pageText('dossier-2', a.id)).rejects.toBeInstanceOf(DigitizeRequestError);
  }, 240_000);

  it.skipIf(spawnSync('scanimage', ['--version']).status !== 0)('adds SANE scans to a batch and says in Vietnamese when the scanner jams', async () => {
    const { digitizer } = setup();
    const options = { device: 'test', resolution: 75, mode: 'Gray', batch: false } as const;
    const scanned = await scanIntoBatch(digitizer, 'inbox', 'c1', options);
    expect([scanned.pages.length, scanned.refused, scanned.problem]).toEqual([1, [], null]);
    expect(scanned.pages[0]!.source.via).toBe('scanner');
    const jammed = await scanIntoBatch(digitizer, 'inbox', 'c1', options, { extraArgs: ['--read-return-value=SANE_STATUS_JAMMED'] });
    expect(jammed.pages).toEqual([]);
    expect(jammed.problem).toMatch(/^Giấy bị kẹt trong máy quét/);
    expect((await digitizer.batch('inbox')).pages).toHaveLength(1);
    await digitizer.close();
  });
});
