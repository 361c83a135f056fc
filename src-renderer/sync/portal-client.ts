/**
 * HTTP client for the portal. Every call has a timeout (a bad link must never hang the UI), and an
 * expired access token is refreshed once, transparently, with the rotating refresh token.
 */
import { API_PREFIX } from '../../src-shared/contract/sync';
import { tokenResponseSchema, type ApiError, type TokenResponse } from '../../src-shared/contract/portal-api';

export class PortalError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'PortalError';
  }
}

/** Network failure or timeout: the portal could not be reached at all. */
export class PortalUnreachableError extends Error {
  constructor(message = 'portal unreachable') {
    super(message);
    this.name = 'PortalUnreachableError';
  }
}

/**
 * No tokens to send (a session opened offline, or its refresh was refused): the request is not
 * made at all. Not a PortalError, so replication keeps the rows pending rather than failed.
 */
export class NotSignedInError extends Error {
  constructor(message = 'no portal session: sign in online to sync') {
    super(message);
    this.name = 'NotSignedInError';
  }
}

export interface TokenStore {
  get(): { accessToken: string; refreshToken: string } | null;
  set(tokens: TokenResponse): void;
  /** The refresh token was refused: the user must sign in again. */
  expired(): void;
}

export const REQUEST_TIMEOUT_MS = 15_000;

async function send(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  try {
    return await fetch(url, { ...init, signal });
  } catch (error) {
    throw new PortalUnreachableError((error as Error).message);
  }
}

async function failure(response: Response): Promise<PortalError> {
  const body = (await response.json().catch(() => ({}))) as Partial<ApiError>;
  return new PortalError(response.status, body.error ?? 'http_error', body.message ?? `HTTP ${response.status}`);
}

export function createPortalClient(baseUrl: string, tokens: TokenStore) {
  const url = (path: string) => new URL(path, baseUrl).toString();
  const json = { 'content-type': 'application/json' };
  let refreshing: Promise<boolean> | undefined;

  async function authTokens(path: string, body: unknown): Promise<TokenResponse> {
    const response = await send(url(`${API_PREFIX}${path}`), { method: 'POST', headers: json, body: JSON.stringify(body) }, REQUEST_TIMEOUT_MS);
    if (!response.ok) throw await failure(response);
    const parsed = tokenResponseSchema.parse(await response.json());
    tokens.set(parsed);
    return parsed;
  }

  function refresh(): Promise<boolean> {
    const current = tokens.get();
    if (!current) return Promise.resolve(false);
    refreshing ??= authTokens('/auth/refresh', { refreshToken: current.refreshToken })
      .then(() => true)
      .catch((error: unknown) => {
        if (error instanceof PortalError && error.status === 401) tokens.expired();
        if (error instanceof PortalUnreachableError) throw error;
        return false;
      })
      .finally(() => (refreshing = undefined));
    return refreshing;
  }

  /** An authenticated request; returns the raw response (streams need it). */
  async function authorized(path: string, init: RequestInit = {}, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Response> {
    if (!tokens.get()) throw new NotSignedInError();
    const attempt = () => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${tokens.get()?.accessToken ?? ''}`);
      return send(url(path), { ...init, headers }, timeoutMs);
    };
    let response = await attempt();
    if (response.status === 401 && (await refresh())) response = await attempt();
    if (!response.ok) throw await failure(response);
    return response;
  }

  return {
    baseUrl,
    /** Gets a new access token with the refresh token; false when the session is over. */
    refresh,
    login: (username: string, password: string) => authTokens('/auth/login', { username, password }),
    async health(timeoutMs = 4000): Promise<boolean> {
      try {
        const response = await send(url(`${API_PREFIX}/health`), { cache: 'no-store' }, timeoutMs);
        return response.ok;
      } catch {
        return false;
      }
    },
    authorized,
    /** A request without a session (enrollment: the one-time code is the credential). */
    async postPublic<T>(path: string, body: unknown): Promise<T> {
      const response = await send(url(path), { method: 'POST', headers: json, body: JSON.stringify(body) }, REQUEST_TIMEOUT_MS);
      if (!response.ok) throw await failure(response);
      return (await response.json()) as T;
    },
    async getJson<T>(path: string): Promise<T> {
      return (await (await authorized(path)).json()) as T;
    },
    async postJson<T>(path: string, body: unknown): Promise<T> {
      return (await (await authorized(path, { method: 'POST', headers: json, body: JSON.stringify(body) })).json()) as T;
    },
  };
}

export type PortalClient = ReturnType<typeof createPortalClient>;
