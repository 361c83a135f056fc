import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../src-shared/domain/indicators/compute';
import type { IndicatorValues } from '../../../src-shared/domain/indicators/record';
import { officialCalendar } from '../lifecycle/fixtures';
import { at, recordMaker, SEPTEMBER } from './fixtures';

const calendar = await officialCalendar();

const rec = recordMaker();

/** September 2026 (01–02/09 holidays). The letters are the dossiers of the expectations below. */
const A = rec({ id: 'A', status: 9, finishedAt: at('2026-09-09T10:00'), procedureName: 'Tên cũ' }); // on time, 17 working h
const B = rec({ id: 'B', receivedAt: at('2026-09-07T10:00'), status: 10, finishedAt: at('2026-09-11T10:00'), clerk: 'binh', channel: 2, digitised: false, synced: false }); // late, 32 h
const C = rec({ id: 'C', receivedAt: at('2026-09-08T09:00'), dueAt: at('2026-09-11T17:00'), counter: 'ws-2', clerk: 'binh', procedureCode: 'P2', procedureName: 'Thủ tục P2', channel: 2 }); // open, late
const D = rec({ id: 'D', receivedAt: at('2026-09-29T09:00'), dueAt: at('2026-10-02T17:00'), counter: 'ws-2', procedureCode: 'P2', procedureName: 'Thủ tục P2', digitised: false }); // open, on time
const E = rec({ id: 'E', receivedAt: at('2026-09-15T09:00'), dueAt: at('2026-09-18T17:00'), status: 7, finishedAt: at('2026-09-16T09:00'), procedureName: 'Tên mới' }); // withdrawn
const F = rec({ id: 'F', code: '', receivedAt: 0, status: 3, finishedAt: at('2026-09-07T09:00'), dueAt: 0 }); // refused at the counter
const G = rec({ id: 'G', receivedAt: at('2026-08-31T16:59'), status: 9, finishedAt: at('2026-09-03T09:00') }); // received in August
const H = rec({ id: 'H', receivedAt: at('2026-10-01T00:00'), status: 9, finishedAt: at('2026-10-01T09:00') }); // received in October
// Received at the very start of the period (a holiday), on time; another system's record: no counter, clerk or sync state.
const I = rec({ id: 'I', receivedAt: at('2026-09-01T00:00'), dueAt: at('2026-09-04T17:00'), status: 9, finishedAt: at('2026-09-04T10:00'), counter: '', clerk: '', procedureCode: 'P3', procedureName: '', synced: null }); // 10.5 h
const RECORDS = [A, B, C, D, E, F, G, H, I];

const zero: IndicatorValues = {
  received: 0,
  onTime: 0,
  late: 0,
  judged: 0,
  onTimeRate: null,
  digitised: 0,
  digitisedRate: null,
  online: 0,
  onlineRate: null,
  synced: null,
  syncRate: null,
  processed: 0,
  averageProcessingDays: null,
};

