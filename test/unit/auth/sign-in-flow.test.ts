/**
 * The renderer's sign-in logic (src-renderer/auth/sign-in.ts) and the session store, against a fake
 * desktop contract and a fake portal client: online first, offline when the portal is out of reach
 * or slow, switch back and unlock checked locally, never signed out by a refused refresh.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi, OfflineVerify } from '../../../src-shared/contract/desktop';
import type { SessionUser, TokenResponse } from '../../../src-shared/contract/portal-api';
import { PortalError, PortalUnreachableError, type PortalClient } from '../../../src-renderer/sync/portal-client';
import { MAX_SESSIONS, otherSessions, useSession } from '../../../src-renderer/store/session';
import { signIn, signInToSync, unlock } from '../../../src-renderer/auth/sign-in';

const AGENCY = '000.17.22.H56';
const user = (username: string, role: SessionUser['role'] = 'clerk'): SessionUser => ({ username, role, agencyId: AGENCY, displayName: username });
const tokens = (u: SessionUser, n = 1): TokenResponse => ({ accessToken: `access-${u.username}-${n}`, refreshToken: `refresh-${u.username}-${n}`, expiresIn: 900, user: u });

/**
 * The Node side: verifiers by username (the real store is tested in offline-login.test.ts). One
 * instance for the file, emptied before each test: the bridge keeps the first `window.motcua` it sees.
 */
function fakeDesktop() {
  const verifiers = new Map<string, { user: SessionUser; password: string }>();
  const api = {
    async invoke(method: string, request: Record<string, unknown>) {
      if (method === 'auth.remember') {
        const u = request.user as SessionUser;
        verifiers.set(u.username, { user: u, password: request.password as string });
        return {};
      }
      if (method === 'auth.verifyOffline') {
        const known = verifiers.get((request.username as string).trim().toLowerCase());
        const result: OfflineVerify = !known ? { result: 'unknown' } : known.password === request.password ? { result: 'ok', user: known.user } : { result: 'wrong', retryAfterMs: 0 };
        return result;
      }
      if (method === 'auth.forget') return { forgotten: verifiers.delete(request.username as string) };
      throw new Error(`unexpected ${method}`);
    },
    on: () => () => {},
  };
  return { api: api as unknown as DesktopApi, verifiers };
}

/** A portal: `accounts` are the passwords it accepts; `mode` how it answers. */
function fakeClient(accounts: Record<string, { user: SessionUser; password: string }>) {
  const state = { mode: 'up' as 'up' | 'down' | 'slow', logins: 0, release: undefined as (() => void) | undefined };
  const login = vi.fn(async (username: string, password: string): Promise<TokenResponse> => {
    state.logins++;
    if (state.mode === 'down') throw new PortalUnreachableError('connection refused');
    if (state.mode === 'slow') await new Promise<void>((resolve) => (state.release = resolve));
    const account = accounts[username];
    if (!account || account.password !== password) throw new PortalError(401, 'unauthorized', 'Wrong username or password');
    const response = tokens(account.user, state.logins);
    useSession.getState().setTokens(response); // what the real client does through its TokenStore
    return response;
  });
  return { client: { login } as unknown as PortalClient, state, login };
}

const desktop = fakeDesktop();
const AN = user('clerk.an');
const BINH = user('clerk.binh');
const DUNG = user('supervisor.dung', 'supervisor');
const PW = { an: 'mat-khau-an-1', binh: 'mat-khau-binh-1', dung: 'mat-khau-dung-1' };
const accounts = { 'clerk.an': { user: AN, password: PW.an }, 'clerk.binh': { user: BINH, password: PW.binh }, 'supervisor.dung': { user: DUNG, password: PW.dung } };

