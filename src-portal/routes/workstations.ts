/**
 * Workstation enrollment (docs/portal.md, "Enrollment"). An administrator makes a one-time code for
 * a centre; the workstation enrolls with it (no account: the code is the credential) and receives
 * its id, a secret and its first dossier-number blocks. Administrators list and revoke
 * workstations; a supervisor lists those of their own centre.
 */
import type { FastifyInstance } from 'fastify';
import { compileFormat, type DossierCodeFormat } from '../../src-shared/domain/dossier-code/format';
import { vnDay } from '../../src-shared/domain/vn-time';
import {
  enrollmentCodeRequestSchema,
  enrollRequestSchema,
  formatEnrollmentCode,
  normaliseEnrollmentCode,
  workstationPaths,
  workstationsQuerySchema,
  type EnrollmentCodeResponse,
  type EnrollResponse,
  type WorkstationsResponse,
  type WorkstationSummary,
} from '../../src-shared/contract/workstations-api';
import type { Database } from '../db/types';
import { sha256Hex } from '../auth/sha256';
import { callerOf } from '../http/authenticate';
import { badRequest, forbidden, HttpError, notFound, zodMessage } from '../http/errors';
import { scopedPath } from '../http/paths';
import { EnrollmentRefused, enrollWorkstation } from '../workstations/enroll';
import { newEnrollmentCode } from '../workstations/secrets';
import { insertEnrollmentCode, listWorkstations, revokeWorkstation } from '../workstations/store';

const BODY_LIMIT = 16 * 1024;

/** Distinct codes so the workstation can say, in its own language, what to do next. */
const REFUSED: Record<EnrollmentRefused['reason'], () => HttpError> = {
  unknown: () => new HttpError(400, 'enrollment_code_unknown', 'Unknown enrollment code: check it with the administrator who made it'),
  used: () => new HttpError(410, 'enrollment_code_used', 'This enrollment code has already been used; ask the administrator for a new one'),
  expired: () => new HttpError(410, 'enrollment_code_expired', 'This enrollment code has expired; ask the administrator for a new one'),
};

/** POST /api/v1/workstations/enroll, registered outside the bearer-token scope. */
export function enrollRoutes(app: FastifyInstance, db: Database, format: DossierCodeFormat, clock: () => number = Date.now): void {
  const { maxSequence } = compileFormat(format);

  app.post(workstationPaths.enroll, { bodyLimit: BODY_LIMIT }, async (request): Promise<EnrollResponse> => {
    const body = enrollRequestSchema.safeParse(request.body);
    if (!body.success) throw badRequest(zodMessage(body.error));
    const code = normaliseEnrollmentCode(body.data.code);
    if (!code) throw badRequest('code: expected 12 letters and digits such as 7K3M-Q9TX-4RBD');
    const now = clock();
    const today = vnDay(now);
    try {
      const enrolled = await enrollWorkstation(db, { codeHash: sha256Hex(code), name: body.data.name, today, maxSequence, now });
      const { workstation } = enrolled;
      request.log.info(
        { workstationId: workstation.id, agencyId: workstation.agencyId, previousHolder: body.data.holder, blocks: enrolled.blocks.length },
        'workstation enrolled',
      );
      return {
        workstationId: workstation.id,
        agencyId: workstation.agencyId,
        name: workstation.name,
        secret: enrolled.secret,
        enrolledAt: workstation.enrolledAt,
        today,
        format,
        blocks: enrolled.blocks,
        errors: enrolled.errors,
      };
    } catch (err) {
      if (err instanceof EnrollmentRefused) throw REFUSED[err.reason]();
      throw err;
    }
  });
}

/** The administrative routes, inside the bearer-token scope. */
export function workstationRoutes(app: FastifyInstance, db: Database): void {
  app.post(scopedPath(workstationPaths.enrollmentCodes), { bodyLimit: BODY_LIMIT }, async (request): Promise<EnrollmentCodeResponse> => {
    const caller = callerOf(request);
    if (caller.role !== 'admin') throw forbidden('Only an administrator may make enrollment codes');
    const body = enrollmentCodeRequestSchema.safeParse(request.body ?? {});
    if (!body.success) throw badRequest(zodMessage(body.error));
    const code = newEnrollmentCode();
    const { agencyId, validHours } = body.data;
    const expiresAt = await insertEnrollmentCode(db, { codeHash: sha256Hex(code), agencyId, createdBy: caller.username, validHours });
    request.log.info({ username: caller.username, agencyId, validHours }, 'enrollment code made');
    return { code: formatEnrollmentCode(code), agencyId, expiresAt };
  });

  app.get(scopedPath(workstationPaths.list), async (request): Promise<WorkstationsResponse> => {
    const caller = callerOf(request);
    const query = workstationsQuerySchema.safeParse(request.query);
    if (!query.success) throw badRequest(zodMessage(query.error));
    const asked = query.data.agencyId;
    if (caller.role === 'admin') return { workstations: await listWorkstations(db, asked ?? null) };
    if (caller.role !== 'supervisor') throw forbidden('Your role may not list workstations');
    if (asked && asked !== caller.agencyId) throw forbidden(`agency ${asked} belongs to another centre`);
    return { workstations: await listWorkstations(db, caller.agencyId) };
  });

  app.post(`${scopedPath(workstationPaths.list)}/:id/revoke`, async (request): Promise<WorkstationSummary> => {
    const caller = callerOf(request);
    if (caller.role !== 'admin') throw forbidden('Only an administrator may revoke a workstation');
    const { id } = request.params as { id: string };
    const revoked = await revokeWorkstation(db, id);
    if (!revoked) throw notFound(`No workstation ${id}`);
    request.log.info({ username: caller.username, workstationId: id }, 'workstation revoked');
    return revoked;
  });
}