describe('computeIndicators: totals', () => {
  const report = computeIndicators(RECORDS, SEPTEMBER, calendar);

  it('counts the dossiers received in the period, and only those', () => {
    expect(report.totals).toEqual({
      received: 6, // A B C D E I: F was never received, G and H fall outside the period
      onTime: 3, // A, I finished on time; D open before its deadline
      late: 2, // B finished late; C open past its deadline
      judged: 5, // E (withdrawn) is neither
      onTimeRate: 0.6,
      digitised: 4,
      digitisedRate: 4 / 6,
      online: 2,
      onlineRate: 2 / 6,
      synced: 4, // of the 5 records that know (I does not)
      syncRate: 0.8,
      processed: 3, // A B I
      averageProcessingDays: 2.48, // (17 + 32 + 10.5) h / 3 / 8 h = 2.479…
    });
    expect(report.period).toEqual(SEPTEMBER);
    expect(report.filter).toEqual({});
  });

  it('gives zeros and null rates for an empty period', () => {
    const empty = computeIndicators(RECORDS, { from: '2026-03-01', to: '2026-03-31' }, calendar);
    expect(empty.totals).toEqual(zero);
    expect(empty.byProcedure).toEqual([]);
    expect(empty.byCounter).toEqual([]);
    expect(empty.byClerk).toEqual([]);
    expect(empty.byDay).toHaveLength(31);
    expect(empty.byDay.every(({ key: _k, label: _l, ...values }) => JSON.stringify(values) === JSON.stringify(zero))).toBe(true);
    expect(empty.byWeek.map((w) => w.key)).toEqual(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']);
    expect(computeIndicators([], SEPTEMBER, calendar).totals).toEqual(zero);
  });

  it('counts more than one supplement request as late, and never-received dossiers nowhere', () => {
    const twice = rec({ status: 9, finishedAt: at('2026-09-08T10:00'), supplementRequests: 2 });
    const withdrawnBeforeReception = rec({ code: '', receivedAt: 0, status: 7, finishedAt: at('2026-09-07T10:00') });
    const { totals } = computeIndicators([twice, withdrawnBeforeReception], SEPTEMBER, calendar);
    expect(totals).toMatchObject({ received: 1, onTime: 0, late: 1, judged: 1, onTimeRate: 0, processed: 1 });
  });

  it('reports synced as unknown when no record says', () => {
    const { totals } = computeIndicators([rec({ synced: null }), rec({ synced: null })], SEPTEMBER, calendar);
    expect(totals.synced).toBeNull();
    expect(totals.syncRate).toBeNull();
    expect(computeIndicators([rec({ synced: null }), rec({ synced: false })], SEPTEMBER, calendar).totals).toMatchObject({ synced: 0, syncRate: 0 });
  });

  it('averages only dossiers processed (9/10) by the end of the period', () => {
    const stopped = rec({ status: 8, finishedAt: at('2026-09-08T10:00') });
    const returnedInOctober = rec({ status: 10, finishedAt: at('2026-10-02T10:00') });
    const { totals } = computeIndicators([A, stopped, returnedInOctober], SEPTEMBER, calendar);
    expect(totals).toMatchObject({ received: 3, processed: 1, averageProcessingDays: 2.13 }); // 17 h / 8 h = 2.125
  });
});

describe('computeIndicators: groups', () => {
  const report = computeIndicators(RECORDS, SEPTEMBER, calendar);
  const pick = (rows: { key: string; label: string; received: number }[]) => rows.map((r) => [r.key, r.label, r.received]);

  it('groups by procedure, counter and clerk, most received first', () => {
    // P1's label is its latest dossier's name (E, 15/09); a record without a name shows the code.
    expect(pick(report.byProcedure)).toEqual([['P1', 'Tên mới', 3], ['P2', 'Thủ tục P2', 2], ['P3', 'P3', 1]]);
    expect(pick(report.byCounter)).toEqual([['ws-1', 'ws-1', 3], ['ws-2', 'ws-2', 2], ['', '—', 1]]);
    expect(pick(report.byClerk)).toEqual([['an', 'an', 3], ['binh', 'binh', 2], ['', '—', 1]]);
    expect(report.byClerk[1]).toMatchObject({ onTime: 0, late: 2, judged: 2, onTimeRate: 0, online: 2, onlineRate: 1, processed: 1, averageProcessingDays: 4 });
    expect(report.byCounter[2]).toMatchObject({ synced: null, syncRate: null, onTime: 1, averageProcessingDays: 1.31 }); // 10.5 h
  });

  it('breaks ties in received by key', () => {
    const rows = computeIndicators([rec({ clerk: 'c' }), rec({ clerk: 'a' }), rec({ clerk: 'b' }), rec({ clerk: 'b' })], SEPTEMBER, calendar).byClerk;
    expect(rows.map((r) => r.key)).toEqual(['b', 'a', 'c']);
  });

  it('lists every day of the period, in order, zero days included', () => {
    expect(report.byDay).toHaveLength(30);
    expect(report.byDay[0]).toMatchObject({ key: '2026-09-01', label: '2026-09-01', received: 1 });
    expect(report.byDay[29]!.key).toBe('2026-09-30');
    const busy = report.byDay.filter((d) => d.received > 0).map((d) => [d.key, d.received]);
    expect(busy).toEqual([['2026-09-01', 1], ['2026-09-07', 2], ['2026-09-08', 1], ['2026-09-15', 1], ['2026-09-29', 1]]);
    expect(report.byDay[1]).toEqual({ key: '2026-09-02', label: '2026-09-02', ...zero });
  });

  it('lists every ISO week touching the period, partial ones and empty ones included', () => {
    expect(report.byWeek.map((w) => [w.key, w.received])).toEqual([
      ['2026-W36', 1], // Mon 31/08 – Sun 06/09: only the September days count
      ['2026-W37', 3],
      ['2026-W38', 1],
      ['2026-W39', 0],
      ['2026-W40', 1], // Mon 28/09 – Sun 04/10
    ]);
    // A week across two months: 31/08 and 03/09 both fall in 2026-W36.
    const acrossMonths = computeIndicators([G, I, rec({ receivedAt: at('2026-09-03T09:00') })], { from: '2026-08-25', to: '2026-09-08' }, calendar);
    expect(acrossMonths.byWeek.map((w) => [w.key, w.received])).toEqual([['2026-W35', 0], ['2026-W36', 3], ['2026-W37', 0]]);
    expect(acrossMonths.byDay.map((d) => d.key)).toEqual([
      '2026-08-25', '2026-08-26', '2026-08-27', '2026-08-28', '2026-08-29', '2026-08-30', '2026-08-31',
      '2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-05', '2026-09-06', '2026-09-07', '2026-09-08',
    ]);
  });

  it('keeps the ISO week of the year that holds its Thursday across New Year', () => {
    const newYear = computeIndicators(
      [rec({ receivedAt: at('2026-12-31T09:00'), dueAt: at('2027-01-06T17:00') }), rec({ receivedAt: at('2027-01-04T23:59'), dueAt: at('2027-01-07T17:00') })],
      { from: '2026-12-28', to: '2027-01-05' },
      calendar,
    );
    expect(newYear.byWeek.map((w) => [w.key, w.received, w.onTime])).toEqual([['2026-W53', 1, 1], ['2027-W01', 1, 1]]);
    expect(newYear.byDay).toHaveLength(9);
  });

  it('keeps the totals equal to the sum of every grouping', () => {
    for (const rows of [report.byProcedure, report.byCounter, report.byClerk, report.byDay, report.byWeek]) {
      for (const field of ['received', 'onTime', 'late', 'judged', 'digitised', 'online', 'processed'] as const) {
        expect(rows.reduce((sum, r) => sum + r[field], 0)).toBe(report.totals[field]);
      }
    }
  });
});

describe('computeIndicators: filter', () => {
  const totals = (filter: Parameters<typeof computeIndicators>[3]) => computeIndicators(RECORDS, SEPTEMBER, calendar, filter).totals;

  it('keeps only the records matching every given field', () => {
    expect(totals({ counter: 'ws-2' })).toMatchObject({ received: 2, onTime: 1, late: 1 });
    expect(totals({ clerk: 'an' })).toMatchObject({ received: 3, onTime: 2, late: 0, judged: 2 });
    expect(totals({ procedureCode: 'P1' })).toMatchObject({ received: 3, processed: 2 });
    expect(totals({ counter: 'ws-1', clerk: 'binh' })).toMatchObject({ received: 1, late: 1 });
    expect(totals({ agencyId: '000.17.22.H56', procedureCode: 'P2' })).toMatchObject({ received: 2 });
    expect(totals({ agencyId: 'other' })).toEqual(zero);
  });

  it('treats an empty field as not given', () => {
    expect(totals({ counter: '', clerk: undefined })).toEqual(totals({}));
  });

  it('echoes the filter and limits the groups to the matching records', () => {
    const report = computeIndicators(RECORDS, SEPTEMBER, calendar, { counter: 'ws-2' });
    expect(report.filter).toEqual({ counter: 'ws-2' });
    expect(report.byCounter.map((r) => r.key)).toEqual(['ws-2']);
    expect(report.byClerk.map((r) => [r.key, r.received])).toEqual([['an', 1], ['binh', 1]]);
  });
});