beforeEach(() => {
  desktop.verifiers.clear();
  vi.stubGlobal('window', { motcua: desktop.api });
  useSession.getState().clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('sign-in', () => {
  it('signs in online, remembers the verifier, and opens a session with tokens and the role', async () => {
    const { client } = fakeClient(accounts);
    await expect(signIn(client, ' Supervisor.Dung ', PW.dung)).resolves.toEqual({ ok: true, user: DUNG, offline: false });
    const s = useSession.getState();
    expect(s.user).toEqual(DUNG);
    expect(s.user?.role).toBe('supervisor');
    expect(s.tokens?.accessToken).toMatch(/^access-supervisor\.dung/);
    expect(s.needsOnlineSignIn).toBe(false);
    expect(desktop.verifiers.get('supervisor.dung')?.password).toBe(PW.dung);
  });

  it('asks for both fields before anything else', async () => {
    const { client, login } = fakeClient(accounts);
    await expect(signIn(client, '  ', PW.an)).resolves.toEqual({ ok: false, reason: 'empty' });
    await expect(signIn(client, 'clerk.an', '')).resolves.toEqual({ ok: false, reason: 'empty' });
    expect(login).not.toHaveBeenCalled();
  });

  it('offline: lets a known user in with the stored role and no tokens; refuses a wrong password; an unknown user must go online first', async () => {
    const { client, state } = fakeClient(accounts);
    await signIn(client, 'clerk.an', PW.an);
    useSession.getState().clear();
    state.mode = 'down';
    await expect(signIn(client, 'clerk.an', 'sai-mat-khau')).resolves.toEqual({ ok: false, reason: 'wrongOffline', retryAfterSeconds: 0 });
    await expect(signIn(client, 'clerk.binh', PW.binh)).resolves.toEqual({ ok: false, reason: 'firstSignInOnline' });
    expect(useSession.getState().user).toBeNull();
    await expect(signIn(client, 'clerk.an', PW.an)).resolves.toEqual({ ok: true, user: AN, offline: true });
    expect(useSession.getState()).toMatchObject({ user: AN, tokens: null, needsOnlineSignIn: true });
  });

  it('a refused refresh keeps the session open and asks for an online sign-in; that brings tokens back', async () => {
    const { client, state } = fakeClient(accounts);
    await signIn(client, 'clerk.an', PW.an);
    useSession.getState().expired();
    expect(useSession.getState()).toMatchObject({ user: AN, tokens: null, needsOnlineSignIn: true });
    state.mode = 'down';
    await expect(signInToSync(client, PW.an)).resolves.toEqual({ ok: false, reason: 'unreachable' });
    state.mode = 'up';
    await expect(signInToSync(client, 'sai')).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(signInToSync(client, PW.an)).resolves.toMatchObject({ ok: true });
    expect(useSession.getState().needsOnlineSignIn).toBe(false);
  });

  it('does not wait for a slow portal when the user is known here; its late answer still brings the tokens', async () => {
    const { client, state } = fakeClient(accounts);
    await signIn(client, 'clerk.an', PW.an);
    useSession.getState().clear();
    state.mode = 'slow';
    await expect(signIn(client, 'clerk.an', PW.an, 20)).resolves.toEqual({ ok: true, user: AN, offline: true });
    expect(useSession.getState().tokens).toBeNull();
    state.release?.();
    await vi.waitFor(() => expect(useSession.getState().tokens).not.toBeNull());
  });

  it('for an unknown user, a slow portal is waited for after all', async () => {
    const { client, state } = fakeClient(accounts);
    state.mode = 'slow';
    const pending = signIn(client, 'clerk.binh', PW.binh, 20);
    await vi.waitFor(() => expect(state.release).toBeDefined());
    await new Promise((r) => setTimeout(r, 40));
    state.release?.();
    await expect(pending).resolves.toEqual({ ok: true, user: BINH, offline: false });
  });

  it('forgets a stored password the portal no longer accepts', async () => {
    const { client } = fakeClient(accounts);
    await signIn(client, 'clerk.an', PW.an);
    useSession.getState().clear();
    const changed = fakeClient({ ...accounts, 'clerk.an': { user: AN, password: 'mat-khau-moi-1' } });
    // A typo is only refused...
    await expect(signIn(changed.client, 'clerk.an', 'typo')).resolves.toEqual({ ok: false, reason: 'invalid' });
    expect(desktop.verifiers.has('clerk.an')).toBe(true);
    // ...but the old password, refused by the portal, stops working offline.
    await expect(signIn(changed.client, 'clerk.an', PW.an)).resolves.toEqual({ ok: false, reason: 'invalid' });
    expect(desktop.verifiers.has('clerk.an')).toBe(false);
  });
});

describe('several users on one workstation', () => {
  it('switch user keeps the first session; switching back needs its password, checked locally', async () => {
    const { client, login, state } = fakeClient(accounts);
    await signIn(client, 'clerk.an', PW.an);
    const anTokens = useSession.getState().tokens;
    useSession.getState().beginSwitch();
    expect(useSession.getState()).toMatchObject({ locked: true, switching: true, user: AN });
    await signIn(client, 'clerk.binh', PW.binh);
    expect(useSession.getState()).toMatchObject({ locked: false, switching: false, user: BINH });
    expect(otherSessions(useSession.getState()).map((s) => s.user.username)).toEqual(['clerk.an']);

    state.mode = 'down'; // no network needed to switch back
    const loginsBefore = login.mock.calls.length;
    useSession.getState().beginSwitch();
    await expect(signIn(client, 'clerk.an', PW.binh)).resolves.toEqual({ ok: false, reason: 'wrongPassword', retryAfterSeconds: 0 });
    expect(useSession.getState().user).toEqual(BINH);
    await expect(signIn(client, 'clerk.an', PW.an)).resolves.toMatchObject({ ok: true, user: AN });
    expect(login.mock.calls.length).toBe(loginsBefore);
    // An's session came back with its own tokens, untouched.
    expect(useSession.getState().tokens).toEqual(anTokens);
  });

  it('signing out ends only the active session', async () => {
    const { client } = fakeClient(accounts);
    await signIn(client, 'clerk.an', PW.an);
    await signIn(client, 'clerk.binh', PW.binh);
    useSession.getState().signOut();
    expect(useSession.getState()).toMatchObject({ user: null, tokens: null, active: null });
    expect(useSession.getState().sessions.map((s) => s.user.username)).toEqual(['clerk.an']);
  });

  it('keeps at most a handful of sessions, dropping the least recently used', async () => {
    for (let i = 0; i <= MAX_SESSIONS; i++) {
      const u = user(`clerk.${i}`);
      desktop.verifiers.set(u.username, { user: u, password: 'mat-khau-chung-1' });
    }
    const down = fakeClient({});
    down.state.mode = 'down';
    for (let i = 0; i <= MAX_SESSIONS; i++) await signIn(down.client, `clerk.${i}`, 'mat-khau-chung-1');
    const names = useSession.getState().sessions.map((s) => s.user.username);
    expect(names).toHaveLength(MAX_SESSIONS);
    expect(names).not.toContain('clerk.0');
    expect(useSession.getState().user?.username).toBe(`clerk.${MAX_SESSIONS}`);
  });

  it('tokens from a refresh go to the session of the user they name, not to whoever is active', async () => {
    const { client } = fakeClient(accounts);
    await signIn(client, 'clerk.an', PW.an);
    await signIn(client, 'clerk.binh', PW.binh);
    useSession.getState().setTokens(tokens(AN, 99));
    expect(useSession.getState().tokens?.accessToken).toMatch(/^access-clerk\.binh/);
    expect(useSession.getState().sessions.find((s) => s.user.username === 'clerk.an')?.tokens?.accessToken).toBe('access-clerk.an-99');
    // Nobody signed in as that user: tokens are dropped, never turned into a session.
    useSession.getState().setTokens(tokens(DUNG));
    expect(useSession.getState().sessions.some((s) => s.user.username === DUNG.username)).toBe(false);
  });
});

describe('screen lock', () => {
  it('unlocks with the password only, offline; a wrong one keeps it locked', async () => {
    const { client, state, login } = fakeClient(accounts);
    await signIn(client, 'clerk.an', PW.an);
    const userObject = useSession.getState().user;
    useSession.getState().lock();
    state.mode = 'down';
    const loginsBefore = login.mock.calls.length;
    await expect(unlock(client, '')).resolves.toEqual({ ok: false, reason: 'empty' });
    await expect(unlock(client, 'sai')).resolves.toMatchObject({ ok: false, reason: 'wrongPassword' });
    expect(useSession.getState().locked).toBe(true);
    await expect(unlock(client, PW.an)).resolves.toMatchObject({ ok: true });
    expect(useSession.getState().locked).toBe(false);
    expect(login.mock.calls.length).toBe(loginsBefore);
    // The same user object: the workspace (and any unsaved form) is not restarted.
    expect(useSession.getState().user).toBe(userObject);
  });

  it('an offline session that unlocks while the portal is back gets its tokens in the background', async () => {
    const { client, state } = fakeClient(accounts);
    await signIn(client, 'clerk.an', PW.an);
    useSession.getState().clear();
    state.mode = 'down';
    await signIn(client, 'clerk.an', PW.an);
    useSession.getState().lock();
    state.mode = 'up';
    await expect(unlock(client, PW.an)).resolves.toMatchObject({ ok: true });
    expect(useSession.getState().locked).toBe(false);
    await vi.waitFor(() => expect(useSession.getState().needsOnlineSignIn).toBe(false));
  });
});
