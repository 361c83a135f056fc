import { describe, expect, it } from 'vitest';
import type { DossierDoc, DossierEventDoc } from '../../../src-shared/contract/documents';
import { computeIndicators } from '../../../src-shared/domain/indicators/compute';
import { isDigitised, needsEvents, recordFromDossier } from '../../../src-shared/domain/indicators/from-dossier';
import { judge, periodBounds, processingWorkingMs } from '../../../src-shared/domain/indicators/judge';
import { applyAction, type LifecycleAction } from '../../../src-shared/domain/lifecycle/apply';
import { dossierIn, newId, officialCalendar } from '../lifecycle/fixtures';
import { at } from './fixtures';

const calendar = await officialCalendar();
const HOUR = 3_600_000;
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const { end: END } = periodBounds(NOVEMBER);

const COMPONENTS: DossierDoc['components'] = [
  { id: 'TP1', name: 'Tờ khai', form: 'original', quantity: 1, submitted: 1, optional: false },
  { id: 'TP2', name: 'Giấy tờ chứng minh việc ly hôn', form: 'copy', quantity: 1, submitted: 0, optional: true },
];

/** A dossier taken through the clerk's actions the way the workstation does, with its events. */
function history(start: DossierDoc, steps: [string, LifecycleAction][]): { dossier: DossierDoc; events: DossierEventDoc[] } {
  let dossier = start;
  const events: DossierEventDoc[] = [];
  for (const [when, action] of steps) {
    const result = applyAction(dossier, action, { now: at(when), by: 'clerk.an', newId, calendar });
    dossier = result.dossier;
    events.push(result.event);
  }
  return { dossier, events };
}

const facts = (events: DossierEventDoc[], files: string[] = ['TP1'], synced: boolean | null = true) => ({ events, fileComponentIds: new Set(files), synced });

