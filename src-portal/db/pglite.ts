/** Embedded PostgreSQL (WASM). Only one process may open a data folder at a time (see dir-lock.ts). */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockDirectory } from './dir-lock';
import type { Database, Queryable } from './types';

export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDirectory(`${dataDir}.lock`, `the portal database ${dataDir}`);
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir);
  } catch (err) {
    unlock();
    throw err;
  }
  let closed = false;
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => (await q.query<T>(sql, params)).rows,
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (closed) return; // idempotent: the lock must only be released by its own holder, once
      closed = true;
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}
