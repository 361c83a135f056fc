/**
 * SANE scanning through the real `scanimage` and SANE's virtual `test` device (no hardware): the
 * options reach the device, the feeder is emptied, cancelling kills the scan and leaves no files.
 * Low resolutions keep each scan to milliseconds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ScanError } from '../../../src-main/services/intake/scan-errors';
import { scanPages } from '../../../src-main/services/intake/scan-pages';
import { listScanners } from '../../../src-main/services/intake/scanners';
import type { ScanOptions } from '../../../src-shared/contract/digitize';

const hasScanimage = spawnSync('scanimage', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasScanimage) console.log('intake/scanner tests skipped: scanimage (sane-utils) is not installed');

const root = mkdtempSync(path.join(os.tmpdir(), 'motcua-scan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(root, `out-${++n}`);
const options = (o: Partial<ScanOptions>): ScanOptions => ({ device: 'test', resolution: 75, mode: 'Gray', batch: false, ...o });
/** The test device scans 80 mm wide by default. */
const widthAt = (dpi: number) => (80 / 25.4) * dpi;

async function scanError(p: Promise<unknown>): Promise<ScanError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ScanError);
  return error as ScanError;
}

describe.skipIf(!hasScanimage)('SANE scanners (scanimage, test backend)', () => {
  it('lists devices with spaces in their fields, and says why when SANE is missing', async () => {
    const config = path.join(root, 'sane-config');
    rmSync(config, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', config]);
    writeFileSync(path.join(config, 'dll.conf'), 'test\n');
    writeFileSync(path.join(config, 'test.conf'), 'number_of_devices 2\n');
    const listed = await listScanners({ env: { ...process.env, SANE_CONFIG_DIR: config } });
    expect(listed).toEqual({
      available: true,
      problem: null,
      devices: [0, 1].map((i) => ({ name: `test:${i}`, vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' })),
    });

    writeFileSync(path.join(config, 'dll.conf'), '# no backend\n');
    const none = await listScanners({ env: { ...process.env, SANE_CONFIG_DIR: config } });
    expect(none.available).toBe(true);
    expect(none.devices).toEqual([]);
    expect(none.problem).toMatch(/^Không tìm thấy máy quét nào.*No scanner found/);

    const missing = await listScanners({ bin: path.join(root, 'no-such-scanimage') });
    expect(missing.available).toBe(false);
    expect(missing.problem).toMatch(/^Máy này chưa cài SANE.*\(SANE \(the scanimage program\) is not installed/);
  });

  it('honours resolution and mode', async () => {
    const [color] = await scanPages(options({ mode: 'Color', resolution: 100 }), freshDir());
    const [grey] = await scanPages(options({ mode: 'Gray', resolution: 75 }), freshDir());
    const [lineart] = await scanPages(options({ mode: 'Lineart', resolution: 75 }), freshDir());
    const c = await sharp(color).metadata();
    const g = await sharp(grey).metadata();
    const l = await sharp(lineart).metadata();
    expect([c.channels, c.space]).toEqual([3, 'srgb']);
    expect([g.channels, g.space, g.bitsPerSample]).toEqual([1, 'b-w', 8]);
    // The test device has no Lineart mode: 1-bit grey stands in for it.
    expect([l.channels, l.bitsPerSample]).toEqual([1, 1]);
    expect(Math.abs(c.width - widthAt(100))).toBeLessThanOrEqual(1);
    expect(Math.abs(g.width - widthAt(75))).toBeLessThanOrEqual(1);
    expect(path.basename(color!)).toBe('page-0001.png');
  });

  it('scans a batch from the feeder, numbering on after pages already in the folder', async () => {
    const dir = freshDir();
    const pages = await scanPages(options({ batch: true }), dir, undefined, { maxPages: 3 });
    expect(pages.map((p) => path.basename(p))).toEqual(['page-0001.png', 'page-0002.png', 'page-0003.png']);
    for (const p of pages) expect((await sharp(p).metadata()).format).toBe('png');
    const [fourth] = await scanPages(options({}), dir);
    expect(path.basename(fourth!)).toBe('page-0004.png');
    expect(readdirSync(dir).sort()).toEqual(['page-0001.png', 'page-0002.png', 'page-0003.png', 'page-0004.png']);
  });

  it('stops when the feeder runs empty (the test feeder holds 10 sheets)', async () => {
    const pages = await scanPages(options({ batch: true }), freshDir());
    expect(pages).toHaveLength(10);
  });

  it('cancels: kills the scan and removes its partial files', async () => {
    const dir = freshDir();
    const controller = new AbortController();
    // 0.1 s per 32 kB read: a 300-dpi colour page would take ~10 s.
    const slow = ['--read-delay=yes', '--read-delay-duration=100000'];
    const scanning = scanPages(options({ mode: 'Color', resolution: 300, batch: true }), dir, controller.signal, { extraArgs: slow });
    while (!(existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.part')))) await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    controller.abort();
    const error = await scanError(scanning);
    console.log(`scan cancelled in ${Date.now() - started} ms`);
    expect(error.code).toBe('cancelled');
    expect(readdirSync(dir)).toEqual([]);
    const stillRunning = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .some((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(dir);
        } catch {
          return false;
        }
      });
    expect(stillRunning).toBe(false);
  });

  it('maps failures to ScanError codes with both languages', async () => {
    const bad = await scanError(scanPages(options({ device: 'no-such-scanner' }), freshDir()));
    expect(bad.code).toBe('not-found');
    expect(bad.messageVi).toMatch(/Không tìm thấy máy quét/);
    expect(bad.messageEn).toMatch(/not found/);

    const dir = freshDir();
    const jam = await scanError(scanPages(options({}), dir, undefined, { extraArgs: ['--read-return-value=SANE_STATUS_JAMMED'] }));
    expect(jam.code).toBe('jammed');
    const busy = await scanError(scanPages(options({}), dir, undefined, { extraArgs: ['--read-return-value=SANE_STATUS_DEVICE_BUSY'] }));
    expect(busy.code).toBe('busy');
    const empty = await scanError(scanPages(options({ batch: true }), dir, undefined, { extraArgs: ['--read-return-value=SANE_STATUS_NO_DOCS'] }));
    expect(empty.code).toBe('feeder-empty');
    expect(readdirSync(dir)).toEqual([]);

    const missing = await scanError(scanPages(options({}), freshDir(), undefined, { bin: path.join(root, 'no-such-scanimage') }));
    expect(missing.code).toBe('unavailable');
  });
});
