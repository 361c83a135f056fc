/**
 * Long-lived opaque refresh tokens, stored only as SHA-256 (they are random, so a fast hash is
 * enough). Every refresh rotates: the presented token is revoked and replaced. Presenting a revoked
 * token means it was copied, so the whole family (one login's chain) is revoked.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/types';
import { sha256Hex } from './sha256';

export const REFRESH_TOKEN_DAYS = 30;

async function insertToken(tx: Queryable, username: string, familyId: string): Promise<{ token: string; hash: string }> {
  const token = randomBytes(32).toString('base64url');
  const hash = sha256Hex(token);
  await tx.query(
    `INSERT INTO refresh_tokens (token_hash, family_id, username, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4::int))`,
    [hash, familyId, username, REFRESH_TOKEN_DAYS],
  );
  return { token, hash };
}

/** A new token starting a new family (at login). */
export async function issueRefreshToken(db: Queryable, username: string): Promise<string> {
  return (await insertToken(db, username, randomUUID())).token;
}

export type RotateResult = { ok: true; username: string; token: string } | { ok: false; reason: 'unknown' | 'reused' | 'expired' };

/** Swaps a valid token for a new one of the same family, atomically (FOR UPDATE: one winner). */
export function rotateRefreshToken(db: Database, token: string): Promise<RotateResult> {
  return db.transaction(async (tx): Promise<RotateResult> => {
    const rows = await tx.query<{ family_id: string; username: string; revoked: boolean; expired: boolean }>(
      `SELECT family_id, username, revoked_at IS NOT NULL AS revoked, expires_at <= now() AS expired
       FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [sha256Hex(token)],
    );
    const row = rows[0];
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revoked) {
      await tx.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [row.family_id]);
      return { ok: false, reason: 'reused' };
    }
    if (row.expired) return { ok: false, reason: 'expired' };
    const next = await insertToken(tx, row.username, row.family_id);
    await tx.query('UPDATE refresh_tokens SET revoked_at = now(), replaced_by = $2 WHERE token_hash = $1', [sha256Hex(token), next.hash]);
    return { ok: true, username: row.username, token: next.token };
  });
}
