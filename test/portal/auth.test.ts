/** Login, refresh-token rotation and bearer authentication. */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenResponse } from '../../src-shared/contract/portal-api';
import { createUser } from '../../src-portal/users';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, call, login, PASSWORD, startPortal, type RunningPortal } from './support/portal';

describe.each(DB_TARGETS)('authentication ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db);
    await createUser(portal.db, { username: 'lan', password: PASSWORD, role: 'clerk', agencyId: AGENCY_A, displayName: 'Trần Thị Lan' });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
  });

  it('logs in with the right password', async () => {
    const session = await login(portal.base, 'lan');
    expect(session.expiresIn).toBe(900);
    expect(session.user).toEqual({ username: 'lan', role: 'clerk', agencyId: AGENCY_A, displayName: 'Trần Thị Lan' });
    const [, payload] = session.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: 'lan', role: 'clerk', agency: AGENCY_A });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrong = await call(portal.base, '/auth/login', { body: { username: 'lan', password: 'not the password' } });
    const unknown = await call(portal.base, '/auth/login', { body: { username: 'nobody', password: PASSWORD } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ error: 'unauthorized', message: expect.any(String) });
  });

  it('refuses a disabled account', async () => {
    await createUser(portal.db, { username: 'gone', password: PASSWORD, role: 'clerk', agencyId: AGENCY_A });
    await portal.db.query("UPDATE users SET disabled = true WHERE username = 'gone'");
    expect((await call(portal.base, '/auth/login', { body: { username: 'gone', password: PASSWORD } })).status).toBe(401);
  });

  it('validates the login body', async () => {
    const res = await call(portal.base, '/auth/login', { body: { username: 'lan' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_request' });
    const garbage = await call(portal.base, '/auth/login', { rawBody: '{not json' });
    expect(garbage.status).toBe(400);
    expect(garbage.body).toMatchObject({ error: 'invalid_request' });
  });

  it('rotates refresh tokens and rejects reuse of a revoked one (revoking its family)', async () => {
    const first = await login(portal.base, 'lan');
    const second = await call<TokenResponse>(portal.base, '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.user.username).toBe('lan');

    const reuse = await call(portal.base, '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reuse.status).toBe(401);
    // The reuse looked like theft: the token issued by the rotation is revoked too.
    const afterTheft = await call(portal.base, '/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    expect(afterTheft.status).toBe(401);

    const unknown = await call(portal.base, '/auth/refresh', { body: { refreshToken: 'made-up' } });
    expect(unknown.status).toBe(401);
  });

  it('keeps rotating along a chain of valid tokens', async () => {
    let token = (await login(portal.base, 'lan')).refreshToken;
    for (let i = 0; i < 3; i++) {
      const next = await call<TokenResponse>(portal.base, '/auth/refresh', { body: { refreshToken: token } });
      expect(next.status).toBe(200);
      token = next.body.refreshToken;
    }
    // Only hashes are stored, never the token itself.
    const stored = await portal.db.query<{ token_hash: string }>("SELECT token_hash FROM refresh_tokens WHERE username = 'lan'");
    expect(stored.length).toBeGreaterThanOrEqual(4);
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
  });

  it('refuses an expired refresh token', async () => {
    const session = await login(portal.base, 'lan');
    await portal.db.query("UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL AND username = 'lan'");
    expect((await call(portal.base, '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
  });

  it('requires a valid bearer token on protected routes', async () => {
    const path = '/replication/dossiers/pull';
    const none = await call(portal.base, path);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.body).toMatchObject({ error: 'unauthorized' });
    expect((await call(portal.base, path, { token: 'not.a.jwt' })).status).toBe(401);

    const forged = await new SignJWT({ role: 'admin', agency: AGENCY_A })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('lan')
      .setIssuer('motcua-portal')
      .setAudience('motcua')
      .setExpirationTime('5m')
      .sign(new Uint8Array(32));
    expect((await call(portal.base, path, { token: forged })).status).toBe(401);

    const { accessToken } = await login(portal.base, 'lan');
    expect((await call(portal.base, path, { token: accessToken })).status).toBe(200);
    expect((await call(portal.base, '/replication/dossiers/push', { token: accessToken.slice(0, -2) + 'xx', body: [] })).status).toBe(401);
  });

  it('allows any origin with the Authorization header (bearer tokens, no cookies)', async () => {
    const res = await fetch(`${portal.base}/replication/dossiers/pull`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
