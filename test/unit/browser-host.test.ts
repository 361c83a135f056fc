/** The browser host serves the contract only to its own page with its token, and validates everything. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
