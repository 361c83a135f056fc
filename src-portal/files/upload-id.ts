/**
 * Upload ids carry a tag derived from the centre, so any request can be checked against the caller's
 * centre without reading the upload: `<tag 16 hex>-<random 32 hex>`. Another centre's id (or an id
 * that is not ours at all) simply does not exist for the caller.
 */
import { createHash, randomBytes } from 'node:crypto';

const UPLOAD_ID = /^([0-9a-f]{16})-[0-9a-f]{32}$/;

export function agencyTag(agencyId: string): string {
  return createHash('sha256').update(`motcua-upload\0${agencyId}`).digest('hex').slice(0, 16);
}

export function newUploadId(agencyId: string): string {
  return `${agencyTag(agencyId)}-${randomBytes(16).toString('hex')}`;
}

/** True when `id` is a well-formed upload id of this centre. */
export function isUploadOf(id: string, agencyId: string): boolean {
  const match = UPLOAD_ID.exec(id);
  return match?.[1] === agencyTag(agencyId);
}
