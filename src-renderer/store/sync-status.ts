/** What the always-visible status bar shows: connectivity, outbox size and replication activity. */
import { create } from 'zustand';

export interface SyncStatus {
  /** null until the first probe answered. */
  online: boolean | null;
  pending: number;
  rejected: number;
  active: boolean;
  lastSyncAt: number | null;
  lastError: string | null;
}

export const useSyncStatus = create<SyncStatus & { patch(p: Partial<SyncStatus>): void }>((set) => ({
  online: null,
  pending: 0,
  rejected: 0,
  active: false,
  lastSyncAt: null,
  lastError: null,
  patch: (p) => set(p),
}));
