/** Migrations, first-start admin seeding and the signing key, on every configured database. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-portal/db/open';
import { migrate, MIGRATIONS } from '../../src-portal/db/migrations';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { call, login, startPortal } from './support/portal';

describe.each(DB_TARGETS)('database and first start ($name)', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await target.create();
  }, SETUP_TIMEOUT);
  afterAll(async () => db?.cleanup());

  it('applies migrations once and is idempotent on reopen', async () => {
    const first = await openDatabase(db.config);
    try {
      expect(await migrate(first)).toEqual([]); // openDatabase already migrated
      const rows = await first.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await first.close();
    }
    const again = await openDatabase(db.config);
    try {
      const rows = await again.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0]?.n).toBe(MIGRATIONS.length);
      const tables = await again.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(['code_blocks', 'documents', 'enrollment_codes', 'file_blobs', 'reference_data', 'reference_data_history', 'refresh_tokens', 'schema_migrations', 'settings', 'users', 'workstations']);
    } finally {
      await again.close();
    }
  });

  it('seeds admin with a random password printed once, never in the JSON log', async () => {
    const printed: string[] = [];
    let logs = '';
    const logStream = new Writable({
      write(chunk, _enc, done) {
        logs += String(chunk);
        done();
      },
    });
    const announce = (text: string) => printed.push(text);

    const portal = await startPortal(db, { announce, seedAgency: '000.17.22.H56', logger: { level: 'trace', stream: logStream } });
    const banner = printed.join('');
    const password = /password: (\S+)/.exec(banner)?.[1];
    expect(printed).toHaveLength(1);
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const session = await login(portal.base, 'admin', password);
    expect(session.user).toEqual({ username: 'admin', role: 'admin', agencyId: '000.17.22.H56', displayName: 'Administrator' });
    await portal.close();

    const restarted = await startPortal(db, { announce });
    expect(printed).toHaveLength(1); // not seeded, not printed again
    expect((await login(restarted.base, 'admin', password)).accessToken).toBeTruthy(); // same signing key reloads
    await restarted.close();

    expect(logs).toContain('"msg":"login"');
    expect(logs).not.toContain(password);
    expect(logs).not.toContain(session.accessToken);
    expect(logs).not.toContain(session.refreshToken);
  });

  // PGlite only: a PostgreSQL server has no single-opener limit, so the case does not exist there.
  if (target.name === 'pglite') it('refuses a second opener of the embedded database folder', async () => {
    const first = await openDatabase(db.config);
    try {
      await expect(openDatabase(db.config)).rejects.toThrow(/in use by process \d+ \(this process\)/);
    } finally {
      await first.close();
    }
    const again = await openDatabase(db.config); // released on close
    await again.close();
  });

  it('refuses an invalid SEED_AGENCY', async () => {
    await expect(startPortal(db, { seedAgency: 'H56' })).rejects.toThrow(/SEED_AGENCY/);
  });

  it('answers health without authentication', async () => {
    const portal = await startPortal(db);
    try {
      const res = await call(portal.base, '/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', version: expect.any(String), database: target.name });
    } finally {
      await portal.close();
    }
  });
});
