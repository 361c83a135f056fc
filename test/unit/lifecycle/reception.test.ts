import { describe, expect, it } from 'vitest';
import { MAX_EPOCH_MS } from '../../../src-shared/contract/documents';
import { LifecycleError } from '../../../src-shared/domain/lifecycle/errors';
import { checklist, missingComponents, recordCheck, ReceptionError, searchKeys, type ReceptionInput } from '../../../src-shared/domain/reception';
import { emptyApplicant as emptyApplicantFixture } from '../../../src-shared/domain/applicant/empty';
import { newId, officialCalendar, PROCEDURE } from './fixtures';

const vn = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 7, mi);

function input(patch: Partial<ReceptionInput> = {}): ReceptionInput {
  return {
    procedure: PROCEDURE,
    applicant: {
      ...emptyApplicantFixture(),
      name: '  Nguyễn   Thị Hồng Nhung ',
      idNumber: '038 190 123456',
      birthDate: '1990-05-12',
      gender: 'female',
      phone: '+84 912 345 678',
      email: 'nhung@example.vn',
      address: 'Số 12, đường Lê Lợi, phường Điện Biên, tỉnh Thanh Hóa',
    },
    channel: 1,
    sets: 1,
    submitted: { TP1: 1 },
    notes: '',
    ...patch,
  };
}

describe('the counter check', async () => {
  const calendar = await officialCalendar();
  const ctx = (now: number) => ({ agencyId: '000.17.22.H56', workstationId: 'ws-1', clerk: 'clerk.an', now, newId, calendar });
  const issued = { code: '000.17.22.H56-261120-0007', ledgerVolume: '2026.WS1.01', ledgerNumber: 42 };

  it('receives a complete dossier: code, ledger entry, appointment from the calendar, normalised applicant', () => {
    // Fri 20/11/2026 09:30, 3 working days: Mon, Tue, Wed → Wed 25/11 17:00.
    const { dossier, event } = recordCheck(input(), { kind: 'receive' }, ctx(vn(2026, 11, 20, 9, 30)), issued);
    expect(dossier).toMatchObject({
      status: 2,
      code: issued.code,
      ledgerVolume: '2026.WS1.01',
      ledgerNumber: 42,
      appointmentAt: vn(2026, 11, 25, 17),
      receivedDay: '2026-11-20',
      receivedInv: MAX_EPOCH_MS - vn(2026, 11, 20, 9, 30),
      applicant: { name: 'Nguyễn Thị Hồng Nhung', idNumber: '038190123456', phone: '0912345678' },
      nameKey: 'nguyen thi hong nhung',
      givenNameKey: 'nhung',
      idKey: '038190123456',
      phoneKey: '0912345678',
      processingBody: 'Ủy ban nhân dân cấp xã',
    });
    expect(dossier.components).toEqual([
      { id: 'TP1', name: PROCEDURE.components[0]!.name, form: 'original', quantity: 1, submitted: 1, optional: false },
      { id: 'TP2', name: PROCEDURE.components[1]!.name, form: 'copy', quantity: 1, submitted: 0, optional: true },
    ]);
    expect(event).toMatchObject({ type: 'received', from: 0, to: 2, dossierId: dossier.id, data: { code: issued.code, appointmentAt: dossier.appointmentAt } });
  });

  it('starts same-day procedures received after 15:00 on the next working day', () => {
    const sameDay = { ...PROCEDURE, limit: { unit: 'sameDay' as const, value: 0 } };
    // Fri 20/11 15:30 → Mon 23/11 17:00.
    const late = recordCheck(input({ procedure: sameDay }), { kind: 'receive' }, ctx(vn(2026, 11, 20, 15, 30)), issued).dossier;
    expect(late.appointmentAt).toBe(vn(2026, 11, 23, 17));
    const early = recordCheck(input({ procedure: sameDay }), { kind: 'receive' }, ctx(vn(2026, 11, 20, 14, 0)), issued).dossier;
    expect(early.appointmentAt).toBe(vn(2026, 11, 20, 17));
  });

  it('reports every problem at once, per field, in Vietnamese and English, before any number is used', () => {
    const bad = input({
      applicant: { ...input().applicant, name: ' ', idNumber: '038090123456', phone: '12345', email: 'nhung@', birthDate: '1990-05-12' },
      sets: 0,
      submitted: {},
    });
    const error = (() => {
      try {
        recordCheck(bad, { kind: 'receive' }, ctx(vn(2026, 11, 20, 9)), issued);
      } catch (e) {
        return e as ReceptionError;
      }
    })();
    expect(error).toBeInstanceOf(ReceptionError);
    const fields = error!.errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'idNumber', 'phone', 'email', 'sets', 'components']));
    // 038 0 90…: century digit 0 = a man born in the 1900s, but the form says a woman.
    expect(error!.errors.find((e) => e.field === 'idNumber')!.messageVi).toMatch(/giới tính|nữ|nam/i);
    expect(error!.errors.find((e) => e.field === 'components')!.messageVi).toMatch(/yêu cầu bổ sung/);
  });

  it('records a supplement request at the counter without a code, then receives it when it comes back', () => {
    const items = missingComponents(checklist(PROCEDURE, {}));
    expect(items).toEqual([{ componentId: 'TP1', name: PROCEDURE.components[0]!.name, reason: 'Chưa nộp' }]);
    const { dossier: waiting, event } = recordCheck(input({ submitted: {} }), { kind: 'supplement', missing: items, reason: 'Mang tờ khai có chữ ký' }, ctx(vn(2026, 11, 20, 9)));
    expect(waiting).toMatchObject({ status: 5, code: '', appointmentAt: 0, ledgerNumber: 0, supplementRequests: 0 });
    expect(event).toMatchObject({ type: 'supplementRequested', from: 0, to: 5, data: { missing: items } });

    const { dossier: received, event: e2 } = recordCheck(input(), { kind: 'receive' }, ctx(vn(2026, 11, 23, 8)), issued, waiting);
    expect(received).toMatchObject({ id: waiting.id, status: 2, code: issued.code, receivedDay: '2026-11-23' });
    expect(e2).toMatchObject({ type: 'received', from: 5, to: 2 });
    // A second supplement request at the counter is not allowed: the guidance is given once.
    expect(() => recordCheck(input({ submitted: {} }), { kind: 'supplement', missing: items, reason: '' }, ctx(vn(2026, 11, 23, 8)), undefined, waiting)).toThrow(LifecycleError);
  });

  it('refuses with reasons and no code', () => {
    const { dossier, event } = recordCheck(input(), { kind: 'refuse', reasons: ['Không thuộc thẩm quyền giải quyết', ''] }, ctx(vn(2026, 11, 20, 9)));
    expect(dossier).toMatchObject({ status: 3, code: '', finishedAt: vn(2026, 11, 20, 9) });
    expect(event).toMatchObject({ type: 'refused', from: 0, to: 3, data: { reasons: ['Không thuộc thẩm quyền giải quyết'] } });
    expect(() => recordCheck(input(), { kind: 'refuse', reasons: [] }, ctx(vn(2026, 11, 20, 9)))).toThrow(LifecycleError);
  });

  it('indexes organisations by tax code and names by family and given name', () => {
    const keys = searchKeys({ ...emptyApplicantFixture(), kind: 'organisation', name: 'Công ty TNHH Đông Á', taxCode: '0100112437', phone: '024 3934 3137' });
    expect(keys).toEqual({ nameKey: 'cong ty tnhh dong a', givenNameKey: 'a', idKey: '0100112437', phoneKey: '02439343137' });
  });
});
