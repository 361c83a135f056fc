/** `motcua publish`: an administrator's catalog or calendar year reaches the portal, validated first. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPublishCommand } from '../../src-main/cli/publish';
import { createUser } from '../../src-portal/users';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, PASSWORD, call, startPortal, userToken, type RunningPortal } from './support/portal';
import { runCommand } from './support/run';

const RESOURCES = resolve(import.meta.dirname, '../../resources');
const dir = mkdtempSync(join(tmpdir(), 'motcua-publish-'));
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

describe.each(DB_TARGETS.slice(0, 1))('motcua publish ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let clerk: string;
  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db);
    await createUser(portal.db, { username: 'admin.an', password: PASSWORD, role: 'admin', agencyId: AGENCY_A });
    await createUser(portal.db, { username: 'clerk.cli', password: PASSWORD, role: 'clerk', agencyId: AGENCY_A });
    clerk = await userToken(portal, 'clerk.binh', 'clerk', AGENCY_A);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
  });

  const run = (args: string[], password = PASSWORD) => runCommand(runPublishCommand, [...args, '--portal', portal.origin], { MOTCUA_PASSWORD: password });

  it('publishes a newer catalog that every workstation then receives', async () => {
    const seed = JSON.parse(readFileSync(join(RESOURCES, 'seed', 'procedures.json'), 'utf8')) as { version: string; procedures: { name: string }[] };
    const next = { ...seed, version: `${seed.version}9`, procedures: seed.procedures.map((p, i) => (i === 0 ? { ...p, name: `${p.name} (sửa đổi)` } : p)) };
    const result = await run(['--catalog', write('catalog.json', next), '--username', 'admin.an']);
    expect(result).toMatchObject({ code: 0, out: `published /catalog version ${next.version}` });
    const served = await call<{ version: string; procedures: { name: string }[] }>(portal.base, '/catalog', { token: clerk });
    expect(served.body.version).toBe(next.version);
    expect(served.body.procedures[0]!.name).toMatch(/\(sửa đổi\)$/);
  });

  it('publishes a calendar year', async () => {
    const table = JSON.parse(readFileSync(join(RESOURCES, 'calendar', '2027.json'), 'utf8')) as { version: number };
    const result = await run(['--calendar', write('2027.json', { ...table, version: table.version + 1 }), '--username', 'admin.an']);
    expect(result.code, result.err).toBe(0);
    const served = await call<{ tables: { year: number; version: number }[] }>(portal.base, '/calendar/tables', { token: clerk });
    expect(served.body.tables.find((t) => t.year === 2027)?.version).toBe(table.version + 1);
  });

  it('refuses an invalid file before contacting the portal, a wrong password and a non-admin, with clear messages', async () => {
    const invalid = await run(['--catalog', write('bad.json', { version: 'x', procedures: [{ code: 'nope' }] }), '--username', 'admin.an']);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/invalid catalog — procedures\.0\.code/);
    expect((await run(['--catalog', write('broken.json', '{'), '--username', 'admin.an'])).err).toMatch(/cannot read JSON/);
    expect((await run(['--catalog', join(dir, 'catalog.json'), '--username', 'admin.an'], 'wrong')).err).toMatch(/login refused \(401\)/);
    expect((await run(['--catalog', join(dir, 'catalog.json'), '--username', 'clerk.cli'])).err).toMatch(/portal refused \(403\)/);
    expect((await run(['--catalog', join(dir, 'catalog.json')])).code).toBe(2);
  });
});
