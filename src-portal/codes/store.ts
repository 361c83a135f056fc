/**
 * Dossier-number blocks (docs/dossier-codes.md): allocation under a per-agency lock, and the
 * blocks a holder still has. The rules themselves (lowest free range, no back-dating, never two
 * blocks of an agency on one (day, sequence) cell) are allocateBlock's, in src-shared.
 */
import { randomUUID } from 'node:crypto';
import { addDays, dayNumber } from '../../src-shared/domain/civil-date';
import {
  allocateBlock,
  type AllocationError,
  type BlockRequest,
  type NumberBlock,
} from '../../src-shared/domain/dossier-code/allocator';
import type { Database, Queryable } from '../db/types';

/** Longest validity window of one block (the default standing block is 90 days). */
export const MAX_BLOCK_DAYS = 366;
/** How far ahead of the portal's today a block may start (leases cover a 14-day horizon). */
export const MAX_LEAD_DAYS = 366;

interface BlockRow {
  id: string;
  agency_id: string;
  holder: string;
  kind: NumberBlock['kind'];
  first: number;
  last: number;
  valid_from: string;
  valid_until: string;
  allocated_at: string | number; // bigint: node-postgres returns a string, PGlite a number
}

const COLUMNS = 'id, agency_id, holder, kind, first, last, valid_from, valid_until, allocated_at';

const toBlock = (r: BlockRow): NumberBlock => ({
  id: r.id,
  agencyId: r.agency_id,
  holder: r.holder,
  kind: r.kind,
  first: Number(r.first),
  last: Number(r.last),
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  allocatedAt: Number(r.allocated_at),
});

/**
 * Serialises allocations of one agency until commit, so two counters asking at once never both see
 * the same range as free. Its own namespace (7293), apart from the replication writers' lock.
 */
async function lockAgencyBlocks(tx: Queryable, agencyId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7293, hashtext($1))', [agencyId]);
}

/** The holder's blocks in this agency that can still be used on `today` or later. */
export async function holderBlocks(db: Queryable, agencyId: string, holder: string, today: string): Promise<NumberBlock[]> {
  const rows = await db.query<BlockRow>(
    `SELECT ${COLUMNS} FROM code_blocks
     WHERE agency_id = $1 AND holder = $2 AND valid_until >= $3
     ORDER BY valid_from, first, id`,
    [agencyId, holder, today],
  );
  return rows.map(toBlock);
}

function invalidRequest(detail: string): AllocationError {
  return {
    kind: 'invalid-request',
    detail,
    messageVi: `Yêu cầu cấp dải số hồ sơ không hợp lệ: ${detail}`,
    messageEn: `Invalid request for dossier numbers: ${detail}`,
  };
}

/** The portal's own limits on a request, on top of allocateBlock's checks. */
function policyProblem(request: BlockRequest, today: string): string | null {
  const days = dayNumber(request.validUntil) - dayNumber(request.validFrom) + 1;
  if (days > MAX_BLOCK_DAYS) return `a block may cover at most ${MAX_BLOCK_DAYS} days (asked ${days})`;
  if (request.validFrom > addDays(today, MAX_LEAD_DAYS)) return `${request.validFrom} is more than ${MAX_LEAD_DAYS} days ahead`;
  return null;
}

export interface AllocationOutcome {
  /** Every block of the holder valid on or after `today`, the new ones included. */
  blocks: NumberBlock[];
  errors: AllocationError[];
}

export interface AllocationInput {
  agencyId: string;
  holder: string;
  requests: readonly BlockRequest[];
  today: string;
  maxSequence: number;
  now: number;
  requestedBy: string;
}

/**
 * Allocates `requests` (already checked to be the caller's agency and one holder) in one
 * transaction. A request that cannot be met (day full, back-dated, too long) becomes an
 * AllocationError; the others are still allocated.
 */
export async function allocateBlocks(db: Database, input: AllocationInput): Promise<AllocationOutcome> {
  return db.transaction((tx) => allocateBlocksIn(tx, input));
}

/**
 * The same inside a transaction the caller already holds (enrollment consumes its one-time code
 * and allocates the new workstation's blocks atomically). Takes the agency's allocation lock.
 */
export async function allocateBlocksIn(tx: Queryable, input: AllocationInput): Promise<AllocationOutcome> {
  const { agencyId, holder, today, maxSequence, now } = input;
  await lockAgencyBlocks(tx, agencyId);
  // Blocks that ended before today cannot share a day with a new one (none starts before today).
  const rows = await tx.query<BlockRow>(`SELECT ${COLUMNS} FROM code_blocks WHERE agency_id = $1 AND valid_until >= $2`, [agencyId, today]);
  const existing = rows.map(toBlock);
  const errors: AllocationError[] = [];
  for (const request of input.requests) {
    const problem = policyProblem(request, today);
    if (problem) {
      errors.push(invalidRequest(problem));
      continue;
    }
    const result = allocateBlock(existing, request, { today, maxSequence, now, newId: randomUUID });
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    const b = result.block;
    await tx.query(
      `INSERT INTO code_blocks (id, agency_id, holder, kind, first, last, valid_from, valid_until, allocated_at, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [b.id, b.agencyId, b.holder, b.kind, b.first, b.last, b.validFrom, b.validUntil, b.allocatedAt, input.requestedBy],
    );
    existing.push(b); // the next request of this call must see it
  }
  return { blocks: await holderBlocks(tx, agencyId, holder, today), errors };
}
