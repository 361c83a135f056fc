/**
 * The DVCQG round trip through a real portal: counters push their documents, `motcua export dvcqg`
 * downloads the centre's records into a file, `motcua indicators --json` computes the indicators of
 * that file, and they are the indicators computeIndicators gives for the same dossiers.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExportCommand } from '../../src-main/cli/export-dvcqg';
import { runIndicatorsCommand } from '../../src-main/cli/indicators';
import type { WorkingCalendar } from '../../src-shared/domain/calendar/working-calendar';
import { fromDvcqgArray } from '../../src-shared/domain/dvcqg/from-dvcqg';
import { computeIndicators } from '../../src-shared/domain/indicators/compute';
import { recordFromDossier } from '../../src-shared/domain/indicators/from-dossier';
import type { IndicatorReport, IndicatorValues } from '../../src-shared/domain/indicators/record';
import { loadPortalCalendar } from '../../src-portal/reference/calendar';
import { createUser } from '../../src-portal/users';
import { freePort } from '../support/free-port';
import { buildScenarios, PERIOD, SCENARIO_KINDS, type Built } from '../unit/dvcqg/scenarios';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, PASSWORD, call, login, pushAll, startPortal, userToken, type RunningPortal } from './support/portal';
import { runCommand, runMotcua, type Command } from './support/run';

const run = (command: Command, args: string[], password = PASSWORD) => runCommand(command, args, { MOTCUA_PASSWORD: password });

const withoutSync = ({ synced: _s, syncRate: _r, ...rest }: IndicatorValues) => rest;

describe.each(DB_TARGETS)('motcua export dvcqg → indicators ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let url: string;
  let calendar: WorkingCalendar;
  let built: Built[];
  let dir: string;
  const period = ['--from', PERIOD.from, '--to', PERIOD.to];

  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db);
    url = portal.origin;
    calendar = await loadPortalCalendar(portal.db);
    dir = mkdtempSync(join(tmpdir(), 'motcua-dvcqg-'));
    await createUser(portal.db, { username: 'supervisor.cli', password: PASSWORD, role: 'supervisor', agencyId: AGENCY_A });
    await createUser(portal.db, { username: 'clerk.cli', password: PASSWORD, role: 'clerk', agencyId: AGENCY_A });
    const clerk = await userToken(portal, 'clerk.push', 'clerk', AGENCY_A);
    built = buildScenarios(calendar, SCENARIO_KINDS.length * 3);
    await pushAll(portal.base, clerk, 'dossiers', built.map((b) => b.dossier));
    await pushAll(portal.base, clerk, 'dossierEvents', built.flatMap((b) => b.events));
    await pushAll(portal.base, clerk, 'files', built.flatMap((b) => b.files));
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exports the centre\'s records to a file and computes the same indicators from it', async () => {
    const file = join(dir, 'thang-11.json');
    const exported = await run(runExportCommand, ['dvcqg', ...period, '--out', file, '--portal', url, '--username', 'supervisor.cli']);
    expect(exported.code, exported.err).toBe(0);
    const records = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
    expect(exported.out).toBe(`${records.length} DVCQG records (dossiers received ${PERIOD.from} – ${PERIOD.to}) written to ${file}`);
    expect(records.length).toBeGreaterThan(40);
    expect(existsSync(`${file}.part`)).toBe(false);

    const computed = await run(runIndicatorsCommand, ['--dvcqg', file, ...period, '--json']);
    expect(computed.code, computed.err).toBe(0);
    const report = JSON.parse(computed.out) as IndicatorReport;
    // Exactly what computeIndicators gives for the file's records …
    expect(report).toEqual(computeIndicators(fromDvcqgArray(records, calendar), PERIOD, calendar));
    for (const row of [report.totals, ...report.byProcedure]) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['received', 'onTimeRate', 'digitisedRate', 'onlineRate', 'syncRate', 'averageProcessingDays']));
    }
    // … and, but for what DVCQG cannot carry (synced, counter, clerk), what it gives for the dossiers themselves.
    const fromDocs = computeIndicators(
      built.map((b) => recordFromDossier(b.dossier, { events: b.events, fileComponentIds: new Set(b.files.map((f) => f.componentId)), synced: true }, calendar)),
      PERIOD,
      calendar,
    );
    expect(withoutSync(report.totals)).toEqual(withoutSync(fromDocs.totals));
    expect(report.byProcedure.map(withoutSync)).toEqual(fromDocs.byProcedure.map(withoutSync));
    expect(report.byDay.map(withoutSync)).toEqual(fromDocs.byDay.map(withoutSync));
    expect(report.totals.syncRate).toBeNull();
    // The portal's own report of the same period agrees too.
    const atPortal = await call<IndicatorReport>(portal.base, `/reports/indicators?from=${PERIOD.from}&to=${PERIOD.to}`, { token: (await login(portal.base, 'supervisor.cli')).accessToken });
    expect(withoutSync(atPortal.body.totals)).toEqual(withoutSync(report.totals));

    const one = await run(runIndicatorsCommand, ['--dvcqg', file, ...period, '--procedure', '2.000815', '--json']);
    expect(JSON.parse(one.out)).toEqual(computeIndicators(fromDvcqgArray(records, calendar), PERIOD, calendar, { procedureCode: '2.000815' }));
  });

  it('explains what went wrong and leaves no file behind', async () => {
    const file = join(dir, 'x.json');
    const args = (username: string, portalUrl = url) => ['dvcqg', ...period, '--out', file, '--portal', portalUrl, '--username', username];

    const clerk = await run(runExportCommand, args('clerk.cli'));
    expect(clerk).toMatchObject({ code: 1, err: expect.stringMatching(/^portal refused \(403\): Only a supervisor or an administrator/) });
    const wrong = await run(runExportCommand, args('supervisor.cli'), 'wrong password');
    expect(wrong).toMatchObject({ code: 1, err: expect.stringMatching(/^login refused \(401\)/) });
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const down = await run(runExportCommand, args('supervisor.cli', nobody));
    expect(down).toMatchObject({ code: 1, err: expect.stringMatching(new RegExp(`^cannot reach the portal at ${nobody} \\(ECONNREFUSED\\)`)) });
    const noFolder = await run(runExportCommand, ['dvcqg', ...period, '--out', join(dir, 'missing', 'x.json'), '--portal', url, '--username', 'supervisor.cli']);
    expect(noFolder).toMatchObject({ code: 1, err: expect.stringMatching(/does not exist or is not writable/) });
    expect(existsSync(file) || existsSync(`${file}.part`)).toBe(false);

    const usage: [string[], RegExp][] = [
      [['dvcqg', '--from', '2026-11-31', '--to', PERIOD.to, '--out', file, '--username', 'u'], /--from: "2026-11-31" is not a date yyyy-MM-dd/],
      [['dvcqg', '--from', PERIOD.to, '--to', PERIOD.from, '--out', file, '--username', 'u'], /before it starts/],
      [['dvcqg', ...period, '--username', 'u'], /--out/],
      [['dvcqg', ...period, '--out', file], /--username/],
      [['dvcqg', ...period, '--out', file, '--username', 'u', '--portal', 'localhost:8787'], /must be an http/],
      [['dvcqg', ...period, '--out', file, '--username', 'u', '--bogus'], /bogus/],
      [['csv', ...period], /unknown command "export csv"/],
    ];
    for (const [a, message] of usage) {
      const res = await run(runExportCommand, a);
      expect(res.code, a.join(' ')).toBe(2);
      expect(res.err).toMatch(message);
      expect(res.err).toMatch(/Usage: export dvcqg/);
    }
    expect((await run(runExportCommand, ['dvcqg', ...period, '--out', file, '--username', 'u'], '')).code).toBe(2);
  });

  it('runs as `npm run motcua -- export dvcqg` and `-- indicators`, with the portal from MOTCUA_PORTAL_URL', async () => {
    const file = join(dir, 'child.json');
    const exported = await runMotcua(['export', 'dvcqg', ...period, '--out', file, '--username', 'supervisor.cli'], { MOTCUA_PASSWORD: PASSWORD, MOTCUA_PORTAL_URL: url });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^\d+ DVCQG records .* written to /);
    const table = await runMotcua(['indicators', '--dvcqg', file, ...period], {});
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^Service-quality indicators, dossiers received 2026-11-01 – 2026-11-30/);
    expect(table.stdout).toMatch(/\nAll procedures +\d+ +\d+\.\d%/);
    expect(table.stdout).toMatch(/\n1\.004873 Thủ tục cấp Giấy xác nhận/);
  }, 60_000);
});

describe('motcua export dvcqg against a portal that fails half-way', () => {
  let server: Server;
  let url: string;
  let ending: 'cut' | 'unterminated' = 'cut';
  const dir = mkdtempSync(join(tmpdir(), 'motcua-dvcqg-cut-'));

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/api/v1/auth/login') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"accessToken":"t"}');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[\n{"MaHoSo":"a"},\n');
      // Either the connection drops mid-array, or the body ends without closing the array.
      setTimeout(() => (ending === 'cut' ? res.socket?.destroy() : res.end('{"MaHoSo":"b"}\n')), 50);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes nothing when the transfer is cut or the array is incomplete', async () => {
    const file = join(dir, 'cut.json');
    for (const how of ['cut', 'unterminated'] as const) {
      ending = how;
      const res = await run(runExportCommand, ['dvcqg', '--from', '2026-11-01', '--to', '2026-11-30', '--out', file, '--portal', url, '--username', 'supervisor']);
      expect(res.code, how).toBe(1);
      expect(res.err.startsWith(`export failed, nothing written to ${file}: `), res.err).toBe(true);
      if (how === 'unterminated') expect(res.err).toMatch(/incomplete array/);
      expect(existsSync(file) || existsSync(`${file}.part`)).toBe(false);
    }
  });
});
