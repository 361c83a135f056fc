/**
 * What the command-line tools that talk to a running portal over HTTP share: the request helper,
 * signing in with MOTCUA_PASSWORD (never a command-line argument, so it stays out of shell
 * history and `ps`), and the wording of refusals.
 */
import { API_PREFIX } from '../../src-shared/contract/sync';

export type Out = (line: string) => void;

export const PASSWORD_NOTE = 'The password is read from MOTCUA_PASSWORD, never from the command line.';

export interface PortalReply {
  status: number;
  body: Record<string, unknown>;
}

/** One request to `<portal>/api/v1<path>`, JSON content type when it has a body. */
function request(portal: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = init.body === undefined ? {} : { 'content-type': 'application/json' };
  return fetch(`${portal.replace(/\/$/, '')}${API_PREFIX}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
}

/** The answer's status and JSON body; a body that is not JSON becomes `{message}`. */
export async function readReply(response: Response): Promise<PortalReply> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { message: text.slice(0, 200) };
  }
  return { status: response.status, body };
}

/** `portal refused (403): …`, with the Vietnamese reason too when the portal gave one. */
export function refusal(reply: PortalReply, what = 'portal refused'): string {
  const { message, messageVi } = reply.body;
  const text = typeof messageVi === 'string' ? `${messageVi} / ${String(message ?? '')}` : String(message ?? JSON.stringify(reply.body));
  return `${what} (${reply.status}): ${text}`;
}

/** A signed-in user: each request carries the access token. */
export interface PortalSession {
  call(path: string, init?: RequestInit): Promise<PortalReply>;
  /** The raw answer, for a body read as it arrives (a long export). */
  stream(path: string, init?: RequestInit): Promise<Response>;
}

/** Signs in; null (after printing why) when the portal refuses the password; throws when it cannot be reached. */
export async function signIn(portal: string, username: string, password: string, err: Out): Promise<PortalSession | null> {
  const login = await readReply(await request(portal, '/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) }));
  if (login.status !== 200) {
    err(refusal(login, 'login refused'));
    return null;
  }
  const authorization = `Bearer ${String(login.body.accessToken)}`;
  const stream = (path: string, init: RequestInit = {}) => request(portal, path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization } });
  return { stream, call: async (path, init) => readReply(await stream(path, init)) };
}
