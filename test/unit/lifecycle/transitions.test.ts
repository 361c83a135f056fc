import { describe, expect, it } from 'vitest';
import { DOSSIER_EVENT_TYPES, type DossierEventType } from '../../../src-shared/contract/documents';
import { DOSSIER_STATUS_CODES, type DossierStatus } from '../../../src-shared/domain/dossier-status';
import { applyAction, type LifecycleAction } from '../../../src-shared/domain/lifecycle/apply';
import { LifecycleError } from '../../../src-shared/domain/lifecycle/errors';
import { allowedEventTypes, findTransition } from '../../../src-shared/domain/lifecycle/transitions';
import { dossierIn, newId, officialCalendar } from './fixtures';

/**
 * The expected state machine, written out by hand from DOMAIN.md §2/§4 (not derived from the
 * implementation's table): `stage from --type--> to`. "check" = not yet received (no code).
 */
const EXPECTED = `
  check new --received--> 2
  check 5 --received--> 2
  check new --supplementRequested--> 5
  check new --refused--> 3
  check 5 --refused--> 3
  check 5 --withdrawn--> 7
  received 2 --supplementRequested--> 5
  received 4 --supplementRequested--> 5
  received 5 --supplemented--> 4
  received 2 --transferred--> 4
  received 4 --feeRequested--> 6
  received 6 --feePaid--> 4
  received 2 --resultReceived--> 9
  received 4 --resultReceived--> 9
  received 9 --returned--> 10
  received 2 --withdrawn--> 7
  received 4 --withdrawn--> 7
  received 5 --withdrawn--> 7
  received 6 --withdrawn--> 7
  received 4 --stopped--> 8
  received 5 --stopped--> 8
  received 6 --stopped--> 8
  received 2 --rescheduled--> 2
  received 4 --rescheduled--> 4
  received 5 --rescheduled--> 5
  received 6 --rescheduled--> 6
`
  .trim()
  .split('\n')
  .map((line) => {
    const m = /^(check|received) (new|\d+) --(\w+)--> (\d+)$/.exec(line.trim());
    if (!m) throw new Error(`bad line ${line}`);
    return { stage: m[1]!, from: m[2] === 'new' ? null : (Number(m[2]) as DossierStatus), type: m[3] as DossierEventType, to: Number(m[4]) };
  });

const key = (stage: string, from: DossierStatus | null, type: DossierEventType) => `${stage} ${from ?? 'new'} ${type}`;
const expected = new Map(EXPECTED.map((e) => [key(e.stage, e.from, e.type), e.to]));

/** A valid action of each type, to apply where the machine allows it. */
function actionOf(type: Exclude<DossierEventType, 'received'>, appointmentAt: number): LifecycleAction {
  switch (type) {
    case 'supplementRequested':
      return { type, missing: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }], reason: '' };
    case 'refused':
      return { type, reasons: ['Không thuộc thẩm quyền'] };
    case 'transferred':
      return { type, to: 'Phòng Tư pháp' };
    case 'feeRequested':
      return { type, amountVnd: 50_000, reason: 'Lệ phí' };
    case 'returned':
      return { type, method: 'inPerson', signedBy: 'Nguyễn Thị Hồng Nhung' };
    case 'rescheduled':
      return { type, appointmentAt: appointmentAt + 86_400_000, reason: 'Cần xác minh thêm' };
    case 'withdrawn':
    case 'stopped':
      return { type, reason: 'Theo yêu cầu' };
    default:
      return { type };
  }
}

describe('dossier state machine', async () => {
  const calendar = await officialCalendar();
  const states: { stage: 'check' | 'received'; from: DossierStatus | null }[] = [
    { stage: 'check', from: null },
    ...DOSSIER_STATUS_CODES.flatMap((s) => [{ stage: 'check' as const, from: s }, { stage: 'received' as const, from: s }]),
  ];

  it('allows exactly the expected transitions and nothing else', () => {
    let allowed = 0;
    for (const { stage, from } of states) {
      for (const type of DOSSIER_EVENT_TYPES) {
        const state = from === null ? null : { status: from, code: stage === 'check' ? '' : 'X-1' };
        const t = findTransition(state, type);
        const want = expected.get(key(stage, from, type));
        expect(t ? (t.to === 'same' ? from : t.to) : undefined, key(stage, from, type)).toBe(want);
        if (t) allowed++;
      }
    }
    expect(allowed).toBe(EXPECTED.length);
  });

  it('applies every allowed action on an existing dossier and refuses every forbidden one', () => {
    for (const { stage, from } of states) {
      if (from === null) continue;
      for (const type of DOSSIER_EVENT_TYPES) {
        if (type === 'received') continue;
        const dossier = dossierIn(from, stage === 'check' ? { code: '', appointmentAt: 0, ledgerNumber: 0, ledgerVolume: '' } : {});
        const action = actionOf(type, dossier.appointmentAt);
        const ctx = { now: Date.UTC(2026, 10, 17, 3, 0), by: 'clerk.binh', newId, calendar };
        const want = expected.get(key(stage, from, type));
        if (want === undefined) {
          const error = (() => {
            try {
              applyAction(dossier, action, ctx);
            } catch (e) {
              return e;
            }
          })();
          expect(error, key(stage, from, type)).toBeInstanceOf(LifecycleError);
          expect((error as LifecycleError).code).toBe('forbidden');
          expect((error as LifecycleError).messageVi).toMatch(/Không thể thực hiện/);
        } else {
          const { dossier: after, event } = applyAction(dossier, action, ctx);
          expect(after.status, key(stage, from, type)).toBe(want);
          expect(event).toMatchObject({ dossierId: dossier.id, type, from, to: want, by: 'clerk.binh', at: ctx.now });
          expect(after.updatedAt).toBe(ctx.now);
        }
      }
    }
  });

  it('lists the actions a clerk may take', () => {
    expect(allowedEventTypes(null).sort()).toEqual(['received', 'refused', 'supplementRequested']);
    expect(allowedEventTypes({ status: 9, code: 'X' })).toEqual(['returned']);
    expect(allowedEventTypes({ status: 10, code: 'X' })).toEqual([]);
  });
});

