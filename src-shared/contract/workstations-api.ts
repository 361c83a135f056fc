/**
 * Workstation enrollment (đăng ký máy trạm). An administrator makes a one-time code for a centre; the
 * workstation presents it once and receives its identity, a secret shown only then, and its first
 * dossier-number blocks (docs/dossier-codes.md). The portal keeps only hashes of codes and secrets.
 */
import { z } from 'zod';
import type { AllocationError, NumberBlock } from '../domain/dossier-code/allocator';
import type { DossierCodeFormat } from '../domain/dossier-code/format';
import { agencyIdSchema } from './portal-api';
import { allocationErrorSchema, dossierCodeFormatSchema, holderSchema, numberBlockSchema } from './reference-api';
import { API_PREFIX } from './sync';

export const workstationPaths = {
  enrollmentCodes: `${API_PREFIX}/workstations/enrollment-codes`,
  /** No bearer token: the one-time code is the credential. */
  enroll: `${API_PREFIX}/workstations/enroll`,
  list: `${API_PREFIX}/workstations`,
  revoke: (id: string) => `${API_PREFIX}/workstations/${encodeURIComponent(id)}/revoke`,
} as const;

// ---------------------------------------------------------------------------------------------
// Enrollment codes: 12 Crockford base32 characters (60 bits), shown as XXXX-XXXX-XXXX

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ENROLLMENT_CODE_LENGTH = 12;
export const ENROLLMENT_HOURS_DEFAULT = 24;
export const ENROLLMENT_HOURS_MAX = 168;

/** Characters people confuse, read the way Crockford's decoding reads them. */
const LOOKALIKES: Readonly<Record<string, string>> = { I: '1', L: '1', O: '0' };

/**
 * The canonical 12 characters of a code as typed: case, dashes and spaces ignored, I/L read as 1
 * and O as 0. Null when it cannot be a code (wrong length or another character).
 */
export function normaliseEnrollmentCode(input: string): string | null {
  const raw = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[ILO]/g, (c) => LOOKALIKES[c] ?? c);
  if (raw.length !== ENROLLMENT_CODE_LENGTH) return null;
  return [...raw].every((c) => CROCKFORD_ALPHABET.includes(c)) ? raw : null;
}

/** `XXXX-XXXX-XXXX` from the canonical 12 characters. */
export function formatEnrollmentCode(canonical: string): string {
  return canonical.match(/.{1,4}/g)?.join('-') ?? canonical;
}

/** POST /workstations/enrollment-codes (administrator). */
export const enrollmentCodeRequestSchema = z
  .object({
    agencyId: agencyIdSchema,
    validHours: z.number().int().min(1).max(ENROLLMENT_HOURS_MAX).default(ENROLLMENT_HOURS_DEFAULT),
  })
  .strict();
export type EnrollmentCodeRequest = z.input<typeof enrollmentCodeRequestSchema>;

export const enrollmentCodeResponseSchema = z.object({
  /** Shown once, as XXXX-XXXX-XXXX; the portal cannot show it again. */
  code: z.string(),
  agencyId: agencyIdSchema,
  /** Epoch ms; the code is refused from then on. */
  expiresAt: z.number().int(),
});
export type EnrollmentCodeResponse = z.infer<typeof enrollmentCodeResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Enrollment

export const WORKSTATION_NAME_MAX = 100;

/** POST /workstations/enroll. */
export const enrollRequestSchema = z
  .object({
    code: z.string().min(1).max(64),
    /** What the counter is called, e.g. "Quầy 3 – Tư pháp". */
    name: z.string().trim().min(1).max(WORKSTATION_NAME_MAX),
    /** The numbering holder the workstation used before enrolling, if any (kept in the log only). */
    holder: holderSchema.optional(),
  })
  .strict();
export type EnrollRequest = z.input<typeof enrollRequestSchema>;

/**
 * The workstation's identity and first number blocks. `workstationId` is also the holder of the
 * blocks: the workstation starts its issuer state with it (newIssuerState(workstationId)).
 * `today` and `format` are as in BlocksResponse (prune with the portal's day, print in its format).
 */
export const enrollResponseSchema = z.object({
  workstationId: z.string().min(1).max(64),
  agencyId: agencyIdSchema,
  name: z.string(),
  /** Shown once; only its SHA-256 is stored. */
  secret: z.string().min(32),
  /** Epoch ms. */
  enrolledAt: z.number().int(),
  today: z.string(),
  format: dossierCodeFormatSchema,
  blocks: z.array(numberBlockSchema),
  /** Block requests the portal could not meet now (e.g. the agency's day is full); ask again later. */
  errors: z.array(allocationErrorSchema),
});
export interface EnrollResponse {
  workstationId: string;
  agencyId: string;
  name: string;
  secret: string;
  enrolledAt: number;
  today: string;
  format: DossierCodeFormat;
  blocks: NumberBlock[];
  errors: AllocationError[];
}

// ---------------------------------------------------------------------------------------------
// Listing and revocation

/** GET /workstations?agencyId=… (administrators: any centre or all; supervisors: their own). */
export const workstationsQuerySchema = z.object({ agencyId: agencyIdSchema.optional() }).strict();

export const workstationSummarySchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  name: z.string(),
  enrolledAt: z.number().int(),
  /** Epoch ms, or null while the workstation is in service. */
  revokedAt: z.number().int().nullable(),
});
export type WorkstationSummary = z.infer<typeof workstationSummarySchema>;

export interface WorkstationsResponse {
  workstations: WorkstationSummary[];
}
