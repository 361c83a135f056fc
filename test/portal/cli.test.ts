/** `tsx src-portal/cli.ts user add …` against the configured database, then login as that user. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { login, startPortal } from './support/portal';
import { runProcess, type ProcessRun } from './support/run';

function runCli(db: TestDatabase, args: string[]): Promise<ProcessRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...db.env };
  if (!db.env.DATABASE_URL) delete env.DATABASE_URL; // the PGlite target must not inherit the server URL
  return runProcess('npx', ['tsx', 'src-portal/cli.ts', ...args], env);
}

const addArgs = (username: string, extra: string[] = []) => [
  'user', 'add', '--username', username, '--password', 'mật khẩu dài 2026', '--role', 'supervisor', '--agency', '000.17.22.H56', ...extra,
];

describe.each(DB_TARGETS)('portal CLI ($name)', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await target.create();
  }, SETUP_TIMEOUT);
  afterAll(async () => db?.cleanup());

  it('adds a user who can then log in', async () => {
    const run = await runCli(db, addArgs('hoa.nguyen', ['--display-name', 'Nguyễn Thị Hoa']));
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('created user hoa.nguyen (role supervisor, agency 000.17.22.H56)');
    expect(run.stdout).not.toContain('mật khẩu');

    const seeded: string[] = [];
    const portal = await startPortal(db, { announce: (t) => seeded.push(t) });
    try {
      const session = await login(portal.base, 'hoa.nguyen', 'mật khẩu dài 2026');
      expect(session.user).toEqual({ username: 'hoa.nguyen', role: 'supervisor', agencyId: '000.17.22.H56', displayName: 'Nguyễn Thị Hoa' });
      expect(seeded).toEqual([]); // a user already exists: no admin is seeded
    } finally {
      await portal.close();
    }
  }, 60_000);

  it('refuses a duplicate user with a clear message and a non-zero exit', async () => {
    const run = await runCli(db, addArgs('hoa.nguyen'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('user "hoa.nguyen" already exists');
  }, 60_000);

  // PGlite only: a PostgreSQL server has no single-opener limit, so the case does not exist there.
  if (target.name === 'pglite') it('refuses to open the embedded database while the portal runs', async () => {
    const portal = await startPortal(db);
    try {
      const run = await runCli(db, addArgs('while.running'));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/in use by process \d+.*stop the portal first/);
    } finally {
      await portal.close();
    }
  }, 60_000);

  it('refuses invalid input before touching the database', async () => {
    const [badRole, badAgency, shortPassword, unknownFlag, unknownCommand] = await Promise.all([
      runCli(db, ['user', 'add', '--username', 'x1', '--password', 'longenough', '--role', 'boss', '--agency', '000.17.22.H56']),
      runCli(db, addArgs('x2').map((a) => (a === '000.17.22.H56' ? 'H56' : a))),
      runCli(db, ['user', 'add', '--username', 'x3', '--password', 'short', '--role', 'clerk', '--agency', '000.17.22.H56']),
      runCli(db, [...addArgs('x4'), '--admin']),
      runCli(db, ['user', 'delete']),
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/--role/);
    expect(badAgency.code).toBe(2);
    expect(badAgency.stderr).toMatch(/--agency/);
    expect(shortPassword.code).toBe(2);
    expect(shortPassword.stderr).toMatch(/--password/);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/usage:/);
    expect(unknownCommand.code).toBe(2);
  }, 60_000);
});
