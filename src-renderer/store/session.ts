/** Who is signed in. Tokens stay in memory only: a closed window is a signed-out window. */
import { create } from 'zustand';
import type { SessionUser, TokenResponse } from '../../src-shared/contract/portal-api';

interface SessionState {
  user: SessionUser | null;
  tokens: { accessToken: string; refreshToken: string } | null;
  setSession(tokens: TokenResponse): void;
  clear(): void;
}

export const useSession = create<SessionState>((set) => ({
  user: null,
  tokens: null,
  setSession: (t) => set({ user: t.user, tokens: { accessToken: t.accessToken, refreshToken: t.refreshToken } }),
  clear: () => set({ user: null, tokens: null }),
}));
