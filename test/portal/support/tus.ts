/** tus 1.0.0 spoken by hand over fetch (and node:http for a request cut off mid-body). */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { UPLOADS_PATH } from '../../../src-shared/contract/files-api';
import { MAX_EPOCH_MS } from '../../../src-shared/contract/documents';
import type { WireDocument } from '../../../src-shared/contract/sync';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Random bytes, so no two tests ever share a blob by accident. */
export const someBytes = (n: number) => new Uint8Array(randomBytes(n));

export interface TusResult {
  status: number;
  headers: Headers;
  text: string;
}

/** The origin of an API base such as `http://127.0.0.1:1234/api/v1`. */
const originOf = (base: string) => new URL(base).origin;

async function send(url: string, init: RequestInit): Promise<TusResult> {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

function headersFor(token: string | undefined, extra: Record<string, string>): Record<string, string> {
  return { 'tus-resumable': '1.0.0', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

/** POST to the tus endpoint; `metadata` is the raw Upload-Metadata header (undefined: none). */
export function createUpload(base: string, token: string | undefined, length: number, metadata: string | undefined): Promise<TusResult> {
  const extra: Record<string, string> = { 'upload-length': String(length) };
  if (metadata !== undefined) extra['upload-metadata'] = metadata;
  return send(originOf(base) + UPLOADS_PATH, { method: 'POST', headers: headersFor(token, extra) });
}

export const metadataFor = (sha: string, fileId?: string) => `sha256 ${b64(sha)}${fileId ? `,fileId ${b64(fileId)}` : ''}`;

/** Creates an upload for these bytes (announcing `announced`, by default their real hash); returns its URL. */
export async function newUpload(base: string, token: string, bytes: Uint8Array, announced = sha256(bytes)): Promise<string> {
  const res = await createUpload(base, token, bytes.length, metadataFor(announced, randomUUID()));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  const location = res.headers.get('location');
  if (!location) throw new Error('no Location');
  return new URL(location, base).toString();
}

export function patch(url: string, token: string | undefined, offset: number, body: Uint8Array): Promise<TusResult> {
  const headers = headersFor(token, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' });
  return send(url, { method: 'PATCH', headers, body: Uint8Array.from(body) });
}

export function head(url: string, token: string | undefined): Promise<TusResult> {
  return send(url, { method: 'HEAD', headers: headersFor(token, {}) });
}

export function terminate(url: string, token: string | undefined): Promise<TusResult> {
  return send(url, { method: 'DELETE', headers: headersFor(token, {}) });
}

/** The upload id: everything after the last slash of its URL. */
export const uploadIdOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/**
 * A PATCH that announces `declared` bytes, sends only `part`, waits until `arrived()` says the
 * portal has them, then drops the connection, as a workstation losing the network would.
 */
export async function cutOffPatch(
  url: string,
  token: string,
  offset: number,
  part: Uint8Array,
  declared: number,
  arrived: () => boolean,
): Promise<void> {
  const req = httpRequest(url, {
    method: 'PATCH',
    headers: headersFor(token, {
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
      'content-length': String(declared),
    }),
  });
  const closed = new Promise<void>((resolve) => req.once('close', () => resolve()));
  req.on('error', () => undefined); // the hang-up is the point
  req.write(part);
  const deadline = Date.now() + 10_000;
  while (!arrived()) {
    if (Date.now() > deadline) throw new Error('the portal never received the first part');
    await new Promise((r) => setTimeout(r, 20));
  }
  req.destroy();
  await closed;
}

/** A valid `files` metadata document for these bytes, as a workstation pushes it. */
export function fileDoc(agencyId: string, bytes: Uint8Array, overrides: Record<string, unknown> = {}): WireDocument {
  return {
    id: randomUUID(),
    dossierId: randomUUID(),
    agencyId,
    componentId: 'tp-1',
    name: 'don-de-nghi.pdf',
    mime: 'application/pdf',
    size: bytes.length,
    sha256: sha256(bytes),
    createdAt: Math.min(Date.UTC(2026, 10, 18, 2, 30), MAX_EPOCH_MS),
    _deleted: false,
    ...overrides,
  };
}
