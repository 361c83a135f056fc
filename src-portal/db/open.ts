/** Opens the configured database and brings its schema up to date. */
import { join } from 'node:path';
import type { DatabaseConfig } from '../config';
import { migrate } from './migrations';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database } from './types';

export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pgdata');
}

export async function openDatabase(config: DatabaseConfig, onIdleError?: (err: Error) => void): Promise<Database> {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl, onIdleError)
    : await openPglite(pgliteDir(config.dataDir));
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}
