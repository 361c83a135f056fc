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

/** One JSON request to `<portal>/api/v1<path>`; a body that is not JSON becomes `{message}`. */
export async function send(portal: string, path: string, init: RequestInit = {}): Promise<PortalReply> {
  const headers: Record<string, string> = init.body === undefined ? {} : { 'content-type': 'application/json' };
  const response = await fetch(`${portal.replace(/\/$/, '')}${API_PREFIX}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
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

/** A signed-in administrator or officer: `call` sends the access token with each request. */
export interface PortalSession {
  call(path: string, init?: RequestInit): Promise<PortalReply>;
}

/** Signs in; null (after printing why) when the portal refuses the password. */
export async function signIn(portal: string, username: string, password: string, err: Out): Promise<PortalSession | null> {
  const login = await send(portal, '/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
  if (login.status !== 200) {
    err(refusal(login, 'login refused'));
    return null;
  }
  const authorization = `Bearer ${String(login.body.accessToken)}`;
  return { call: (path, init = {}) => send(portal, path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization } }) };
}
