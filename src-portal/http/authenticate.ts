/** Bearer-token authentication for the protected routes (tokens are headers, never cookies). */
import type { FastifyRequest } from 'fastify';
import { verifyAccessToken, type Caller } from '../auth/access-token';
import { unauthorized } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** Makes an onRequest hook that sets request.caller or answers 401. */
export function bearerAuth(signingKey: Uint8Array) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header) : null;
    if (!match?.[1]) throw unauthorized();
    const caller = await verifyAccessToken(signingKey, match[1]);
    if (!caller) throw unauthorized('Access token invalid or expired');
    request.caller = caller;
  };
}

/** The authenticated caller; only call from routes behind bearerAuth. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthorized();
  return request.caller;
}
