/**
 * Back office (cán bộ chuyên môn): officers move transferred dossiers on at the portal — supplement
 * or fee requests, result received, stop, reschedule — and the change replicates back to the
 * counter. The state machine is the shared one (domain/lifecycle); this is only the HTTP shape.
 */
import { z } from 'zod';
import type { DossierDoc, DossierEventDoc } from './documents';
import { MAX_EPOCH_MS } from './documents';
import type { LifecycleAction } from '../domain/lifecycle/apply';
import { agencyIdSchema } from './portal-api';
import { API_PREFIX } from './sync';

export const backofficePaths = {
  dossiers: `${API_PREFIX}/backoffice/dossiers`,
  actions: (id: string) => `${API_PREFIX}/backoffice/dossiers/${encodeURIComponent(id)}/actions`,
} as const;

/** Actions the back office takes; receiving, transfer and returning stay at the counter. */
export const BACKOFFICE_ACTIONS = ['supplementRequested', 'feeRequested', 'feePaid', 'resultReceived', 'stopped', 'rescheduled'] as const;
export type BackofficeActionType = (typeof BACKOFFICE_ACTIONS)[number];
export type BackofficeAction = Extract<LifecycleAction, { type: BackofficeActionType }>;

/** The event reason's limit in documents.ts; longer text would make an invalid event. */
const reason = z.string().max(2000);

export const backofficeActionSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('supplementRequested'),
      missing: z
        .array(z.object({ componentId: z.string().max(32).optional(), name: z.string().max(500), reason: z.string().max(500) }).strict())
        .min(1)
        .max(60),
      reason,
    })
    .strict(),
  z.object({ type: z.literal('feeRequested'), amountVnd: z.number().int().min(0).max(1e12), reason }).strict(),
  z.object({ type: z.literal('feePaid'), reason: reason.optional() }).strict(),
  z.object({ type: z.literal('resultReceived'), reason: reason.optional() }).strict(),
  z.object({ type: z.literal('stopped'), reason }).strict(),
  z.object({ type: z.literal('rescheduled'), appointmentAt: z.number().int().min(0).max(MAX_EPOCH_MS), reason }).strict(),
]) satisfies z.ZodType<BackofficeAction>;

/** POST /backoffice/dossiers/:id/actions. */
export const backofficeActionRequestSchema = z
  .object({
    action: backofficeActionSchema,
    /** The `updatedAt` the officer saw: a dossier changed since is refused (409) rather than overwritten. */
    expectedUpdatedAt: z.number().int().min(0).max(MAX_EPOCH_MS).optional(),
  })
  .strict();
export type BackofficeActionRequest = z.infer<typeof backofficeActionRequestSchema>;

export interface BackofficeActionResponse {
  dossier: DossierDoc;
  event: DossierEventDoc;
}

/** Body of a refused action: the lifecycle's reason in both UI languages. */
export interface BackofficeActionError {
  error: 'conflict' | 'invalid_request';
  /** English, like every portal error. */
  message: string;
  messageVi: string;
  messageEn: string;
  /** LifecycleErrorCode, or `not-transferred` for a dossier still at the counter. */
  reason: string;
}

export const BACKOFFICE_LIMIT_MAX = 500;

/** GET /backoffice/dossiers. `code` matches code prefixes; `agencyId` is for administrators. */
export const backofficeQuerySchema = z
  .object({
    code: z.string().trim().min(1).max(40).optional(),
    status: z.coerce.number().int().min(1).max(10).optional(),
    limit: z.coerce.number().int().min(1).max(BACKOFFICE_LIMIT_MAX).default(100),
    agencyId: agencyIdSchema.optional(),
  })
  .strict();

export interface BackofficeDossiersResponse {
  /** Newest reception first; deleted dossiers are left out. */
  dossiers: DossierDoc[];
}
