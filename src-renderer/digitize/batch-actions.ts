/**
 * What the clerk does to a batch, as calls on the desktop contract. Answers that carry the batch
 * are applied to its store at once, so the list follows the click without waiting for the event.
 */
import { INBOX_BATCH_ID, type DigitizeBatch, type InputErrorCode, type QuarterTurn } from '../../src-shared/contract/digitize';
import { desktop } from '../bridge';
import { bytesToBase64 } from '../bridge/base64';
import { ATTACH_MAX_BYTES } from '../files/attach';
import { batchStore } from './batch-store';
import { movedOrder } from './pages';

/** A file (or a page of it) that was not taken, and why. */
export type Refusal = { name: string; code: InputErrorCode } | { name: string; code: 'file-too-large' };

export interface AddOutcome {
  added: number;
  refused: Refusal[];
}

/** `digitize.add` takes at most the vault's size per call. */
export const ADD_MAX_BYTES = ATTACH_MAX_BYTES;

async function addOne(batchId: string, componentId: string, file: Blob, name: string, via: 'file' | 'camera'): Promise<AddOutcome> {
  // Checked here: nothing to send for an empty file, and the contract refuses an oversized one.
  if (file.size === 0) return { added: 0, refused: [{ name, code: 'empty' }] };
  if (file.size > ADD_MAX_BYTES) return { added: 0, refused: [{ name, code: 'file-too-large' }] };
  const bytesBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  const result = await desktop().invoke('digitize.add', { batchId, componentId, name: name.slice(0, 255) || 'trang', bytesBase64, via });
  return { added: result.pages.length, refused: result.refused.map((r) => ({ name: r.name, code: r.code })) };
}

/** Adds files one after another (a scan set is often a dozen files; memory stays at one file). */
export async function addFiles(batchId: string, componentId: string, files: readonly File[]): Promise<AddOutcome> {
  const outcome: AddOutcome = { added: 0, refused: [] };
  for (const file of files) {
    const one = await addOne(batchId, componentId, file, file.name, 'file');
    outcome.added += one.added;
    outcome.refused.push(...one.refused);
  }
  await batchStore(batchId).getState().refresh();
  return outcome;
}

/** A camera frame (JPEG) as a page of the batch. */
export async function addCameraFrame(batchId: string, componentId: string, jpeg: Blob, name: string): Promise<AddOutcome> {
  const outcome = await addOne(batchId, componentId, jpeg, name, 'camera');
  await batchStore(batchId).getState().refresh();
  return outcome;
}

function apply(batchId: string, batch: DigitizeBatch): void {
  batchStore(batchId).getState().apply(batch);
}

/** Moves a page one place up (-1) or down (+1) in the batch. */
export async function movePage(batchId: string, pageId: string, delta: -1 | 1): Promise<void> {
  const batch = batchStore(batchId).getState().batch;
  const order = batch && movedOrder(batch.pages.map((p) => p.id), pageId, delta);
  if (!order) return;
  apply(batchId, await desktop().invoke('digitize.arrange', { batchId, order }));
}

/** Assigns a page to a dossier component (thành phần hồ sơ). */
export async function setPageComponent(batchId: string, pageId: string, componentId: string): Promise<void> {
  const batch = batchStore(batchId).getState().batch;
  if (!batch) return;
  const order = batch.pages.map((p) => p.id);
  apply(batchId, await desktop().invoke('digitize.arrange', { batchId, order, components: { [pageId]: componentId } }));
}

/** Turns a page clockwise; it is prepared and read again. */
export async function rotatePage(batchId: string, pageId: string, turns: Exclude<QuarterTurn, 0> = 90): Promise<void> {
  await desktop().invoke('digitize.rotate', { batchId, pageId, turns });
  await batchStore(batchId).getState().refresh();
}

/** Removes pages the clerk confirmed removing (never called for a blank page without that). */
export async function removePages(batchId: string, pageIds: string[]): Promise<void> {
  if (pageIds.length === 0) return;
  apply(batchId, await desktop().invoke('digitize.remove', { batchId, pageIds }));
}

export async function retryPage(batchId: string, pageId: string): Promise<void> {
  await desktop().invoke('digitize.retry', { batchId, pageId });
  await batchStore(batchId).getState().refresh();
}

/** "Huỷ": stops the batch's remaining work (pages already read stay). */
export async function cancelWork(batchId: string): Promise<number> {
  const { cancelled } = await desktop().invoke('digitize.cancel', { batchId });
  await batchStore(batchId).getState().refresh();
  return cancelled;
}

/** Takes pages of the watched folder's inbox into a dossier's batch, for one component. */
export async function takeFromInbox(batchId: string, pageIds: string[], componentId: string): Promise<void> {
  if (pageIds.length === 0) return;
  const batch = await desktop().invoke('digitize.take', { from: INBOX_BATCH_ID, to: batchId, pageIds, componentId });
  // apply() ignores a batch of another id, so the answer goes to whichever of the two it is.
  apply(batchId, batch);
  apply(INBOX_BATCH_ID, batch);
  await Promise.all([batchStore(batchId).getState().refresh(), batchStore(INBOX_BATCH_ID).getState().refresh()]);
}
