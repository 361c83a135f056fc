/**
 * How many OCR workers this machine should run. Each worker is a thread with its own wasm heap
 * holding the model and the page being read; the heap grows with the pages and never shrinks.
 */
import os from 'node:os';

/**
 * Budget per worker. Measured (resources/tessdata/README.md): ~45 MB idle, ~150–180 MB more per
 * worker at its peak on A4 300-dpi pages; rounded up for larger (A3) pages.
 */
export const WORKER_BYTES = 300 * 1024 * 1024;
/** The whole pool stays well under 1.5 GB. */
export const POOL_BUDGET_BYTES = 1024 * 1024 * 1024;

export function defaultOcrPoolSize(cores = os.availableParallelism(), freeBytes = os.freemem()): number {
  // Never take more than half of the free memory: the renderer, the vault and the clerk's other
  // programs need the rest.
  const byMemory = Math.floor(Math.min(POOL_BUDGET_BYTES, freeBytes / 2) / WORKER_BYTES);
  // On more than two cores one is left to the main process (sharp preprocessing, the vault, IPC).
  const byCores = cores <= 2 ? cores : cores - 1;
  return Math.max(1, Math.min(byCores, byMemory));
}
