/** Short-lived access tokens: JWT HS256 signed with a key generated on first start and kept in the DB. */
import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { agencyIdSchema, roleSchema, type SessionUser } from '../../src-shared/contract/portal-api';
import type { Role } from '../../src-shared/domain/roles';
import type { Queryable } from '../db/types';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'motcua-portal';
const AUDIENCE = 'motcua';
const KEY_SETTING = 'jwt_signing_key';

/** What a verified access token says about its bearer. */
export interface Caller {
  username: string;
  role: Role;
  agencyId: string;
}

/** Loads the signing key, creating it once; ON CONFLICT makes two instances starting together agree. */
export async function loadSigningKey(db: Queryable): Promise<Uint8Array> {
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    KEY_SETTING,
    randomBytes(32).toString('base64'),
  ]);
  const rows = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [KEY_SETTING]);
  const value = rows[0]?.value;
  if (!value) throw new Error('JWT signing key missing from settings');
  return new Uint8Array(Buffer.from(value, 'base64'));
}

/** `seconds` other than ACCESS_TOKEN_SECONDS only for tests of expiry. */
export function signAccessToken(key: Uint8Array, user: SessionUser, seconds = ACCESS_TOKEN_SECONDS): Promise<string> {
  return new SignJWT({ role: user.role, agency: user.agencyId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.username)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${seconds}s`)
    .sign(key);
}

/** The caller, or null for any invalid, expired or malformed token. */
export async function verifyAccessToken(key: Uint8Array, token: string): Promise<Caller | null> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    const role = roleSchema.safeParse(payload.role);
    const agency = agencyIdSchema.safeParse(payload.agency);
    if (!payload.sub || !role.success || !agency.success) return null;
    return { username: payload.sub, role: role.data, agencyId: agency.data };
  } catch {
    return null;
  }
}
