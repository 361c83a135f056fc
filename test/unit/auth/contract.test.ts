/** The auth.* contract methods and the lock-timeout setting, through the browser host's real dispatcher. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { OFFLINE_LOGIN_FILE } from '../../../src-main/services/offline-login';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-auth-host-'));
const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-auth-renderer-'));
let host: RunningHost;
let ws: WebSocket;
let nextId = 1;

beforeAll(async () => {
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>motcua</title>');
  host = await startHost({ rendererDir, resourcesDir: path.resolve(import.meta.dirname, '../../../resources'), dataDir, env: {} });
  ws = await new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(`${host.origin.replace('http', 'ws')}/contract?token=${host.token}`, { headers: { origin: host.origin } });
    socket.on('open', () => resolve(socket));
    socket.on('error', reject);
  });
});
afterAll(async () => {
  ws.close();
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(rendererDir, { recursive: true, force: true });
});

function call(method: string, params: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id?: number };
      if (message.id !== id) return;
      ws.off('message', onMessage);
      resolve(message as never);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, params }));
  });
}

const AN = { username: 'clerk.an', role: 'clerk', agencyId: '000.17.22.H56', displayName: 'Nguyễn Văn An' };
const PASSWORD = 'mat-khau-thu-nghiem-1';

describe('auth contract', () => {
  it('remembers after an online sign-in, then verifies offline, lists and forgets', async () => {
    expect(await call('auth.verifyOffline', { username: 'clerk.an', password: PASSWORD })).toEqual({ id: expect.any(Number), ok: true, result: { result: 'unknown' } });
    expect(await call('auth.remember', { user: AN, password: PASSWORD })).toMatchObject({ ok: true, result: {} });
    expect(readFileSync(path.join(dataDir, OFFLINE_LOGIN_FILE), 'utf8')).not.toContain(PASSWORD);
    expect(await call('auth.verifyOffline', { username: ' clerk.an ', password: PASSWORD })).toMatchObject({ ok: true, result: { result: 'ok', user: AN } });
    expect(await call('auth.verifyOffline', { username: 'clerk.an', password: 'sai-mat-khau' })).toMatchObject({ ok: true, result: { result: 'wrong', retryAfterMs: 0 } });
    const listed = await call('auth.knownUsers', {});
    expect(listed).toMatchObject({ ok: true, result: { users: [{ username: 'clerk.an', role: 'clerk', agencyId: AN.agencyId, displayName: AN.displayName }] } });
    expect(JSON.stringify(listed)).not.toMatch(/salt|verifier/);
    expect(await call('auth.forget', { username: 'clerk.an' })).toMatchObject({ ok: true, result: { forgotten: true } });
    expect(await call('auth.verifyOffline', { username: 'clerk.an', password: PASSWORD })).toMatchObject({ ok: true, result: { result: 'unknown' } });
  });

  it('refuses malformed requests without echoing the password', async () => {
    const secret = 'bi-mat-khong-duoc-lo-ra';
    const refusals = [
      await call('auth.verifyOffline', { username: '', password: secret }),
      await call('auth.verifyOffline', { username: 'clerk.an', password: '' }),
      await call('auth.verifyOffline', { username: 'clerk.an', password: secret, extra: 1 }),
      await call('auth.remember', { user: { ...AN, role: 'root' }, password: secret }),
      await call('auth.remember', { user: AN, password: secret.repeat(20) }),
      await call('auth.forget', {}),
    ];
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(JSON.stringify(refusal)).not.toContain(secret);
    }
    expect(await call('auth.knownUsers', {})).toMatchObject({ ok: true, result: { users: [] } });
  });

  it('keeps the lock timeout within 1 to 240 minutes, 10 by default', async () => {
    expect(await call('settings.get', {})).toMatchObject({ ok: true, result: { lockAfterMinutes: 10 } });
    for (const bad of [0, 241, 2.5, '5', null]) {
      expect(await call('settings.update', { lockAfterMinutes: bad })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(await call('settings.update', { lockAfterMinutes: 3 })).toMatchObject({ ok: true, result: { lockAfterMinutes: 3 } });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ lockAfterMinutes: 3 });
  });
});
