/**
 * The databases every DB-touching portal test runs against: always embedded PGlite in a temp
 * folder, plus the PostgreSQL server in DATABASE_URL when set (each suite in a fresh schema,
 * dropped afterwards, so runs are repeatable).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema } from '../../support/pg-schema';
import type { DatabaseConfig } from '../../../src-portal/config';

export interface TestDatabase {
  config: DatabaseConfig;
  /** Environment for a child process (the CLI) pointing at the same database. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export interface DbTarget {
  name: 'pglite' | 'postgres';
  create(): Promise<TestDatabase>;
}

const serverUrl = process.env.DATABASE_URL;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'motcua-portal-test-'));
}

const pgliteTarget: DbTarget = {
  name: 'pglite',
  async create() {
    const dataDir = tempDir();
    return {
      config: { dataDir },
      env: { DATA_DIR: dataDir },
      async cleanup() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const postgresTarget = (base: string): DbTarget => ({
  name: 'postgres',
  async create() {
    const { url: databaseUrl, drop } = await createTestSchema(base, 'motcua_test');
    const dataDir = tempDir();
    return {
      config: { dataDir, databaseUrl },
      env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
      async cleanup() {
        await drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
});

export const DB_TARGETS: DbTarget[] = serverUrl ? [pgliteTarget, postgresTarget(serverUrl)] : [pgliteTarget];

/** Creating a fresh PGlite data folder takes several seconds on a slow machine. */
export const SETUP_TIMEOUT = 60_000;
