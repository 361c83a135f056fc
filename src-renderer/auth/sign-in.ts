/**
 * Sign-in, unlock, switch-back and "sign in again to sync", kept out of the components.
 *
 * - The portal is asked first: its answer renews the local verifier (auth.remember) so the next
 *   sign-in works offline. It refuses the password → refused, whatever the local verifier says.
 * - The portal unreachable, failing (5xx) or slow (no answer within ONLINE_WAIT_MS) → the local
 *   verifier decides, and a session opened that way has no tokens (it syncs after an online
 *   sign-in). A slow answer that arrives later still brings its tokens to that session.
 * - Switching back to a session still open, and unlocking, are checked locally only: no network,
 *   so they are instant and work offline. A session without tokens tries the portal with the same
 *   password in the background, so sync resumes without asking again.
 * - When the portal refuses a password that the local verifier accepts, the verifier is stale
 *   (password changed, account disabled): it is forgotten, so that password stops working offline.
 */
import type { SessionUser, TokenResponse } from '../../src-shared/contract/portal-api';
import type { OfflineVerify } from '../../src-shared/contract/desktop';
import { desktop } from '../bridge';
import { useSession, type SessionTokens } from '../store/session';
import { PortalError, type PortalClient } from '../sync/portal-client';

/** How long a sign-in waits for the portal before a user known here is let in offline. */
export const ONLINE_WAIT_MS = 4000;

export type AuthFailure =
  | { ok: false; reason: 'empty' }
  /** The portal refused the username or password. */
  | { ok: false; reason: 'invalid' }
  /** Checked locally because the portal is out of reach: wrong password; `retryAfterSeconds` > 0 when the next try must wait. */
  | { ok: false; reason: 'wrongOffline'; retryAfterSeconds: number }
  /** Checked locally (unlock, switching back): wrong password. */
  | { ok: false; reason: 'wrongPassword'; retryAfterSeconds: number }
  /** Offline, and this user never signed in online on this workstation. */
  | { ok: false; reason: 'firstSignInOnline' }
  /** Too many wrong passwords: wait before trying again. */
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  /** The portal is needed (sign in again to sync) and cannot be reached. */
  | { ok: false; reason: 'unreachable' }
  | { ok: false; reason: 'failed'; message: string };

export type AuthResult = { ok: true; user: SessionUser; offline: boolean } | AuthFailure;

type Online = { kind: 'ok'; response: TokenResponse } | { kind: 'refused' } | { kind: 'unavailable'; message: string };

export const normalizeUsername = (username: string) => username.trim().toLowerCase();

const tokensOf = (r: TokenResponse): SessionTokens => ({ accessToken: r.accessToken, refreshToken: r.refreshToken });

/** The portal's verdict. Anything but a refusal (down, 5xx, a wrong portal URL) means "ask locally". */
function tryOnline(client: PortalClient, username: string, password: string): Promise<Online> {
  return client.login(username, password).then(
    (response): Online => ({ kind: 'ok', response }),
    (error: unknown): Online =>
      error instanceof PortalError && (error.status === 400 || error.status === 401)
        ? { kind: 'refused' }
        : { kind: 'unavailable', message: (error as Error).message },
  );
}

async function verifyLocally(username: string, password: string): Promise<OfflineVerify | { result: 'error'; message: string }> {
  try {
    return await desktop().invoke('auth.verifyOffline', { username, password });
  } catch (error) {
    return { result: 'error', message: (error as Error).message };
  }
}

/** Renews the local verifier; a failure only costs offline sign-in, never the online one. */
async function remember(user: SessionUser, password: string): Promise<void> {
  await desktop()
    .invoke('auth.remember', { user, password })
    .catch(() => undefined);
}

