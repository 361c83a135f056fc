/**
 * Enrolls this workstation with the portal once, with a one-time code from an administrator
 * (docs/portal.md, "Enrollment"): the portal gives it an identity and its first dossier-number
 * blocks, under that identity as holder. The previous holder's blocks are never used again
 * (issuer-store.ts), so no code can be issued twice across the switch.
 */
import { normaliseEnrollmentCode, workstationPaths, type EnrollResponse } from '../../src-shared/contract/workstations-api';
import { acceptBlocks, newIssuerState } from '../../src-shared/domain/dossier-code/allocator';
import { modifySetting, readSetting } from '../db/setting-doc';
import { CODE_ISSUER_KEY, writeCodeFormat } from '../dossiers/issuer-store';
import type { Workspace } from '../runtime';

export const ENROLLMENT_KEY = 'enrollment';

export interface Enrollment {
  workstationId: string;
  agencyId: string;
  name: string;
  enrolledAt: number;
}

/** Why enrollment failed, for the clerk (the portal's own reasons are passed through by code). */
export class EnrollmentError extends Error {
  constructor(readonly reason: 'bad-code' | 'other-centre') {
    super(reason);
    this.name = 'EnrollmentError';
  }
}

export async function readEnrollment(ws: Workspace): Promise<Enrollment | null> {
  return (await readSetting<Enrollment>(ws.db, ENROLLMENT_KEY)) ?? null;
}

export async function enrollWorkstation(ws: Workspace, code: string, name: string): Promise<Enrollment> {
  const canonical = normaliseEnrollmentCode(code);
  if (!canonical) throw new EnrollmentError('bad-code');
  const response = await ws.client.postPublic<EnrollResponse>(workstationPaths.enroll, { code: canonical, name, holder: ws.holder });
  // The local database is one centre's: a code for another centre must not mix them.
  if (response.agencyId !== ws.user.agencyId) throw new EnrollmentError('other-centre');
  await modifySetting<unknown>(ws.db, CODE_ISSUER_KEY, null, () => acceptBlocks(newIssuerState(response.workstationId), response.blocks));
  await writeCodeFormat(ws.db, { format: response.format, today: response.today, seenAt: Date.now() });
  const enrollment: Enrollment = { workstationId: response.workstationId, agencyId: response.agencyId, name: response.name, enrolledAt: response.enrolledAt };
  await ws.db.settings.upsert({ id: ENROLLMENT_KEY, value: enrollment });
  ws.setHolder(response.workstationId);
  return enrollment;
}
