import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../src-shared/domain/indicators/compute';
import { drillDown, groupKey } from '../../../src-shared/domain/indicators/drill-down';
import type {
  IndicatorFilter,
  IndicatorGrouping,
  IndicatorMetric,
  IndicatorRecord,
  IndicatorReport,
  IndicatorValues,
  Period,
} from '../../../src-shared/domain/indicators/record';
import { officialCalendar } from '../lifecycle/fixtures';
import { at, random, recordMaker, SEPTEMBER } from './fixtures';

const calendar = await officialCalendar();
const HOUR = 3_600_000;

const rec = recordMaker();

const A = rec({ id: 'A', status: 9, finishedAt: at('2026-09-09T10:00') });
const B = rec({ id: 'B', receivedAt: at('2026-09-07T10:00'), status: 10, finishedAt: at('2026-09-11T10:00'), clerk: 'binh', channel: 2, digitised: false, synced: false });
const C = rec({ id: 'C', receivedAt: at('2026-09-08T09:00'), dueAt: at('2026-09-11T17:00'), counter: 'ws-2', clerk: 'binh', procedureCode: 'P2', channel: 2 });
const D = rec({ id: 'D', receivedAt: at('2026-09-29T09:00'), dueAt: at('2026-10-02T17:00'), counter: 'ws-2', procedureCode: 'P2', digitised: false });
const E = rec({ id: 'E', receivedAt: at('2026-09-15T09:00'), dueAt: at('2026-09-18T17:00'), status: 7, finishedAt: at('2026-09-16T09:00') });
const F = rec({ id: 'F', code: '', receivedAt: 0, status: 3, finishedAt: at('2026-09-07T09:00'), dueAt: 0 });
const G = rec({ id: 'G', receivedAt: at('2026-08-31T16:59'), status: 9, finishedAt: at('2026-09-03T09:00') });
const I = rec({ id: 'I', receivedAt: at('2026-09-01T00:00'), dueAt: at('2026-09-04T17:00'), status: 9, finishedAt: at('2026-09-04T10:00'), counter: '', clerk: '', procedureCode: 'P3', synced: null });
// Out of order on purpose: the drill-down sorts by reception.
const RECORDS = [D, E, C, F, A, G, B, I];

const ids = (filter: IndicatorFilter, metric: IndicatorMetric, group?: { by: IndicatorGrouping; key: string }) =>
  drillDown(RECORDS, SEPTEMBER, calendar, filter, group ? { metric, group } : { metric }).map((r) => r.id);

describe('drillDown: the records behind a number', () => {
  it('opens the totals, ordered by reception', () => {
    expect(ids({}, 'received')).toEqual(['I', 'A', 'B', 'C', 'E', 'D']);
    expect(ids({}, 'onTime')).toEqual(['I', 'A', 'D']);
    expect(ids({}, 'late')).toEqual(['B', 'C']);
    expect(ids({}, 'digitised')).toEqual(['I', 'A', 'C', 'E']);
    expect(ids({}, 'notDigitised')).toEqual(['B', 'D']);
    expect(ids({}, 'online')).toEqual(['B', 'C']);
    expect(ids({}, 'synced')).toEqual(['A', 'C', 'E', 'D']);
    expect(ids({}, 'notSynced')).toEqual(['B']);
    expect(ids({}, 'processed')).toEqual(['I', 'A', 'B']);
  });

  it('opens one row of a grouping', () => {
    expect(ids({}, 'received', { by: 'counter', key: '' })).toEqual(['I']);
    expect(ids({}, 'late', { by: 'week', key: '2026-W37' })).toEqual(['B', 'C']);
    expect(ids({}, 'received', { by: 'week', key: '2026-W36' })).toEqual(['I']); // G (31/08) is outside the period
    expect(ids({}, 'received', { by: 'day', key: '2026-09-07' })).toEqual(['A', 'B']);
    expect(ids({}, 'onTime', { by: 'procedure', key: 'P2' })).toEqual(['D']);
    expect(ids({}, 'received', { by: 'clerk', key: 'binh' })).toEqual(['B', 'C']);
    expect(ids({}, 'received', { by: 'clerk', key: 'nobody' })).toEqual([]);
  });

  it('applies the filter as the report does', () => {
    expect(ids({ counter: 'ws-2' }, 'received')).toEqual(['C', 'D']);
    expect(ids({ counter: 'ws-1' }, 'late', { by: 'clerk', key: 'binh' })).toEqual(['B']);
    expect(ids({ counter: '' }, 'received')).toEqual(ids({}, 'received'));
  });

  it('returns the caller\'s own objects, extra fields included', () => {
    const extended = RECORDS.map((r) => ({ ...r, applicantName: `Chủ hồ sơ ${r.id}` }));
    const found = drillDown(extended, SEPTEMBER, calendar, {}, { metric: 'late' });
    expect(found.map((r) => r.applicantName)).toEqual(['Chủ hồ sơ B', 'Chủ hồ sơ C']);
    expect(found[0]).toBe(extended.find((r) => r.id === 'B'));
  });

  it('keeps the input order of records received at the same instant', () => {
    const twins = [rec({ id: 'x2', receivedAt: at('2026-09-10T09:00') }), rec({ id: 'x1', receivedAt: at('2026-09-10T09:00') }), rec({ id: 'x0', receivedAt: at('2026-09-09T09:00') })];
    expect(drillDown(twins, SEPTEMBER, calendar, {}, { metric: 'received' }).map((r) => r.id)).toEqual(['x0', 'x2', 'x1']);
  });

  it('uses the same group keys as the report', () => {
    expect(groupKey(I, 'counter')).toBe('');
    expect(groupKey(I, 'procedure')).toBe('P3');
    expect(groupKey(I, 'day')).toBe('2026-09-01');
    expect(groupKey(I, 'week')).toBe('2026-W36');
    expect(groupKey(rec({ receivedAt: at('2026-09-06T23:59:59') }), 'week')).toBe('2026-W36');
    expect(groupKey(rec({ receivedAt: at('2026-09-07T00:00') }), 'week')).toBe('2026-W37');
  });
});

