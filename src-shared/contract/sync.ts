/**
 * Replication protocol between a workstation and the portal (RxDB pull / push / stream).
 * Checkpoints are assigned by the server: `seq` comes from one strictly increasing sequence, so
 * client clocks never decide ordering. The server stores pushed documents exactly as sent.
 */
import { z } from 'zod';
import type { ReplicatedCollection } from './documents';

export const API_PREFIX = '/api/v1';

export const checkpointSchema = z.object({
  id: z.string().max(64),
  seq: z.number().int().nonnegative(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** A replicated document as it travels: the stored fields plus RxDB's `_deleted` flag. */
export const wireDocumentSchema = z.looseObject({ id: z.string().min(1).max(64), _deleted: z.boolean() });
export type WireDocument = z.infer<typeof wireDocumentSchema>;

export const PULL_LIMIT_MAX = 500;
export const pullQuerySchema = z.object({
  checkpoint: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(PULL_LIMIT_MAX).default(100),
});

export interface PullResponse {
  documents: WireDocument[];
  /** null when the collection is empty for this caller. */
  checkpoint: Checkpoint | null;
}

export const PUSH_ROWS_MAX = 200;
export const pushRowSchema = z.object({
  assumedMasterState: wireDocumentSchema.nullable().optional(),
  newDocumentState: wireDocumentSchema,
});
export const pushRequestSchema = z.array(pushRowSchema).max(PUSH_ROWS_MAX);
export type PushRow = z.infer<typeof pushRowSchema>;

/** A document the portal refused for good, with a reason a person can read. It never blocks the rest. */
export interface RejectedDocument {
  id: string;
  reason: string;
}

export interface PushResponse {
  /** Current master states of the documents whose assumed state was outdated (RxDB conflicts). */
  conflicts: WireDocument[];
  rejected: RejectedDocument[];
}

/** One server-sent event on the live stream. */
export interface StreamEvent {
  documents: WireDocument[];
  checkpoint: Checkpoint;
}

export const replicationPaths = (collection: ReplicatedCollection) => ({
  pull: `${API_PREFIX}/replication/${collection}/pull`,
  push: `${API_PREFIX}/replication/${collection}/push`,
  stream: `${API_PREFIX}/replication/${collection}/stream`,
});
