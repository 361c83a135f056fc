/**
 * The facts store's snapshot, kept in its own small IndexedDB database beside RxDB's, so a restart
 * catches up from checkpoints instead of re-reading every dossier. It holds no citizen data (no
 * names, ID numbers or addresses: see DossierFact), only codes, dates, counters and clerks.
 * A snapshot from another format version is ignored and rebuilt.
 */
import type { RxStorageDefaultCheckpoint } from 'rxdb';
import type { DossierEventDoc } from '../../src-shared/contract/documents';
import type { DossierFact } from './facts-store';

const DB_NAME = 'motcua_facts';
const STORE = 'snapshots';
const FORMAT = 1;

export interface FactsSnapshot {
  checkpoints: Record<'dossiers' | 'files' | 'events', RxStorageDefaultCheckpoint | undefined>;
  facts: DossierFact[];
  fileComponents: [string, string[]][];
  factEvents: [string, DossierEventDoc[]][];
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

async function open(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB_NAME, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE);
  return request(r);
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    const tx = db.transaction(STORE, mode);
    const result = await request(run(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  } finally {
    db.close();
  }
}

export async function loadSnapshot(key: string): Promise<FactsSnapshot | null> {
  const stored = (await withStore('readonly', (s) => s.get(key))) as { format: number; snapshot: FactsSnapshot } | undefined;
  return stored?.format === FORMAT ? stored.snapshot : null;
}

export async function saveSnapshot(key: string, snapshot: FactsSnapshot): Promise<void> {
  await withStore('readwrite', (s) => s.put({ format: FORMAT, snapshot }, key));
}

export async function deleteSnapshot(key: string): Promise<void> {
  await withStore('readwrite', (s) => s.delete(key));
}
