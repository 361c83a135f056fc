/** POST /api/v1/auth/login and /auth/refresh: the only routes that hand out tokens. */
import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, refreshRequestSchema, type TokenResponse } from '../../src-shared/contract/portal-api';
import { API_PREFIX } from '../../src-shared/contract/sync';
import { ACCESS_TOKEN_SECONDS, signAccessToken } from '../auth/access-token';
import { dummyPasswordHash, verifyPassword } from '../auth/password';
import { issueRefreshToken, rotateRefreshToken } from '../auth/refresh-token';
import type { Database } from '../db/types';
import { badRequest, unauthorized, zodMessage } from '../http/errors';
import { findUser, toSessionUser, type UserRecord } from '../users';

const AUTH_BODY_LIMIT = 16 * 1024;
/** Same message for an unknown user and a wrong password, so usernames cannot be probed. */
const BAD_CREDENTIALS = 'Wrong username or password';

export function authRoutes(app: FastifyInstance, db: Database, signingKey: Uint8Array): void {
  const tokensFor = async (user: UserRecord, refreshToken: string): Promise<TokenResponse> => {
    const session = toSessionUser(user);
    return { accessToken: await signAccessToken(signingKey, session), refreshToken, expiresIn: ACCESS_TOKEN_SECONDS, user: session };
  };

  app.post(`${API_PREFIX}/auth/login`, { bodyLimit: AUTH_BODY_LIMIT }, async (request): Promise<TokenResponse> => {
    const body = loginRequestSchema.safeParse(request.body);
    if (!body.success) throw badRequest(zodMessage(body.error));
    const user = await findUser(db, body.data.username.trim().toLowerCase());
    // Always run scrypt, even for unknown users, so response time does not reveal who exists.
    const ok = await verifyPassword(body.data.password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok || user.disabled) throw unauthorized(BAD_CREDENTIALS);
    request.log.info({ username: user.username }, 'login');
    return tokensFor(user, await issueRefreshToken(db, user.username));
  });

  app.post(`${API_PREFIX}/auth/refresh`, { bodyLimit: AUTH_BODY_LIMIT }, async (request): Promise<TokenResponse> => {
    const body = refreshRequestSchema.safeParse(request.body);
    if (!body.success) throw badRequest(zodMessage(body.error));
    const rotated = await rotateRefreshToken(db, body.data.refreshToken);
    if (!rotated.ok) {
      if (rotated.reason === 'reused') request.log.warn('revoked refresh token presented again; its family is revoked');
      throw unauthorized('Refresh token invalid, expired or already used');
    }
    const user = await findUser(db, rotated.username);
    if (!user || user.disabled) throw unauthorized('Refresh token invalid, expired or already used');
    return tokensFor(user, rotated.token);
  });
}
