/** The browser host serves the contract only to its own page with its token, and validates everything. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startHost, type RunningHost } from '../../src-main/host/server';

let host: RunningHost;
const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-renderer-'));

beforeAll(async () => {
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>motcua</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startHost({
    rendererDir,
    resourcesDir: path.resolve(import.meta.dirname, '../../resources'),
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'motcua-host-')),
  });
});
afterAll(() => host.close());

/** GET with the path sent exactly as written (no URL normalisation). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: Number(new URL(host.origin).port), path: rawPath }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(query = `token=${host.token}`, origin = host.origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/contract?${query}`, { headers: { origin } });
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  });
}

function exchange(ws: WebSocket, raw: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(raw);
  });
}

describe('browser host', () => {
  it('binds to loopback and serves the renderer with a strict CSP', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${host.origin}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves files outside the renderer folder', async () => {
    // A file right beside the renderer folder; raw request paths, because fetch would normalise `..` away.
    const secretName = `${path.basename(rendererDir)}-secret.txt`;
    writeFileSync(path.join(path.dirname(rendererDir), secretName), 'TOP-SECRET');
    const probes = [`/../${secretName}`, `/%2e%2e/${secretName}`, `/..%2f${secretName}`, `/..%5c${secretName}`, `/..\\${secretName}`];
    for (const probe of probes) {
      const { status, body } = await rawGet(probe);
      expect(body, probe).not.toContain('TOP-SECRET');
      expect(status, probe).toBe(404);
    }
  });

  it('refuses a WebSocket without the token or from another origin', async () => {
    await expect(connect('token=wrong')).rejects.toThrow(/403/);
    await expect(connect('')).rejects.toThrow(/403/);
    await expect(connect(`token=${host.token}`, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('answers a valid call', async () => {
    const ws = await connect();
    const reply = await exchange(ws, JSON.stringify({ id: 1, method: 'app.info', params: {} }));
    expect(reply).toMatchObject({ id: 1, ok: true, result: { host: 'web' } });
    const catalog = await exchange(ws, JSON.stringify({ id: 2, method: 'catalog.seed', params: {} }));
    expect((catalog.result as { procedures: unknown[] }).procedures.length).toBeGreaterThanOrEqual(5);
    ws.close();
  });

  it('rejects malformed messages, unknown methods and invalid parameters without running anything', async () => {
    const ws = await connect();
    expect(await exchange(ws, 'not json')).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(await exchange(ws, JSON.stringify({ method: 'app.info' }))).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(await exchange(ws, JSON.stringify({ id: 3, method: 'fs.readFile', params: { path: '/etc/passwd' } }))).toMatchObject({ id: 3, ok: false, error: { code: 'unknown_method' } });
    expect(await exchange(ws, JSON.stringify({ id: 4, method: '__proto__', params: {} }))).toMatchObject({ id: 4, ok: false, error: { code: 'unknown_method' } });
    const badUpdate = await exchange(ws, JSON.stringify({ id: 5, method: 'settings.update', params: { portalUrl: 'not a url', workstationId: 'x' } }));
    expect(badUpdate).toMatchObject({ id: 5, ok: false, error: { code: 'invalid_request' } });
    const settings = await exchange(ws, JSON.stringify({ id: 6, method: 'settings.get', params: {} }));
    expect((settings.result as { portalUrl: string }).portalUrl).not.toBe('not a url');
    ws.close();
  });

  it('broadcasts contract events to connected pages', async () => {
    const a = await connect();
    const b = await connect();
    const event = new Promise<Record<string, unknown>>((resolve) => b.on('message', (d) => resolve(JSON.parse(String(d)) as Record<string, unknown>)));
    await exchange(a, JSON.stringify({ id: 7, method: 'settings.update', params: { language: 'en' } }));
    expect(await event).toMatchObject({ event: 'settings.changed', payload: { language: 'en' } });
    a.close();
    b.close();
  });

  it('stores files in the vault and queues them, with uploads.changed pushed to the page', async () => {
    const ws = await connect();
    const events: Record<string, unknown>[] = [];
    const replies = new Map<number, (reply: Record<string, unknown>) => void>();
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as Record<string, unknown>;
      if (m.event) events.push(m);
      else replies.get(m.id as number)?.(m);
    });
    // Events may arrive between a call and its reply: match replies by id.
    const call = (raw: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        replies.set((JSON.parse(raw) as { id: number }).id, resolve);
        ws.send(raw);
      });
    // Over 1 MB in one message: the socket takes a vault.put of the size the contract allows.
    const bytes = Buffer.alloc(1_500_000, 7);
    const put = await call(JSON.stringify({ id: 10, method: 'vault.put', params: { bytesBase64: bytes.toString('base64') } }));
    expect(put).toMatchObject({ id: 10, ok: true, result: { size: bytes.length } });
    const { sha256 } = put.result as { sha256: string };
    const read = await call(JSON.stringify({ id: 11, method: 'vault.read', params: { sha256 } }));
    expect(Buffer.from((read.result as { bytesBase64: string }).bytesBase64, 'base64').equals(bytes)).toBe(true);
    expect(await call(JSON.stringify({ id: 12, method: 'vault.read', params: { sha256: 'c'.repeat(64) } }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'vault.read: the vault holds no file with this SHA-256' },
    });
    expect(await call(JSON.stringify({ id: 13, method: 'vault.put', params: { bytesBase64: '%%%' } }))).toMatchObject({ ok: false, error: { code: 'invalid_request' } });

    const ghost = await call(JSON.stringify({ id: 18, method: 'uploads.enqueue', params: { files: [{ fileId: 'g', sha256: 'd'.repeat(64), size: 1 }] } }));
    expect(ghost).toMatchObject({ ok: false, error: { code: 'invalid_request', message: 'uploads.enqueue: fileId "g": the vault holds no file with this SHA-256' } });
    const wrongSize = await call(JSON.stringify({ id: 19, method: 'uploads.enqueue', params: { files: [{ fileId: 'f-1', sha256, size: 5 }] } }));
    expect(wrongSize).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(events).toEqual([]);
    const queued = await call(JSON.stringify({ id: 14, method: 'uploads.enqueue', params: { files: [{ fileId: 'f-1', sha256, size: bytes.length }] } }));
    expect(queued).toMatchObject({ id: 14, ok: true, result: { queued: 1 } });
    await vi.waitFor(() => expect(events).toContainEqual({ event: 'uploads.changed', payload: expect.objectContaining({ fileId: 'f-1', state: 'pending', sent: 0 }) }));
    const list = await call(JSON.stringify({ id: 15, method: 'uploads.list', params: {} }));
    expect(list).toMatchObject({ ok: true, result: { uploads: [{ fileId: 'f-1', sha256, size: bytes.length, state: 'pending', sent: 0, errorCode: null, error: null }] } });
    expect(await call(JSON.stringify({ id: 16, method: 'uploads.retry', params: { fileId: 'nope' } }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'uploads.retry: no queued upload has this fileId' },
    });
    expect(await call(JSON.stringify({ id: 17, method: 'uploads.connect', params: { accessToken: null } }))).toMatchObject({ ok: true, result: {} });
    ws.close();
  });
});
