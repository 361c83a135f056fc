/**
 * Who is signed in on this workstation. Several people can share one PC: each has a session of
 * their own (their role, their portal tokens), at most MAX_SESSIONS at once, and one of them is
 * active — the workspace (database, replication) follows the active user. Everything stays in
 * memory only: a closed window is a signed-out window.
 *
 * A session opened offline (local verifier, src-main/services/offline-login.ts) has no tokens; so
 * has one whose refresh token the portal refused. Neither is ever signed out for it: the UI offers
 * an online sign-in to get tokens again (`needsOnlineSignIn`), and work goes on locally meanwhile.
 *
 * `locked`: the screen lock covers the app (the active session and its unsaved forms stay as they
 * are underneath). `switching`: the lock screen shows a sign-in for another user.
 */
import { create } from 'zustand';
import type { SessionUser, TokenResponse } from '../../src-shared/contract/portal-api';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

export interface UserSession {
  user: SessionUser;
  tokens: SessionTokens | null;
  /** Last time this session became (or stayed) active; the oldest idle one goes first. */
  lastActiveAt: number;
}

/** Sessions kept at once; opening one more ends the least recently used inactive one. */
export const MAX_SESSIONS = 5;

interface SessionState {
  sessions: UserSession[];
  /** Username of the active session; null: nobody is working (sign-in page). */
  active: string | null;
  locked: boolean;
  switching: boolean;
  // Derived from the active session, for code that only asks "who works now, with which token".
  user: SessionUser | null;
  tokens: SessionTokens | null;
  /** The active session cannot sync until its user signs in online again. */
  needsOnlineSignIn: boolean;

  /** Opens (or renews) a user's session and makes it active and unlocked. */
  open(user: SessionUser, tokens: SessionTokens | null): void;
  /** Makes an open session active again (its password was checked by the caller). */
  resume(username: string): void;
  /** New tokens from the portal (sign-in or refresh), for the session of the user they name. */
  setTokens(response: TokenResponse): void;
  /** The portal refused the active session's refresh token: keep working, sync needs a sign-in. */
  expired(): void;
  lock(): void;
  unlock(): void;
  /** Locks and shows a sign-in for another user. */
  beginSwitch(): void;
  /** Back from the other user's sign-in to the lock screen. */
  cancelSwitch(): void;
  /** Ends the active session (tokens forgotten); the others stay open. */
  signOut(): void;
  /** Ends every session. */
  clear(): void;
}

const sameUser = (a: SessionUser, b: SessionUser) =>
  a.username === b.username && a.role === b.role && a.agencyId === b.agencyId && a.displayName === b.displayName;

/** The derived fields for a list of sessions and an active username. */
function derive(sessions: UserSession[], active: string | null) {
  const current = active ? sessions.find((s) => s.user.username === active) : undefined;
  return {
    sessions,
    active: current ? active : null,
    user: current?.user ?? null,
    tokens: current?.tokens ?? null,
    needsOnlineSignIn: Boolean(current && !current.tokens),
  };
}

export const useSession = create<SessionState>((set, get) => ({
  ...derive([], null),
  locked: false,
  switching: false,

  open(user, tokens) {
    const now = Date.now();
    const previous = get().sessions.find((s) => s.user.username === user.username);
    // An unchanged user keeps its object: the workspace restarts only when who or what changed.
    const session: UserSession = {
      user: previous && sameUser(previous.user, user) ? previous.user : user,
      // Signing in offline again must not drop tokens the session still holds.
      tokens: tokens ?? previous?.tokens ?? null,
      lastActiveAt: now,
    };
    let others = get().sessions.filter((s) => s.user.username !== user.username);
    while (others.length >= MAX_SESSIONS) {
      const oldest = others.reduce((a, b) => (a.lastActiveAt <= b.lastActiveAt ? a : b));
      others = others.filter((s) => s !== oldest);
    }
    set({ ...derive([...others, session], user.username), locked: false, switching: false });
  },

  resume(username) {
    const sessions = get().sessions.map((s) => (s.user.username === username ? { ...s, lastActiveAt: Date.now() } : s));
    if (!sessions.some((s) => s.user.username === username)) return;
    set({ ...derive(sessions, username), locked: false, switching: false });
  },

  setTokens(response) {
    const { sessions, active } = get();
    if (!sessions.some((s) => s.user.username === response.user.username)) return; // signed out meanwhile
    const next = sessions.map((s) =>
      s.user.username === response.user.username
        ? {
            ...s,
            user: sameUser(s.user, response.user) ? s.user : response.user,
            tokens: { accessToken: response.accessToken, refreshToken: response.refreshToken },
          }
        : s,
    );
    set(derive(next, active));
  },

  expired() {
    const { sessions, active } = get();
    set(derive(sessions.map((s) => (s.user.username === active ? { ...s, tokens: null } : s)), active));
  },

  lock: () => set((s) => (s.active ? { locked: true, switching: false } : {})),
  unlock: () => set({ locked: false, switching: false }),
  beginSwitch: () => set((s) => (s.active ? { locked: true, switching: true } : {})),
  cancelSwitch: () => set({ switching: false }),

  signOut() {
    const { sessions, active } = get();
    set({ ...derive(sessions.filter((s) => s.user.username !== active), null), locked: false, switching: false });
  },

  clear: () => set({ ...derive([], null), locked: false, switching: false }),
}));

/** The open sessions other than the active one, most recently used first. */
export function otherSessions(state: { sessions: UserSession[]; active: string | null }): UserSession[] {
  return state.sessions.filter((s) => s.user.username !== state.active).sort((a, b) => b.lastActiveAt - a.lastActiveAt);
}
