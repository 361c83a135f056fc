/**
 * Scans one page (flatbed) or the whole feeder (ADF) into PNG files with SANE's `scanimage`. The
 * files are named page-0001.png… in outDir, numbering on after pages already there, so a second
 * scan into the same folder never overwrites the first.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { scanOptionsSchema, type ScanOptions } from '../../../src-shared/contract/digitize';
import { INPUT_LIMITS } from '../../../src-shared/domain/digitize/messages';
import { feederArgs, modeArgs, parseDeviceOptions, resolutionArg } from './scan-device-options';
import { ScanError, classifyScanFailure, lastErrorLine } from './scan-errors';
import { runScanimage, type ScanimageCall } from './scanimage-run';

export interface ScanExtras extends Omit<ScanimageCall, 'signal' | 'timeoutMs'> {
  /** At most this many feeder pages (default and cap: INPUT_LIMITS.maxPages). */
  maxPages?: number;
  /** Backend-specific options appended as given (tests slow the `test` device down with --read-delay). */
  extraArgs?: string[];
}

const PAGE_FILE = /^page-(\d{4,})\.png(\.part)?$/;
/** Reading a device's option list opens it; a healthy scanner answers in seconds. */
const PROBE_TIMEOUT_MS = 60_000;

async function nextPageNumber(outDir: string): Promise<number> {
  const numbers = (await fs.readdir(outDir)).map((n) => PAGE_FILE.exec(n)?.[1]).filter((n) => n !== undefined).map(Number);
  return numbers.length ? Math.max(...numbers) + 1 : 1;
}

/** Our files from this scan: complete pages, and leftovers (.part) of an interrupted one. */
async function scannedFiles(outDir: string, from: number) {
  const complete: string[] = [];
  const partial: string[] = [];
  for (const name of (await fs.readdir(outDir)).sort()) {
    const m = PAGE_FILE.exec(name);
    if (!m?.[1] || Number(m[1]) < from) continue;
    (m[2] ? partial : complete).push(path.join(outDir, name));
  }
  return { complete, partial };
}

const removeAll = (files: string[]) => Promise.all(files.map((f) => fs.rm(f, { force: true })));

/**
 * Resolves with the PNG files in page order. Throws ScanError (code + Vietnamese/English message);
 * aborting the signal kills scanimage's process group and removes this scan's files.
 */
export async function scanPages(options: ScanOptions, outDir: string, signal?: AbortSignal, extras: ScanExtras = {}): Promise<string[]> {
  const opts = scanOptionsSchema.parse(options);
  const call = { bin: extras.bin, env: extras.env, signal };
  // --device-name=… so that a name starting with "-" can never be read as an option.
  const device = `--device-name=${opts.device}`;

  const probe = await runScanimage([device, '-A'], { ...call, timeoutMs: PROBE_TIMEOUT_MS });
  if (probe.aborted) throw new ScanError('cancelled', '');
  if (probe.timedOut) throw new ScanError('timeout', 'reading the device options');
  if (probe.code !== 0) throw new ScanError(classifyScanFailure(probe.code, probe.stderr), lastErrorLine(probe.stderr));
  const deviceOptions = parseDeviceOptions(probe.stdout);
  const mode = modeArgs(deviceOptions, opts.mode);
  if ('unsupported' in mode) throw new ScanError('invalid-option', mode.unsupported);

  await fs.mkdir(outDir, { recursive: true });
  const first = await nextPageNumber(outDir);
  const feeder = opts.batch ? feederArgs(deviceOptions) : null;
  // A flatbed "scanned until empty" never empties: one page is what the clerk gets.
  const batch = feeder !== null && feeder.kind !== 'flatbed-only';
  const maxPages = Math.min(extras.maxPages ?? INPUT_LIMITS.maxPages, INPUT_LIMITS.maxPages);
  const target = batch
    ? [`--batch=${path.join(outDir, 'page-%04d.png')}`, `--batch-start=${first}`, `--batch-count=${maxPages}`]
    : [`--output-file=${path.join(outDir, `page-${String(first).padStart(4, '0')}.png`)}`];
  const args = [
    device,
    ...resolutionArg(deviceOptions, opts.resolution),
    ...mode.args,
    ...(feeder?.kind === 'feeder' ? feeder.args : []),
    '--format=png',
    ...target,
    ...(extras.extraArgs ?? []),
  ];

  const run = await runScanimage(args, call);
  const files = await scannedFiles(outDir, first);
  if (run.aborted) {
    await removeAll([...files.complete, ...files.partial]);
    throw new ScanError('cancelled', '');
  }
  await removeAll(files.partial);
  if (run.code === 0 && files.complete.length > 0) return files.complete;
  if (run.code === 0) throw new ScanError(batch ? 'feeder-empty' : 'failed', lastErrorLine(run.stderr) || 'no page was written');
  const code = classifyScanFailure(run.code, run.stderr);
  // With --batch-count, scanimage reports the feeder running empty before the count as a failure.
  if (batch && code === 'feeder-empty' && files.complete.length > 0) return files.complete;
  // A single page that failed may have left a half-written file; feeder pages before a jam are whole.
  if (!batch) await removeAll(files.complete);
  throw new ScanError(code, lastErrorLine(run.stderr), batch ? files.complete : []);
}
