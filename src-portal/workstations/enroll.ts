/**
 * Enrollment in one transaction: claim the one-time code, register the workstation, and allocate
 * its first dossier-number blocks (holder = the new workstation id) with the same allocator and
 * supply policy as POST /codes/blocks. Any failure rolls everything back, the code included.
 */
import { randomUUID } from 'node:crypto';
import { blocksToRequest, newIssuerState, type AllocationError, type NumberBlock } from '../../src-shared/domain/dossier-code/allocator';
import type { WorkstationSummary } from '../../src-shared/contract/workstations-api';
import { allocateBlocksIn } from '../codes/store';
import type { Database } from '../db/types';
import { sha256Hex } from '../auth/sha256';
import { newWorkstationSecret } from './secrets';
import { claimEnrollmentCode, insertWorkstation } from './store';

/** The code could not be used; nothing was written. */
export class EnrollmentRefused extends Error {
  constructor(readonly reason: 'unknown' | 'used' | 'expired') {
    super(`enrollment code ${reason}`);
    this.name = 'EnrollmentRefused';
  }
}

export interface Enrolled {
  workstation: WorkstationSummary;
  /** Plain secret, returned once. */
  secret: string;
  blocks: NumberBlock[];
  errors: AllocationError[];
}

export async function enrollWorkstation(
  db: Database,
  input: { codeHash: string; name: string; today: string; maxSequence: number; now: number },
): Promise<Enrolled> {
  const id = randomUUID();
  const secret = newWorkstationSecret();
  return db.transaction(async (tx) => {
    const claim = await claimEnrollmentCode(tx, input.codeHash, id);
    if (!claim.ok) throw new EnrollmentRefused(claim.reason);
    const workstation = await insertWorkstation(tx, { id, agencyId: claim.agencyId, name: input.name, secretHash: sha256Hex(secret), enrolledWith: input.codeHash });
    // A new holder has nothing yet: the policy asks for its standing block and leases to the horizon.
    const requests = blocksToRequest(newIssuerState(id), claim.agencyId, input.today, input.maxSequence);
    const outcome = await allocateBlocksIn(tx, {
      agencyId: claim.agencyId,
      holder: id,
      requests,
      today: input.today,
      maxSequence: input.maxSequence,
      now: input.now,
      requestedBy: `${claim.createdBy} (enrollment)`,
    });
    return { workstation, secret, blocks: outcome.blocks, errors: outcome.errors };
  });
}