// dossierIn: received Mon 16/11/2026 09:00 at ws-1 by clerk.an, appointment Thu 19/11 17:00.
describe('recordFromDossier', () => {
  it('carries the dossier over, with the counter and clerk of the reception', () => {
    const d = dossierIn(2, { components: COMPONENTS, channel: 2 });
    expect(recordFromDossier(d, facts([]))).toEqual({
      id: d.id,
      code: d.code,
      agencyId: '000.17.22.H56',
      procedureCode: '1.004873',
      procedureName: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
      counter: 'ws-1',
      clerk: 'clerk.an',
      channel: 2,
      status: 2,
      receivedAt: at('2026-11-16T09:00'),
      dueAt: at('2026-11-19T17:00'),
      pausedSince: 0,
      supplementWaitMs: 0,
      finishedAt: 0,
      supplementRequests: 0,
      reschedules: 0,
      digitised: true,
      synced: true,
    });
    expect(needsEvents(d)).toBe(false);
  });

  it('takes the supplement wait from the events: the moved appointment, and the time subtracted', () => {
    // Paused Tue 17/11 09:00 → Wed 18/11 09:00 = 6.5 + 1.5 = 8 working hours: due Fri 20/11 17:00.
    const { dossier, events } = history(dossierIn(2, { components: COMPONENTS }), [
      ['2026-11-17T09:00', { type: 'supplementRequested', missing: [{ name: 'Tờ khai có chữ ký', reason: 'Chưa ký' }], reason: 'Thiếu chữ ký' }],
      ['2026-11-18T09:00', { type: 'supplemented' }],
      ['2026-11-20T16:00', { type: 'resultReceived' }],
      ['2026-11-23T09:00', { type: 'returned', method: 'inPerson', signedBy: 'Nguyễn Thị Hồng Nhung' }],
    ]);
    expect(needsEvents(dossier)).toBe(true);
    const r = recordFromDossier(dossier, facts(events));
    expect(r).toMatchObject({ status: 10, dueAt: at('2026-11-20T17:00'), supplementWaitMs: 8 * HOUR, finishedAt: at('2026-11-20T16:00'), supplementRequests: 1 });
    expect(judge(r, END, calendar)).toBe('onTime');
    // Mon 16/11 09:00 → Fri 20/11 16:00 = 6.5 + 3 × 8 + 7 = 37.5 h, minus the 8 h wait.
    expect(processingWorkingMs(r, calendar)).toBe(29.5 * HOUR);
  });

  it('judges a rescheduled dossier against the appointment before the reschedule', () => {
    const { dossier, events } = history(dossierIn(4), [
      ['2026-11-19T15:00', { type: 'rescheduled', appointmentAt: at('2026-11-24T17:00'), reason: 'Chờ xác minh' }],
      ['2026-11-23T10:00', { type: 'resultReceived' }],
    ]);
    expect(dossier.appointmentAt).toBe(at('2026-11-24T17:00'));
    const r = recordFromDossier(dossier, facts(events));
    expect(r.dueAt).toBe(at('2026-11-19T17:00'));
    expect(judge(r, END, calendar)).toBe('late'); // finished before the new date, after the old one
    // Without the event the only date known is the new one.
    expect(recordFromDossier(dossier, facts([])).dueAt).toBe(at('2026-11-24T17:00'));
  });

  it('adds back a supplement wait completed after the reschedule, given the calendar', () => {
    // Paused Wed 18/11 09:00; rescheduled 10:00 to Thu 26/11 17:00; supplemented Fri 20/11 09:00 after
    // 6.5 + 8 + 1.5 = 16 working hours, which moved only the new appointment (to Mon 30/11 17:00).
    const { dossier, events } = history(dossierIn(2), [
      ['2026-11-18T09:00', { type: 'supplementRequested', missing: [{ name: 'Bản sao CCCD', reason: 'Thiếu' }], reason: '' }],
      ['2026-11-18T10:00', { type: 'rescheduled', appointmentAt: at('2026-11-26T17:00'), reason: 'Chờ bổ sung' }],
      ['2026-11-20T09:00', { type: 'supplemented' }],
      ['2026-11-23T15:00', { type: 'resultReceived' }],
    ]);
    expect(dossier.appointmentAt).toBe(at('2026-11-30T17:00'));
    const r = recordFromDossier(dossier, facts(events), calendar);
    expect(r).toMatchObject({ dueAt: at('2026-11-23T17:00'), supplementWaitMs: 16 * HOUR });
    expect(judge(r, END, calendar)).toBe('onTime');
    // Without the calendar the recorded pre-reschedule date is used as it stands.
    expect(recordFromDossier(dossier, facts(events)).dueAt).toBe(at('2026-11-19T17:00'));
  });

  it('keeps a wait completed before the reschedule, which is already in the old date', () => {
    const { dossier, events } = history(dossierIn(2), [
      ['2026-11-17T09:00', { type: 'supplementRequested', missing: [{ name: 'Bản sao CCCD', reason: 'Thiếu' }], reason: '' }],
      ['2026-11-18T09:00', { type: 'supplemented' }], // 8 h: due Fri 20/11 17:00
      ['2026-11-20T15:00', { type: 'rescheduled', appointmentAt: at('2026-11-25T17:00'), reason: 'Chờ xác minh' }],
    ]);
    expect(recordFromDossier(dossier, facts(events), calendar).dueAt).toBe(at('2026-11-20T17:00'));
  });

  it('leaves a wait still running to the judgement at the end of the period', () => {
    const { dossier, events } = history(dossierIn(2), [
      ['2026-11-17T09:00', { type: 'supplementRequested', missing: [{ name: 'Bản sao CCCD', reason: 'Thiếu' }], reason: '' }],
    ]);
    const r = recordFromDossier(dossier, facts(events));
    expect(r).toMatchObject({ status: 5, pausedSince: at('2026-11-17T09:00'), dueAt: at('2026-11-19T17:00'), supplementWaitMs: 0 });
    expect(judge(r, END, calendar)).toBe('openOnTime');
  });

  it('judges stopped dossiers by when they stopped, and excludes withdrawn ones', () => {
    const stop = (when: string) => history(dossierIn(4), [[when, { type: 'stopped', reason: 'Hồ sơ giả mạo' }]]).dossier;
    expect(judge(recordFromDossier(stop('2026-11-19T16:00'), facts([])), END, calendar)).toBe('onTime');
    expect(judge(recordFromDossier(stop('2026-11-20T08:00'), facts([])), END, calendar)).toBe('late');
    const withdrawn = history(dossierIn(4), [['2026-11-17T10:00', { type: 'withdrawn', reason: 'Công dân xin rút' }]]).dossier;
    expect(judge(recordFromDossier(withdrawn, facts([])), END, calendar)).toBe('excluded');
  });

  it('gives reception 0 to a dossier that never got a code', () => {
    const refused = history(dossierIn(5, { code: '' }), [['2026-11-16T09:30', { type: 'refused', reasons: ['Không thuộc thẩm quyền'] }]]);
    expect(refused.dossier.status).toBe(3);
    expect(recordFromDossier(refused.dossier, facts(refused.events)).receivedAt).toBe(0);
  });

  it('ignores events of other dossiers and malformed event data', () => {
    const { dossier, events } = history(dossierIn(2), [
      ['2026-11-17T09:00', { type: 'supplementRequested', missing: [{ name: 'Bản sao CCCD', reason: 'Thiếu' }], reason: '' }],
      ['2026-11-18T09:00', { type: 'supplemented' }],
    ]);
    const stranger = { ...events[1]!, id: 'e-x', dossierId: 'other' };
    const broken = { ...events[1]!, id: 'e-y', data: { pausedWorkingMs: 'a lot' } };
    expect(recordFromDossier(dossier, facts([...events, stranger, broken])).supplementWaitMs).toBe(8 * HOUR);
  });

  it('feeds computeIndicators end to end', () => {
    const onTime = history(dossierIn(2, { components: COMPONENTS }), [['2026-11-18T10:00', { type: 'resultReceived' }]]);
    const late = history(dossierIn(4, { components: COMPONENTS, workstationId: 'ws-2' }), [['2026-11-20T10:00', { type: 'resultReceived' }]]);
    const refused = dossierIn(3, { code: '', finishedAt: at('2026-11-16T09:30') });
    const open = dossierIn(4, { components: COMPONENTS });
    const records = [
      recordFromDossier(onTime.dossier, facts(onTime.events, ['TP1'], true)),
      recordFromDossier(late.dossier, facts(late.events, [], false)),
      recordFromDossier(refused, facts([], [], false)),
      recordFromDossier(open, facts([], ['TP1', 'TP2'], true)),
    ];
    const report = computeIndicators(records, NOVEMBER, calendar);
    expect(report.totals).toMatchObject({ received: 3, onTime: 1, late: 2, digitised: 2, synced: 2, syncRate: 2 / 3, processed: 2 });
    expect(report.byCounter.map((r) => [r.key, r.received])).toEqual([['ws-1', 2], ['ws-2', 1]]);
  });
});

describe('isDigitised', () => {
  const d = dossierIn(2, { components: COMPONENTS });

  it('needs a file for every component handed in, and only those', () => {
    expect(isDigitised(d, new Set(['TP1']))).toBe(true);
    expect(isDigitised(d, new Set(['TP1', 'TP2']))).toBe(true);
    expect(isDigitised(d, new Set(['TP2']))).toBe(false);
    expect(isDigitised(d, new Set())).toBe(false);
    const both = dossierIn(2, { components: COMPONENTS.map((c) => ({ ...c, submitted: 1 })) });
    expect(isDigitised(both, new Set(['TP1']))).toBe(false);
    expect(isDigitised(both, new Set(['TP2', 'TP1']))).toBe(true);
  });

  it('counts a dossier with nothing handed in as digitised only if it has a file', () => {
    const none = dossierIn(2, { components: COMPONENTS.map((c) => ({ ...c, submitted: 0 })) });
    expect(isDigitised(none, new Set())).toBe(false);
    expect(isDigitised(none, new Set(['scan']))).toBe(true);
    expect(isDigitised(dossierIn(2), new Set())).toBe(false);
  });
});
