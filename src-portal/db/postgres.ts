/** A PostgreSQL server through a node-postgres pool (DATABASE_URL). */
import pg from 'pg';
import type { Database, Queryable } from './types';

export async function openPostgres(connectionString: string, onIdleError?: (err: Error) => void): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => onIdleError?.(err));
  await pool.query('SELECT 1'); // fail fast at start on a wrong URL
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => (await q.query(sql, params)).rows as T[],
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
