/**
 * One zustand store per open digitisation batch, kept up to date from 'digitize.changed' while a
 * screen shows it. Every batch the Node side sends (event or answer) is applied in arrival order:
 * one ordered channel, so the last to arrive is the newest.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DigitizeBatch } from '../../src-shared/contract/digitize';
import { desktop } from '../bridge';

export interface BatchState {
  batchId: string;
  /** null until first read. */
  batch: DigitizeBatch | null;
  /** Why the batch could not be read (the local service is down); null when fine. */
  error: string | null;
  apply(batch: DigitizeBatch): void;
  refresh(): Promise<void>;
}

interface Entry {
  store: StoreApi<BatchState>;
  users: number;
  stop: (() => void) | null;
}

const entries = new Map<string, Entry>();

function makeStore(batchId: string): StoreApi<BatchState> {
  return createStore<BatchState>((set) => ({
    batchId,
    batch: null,
    error: null,
    apply: (batch) => {
      if (batch.id === batchId) set({ batch, error: null });
    },
    refresh: async () => {
      try {
        const batch = await desktop().invoke('digitize.batch', { batchId });
        set({ batch, error: null });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
  }));
}

/** The store of a batch (made on first use, kept for the session: a few per day, small). */
export function batchStore(batchId: string): StoreApi<BatchState> {
  let entry = entries.get(batchId);
  if (!entry) {
    entry = { store: makeStore(batchId), users: 0, stop: null };
    entries.set(batchId, entry);
  }
  return entry.store;
}

/** Follows the batch's changes until the returned function is called (counted per screen). */
export function watchBatch(batchId: string): () => void {
  const store = batchStore(batchId);
  const entry = entries.get(batchId) as Entry;
  entry.users += 1;
  if (entry.users === 1) {
    entry.stop = desktop().on('digitize.changed', (batch) => store.getState().apply(batch));
    void store.getState().refresh();
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    entry.users -= 1;
    if (entry.users === 0) {
      entry.stop?.();
      entry.stop = null;
    }
  };
}

/** The batch as a React screen sees it, followed while the screen is mounted. */
export function useBatch(batchId: string): BatchState {
  const store = useMemo(() => batchStore(batchId), [batchId]);
  useEffect(() => watchBatch(batchId), [batchId]);
  return useStore(store);
}