describe('once-only rules and effects', async () => {
  const calendar = await officialCalendar();
  const at = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h - 7, m);
  const ctx = (now: number) => ({ now, by: 'clerk.an', newId, calendar });

  it('allows one supplement request after reception and moves the appointment by the waiting time', () => {
    // Received Mon 16/11 09:00, due Thu 19/11 17:00. Supplement requested Tue 17/11 10:00, brought back Wed 18/11 10:00:
    // one working day (8 h) of waiting, so the appointment moves to Fri 20/11 17:00.
    const d0 = dossierIn(4);
    const { dossier: d1, event } = applyAction(d0, actionOf('supplementRequested', 0), ctx(at(17, 10)));
    expect(d1).toMatchObject({ status: 5, pausedSince: at(17, 10), supplementRequests: 1 });
    expect(event.data.missing).toEqual([{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }]);
    const { dossier: d2, event: e2 } = applyAction(d1, { type: 'supplemented' }, ctx(at(18, 10)));
    expect(d2).toMatchObject({ status: 4, pausedSince: 0, appointmentAt: at(20, 17) });
    expect(e2.data).toMatchObject({ pausedWorkingMs: 8 * 3_600_000, previousAppointmentAt: at(19, 17), appointmentAt: at(20, 17) });
    expect(() => applyAction(d2, actionOf('supplementRequested', 0), ctx(at(19, 9)))).toThrow(
      expect.objectContaining({ code: 'once-only', messageVi: expect.stringMatching(/một lần/) }),
    );
  });

  it('allows one reschedule, to a later date, with a reason', () => {
    const d0 = dossierIn(4);
    expect(() => applyAction(d0, { type: 'rescheduled', appointmentAt: d0.appointmentAt - 1, reason: 'x' }, ctx(at(18, 9)))).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => applyAction(d0, { type: 'rescheduled', appointmentAt: d0.appointmentAt + 1, reason: '  ' }, ctx(at(18, 9)))).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    const { dossier: d1, event } = applyAction(d0, { type: 'rescheduled', appointmentAt: at(24, 17), reason: 'Chờ xác minh' }, ctx(at(18, 9)));
    expect(d1).toMatchObject({ status: 4, appointmentAt: at(24, 17), reschedules: 1 });
    expect(event).toMatchObject({ from: 4, to: 4, reason: 'Chờ xác minh', data: { previousAppointmentAt: at(19, 17), appointmentAt: at(24, 17) } });
    expect(() => applyAction(d1, { type: 'rescheduled', appointmentAt: at(26, 17), reason: 'lần hai' }, ctx(at(23, 9)))).toThrow(expect.objectContaining({ code: 'once-only' }));
  });

  it('records transfer, result, and return with who signed', () => {
    const d1 = applyAction(dossierIn(2), { type: 'transferred', to: 'Phòng Tư pháp xã' }, ctx(at(16, 10))).dossier;
    expect(d1).toMatchObject({ status: 4, transferredAt: at(16, 10), processingBody: 'Phòng Tư pháp xã' });
    const d2 = applyAction(d1, { type: 'resultReceived' }, ctx(at(18, 15))).dossier;
    expect(d2).toMatchObject({ status: 9, resultAt: at(18, 15), finishedAt: at(18, 15) });
    expect(() => applyAction(d2, { type: 'returned', method: 'inPerson', signedBy: ' ' }, ctx(at(19, 8)))).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    const d3 = applyAction(d2, { type: 'returned', method: 'postal', signedBy: 'Trần Quốc Việt' }, ctx(at(19, 8))).dossier;
    expect(d3).toMatchObject({ status: 10, returnedAt: at(19, 8), returnedTo: 'Trần Quốc Việt', returnMethod: 'postal', finishedAt: at(18, 15) });
  });

  it('needs reasons for refusal, withdrawal and stop', () => {
    expect(() => applyAction(dossierIn(5, { code: '' }), { type: 'refused', reasons: [' ', ''] }, ctx(at(16, 10)))).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => applyAction(dossierIn(4), { type: 'stopped', reason: '' }, ctx(at(16, 10)))).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    const stopped = applyAction(dossierIn(4), { type: 'stopped', reason: 'Người nộp không bổ sung' }, ctx(at(16, 10))).dossier;
    expect(stopped).toMatchObject({ status: 8, finishedAt: at(16, 10) });
  });
});
