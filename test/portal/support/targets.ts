/**
 * The databases every DB-touching portal test runs against: always embedded PGlite in a temp
 * folder, plus the PostgreSQL server in DATABASE_URL when set (each suite in a fresh schema,
 * dropped afterwards, so runs are repeatable).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
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

/** The server URL with every connection's search_path set to one schema. */
function urlWithSchema(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

const postgresTarget = (base: string): DbTarget => ({
  name: 'postgres',
  async create() {
    const schema = `motcua_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const databaseUrl = urlWithSchema(base, schema);
    const dataDir = tempDir();
    return {
      config: { dataDir, databaseUrl },
      env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
      async cleanup() {
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
});

export const DB_TARGETS: DbTarget[] = serverUrl ? [pgliteTarget, postgresTarget(serverUrl)] : [pgliteTarget];

/** Creating a fresh PGlite data folder takes several seconds on a slow machine. */
export const SETUP_TIMEOUT = 60_000;
