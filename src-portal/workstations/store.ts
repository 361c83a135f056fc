/**
 * SQL of workstations (máy trạm) and their one-time enrollment codes (tables of migration 3). Only
 * SHA-256 hashes of codes and secrets are stored. Times come from the database clock, as for
 * refresh tokens, and leave here as epoch ms.
 */
import type { WorkstationSummary } from '../../src-shared/contract/workstations-api';
import type { Queryable } from '../db/types';

/** timestamptz as epoch ms (bigint: node-postgres returns a string, PGlite a number). */
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::bigint`;

interface WorkstationRow {
  id: string;
  agency_id: string;
  name: string;
  enrolled_ms: string | number;
  revoked_ms: string | number | null;
}

const WORKSTATION_COLUMNS = `id, agency_id, name, ${ms('enrolled_at')} AS enrolled_ms, ${ms('revoked_at')} AS revoked_ms`;

const toSummary = (r: WorkstationRow): WorkstationSummary => ({
  id: r.id,
  agencyId: r.agency_id,
  name: r.name,
  enrolledAt: Number(r.enrolled_ms),
  revokedAt: r.revoked_ms === null ? null : Number(r.revoked_ms),
});

/** Stores a new code's hash, valid for `validHours` from now; returns when it expires (epoch ms). */
export async function insertEnrollmentCode(
  db: Queryable,
  c: { codeHash: string; agencyId: string; createdBy: string; validHours: number },
): Promise<number> {
  const rows = await db.query<{ expires_ms: string | number }>(
    `INSERT INTO enrollment_codes (code_hash, agency_id, created_by, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4::int))
     RETURNING ${ms('expires_at')} AS expires_ms`,
    [c.codeHash, c.agencyId, c.createdBy, c.validHours],
  );
  return Number(rows[0]!.expires_ms);
}

export type CodeClaim = { ok: true; agencyId: string; createdBy: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/**
 * Marks the code used by `workstationId`, atomically: one conditional UPDATE, so of two requests
 * with the same code the second waits for the first's row lock, re-reads the row and finds it used.
 */
export async function claimEnrollmentCode(tx: Queryable, codeHash: string, workstationId: string): Promise<CodeClaim> {
  const claimed = await tx.query<{ agency_id: string; created_by: string }>(
    `UPDATE enrollment_codes SET used_at = now(), workstation_id = $2
     WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
     RETURNING agency_id, created_by`,
    [codeHash, workstationId],
  );
  const row = claimed[0];
  if (row) return { ok: true, agencyId: row.agency_id, createdBy: row.created_by };
  const found = await tx.query<{ used: boolean }>('SELECT used_at IS NOT NULL AS used FROM enrollment_codes WHERE code_hash = $1', [codeHash]);
  if (!found[0]) return { ok: false, reason: 'unknown' };
  return { ok: false, reason: found[0].used ? 'used' : 'expired' };
}

export async function insertWorkstation(
  tx: Queryable,
  w: { id: string; agencyId: string; name: string; secretHash: string; enrolledWith: string },
): Promise<WorkstationSummary> {
  const rows = await tx.query<WorkstationRow>(
    `INSERT INTO workstations (id, agency_id, name, secret_hash, enrolled_with)
     VALUES ($1, $2, $3, $4, $5)
     RETURNING ${WORKSTATION_COLUMNS}`,
    [w.id, w.agencyId, w.name, w.secretHash, w.enrolledWith],
  );
  return toSummary(rows[0]!);
}

/** Workstations of one centre, or of every centre when `agencyId` is null; oldest enrollment first. */
export async function listWorkstations(db: Queryable, agencyId: string | null): Promise<WorkstationSummary[]> {
  const rows = await db.query<WorkstationRow>(
    `SELECT ${WORKSTATION_COLUMNS} FROM workstations
     WHERE $1::text IS NULL OR agency_id = $1
     ORDER BY agency_id, enrolled_at, id`,
    [agencyId],
  );
  return rows.map(toSummary);
}

/** Marks a workstation revoked (a second revocation keeps the first time); null when unknown. */
export async function revokeWorkstation(db: Queryable, id: string): Promise<WorkstationSummary | null> {
  const rows = await db.query<WorkstationRow>(
    `UPDATE workstations SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1
     RETURNING ${WORKSTATION_COLUMNS}`,
    [id],
  );
  return rows[0] ? toSummary(rows[0]) : null;
}
