/** Request and response shapes of the portal's HTTP API outside replication. */
import { z } from 'zod';
import { AGENCY_ID_PATTERN } from '../domain/agency';
import { ROLES } from '../domain/roles';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const PASSWORD_MIN_LENGTH = 8;

export const usernameSchema = z.string().regex(USERNAME_PATTERN, 'username: 2–64 lowercase letters, digits, . _ -');
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(256);
export const roleSchema = z.enum(ROLES);
export const agencyIdSchema = z.string().regex(AGENCY_ID_PATTERN, 'agency identifier: LLL.LL.LL.Xnn, e.g. 000.17.22.H56');

export const loginRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  username: usernameSchema,
  role: roleSchema,
  agencyId: agencyIdSchema,
  displayName: z.string().max(200),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const tokenResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
  user: sessionUserSchema,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(1).max(512) });

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Error body of every non-2xx answer: a stable code and a message safe to show. */
export interface ApiError {
  error: string;
  message: string;
}
