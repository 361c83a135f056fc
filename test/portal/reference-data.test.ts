/** Catalog and calendar tables: seeded on first start, read by every role, replaced by an admin. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarTableSchema, type CalendarTable } from '../../src-shared/contract/calendar';
import { catalogSchema, type Catalog } from '../../src-shared/contract/catalog';
import type { ApiError } from '../../src-shared/contract/portal-api';
import { calendarTablesResponseSchema, compareVersions, isNewerVersion } from '../../src-shared/contract/reference-api';
import { seedReferenceData } from '../../src-portal/reference/seed';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, AGENCY_B, call, startPortal, userToken, type RunningPortal } from './support/portal';

const RESOURCES = resolve(import.meta.dirname, '../../resources');
const seedCatalog = (): Catalog => catalogSchema.parse(JSON.parse(readFileSync(join(RESOURCES, 'seed', 'procedures.json'), 'utf8')));
const seedTables = (): CalendarTable[] =>
  readdirSync(join(RESOURCES, 'calendar'))
    .filter((n) => /^\d{4}\.json$/.test(n))
    .sort()
    .map((n) => calendarTableSchema.parse(JSON.parse(readFileSync(join(RESOURCES, 'calendar', n), 'utf8'))));

describe('catalog versions', () => {
  it('orders digit runs as numbers, so .10 follows .9', () => {
    expect(compareVersions('2026-11-21.10', '2026-11-21.9')).toBeGreaterThan(0);
    expect(compareVersions('2026-11-21.2', '2026-11-21.1')).toBeGreaterThan(0);
    expect(compareVersions('2026-12-01.1', '2026-11-21.9')).toBeGreaterThan(0);
    expect(compareVersions('2026-11-21', '2026-11-21.1')).toBeLessThan(0);
    expect(compareVersions('2026-11-21.1', '2026-11-21.1')).toBe(0);
    expect(isNewerVersion('a', null)).toBe(true);
    expect(isNewerVersion('2026-11-21.1', '2026-11-21.1')).toBe(false);
  });
});

describe.each(DB_TARGETS)('reference data ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let admin: string;
  let clerk: string;
  let supervisorB: string;
  const temp: string[] = [];

  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db);
    admin = await userToken(portal, 'admin-a', 'admin', AGENCY_A);
    clerk = await userToken(portal, 'clerk-a', 'clerk', AGENCY_A);
    supervisorB = await userToken(portal, 'sup-b', 'supervisor', AGENCY_B);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  });

  const history = (kind: string, key: string) =>
    portal.db.query<{ version: string; stored_by: string }>(
      'SELECT version, stored_by FROM reference_data_history WHERE kind = $1 AND key = $2 ORDER BY id',
      [kind, key],
    );
  const withVersion = (catalog: Catalog, version: string): Catalog => ({ ...catalog, version });

  describe('catalog', () => {
    it('serves the seeded catalog to every role, and nothing without a token', async () => {
      const seed = seedCatalog();
      for (const token of [clerk, supervisorB, admin]) {
        const res = await call<Catalog>(portal.base, '/catalog', { token });
        expect(res.status).toBe(200);
        expect(res.body).toEqual(seed);
        expect(catalogSchema.safeParse(res.body).success).toBe(true);
      }
      expect((await call(portal.base, '/catalog')).status).toBe(401);
      expect(await history('catalog', 'current')).toEqual([{ version: seed.version, stored_by: 'seed' }]);
    });

    it('lets an admin store a newer version, kept in the history', async () => {
      const seed = seedCatalog();
      const next = withVersion({ ...seed, procedures: seed.procedures.slice(0, 3) }, `${seed.version}9`);
      const put = await call<{ version: string }>(portal.base, '/catalog', { method: 'PUT', token: admin, body: next });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ version: next.version });
      const got = await call<Catalog>(portal.base, '/catalog', { token: clerk });
      expect(got.body).toEqual(next);
      expect((await history('catalog', 'current')).map((h) => h.version)).toEqual([seed.version, next.version]);
      expect((await history('catalog', 'current'))[1]?.stored_by).toBe('admin-a');
    });

    it('refuses an older or equal version with 409 and keeps the current one', async () => {
      const current = (await call<Catalog>(portal.base, '/catalog', { token: clerk })).body;
      for (const version of [current.version, '2020-01-01.1']) {
        const res = await call<ApiError>(portal.base, '/catalog', { method: 'PUT', token: admin, body: withVersion(current, version) });
        expect(res.status).toBe(409);
        expect(res.body.error).toBe('conflict');
        expect(res.body.message).toContain(current.version);
      }
      expect((await call<Catalog>(portal.base, '/catalog', { token: clerk })).body.version).toBe(current.version);
    });

    it('lets only an admin replace it (clerk and supervisor 403)', async () => {
      const next = withVersion(seedCatalog(), '2099-01-01.1');
      for (const token of [clerk, supervisorB]) {
        const res = await call<ApiError>(portal.base, '/catalog', { method: 'PUT', token, body: next });
        expect(res.status).toBe(403);
        expect(res.body.error).toBe('forbidden');
      }
      expect((await call(portal.base, '/catalog', { method: 'PUT', body: next })).status).toBe(401);
    });

    it('rejects a malformed catalog with 400 and a message naming the fields', async () => {
      const seed = seedCatalog();
      const first = seed.procedures[0]!;
      const bad = { version: '2099-01-01.1', procedures: [{ ...first, code: 'not-a-code' }, { ...first, limit: { unit: 'sameDay', value: 3 } }] };
      const res = await call<ApiError>(portal.base, '/catalog', { method: 'PUT', token: admin, body: bad });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_request');
      expect(res.body.message).toMatch(/^Invalid catalog: /);
      expect(res.body.message).toContain('procedures.0.code');
      expect(res.body.message).toContain('procedures.1.limit');
      expect(res.body.message).not.toContain('not-a-code'); // values are never echoed

      const duplicate = await call<ApiError>(portal.base, '/catalog', { method: 'PUT', token: admin, body: { version: 'x', procedures: [first, first] } });
      expect(duplicate.status).toBe(400);
      expect(duplicate.body.message).toMatch(/unique/);
      const notJson = await call<ApiError>(portal.base, '/catalog', { method: 'PUT', token: admin, rawBody: '{"version":' });
      expect(notJson.status).toBe(400);
    });

    it('serialises concurrent replacements: of two equal versions exactly one wins', async () => {
      const current = (await call<Catalog>(portal.base, '/catalog', { token: clerk })).body;
      const next = withVersion(current, `${current.version}.1`);
      const results = await Promise.all([0, 1].map(() => call(portal.base, '/catalog', { method: 'PUT', token: admin, body: next })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });
  });

  describe('calendar tables', () => {
    it('serves every seeded year to every role, sorted by year', async () => {
      for (const token of [clerk, supervisorB]) {
        const res = await call<{ tables: CalendarTable[] }>(portal.base, '/calendar/tables', { token });
        expect(res.status).toBe(200);
        expect(calendarTablesResponseSchema.safeParse(res.body).success).toBe(true);
        expect(res.body.tables).toEqual(seedTables());
      }
      expect((await call(portal.base, '/calendar/tables')).status).toBe(401);
    });

    it('lets an admin replace a year with a newer edition and add a new year', async () => {
      const table = seedTables().find((t) => t.year === 2026)!;
      const edited: CalendarTable = {
        ...table,
        version: table.version + 1,
        entries: [...table.entries.filter((e) => e.date !== '2026-11-24'), { date: '2026-11-24', kind: 'holiday', reason: 'Ngày Văn hóa Việt Nam', certainty: 'verified' }],
      };
      const put = await call(portal.base, '/calendar/tables/2026', { method: 'PUT', token: admin, body: edited });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ year: 2026, version: table.version + 1 });

      const added: CalendarTable = { year: 2028, version: 1, source: 'test', entries: [{ date: '2028-01-01', kind: 'holiday', reason: 'Tết Dương lịch', certainty: 'verified' }] };
      expect((await call(portal.base, '/calendar/tables/2028', { method: 'PUT', token: admin, body: added })).status).toBe(200);

      const tables = (await call<{ tables: CalendarTable[] }>(portal.base, '/calendar/tables', { token: clerk })).body.tables;
      expect(tables.map((t) => t.year)).toEqual([...seedTables().map((t) => t.year), 2028].sort((x, y) => x - y));
      expect(tables.find((t) => t.year === 2026)).toEqual(edited);
      expect((await history('calendar', '2026')).map((h) => h.version)).toEqual([String(table.version), String(table.version + 1)]);
    });

    it('refuses a stale edition (409), a year that does not match the URL (400) and non-admins (403)', async () => {
      const current = (await call<{ tables: CalendarTable[] }>(portal.base, '/calendar/tables', { token: clerk })).body.tables.find((t) => t.year === 2026)!;
      const stale = await call<ApiError>(portal.base, '/calendar/tables/2026', { method: 'PUT', token: admin, body: current });
      expect(stale.status).toBe(409);
      expect(stale.body.message).toMatch(/version/);

      const next = { ...current, version: current.version + 1 };
      const mismatch = await call<ApiError>(portal.base, '/calendar/tables/2027', { method: 'PUT', token: admin, body: next });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.message).toMatch(/2026.*2027/);
      expect((await call(portal.base, '/calendar/tables/26', { method: 'PUT', token: admin, body: next })).status).toBe(400);

      for (const token of [clerk, supervisorB]) {
        expect((await call(portal.base, '/calendar/tables/2026', { method: 'PUT', token, body: next })).status).toBe(403);
      }
    });

    it('rejects an invalid table with a readable message', async () => {
      const bad = {
        year: 2029,
        version: 1,
        source: 'test',
        entries: [
          { date: '2029-05-01', kind: 'holiday', reason: 'Quốc tế Lao động', certainty: 'uncertain' },
          { date: '2029-05-02', kind: 'makeUpWorkday', reason: 'Làm bù', certainty: 'verified' },
        ],
      };
      const res = await call<ApiError>(portal.base, '/calendar/tables/2029', { method: 'PUT', token: admin, body: bad });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^Invalid calendar table: /);
      expect(res.body.message).toContain('entries.0: uncertain entry 2029-05-01 needs a note');
      expect(res.body.message).toContain('entries.1: make-up workday 2029-05-02 is not a Saturday or Sunday');
    });
  });

  describe('seeding', () => {
    const resourcesWith = (files: Record<string, string>) => {
      const dir = mkdtempSync(join(tmpdir(), 'motcua-resources-'));
      temp.push(dir);
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      return dir;
    };

    it('never overwrites what the portal already holds', async () => {
      const before = (await call<Catalog>(portal.base, '/catalog', { token: clerk })).body;
      const report = await seedReferenceData(portal.db, RESOURCES);
      expect(report).toEqual({ catalog: null, calendarYears: [], missing: [] });
      expect((await call<Catalog>(portal.base, '/catalog', { token: clerk })).body).toEqual(before);
    });

    it('adds only the missing years, and reports missing files without failing', async () => {
      const table = { year: 2031, version: 1, source: 'test', entries: [] };
      const dir = resourcesWith({ 'calendar/2031.json': JSON.stringify(table), 'calendar/2026.json': '{ broken', 'calendar/notes.txt': 'x' });
      const report = await seedReferenceData(portal.db, dir); // 2026 is held already: its broken file is not even read
      expect(report).toEqual({ catalog: null, calendarYears: [2031], missing: [] });
      const empty = resourcesWith({});
      expect((await seedReferenceData(portal.db, empty)).missing).toEqual([join(empty, 'calendar')]);
    });

    it('refuses a broken file for a missing year, naming the file', async () => {
      const invalid = resourcesWith({ 'calendar/2032.json': JSON.stringify({ year: 2032, version: 1, source: 's', entries: [{ date: '2033-01-01', kind: 'holiday', reason: 'x', certainty: 'verified' }] }) });
      await expect(seedReferenceData(portal.db, invalid)).rejects.toThrow(/2032\.json: invalid calendar table — entries\.0: 2033-01-01 is not in 2032/);
      const misnamed = resourcesWith({ 'calendar/2033.json': JSON.stringify({ year: 2034, version: 1, source: 's', entries: [] }) });
      await expect(seedReferenceData(portal.db, misnamed)).rejects.toThrow(/2033\.json: holds year 2034/);
      const notJson = resourcesWith({ 'calendar/2035.json': '{' });
      await expect(seedReferenceData(portal.db, notJson)).rejects.toThrow(/2035\.json: not valid JSON/);
    });
  });
});
