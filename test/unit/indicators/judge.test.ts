import { describe, expect, it } from 'vitest';
import { judge, periodBounds, processingWorkingMs } from '../../../src-shared/domain/indicators/judge';
import type { IndicatorRecord } from '../../../src-shared/domain/indicators/record';
import { at, recordMaker, SEPTEMBER } from './fixtures';
import { officialCalendar } from '../lifecycle/fixtures';

const calendar = await officialCalendar();
const HOUR = 3_600_000;

/** Received Mon 07/09/2026 09:00, due Thu 10/09 17:00 (3 working days), being processed. */
const rec = recordMaker({ procedureCode: '1.004873', procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân', clerk: 'clerk.an' }, (n) => `000.17.22.H56-260907-${String(n).padStart(4, '0')}`);

const { end: END } = periodBounds(SEPTEMBER);
const judged = (patch: Partial<IndicatorRecord>) => judge(rec(patch), END, calendar);

describe('periodBounds', () => {
  it('runs from 00:00 of the first day to 24:00 of the last, Vietnam time', () => {
    expect(periodBounds(SEPTEMBER)).toEqual({ start: at('2026-09-01T00:00'), end: at('2026-10-01T00:00') });
    expect(periodBounds({ from: '2026-12-31', to: '2026-12-31' })).toEqual({ start: at('2026-12-31T00:00'), end: at('2027-01-01T00:00') });
  });

  it('refuses malformed and reversed periods', () => {
    expect(() => periodBounds({ from: '2026-09-31', to: '2026-10-01' })).toThrow(RangeError);
    expect(() => periodBounds({ from: '01/09/2026', to: '2026-10-01' })).toThrow(RangeError);
    expect(() => periodBounds({ from: '2026-10-01', to: '2026-09-30' })).toThrow(RangeError);
  });
});

describe('judge: finished dossiers', () => {
  it('is on time up to the deadline itself, late after it', () => {
    expect(judged({ status: 9, finishedAt: at('2026-09-09T10:00') })).toBe('onTime');
    expect(judged({ status: 9, finishedAt: at('2026-09-10T17:00') })).toBe('onTime');
    expect(judged({ status: 9, finishedAt: at('2026-09-10T17:01') })).toBe('late');
    // Returned (10) keeps the end of processing of status 9.
    expect(judged({ status: 10, finishedAt: at('2026-09-10T16:00') })).toBe('onTime');
  });

  it('counts one supplement request normally and more than one as late', () => {
    expect(judged({ status: 9, supplementRequests: 1, finishedAt: at('2026-09-09T10:00') })).toBe('onTime');
    expect(judged({ status: 9, supplementRequests: 2, finishedAt: at('2026-09-08T10:00') })).toBe('late');
    expect(judged({ status: 4, supplementRequests: 2 })).toBe('openLate');
    // Still open at the end of a period the deadline is far from: late all the same.
    expect(judge(rec({ supplementRequests: 2 }), at('2026-09-08T00:00'), calendar)).toBe('openLate');
  });

  it('uses the deadline moved by a completed supplement wait (already in dueAt)', () => {
    // Paused Tue 08/09 09:00 → Thu 10/09 09:00 = 16 working hours: Thu 10/09 17:00 → Mon 14/09 17:00.
    const moved = { supplementRequests: 1, supplementWaitMs: 16 * HOUR, dueAt: at('2026-09-14T17:00') };
    expect(judged({ ...moved, status: 9, finishedAt: at('2026-09-14T16:00') })).toBe('onTime');
    expect(judged({ ...moved, status: 9, finishedAt: at('2026-09-15T08:00') })).toBe('late');
  });

  it('judges stopped dossiers (8) by their end like any other', () => {
    expect(judged({ status: 8, finishedAt: at('2026-09-10T11:00') })).toBe('onTime');
    expect(judged({ status: 8, finishedAt: at('2026-09-11T11:00') })).toBe('late');
  });

  it('excludes withdrawn dossiers and dossiers without an appointment', () => {
    expect(judged({ status: 7, finishedAt: at('2026-09-08T10:00') })).toBe('excluded');
    expect(judged({ status: 7, finishedAt: at('2026-09-25T10:00') })).toBe('excluded'); // even after the deadline
    expect(judged({ status: 9, dueAt: 0, finishedAt: at('2026-09-08T10:00') })).toBe('excluded');
    expect(judged({ status: 3, receivedAt: 0, finishedAt: at('2026-09-07T09:00') })).toBe('excluded'); // never received
  });
});

describe('judge: dossiers open at the end of the period', () => {
  it('is judged at the end of the period against its deadline', () => {
    expect(judged({})).toBe('openLate'); // due 10/09, still open on 30/09
    expect(judged({ dueAt: at('2026-10-05T17:00') })).toBe('openOnTime');
    // The same dossier in a period ending before its deadline.
    expect(judge(rec(), periodBounds({ from: '2026-09-01', to: '2026-09-09' }).end, calendar)).toBe('openOnTime');
    expect(judge(rec(), periodBounds({ from: '2026-09-01', to: '2026-09-10' }).end, calendar)).toBe('openLate');
  });

  it('treats a dossier finished after the period end as open at the end', () => {
    const finishedInOctober = { status: 10 as const, finishedAt: at('2026-10-02T09:00') };
    expect(judged(finishedInOctober)).toBe('openLate'); // due 10/09
    expect(judged({ ...finishedInOctober, dueAt: at('2026-10-02T17:00') })).toBe('openOnTime');
    expect(judged({ ...finishedInOctober, dueAt: at('2026-10-02T17:00'), supplementRequests: 2 })).toBe('openLate');
  });

  it('moves the deadline by a supplement wait still running at the end', () => {
    // Received Mon 21/09, due Thu 24/09 17:00, paused since Wed 23/09 09:00. Up to 24:00 on 30/09 the
    // wait is 6.5 + 5 × 8 = 46.5 working hours: the deadline is Fri 02/10 15:30, after the end.
    const paused = { receivedAt: at('2026-09-21T09:00'), dueAt: at('2026-09-24T17:00'), pausedSince: at('2026-09-23T09:00'), status: 5 as const, supplementRequests: 1 };
    expect(judged(paused)).toBe('openOnTime');
    expect(judged({ ...paused, pausedSince: 0 })).toBe('openLate');
    // Paused only after the deadline had passed (Tue 22/09 17:00 + 38.5 h = Tue 29/09 15:30): late.
    expect(judged({ ...paused, dueAt: at('2026-09-22T17:00'), pausedSince: at('2026-09-24T09:00') })).toBe('openLate');
    // A wait that starts after the period end changes nothing.
    expect(judged({ ...paused, pausedSince: at('2026-10-05T09:00') })).toBe('openLate');
  });

  it('for a dossier finished while (still) paused, counts the wait up to its end', () => {
    // Stopped Fri 25/09 10:00 after waiting since Wed 23/09 09:00 (6.5 + 8 + 2.5 = 17 h): deadline Tue 29/09 08:30.
    const stopped = { status: 8 as const, dueAt: at('2026-09-24T17:00'), pausedSince: at('2026-09-23T09:00'), finishedAt: at('2026-09-25T10:00') };
    expect(judged(stopped)).toBe('onTime');
    expect(judged({ ...stopped, pausedSince: 0 })).toBe('late');
  });
});

describe('processingWorkingMs', () => {
  it('is the working time from reception to the end, completed supplement waits subtracted', () => {
    // Mon 07/09 09:00 → Mon 14/09 16:00: 6.5 + 4 × 8 + 7 = 45.5 h, minus 16 h of waiting.
    const r = rec({ status: 9, finishedAt: at('2026-09-14T16:00'), supplementWaitMs: 16 * HOUR, supplementRequests: 1 });
    expect(processingWorkingMs(r, calendar)).toBe(29.5 * HOUR);
    // Across the National Day holidays: Mon 31/08 09:00 → Thu 03/09 09:00 = 6.5 + 1.5 h.
    expect(processingWorkingMs(rec({ receivedAt: at('2026-08-31T09:00'), finishedAt: at('2026-09-03T09:00') }), calendar)).toBe(8 * HOUR);
  });

  it('is never negative and 0 for an unfinished dossier', () => {
    expect(processingWorkingMs(rec({ finishedAt: at('2026-09-07T10:00'), supplementWaitMs: 5 * HOUR }), calendar)).toBe(0);
    expect(processingWorkingMs(rec(), calendar)).toBe(0);
    expect(processingWorkingMs(rec({ finishedAt: at('2026-09-01T10:00') }), calendar)).toBe(0); // before reception (bad data)
  });
});
