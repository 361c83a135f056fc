/**
 * The digitisation batch (lô số hoá) of a dossier: one per dossier, named after it so that a page
 * added at the counter and a page taken from the watched folder land in the same batch.
 */
import { batchIdSchema, INBOX_BATCH_ID } from '../../src-shared/contract/digitize';

/** 32-bit FNV-1a as 8 hex digits: enough to keep two long or odd ids apart in one workstation. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The dossier id lower-cased when the contract accepts it as a batch id (a UUID does); otherwise a
 * safe id derived from it: its allowed characters, shortened, plus a hash of the whole id so two
 * dossiers never share a batch.
 */
export function batchIdForDossier(dossierId: string): string {
  const lower = dossierId.toLowerCase();
  // The inbox's id is taken: a dossier of that name (never a UUID) gets a derived one.
  if (lower !== INBOX_BATCH_ID && batchIdSchema.safeParse(lower).success) return lower;
  const safe = lower.replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64 - 9);
  return `${safe ? `${safe}-` : 'd-'}${fnv1a(dossierId)}`;
}
