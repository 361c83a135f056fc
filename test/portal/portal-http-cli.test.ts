/** `motcua portal dossier …` and `motcua portal workstation code` against a running portal over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDossierCommand } from '../../src-main/cli/backoffice';
import { runWorkstationCommand } from '../../src-main/cli/workstation';
import type { EnrollResponse } from '../../src-shared/contract/workstations-api';
import type { PullResponse, WireDocument } from '../../src-shared/contract/sync';
import { createUser } from '../../src-portal/users';
import { DB_TARGETS, SETUP_TIMEOUT, type TestDatabase } from './support/targets';
import { AGENCY_A, PASSWORD, call, startPortal, userToken, type RunningPortal } from './support/portal';
import { dossier } from './support/docs';
import { runCommand, runMotcua, type Command } from './support/run';

const CODE_SHAPE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

describe.each(DB_TARGETS)('motcua portal dossier / workstation ($name)', (target) => {
  let db: TestDatabase;
  let portal: RunningPortal;
  let clerk: string;
  let url: string;
  let serial = 0;

  const run = (command: Command, args: string[], username: string, password = PASSWORD) =>
    runCommand(command, [...args, '--portal', url, '--username', username], { MOTCUA_PASSWORD: password });
  const transferred = async (): Promise<WireDocument> => {
    const doc = dossier(AGENCY_A, { status: 4, transferredAt: Date.UTC(2026, 10, 18, 3), code: `${AGENCY_A}-261118-${String(++serial).padStart(4, '0')}` });
    expect((await call(portal.base, '/replication/dossiers/push', { token: clerk, body: [{ newDocumentState: doc }] })).status).toBe(200);
    return doc;
  };
  const statusAtPortal = async (id: string) =>
    (await call<PullResponse>(portal.base, '/replication/dossiers/pull?limit=500', { token: clerk })).body.documents.find((d) => d.id === id)?.status;

  beforeAll(async () => {
    db = await target.create();
    portal = await startPortal(db);
    url = portal.origin;
    await createUser(portal.db, { username: 'admin.cli', password: PASSWORD, role: 'admin', agencyId: AGENCY_A });
    await createUser(portal.db, { username: 'officer.cli', password: PASSWORD, role: 'officer', agencyId: AGENCY_A });
    await createUser(portal.db, { username: 'clerk.cli', password: PASSWORD, role: 'clerk', agencyId: AGENCY_A });
    clerk = await userToken(portal, 'clerk.push', 'clerk', AGENCY_A);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await portal?.close();
    await db?.cleanup();
  });

  it('portal workstation code prints a one-time code a workstation can enroll with', async () => {
    const made = await run(runWorkstationCommand, ['code', '--agency', AGENCY_A, '--hours', '2'], 'admin.cli');
    expect(made.code, made.err).toBe(0);
    const [code, detail] = made.out.split('\n');
    expect(code).toMatch(CODE_SHAPE);
    expect(detail).toMatch(new RegExp(`^agency ${AGENCY_A.replace(/\./g, '\\.')}, valid until \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00, usable once$`));
    const enrolled = await call<EnrollResponse>(portal.base, '/workstations/enroll', { body: { code, name: 'Quầy CLI' } });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.agencyId).toBe(AGENCY_A);

    expect((await run(runWorkstationCommand, ['code', '--agency', AGENCY_A], 'clerk.cli')).err).toMatch(/portal refused \(403\)/);
    expect((await run(runWorkstationCommand, ['code', '--agency', AGENCY_A], 'admin.cli', 'wrong')).err).toMatch(/login refused \(401\)/);
    const badAgency = await run(runWorkstationCommand, ['code', '--agency', 'H56'], 'admin.cli');
    expect(badAgency).toMatchObject({ code: 2, err: expect.stringMatching(/--agency/) });
    expect((await run(runWorkstationCommand, ['code', '--agency', AGENCY_A, '--hours', '200'], 'admin.cli')).code).toBe(2);
    expect((await run(runWorkstationCommand, ['list'], 'admin.cli')).code).toBe(2);
  });

  it('portal dossier action moves a dossier on; list shows it; refusals are explained', async () => {
    const doc = await transferred();
    const acted = await run(runDossierCommand, ['action', '--code', String(doc.code), '--action', 'resultReceived', '--reason', 'Có kết quả'], 'officer.cli');
    expect(acted.code, acted.err).toBe(0);
    expect(acted.out).toBe(`${String(doc.code)}: 4 Đang xử lý → 9 Đã xử lý xong (resultReceived)`);
    expect(await statusAtPortal(doc.id)).toBe(9);

    const list = await run(runDossierCommand, ['list', '--status', '9'], 'officer.cli');
    expect(list.code).toBe(0);
    expect(list.out.split('\n').find((l) => l.startsWith(String(doc.code)))).toMatch(/\t9 Đã xử lý xong\tNguyễn Thị Hồng Nhung\t/);

    const again = await run(runDossierCommand, ['action', '--code', String(doc.code), '--action', 'resultReceived'], 'officer.cli');
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/^portal refused \(409\): Không thể thực hiện .* \/ "Result received back" is not allowed/) });
    expect((await run(runDossierCommand, ['action', '--code', 'no-such-code', '--action', 'feePaid'], 'officer.cli')).err).toMatch(/no dossier with code no-such-code/);
    expect((await run(runDossierCommand, ['action', '--code', String(doc.code), '--action', 'resultReceived'], 'clerk.cli')).err).toMatch(/portal refused \(403\)/);
    expect((await run(runDossierCommand, ['action', '--code', String(doc.code), '--action', 'feeRequested'], 'officer.cli')).code).toBe(2);
    expect((await run(runDossierCommand, ['action', '--code', String(doc.code), '--action', 'returned'], 'officer.cli')).code).toBe(2);
    expect((await run(runDossierCommand, ['action', '--action', 'feePaid'], 'officer.cli')).code).toBe(2);
  });

  it('the motcua command routes portal dossier and portal workstation to the running portal', async () => {
    const doc = await transferred();
    const connection = ['--portal', url, '--username'];
    const [made, acted] = await Promise.all([
      runMotcua(['portal', 'workstation', 'code', '--agency', AGENCY_A, ...connection, 'admin.cli'], { MOTCUA_PASSWORD: PASSWORD }),
      runMotcua(['portal', 'dossier', 'action', '--code', String(doc.code), '--action', 'feeRequested', '--amount', '50000', '--reason', 'Lệ phí', ...connection, 'officer.cli'], { MOTCUA_PASSWORD: PASSWORD }),
    ]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout.split('\n')[0]).toMatch(CODE_SHAPE);
    expect(acted.code, acted.stderr).toBe(0);
    expect(acted.stdout.trim()).toBe(`${String(doc.code)}: 4 Đang xử lý → 6 Yêu cầu thực hiện nghĩa vụ tài chính (feeRequested)`);
    expect(await statusAtPortal(doc.id)).toBe(6);
  }, 60_000);
});
