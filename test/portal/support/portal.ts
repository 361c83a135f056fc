/** Starts the portal in-process on port 0 and talks to it over real HTTP. */
import { expect } from 'vitest';
import { buildPortal, type Portal, type PortalOptions } from '../../../src-portal/app';
import type { Role } from '../../../src-shared/domain/roles';
import type { TokenResponse } from '../../../src-shared/contract/portal-api';
import type { PushResponse } from '../../../src-shared/contract/sync';
import { createUser } from '../../../src-portal/users';
import type { TestDatabase } from './targets';

export const AGENCY_A = '000.17.22.H56';
export const AGENCY_B = '000.18.01.H56';
export const PASSWORD = 'correct horse battery';

export interface RunningPortal extends Portal {
  /** The API base, `http://127.0.0.1:<port>/api/v1`. */
  base: string;
  /** The portal's URL as the CLI and the workstation take it, `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

export async function startPortal(db: TestDatabase, options: Partial<PortalOptions> = {}): Promise<RunningPortal> {
  const portal = await buildPortal({ ...db.config, logger: false, announce: () => undefined, ...options });
  const address = await portal.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...portal, base: `${address}/api/v1`, origin: address, close: () => portal.app.close() };
}

export interface CallResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string } = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const payload = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method: init.method ?? (payload === undefined ? 'GET' : 'POST'), headers, body: payload });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

export async function login(base: string, username: string, password = PASSWORD): Promise<TokenResponse> {
  const res = await call<TokenResponse>(base, '/auth/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a user directly in the database and returns an access token for it. */
export async function userToken(portal: RunningPortal, username: string, role: Role, agencyId: string): Promise<string> {
  await createUser(portal.db, { username, password: PASSWORD, role, agencyId });
  return (await login(portal.base, username)).accessToken;
}

/** Pushes new documents as a counter would, 200 rows at a time; every row must be accepted. */
export async function pushAll(base: string, token: string, collection: string, docs: readonly object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 200) {
    const rows = docs.slice(i, i + 200).map((d) => ({ newDocumentState: { ...d, _deleted: false } }));
    const res = await call<PushResponse>(base, `/replication/${collection}/push`, { token, body: rows });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ conflicts: [], rejected: [] });
  }
}