async function forget(username: string): Promise<void> {
  await desktop()
    .invoke('auth.forget', { username })
    .catch(() => undefined);
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** `offline`: the local check stood in for the portal (sign-in without network), not an unlock. */
function localFailure(local: Exclude<Awaited<ReturnType<typeof verifyLocally>>, { result: 'ok' }>, offline = false): AuthFailure {
  switch (local.result) {
    case 'unknown':
      return { ok: false, reason: 'firstSignInOnline' };
    case 'wrong':
      return { ok: false, reason: offline ? 'wrongOffline' : 'wrongPassword', retryAfterSeconds: local.retryAfterMs > 0 ? seconds(local.retryAfterMs) : 0 };
    case 'throttled':
      return { ok: false, reason: 'throttled', retryAfterSeconds: seconds(local.retryAfterMs) };
    case 'error':
      return { ok: false, reason: 'failed', message: local.message };
  }
}

/** The portal refused a password: if it is the one stored here, the stored one is stale. */
async function forgetIfStale(username: string, password: string): Promise<void> {
  const local = await verifyLocally(username, password);
  if (local.result === 'ok') await forget(username);
}

/** A late or background online answer for a session that is open already. */
async function applyLate(online: Online, username: string, password: string): Promise<void> {
  if (online.kind === 'ok') {
    useSession.getState().setTokens(online.response);
    await remember(online.response.user, password);
  } else if (online.kind === 'refused') {
    await forget(username);
  }
}

/** A session without tokens: try the portal with the password just typed, without waiting for it. */
function reconnectInBackground(client: PortalClient, username: string, password: string): void {
  const session = useSession.getState().sessions.find((s) => s.user.username === username);
  if (!session || session.tokens) return;
  void tryOnline(client, username, password).then((online) => applyLate(online, username, password));
}

async function openOnline(response: TokenResponse, password: string): Promise<AuthResult> {
  await remember(response.user, password);
  useSession.getState().open(response.user, tokensOf(response));
  return { ok: true, user: response.user, offline: false };
}

/**
 * Signs a user in: the first sign-in of the workstation, another user joining (switch user), or a
 * user switching back to their open session. Opens or resumes the session on success.
 */
export async function signIn(client: PortalClient, rawUsername: string, password: string, waitMs = ONLINE_WAIT_MS): Promise<AuthResult> {
  const username = normalizeUsername(rawUsername);
  if (!username || !password) return { ok: false, reason: 'empty' };

  if (useSession.getState().sessions.some((s) => s.user.username === username)) {
    // Back to an open session: the local verifier, no network. Without one, the portal decides below.
    const local = await verifyLocally(username, password);
    if (local.result === 'ok') {
      useSession.getState().resume(username);
      reconnectInBackground(client, username, password);
      return { ok: true, user: local.user, offline: !useSession.getState().tokens };
    }
    if (local.result !== 'unknown') return localFailure(local);
  }

  const online = tryOnline(client, username, password);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const first = await Promise.race([online, new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), waitMs)))]);
  clearTimeout(timer);
  if (first !== 'slow' && first.kind === 'ok') return openOnline(first.response, password);
  if (first !== 'slow' && first.kind === 'refused') {
    await forgetIfStale(username, password);
    return { ok: false, reason: 'invalid' };
  }

  // The portal is out of reach, failing or slow: the verifier kept from the last online sign-in decides.
  const local = await verifyLocally(username, password);
  if (local.result === 'ok') {
    useSession.getState().open(local.user, null);
    if (first === 'slow') void online.then((late) => applyLate(late, username, password));
    return { ok: true, user: local.user, offline: true };
  }
  if (first === 'slow' && local.result !== 'error') {
    // Nothing local lets this user in: the portal's answer, however late, decides after all.
    const late = await online;
    if (late.kind === 'ok') return openOnline(late.response, password);
    if (late.kind === 'refused') return { ok: false, reason: 'invalid' };
  }
  return localFailure(local, true);
}

/** Unlocks the screen for the active user: the local verifier only (the portal if none is stored). */
export async function unlock(client: PortalClient, password: string): Promise<AuthResult> {
  const user = useSession.getState().user;
  if (!user) return { ok: false, reason: 'failed', message: 'no active session' };
  if (!password) return { ok: false, reason: 'empty' };
  const local = await verifyLocally(user.username, password);
  if (local.result === 'ok') {
    useSession.getState().unlock();
    reconnectInBackground(client, user.username, password);
    return { ok: true, user: local.user, offline: !useSession.getState().tokens };
  }
  if (local.result !== 'unknown') return localFailure(local);
  // No verifier here (it could not be stored, or was forgotten): only the portal can confirm.
  const online = await tryOnline(client, user.username, password);
  if (online.kind === 'refused') return { ok: false, reason: 'invalid' };
  if (online.kind === 'unavailable') return { ok: false, reason: 'firstSignInOnline' };
  await applyLate(online, user.username, password);
  useSession.getState().unlock();
  return { ok: true, user: online.response.user, offline: false };
}

/** The active session has no tokens (offline sign-in, refused refresh): sign in online to sync again. */
export async function signInToSync(client: PortalClient, password: string): Promise<AuthResult> {
  const user = useSession.getState().user;
  if (!user) return { ok: false, reason: 'failed', message: 'no active session' };
  if (!password) return { ok: false, reason: 'empty' };
  const online = await tryOnline(client, user.username, password);
  if (online.kind === 'refused') return { ok: false, reason: 'invalid' };
  if (online.kind === 'unavailable') return { ok: false, reason: 'unreachable' };
  await applyLate(online, user.username, password);
  return { ok: true, user: online.response.user, offline: false };
}
