/** The SANE scanner attached to the counter PC (scanimage on the Node side). */
import type { ScanOptions } from '../../src-shared/contract/digitize';
import { desktop } from '../bridge';
import { batchStore } from './batch-store';
import type { AddOutcome } from './batch-actions';

/** Resolutions offered: 300 dpi reads best; 600 for small print; 150/200 for quick drafts. */
export const SCAN_RESOLUTIONS = [150, 200, 300, 600] as const;
export const DEFAULT_RESOLUTION = 300;

/** The pages added, and what the scanner said went wrong (a jam, an empty feeder), if anything. */
export async function scanPages(batchId: string, componentId: string, options: ScanOptions): Promise<AddOutcome & { problem: string | null }> {
  const result = await desktop().invoke('scanner.scan', { batchId, componentId, options });
  await batchStore(batchId).getState().refresh();
  return { added: result.pages.length, refused: result.refused.map((r) => ({ name: r.name, code: r.code })), problem: result.problem };
}
