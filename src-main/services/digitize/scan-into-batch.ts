/** Scans with a SANE scanner into a temporary folder, then adds each page image to a batch. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScanOptions } from '../../../src-shared/contract/digitize';
import { bilingual, scanPages, ScanError, type ScanExtras } from '../intake';
import type { AddOutcome, Digitizer } from './digitizer';

export interface ScanOutcome extends AddOutcome {
  /** What went wrong with the scanner, for the clerk (both languages); null when the scan finished. */
  problem: string | null;
}

export async function scanIntoBatch(digitizer: Digitizer, batchId: string, componentId: string, options: ScanOptions, extras?: ScanExtras): Promise<ScanOutcome> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-scan-'));
  try {
    let files: string[];
    let problem: string | null = null;
    try {
      files = await scanPages(options, dir, undefined, extras);
    } catch (error) {
      if (!(error instanceof ScanError)) throw error;
      // A jam mid-feeder leaves the pages scanned before it: keep them, say what happened.
      files = error.pages;
      problem = bilingual(error.messageVi, error.message);
    }
    const outcome: ScanOutcome = { pages: [], refused: [], problem };
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    for (const [i, file] of files.entries()) {
      const added = await digitizer.addFile(batchId, componentId, `scan-${stamp}-${i + 1}.png`, await fs.readFile(file), 'scanner');
      outcome.pages.push(...added.pages);
      outcome.refused.push(...added.refused);
    }
    return outcome;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
