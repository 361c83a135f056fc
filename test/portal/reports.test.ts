/** GET /reports/indicators and /reports/dvcqg against a portal holding pushed documents. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src-shared/contract/sync';
import type { DongBoHoSoMC } from '../../src-shared/domain/dvcqg/types';
import { isExportable, toDvcqg } from '../../src-shared/domain/dvcqg/to-dvcqg';
import { computeIndicators } from '../../src-shared/domain/indicators/compute';
import { recordFromDossier } from '../../src-shared/domain/indicators/from-dossier';
import type { IndicatorReport } from '../../src-shared/domain/indicators/record';
import type { WorkingCalendar } from '../../src-shared/domain/calendar/working-calendar';
import { loadPortalCalendar } from '../../src-portal/reference/calendar';
import { dvcqgJsonChunks } from '../../src-portal/reporting/dvcqg';
import { dossierPages } from '../../src-portal/reporting/load';
import { buildScenarios, PERIOD, SCENARIO_KINDS, type Built } from '../unit/dvcqg/scenarios';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, AGENCY_B, call, pushAll, startPortal, userToken, type RunningPortal } from './support/portal';
import { dossier as otherDossier } from './support/docs';

describe.each(DB_TARGETS)('reports ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let calendar: WorkingCalendar;
  let built: Built[];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db);
    calendar = await loadPortalCalendar(portal.db);
    for (const role of ['clerk', 'supervisor', 'admin', 'officer'] as const) tokens[role] = await userToken(portal, `${role}.rep`, role, AGENCY_A);
    tokens.supervisorB = await userToken(portal, 'supervisor.b', 'supervisor', AGENCY_B);
    const clerkB = await userToken(portal, 'clerk.b', 'clerk', AGENCY_B);

    built = buildScenarios(calendar, SCENARIO_KINDS.length * 3);
    await pushAll(portal.base, tokens.clerk!, 'dossiers', built.map((b) => b.dossier));
    await pushAll(portal.base, tokens.clerk!, 'dossierEvents', built.flatMap((b) => b.events));
    await pushAll(portal.base, tokens.clerk!, 'files', built.flatMap((b) => b.files));
    // Another centre's dossier on a day of the period, and a deleted one of ours: neither counts.
    await pushAll(portal.base, clerkB, 'dossiers', [otherDossier(AGENCY_B)]);
    const gone = { ...otherDossier(AGENCY_A), code: `${AGENCY_A}-261118-9999` };
    await pushAll(portal.base, tokens.clerk!, 'dossiers', [gone]);
    const res = await call<PushResponse>(portal.base, '/replication/dossiers/push', { token: tokens.clerk, body: [{ assumedMasterState: { ...gone, _deleted: false }, newDocumentState: { ...gone, _deleted: true } }] });
    expect(res.body).toEqual({ conflicts: [], rejected: [] });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
  });

  const expected = (filter: Record<string, string> = {}) =>
    computeIndicators(
      built.map((b) => recordFromDossier(b.dossier, { events: b.events, fileComponentIds: new Set(b.files.map((f) => f.componentId)), synced: true }, calendar)),
      PERIOD,
      calendar,
      { agencyId: AGENCY_A, ...filter },
    );
  const query = (q: Record<string, string>) => `?${new URLSearchParams(q)}`;

  it('gives a supervisor the indicators of their centre, computed by the shared rules', async () => {
    const res = await call<IndicatorReport>(portal.base, `/reports/indicators${query(PERIOD)}`, { token: tokens.supervisor });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expected());
    expect(res.body.totals.received).toBeGreaterThan(40);
    expect(res.body.totals.syncRate).toBe(1);
    expect(res.body.byCounter.map((r) => r.key).sort()).toEqual(['ws-0', 'ws-1', 'ws-2']);
    // An administrator too; a supervisor of another centre sees only theirs.
    expect((await call<IndicatorReport>(portal.base, `/reports/indicators${query(PERIOD)}`, { token: tokens.admin })).body).toEqual(expected());
    const b = await call<IndicatorReport>(portal.base, `/reports/indicators${query(PERIOD)}`, { token: tokens.supervisorB });
    expect(b.body.totals.received).toBe(1);
  });

  it('filters by counter, clerk and procedure', async () => {
    const filters: Record<string, string>[] = [{ counter: 'ws-1' }, { clerk: 'clerk.2' }, { procedureCode: '2.000815' }, { counter: 'ws-0', procedureCode: '1.004873' }];
    for (const filter of filters) {
      const res = await call<IndicatorReport>(portal.base, `/reports/indicators${query({ ...PERIOD, ...filter })}`, { token: tokens.supervisor });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected(filter));
    }
    const none = await call<IndicatorReport>(portal.base, `/reports/indicators${query({ ...PERIOD, procedureCode: '9.999999' })}`, { token: tokens.supervisor });
    expect(none.body.totals).toMatchObject({ received: 0, onTimeRate: null });
  });

  it('streams the DVCQG records of the dossiers received in the period, one per line', async () => {
    const res = await fetch(`${portal.base}/reports/dvcqg${query(PERIOD)}`, { headers: { authorization: `Bearer ${tokens.supervisor}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="dvcqg-${AGENCY_A}-2026-11-01-2026-11-30.json"`);
    const text = await res.text();
    const lines = text.split('\n');
    expect(lines[0]).toBe('[');
    expect(lines.slice(-2)).toEqual([']', '']);
    const records = JSON.parse(text) as DongBoHoSoMC[];
    expect(lines.filter((l) => l.startsWith('{')).length).toBe(records.length);
    const want = built.filter((b) => isExportable(b.dossier) && b.dossier.receivedDay >= PERIOD.from && b.dossier.receivedDay <= PERIOD.to);
    const byCode = (list: DongBoHoSoMC[]) => [...list].sort((x, y) => (x.MaHoSo < y.MaHoSo ? -1 : 1));
    expect(byCode(records)).toEqual(byCode(want.map((b) => toDvcqg(b.dossier, b.events, b.files))));
    expect(records.length).toBeLessThan(built.length); // never-received and October dossiers are not in it

    const empty = await fetch(`${portal.base}/reports/dvcqg${query({ from: '2025-01-01', to: '2025-01-31' })}`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(await empty.json()).toEqual([]);
  });

  it('pages through the period without losing or repeating a dossier', async () => {
    const ids: string[] = [];
    for await (const page of dossierPages(portal.db, { agencyId: AGENCY_A, period: PERIOD }, 7)) {
      expect(page.length).toBeLessThanOrEqual(7);
      ids.push(...page.map((d) => d.id));
    }
    const want = built.filter((b) => b.dossier.receivedDay >= PERIOD.from && b.dossier.receivedDay <= PERIOD.to).map((b) => b.dossier.id);
    expect([...ids].sort()).toEqual([...want].sort());
    expect(new Set(ids).size).toBe(ids.length);
    let text = '';
    for await (const chunk of dvcqgJsonChunks(portal.db, AGENCY_A, PERIOD, 5)) text += chunk;
    const paged = JSON.parse(text) as DongBoHoSoMC[];
    const whole = (await (await fetch(`${portal.base}/reports/dvcqg${query(PERIOD)}`, { headers: { authorization: `Bearer ${tokens.supervisor}` } })).json()) as DongBoHoSoMC[];
    expect(paged).toEqual(whole);
  });

  it('is for supervisors and administrators only', async () => {
    for (const path of ['/reports/indicators', '/reports/dvcqg']) {
      expect((await call(portal.base, `${path}${query(PERIOD)}`)).status).toBe(401);
      for (const role of ['clerk', 'officer']) {
        const res = await call<{ error: string; message: string }>(portal.base, `${path}${query(PERIOD)}`, { token: tokens[role] });
        expect(res.status, `${role} ${path}`).toBe(403);
        expect(res.body.message).toMatch(/supervisor or an administrator/);
      }
    }
  });

  it('explains bad query parameters', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ to: '2026-11-30' }, /from/],
      [{ from: '2026-11-01' }, /to/],
      [{ from: '2026-11-31', to: '2026-12-01' }, /from: "2026-11-31" is not a date yyyy-MM-dd/],
      [{ from: '01/11/2026', to: '2026-11-30' }, /from: "01\/11\/2026" is not a date yyyy-MM-dd/],
      [{ from: '2026-11-30', to: '2026-11-01' }, /ends \(2026-11-01\) before it starts \(2026-11-30\)/],
      [{ from: '2024-01-01', to: '2026-11-30' }, /at most 366 days/],
      [{ ...PERIOD, procedure: '1.004873' }, /procedure/],
    ];
    for (const path of ['/reports/indicators', '/reports/dvcqg']) {
      for (const [q, message] of cases) {
        const res = await call<{ error: string; message: string }>(portal.base, `${path}${query(q)}`, { token: tokens.supervisor });
        expect(res.status, `${path} ${JSON.stringify(q)}`).toBe(400);
        expect(res.body.error).toBe('invalid_request');
        expect(res.body.message).toMatch(message);
      }
    }
    const long = await call<{ message: string }>(portal.base, `/reports/indicators${query({ ...PERIOD, clerk: 'x'.repeat(65) })}`, { token: tokens.supervisor });
    expect(long.status).toBe(400);
    // The dvcqg export has no filters.
    expect((await call(portal.base, `/reports/dvcqg${query({ ...PERIOD, clerk: 'clerk.1' })}`, { token: tokens.supervisor })).status).toBe(400);
  });
});
