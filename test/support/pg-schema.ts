/**
 * A throwaway schema on a PostgreSQL server, so portal tests and benches repeat on one server:
 * every connection of the returned URL has its search_path set to the new schema.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestSchema {
  schema: string;
  /** `base` with `options=-c search_path=<schema>`. */
  url: string;
  drop(): Promise<void>;
}

async function run(base: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestSchema(base: string, prefix: string): Promise<TestSchema> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  await run(base, `CREATE SCHEMA ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { schema, url: url.toString(), drop: () => run(base, `DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}
