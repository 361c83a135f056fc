/** What the batch list and the "Lưu PDF" buttons need to know about the pages: pure functions. */
import type { DigitizeBatch, DigitizePage } from '../../src-shared/contract/digitize';

/** Still being prepared or read: "Huỷ" can stop it. */
export function isWorking(page: DigitizePage): boolean {
  return page.state === 'queued' || page.state === 'preparing' || page.state === 'ocr';
}

/** A failed or cancelled page: "Thử lại" queues it again. */
export function canRetry(page: DigitizePage): boolean {
  return page.state === 'error' || page.state === 'cancelled';
}

export function hasWork(batch: DigitizeBatch): boolean {
  return batch.pages.some(isWorking);
}

export function pagesOf(batch: DigitizeBatch, componentId: string): DigitizePage[] {
  return batch.pages.filter((p) => p.componentId === componentId);
}

/** A component's PDF can be built once it has pages and every one of them is read. */
export function componentReady(batch: DigitizeBatch, componentId: string): boolean {
  const pages = pagesOf(batch, componentId);
  return pages.length > 0 && pages.every((p) => p.state === 'done');
}

/**
 * The page order after moving one page up (-1) or down (+1); null when it cannot move (first or
 * last already, or unknown).
 */
export function movedOrder(pageIds: readonly string[], pageId: string, delta: -1 | 1): string[] | null {
  const from = pageIds.indexOf(pageId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= pageIds.length) return null;
  const order = [...pageIds];
  [order[from], order[to]] = [order[to] as string, order[from] as string];
  return order;
}

/** Whole percent for a 0–1 progress, clamped (a late event may overshoot). */
export function percent(progress: number): number {
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}

/**
 * Identifies one look of a page image: it changes when the page is prepared again (turned,
 * re-read) or moves to another batch, so a cached thumbnail is never shown for another look.
 */
export function imageKey(batchId: string, page: DigitizePage): string | null {
  if (page.width === null || page.height === null) return null;
  return [batchId, page.id, page.rotation, page.width, page.height, page.skewDegrees, page.bytes ?? 0].join(':');
}
