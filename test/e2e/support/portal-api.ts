/** The portal seen from a test: sign in as anyone, read everything a centre holds, check files. */
import { createHash } from 'node:crypto';
import { BLOB_STATUS_PATH, BLOBS_PATH, MISSING_FILES_PATH, STATUS_MAX, type BlobStatusResponse, type MissingFilesResponse } from '../../../src-shared/contract/files-api';
import { replicationPaths, type PullResponse, type WireDocument } from '../../../src-shared/contract/sync';
import type { ReplicatedCollection } from '../../../src-shared/contract/documents';
import { PASSWORD } from './session';

export class PortalApi {
  constructor(
    readonly baseUrl: string,
    private token = '',
  ) {}

  static async signIn(baseUrl: string, username: string, password = PASSWORD): Promise<PortalApi> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return new PortalApi(baseUrl, ((await res.json()) as { accessToken: string }).accessToken);
  }

  async request<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Every document of the caller's centre in a collection, by pulling from the start. */
  async pullAll(collection: ReplicatedCollection): Promise<WireDocument[]> {
    const docs: WireDocument[] = [];
    let checkpoint: PullResponse['checkpoint'] = null;
    for (;;) {
      const query = new URLSearchParams({ limit: '500' });
      if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
      const { status, body } = await this.request<PullResponse>(`${replicationPaths(collection).pull}?${query}`);
      if (status !== 200) throw new Error(`pull ${collection}: ${status}`);
      docs.push(...body.documents);
      if (body.documents.length < 500) return docs;
      checkpoint = body.checkpoint;
    }
  }

  /** The first page (up to 1,000) of the centre's files whose bytes have not arrived, and the total. */
  async missingFiles(): Promise<MissingFilesResponse> {
    const { status, body } = await this.request<MissingFilesResponse>(`${MISSING_FILES_PATH}?limit=1000`);
    if (status !== 200) throw new Error(`missing files: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  /** Which of these hashes the portal stores for the caller's centre. */
  async storedHashes(hashes: string[]): Promise<Set<string>> {
    const stored = new Set<string>();
    for (let i = 0; i < hashes.length; i += STATUS_MAX) {
      const { status, body } = await this.request<BlobStatusResponse>(`${BLOB_STATUS_PATH}?sha256=${hashes.slice(i, i + STATUS_MAX).join(',')}`);
      if (status !== 200) throw new Error(`blob status: ${status} ${JSON.stringify(body)}`);
      body.stored.forEach((h) => stored.add(h));
    }
    return stored;
  }

  /** Downloads a blob and returns the SHA-256 of what came back. */
  async downloadedHash(sha256: string): Promise<string> {
    const res = await fetch(`${this.baseUrl}${BLOBS_PATH}/${sha256}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (!res.ok) throw new Error(`download ${sha256}: ${res.status}`);
    return createHash('sha256').update(new Uint8Array(await res.arrayBuffer())).digest('hex');
  }
}