/** A mixed population around the period: every status, pauses, supplements, unknown sync state. */
function population(count: number, seed: number): IndicatorRecord[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const from = at('2026-08-20T00:00');
  const out: IndicatorRecord[] = [];
  for (let i = 0; i < count; i++) {
    const receivedAt = rnd() < 0.05 ? 0 : from + Math.floor(rnd() * 50 * 24) * HOUR + Math.floor(rnd() * 60) * 60_000;
    const dueAt = rnd() < 0.05 ? 0 : (receivedAt || from) + Math.floor(1 + rnd() * 10) * 24 * HOUR;
    const status = pick([2, 4, 5, 6, 7, 8, 9, 10, 10, 10] as const);
    const finished = status >= 7;
    const finishedAt = finished ? (receivedAt || from) + Math.floor(rnd() * 20 * 24) * HOUR : 0;
    out.push(
      rec({
        receivedAt,
        code: receivedAt ? `C-${i}` : '',
        dueAt,
        status,
        finishedAt,
        pausedSince: status === 5 ? (receivedAt || from) + Math.floor(rnd() * 10 * 24) * HOUR : 0,
        supplementWaitMs: rnd() < 0.2 ? Math.floor(rnd() * 16) * HOUR : 0,
        supplementRequests: pick([0, 0, 0, 1, 2]),
        procedureCode: pick(['P1', 'P2', 'P3', 'P4', '']),
        procedureName: pick(['Tên A', 'Tên B', '']),
        counter: pick(['ws-1', 'ws-2', 'ws-3', '']),
        clerk: pick(['an', 'binh', 'chi', '']),
        channel: pick([1, 2, 3] as const),
        digitised: rnd() < 0.7,
        synced: pick([true, true, false, null]),
      }),
    );
  }
  return out;
}

const METRICS: readonly IndicatorMetric[] = ['received', 'onTime', 'late', 'digitised', 'notDigitised', 'online', 'synced', 'notSynced', 'processed'];
const GROUPINGS = [
  ['procedure', 'byProcedure'],
  ['counter', 'byCounter'],
  ['clerk', 'byClerk'],
  ['day', 'byDay'],
  ['week', 'byWeek'],
] as const satisfies readonly (readonly [IndicatorGrouping, keyof IndicatorReport])[];

/** The report's number for a metric; notSynced is not shown, so it is checked by partition. */
function shown(v: IndicatorValues, metric: Exclude<IndicatorMetric, 'notSynced'>): number {
  switch (metric) {
    case 'notDigitised':
      return v.received - v.digitised;
    case 'synced':
      return v.synced ?? 0;
    default:
      return v[metric];
  }
}

function checkEveryNumber(records: IndicatorRecord[], period: Period, filter: IndicatorFilter): number {
  const report = computeIndicators(records, period, calendar, filter);
  let checked = 0;
  const check = (v: IndicatorValues, group?: { by: IndicatorGrouping; key: string }) => {
    const open = (metric: IndicatorMetric) => drillDown(records, period, calendar, filter, group ? { metric, group } : { metric });
    const received = open('received');
    for (const metric of METRICS) {
      const found = open(metric);
      if (metric === 'notSynced') {
        expect(found.length).toBe(received.filter((r) => r.synced === false).length);
      } else {
        expect(found.length, `${metric} of ${group ? `${group.by} ${group.key}` : 'the totals'}`).toBe(shown(v, metric));
      }
      for (let i = 1; i < found.length; i++) expect(found[i - 1]!.receivedAt).toBeLessThanOrEqual(found[i]!.receivedAt);
      checked++;
    }
    expect(open('onTime').length + open('late').length).toBe(v.judged);
    const known = received.filter((r) => r.synced !== null).length;
    expect(v.syncRate).toBe(known ? (v.synced ?? 0) / known : null);
  };
  check(report.totals);
  for (const [by, rows] of GROUPINGS) {
    for (const row of report[rows]) {
      const inRow = drillDown(records, period, calendar, filter, { metric: 'received', group: { by, key: row.key } });
      expect(inRow.every((r) => groupKey(r, by) === row.key)).toBe(true);
      check(row, { by, key: row.key });
    }
  }
  return checked;
}

describe('drillDown matches every number of the report', () => {
  it('on the hand-built dossiers', () => {
    expect(checkEveryNumber(RECORDS, SEPTEMBER, {})).toBeGreaterThan(100);
    checkEveryNumber(RECORDS, SEPTEMBER, { counter: 'ws-2' });
  });

  it('on a mixed population, for totals and every row of every grouping', () => {
    const records = population(1500, 766);
    checkEveryNumber(records, SEPTEMBER, {});
    checkEveryNumber(records, { from: '2026-08-27', to: '2026-09-09' }, { clerk: 'binh' });
    checkEveryNumber(records, SEPTEMBER, { procedureCode: 'P2', counter: 'ws-1' });
  });
});
