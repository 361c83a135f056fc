/** Scans with a SANE scanner into a temporary folder, then adds each page image to a batch. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScanOptions } from '../../../src-shared/contract/digitize';
import { scanPages } from '../intake';
import type { AddOutcome, Digitizer } from './digitizer';

export async function scanIntoBatch(digitizer: Digitizer, batchId: string, componentId: string, options: ScanOptions): Promise<AddOutcome> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-scan-'));
  try {
    const files = await scanPages(options, dir);
    const outcome: AddOutcome = { pages: [], refused: [] };
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
