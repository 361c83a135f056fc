/** Asks the portal which of many hashes it already stores, so those files are never sent. */
import { BLOB_STATUS_PATH, STATUS_MAX, type BlobStatusResponse } from '../../../src-shared/contract/files-api';
import { portalEndpoint, portalMessage } from './portal-message';

export type StatusOutcome =
  | { kind: 'ok'; stored: Set<string> }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'network'; message: string };

export async function storedHashes(
  portalUrl: string,
  accessToken: string,
  hashes: string[],
  timeoutMs = 30_000,
): Promise<StatusOutcome> {
  if (hashes.length > STATUS_MAX) throw new Error(`at most ${STATUS_MAX} hashes per status request`);
  const url = `${portalEndpoint(portalUrl, BLOB_STATUS_PATH)}?sha256=${hashes.join(',')}`;
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${accessToken}` }, signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'network', message: cause?.code ?? cause?.message ?? (error as Error).message };
  }
  if (!res.ok) return { kind: 'http', status: res.status, message: portalMessage(text, res.status) };
  try {
    const body = JSON.parse(text) as BlobStatusResponse;
    return { kind: 'ok', stored: new Set(Array.isArray(body.stored) ? body.stored.filter((s) => typeof s === 'string') : []) };
  } catch {
    return { kind: 'http', status: 502, message: 'unreadable status answer' };
  }
}
