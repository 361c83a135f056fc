/**
 * 200,000 dossiers: prints how long computeIndicators takes (no timed assertion: machines differ),
 * and checks the fast path against a plain re-statement of the rules on the generic working-time
 * functions.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '../../../src-shared/domain/calendar/working-calendar';
import { advanceWorkingTime, workingMsBetween } from '../../../src-shared/domain/calendar/working-time';
import { addDays, datesBetween } from '../../../src-shared/domain/civil-date';
import { computeIndicators } from '../../../src-shared/domain/indicators/compute';
import { drillDown } from '../../../src-shared/domain/indicators/drill-down';
import type { IndicatorFilter, IndicatorRecord, IndicatorReport, IndicatorRow, IndicatorValues, Judgement, Period } from '../../../src-shared/domain/indicators/record';
import { vnDay, vnMidnight } from '../../../src-shared/domain/vn-time';
import { officialCalendar } from '../lifecycle/fixtures';
import { random } from './fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const QUARTER: Period = { from: '2026-07-01', to: '2026-09-30' };

/** A quarter's worth of a busy district: mostly finished, some open, waiting, stopped or withdrawn. */
function synthetic(count: number, seed: number): IndicatorRecord[] {
  const rnd = random(seed);
  const from = vnMidnight('2026-06-20');
  const out: IndicatorRecord[] = [];
  for (let i = 0; i < count; i++) {
    const receivedAt = rnd() < 0.02 ? 0 : from + Math.floor(rnd() * 110 * DAY);
    const base = receivedAt || from;
    const dueAt = rnd() < 0.02 ? 0 : base + Math.floor((1 + rnd() * 15) * DAY);
    const x = rnd();
    const status = x < 0.55 ? 10 : x < 0.65 ? 9 : x < 0.75 ? 4 : x < 0.83 ? 5 : x < 0.88 ? 2 : x < 0.92 ? 6 : x < 0.96 ? 8 : 7;
    const finishedAt = status >= 7 ? base + Math.floor(rnd() * 20 * DAY) : 0;
    const supplementRequests = rnd() < 0.15 ? 1 : rnd() < 0.03 ? 2 : 0;
    const p = Math.floor(rnd() * 150);
    out.push({
      id: `d${i}`,
      code: receivedAt ? `C${i}` : '',
      agencyId: 'H56',
      procedureCode: `1.00${p}`,
      procedureName: `Thủ tục ${p}`,
      counter: `ws-${Math.floor(rnd() * 12)}`,
      clerk: `clerk-${Math.floor(rnd() * 40)}`,
      channel: rnd() < 0.3 ? 2 : 1,
      status,
      receivedAt,
      dueAt,
      pausedSince: status === 5 ? base + Math.floor(rnd() * 10 * DAY) : 0,
      supplementWaitMs: supplementRequests > 0 && status >= 8 ? Math.floor(rnd() * 24) * HOUR : 0,
      finishedAt,
      supplementRequests: status === 5 ? Math.max(1, supplementRequests) : supplementRequests,
      reschedules: rnd() < 0.05 ? 1 : 0,
      digitised: rnd() < 0.8,
      synced: rnd() < 0.9 ? true : rnd() < 0.5 ? false : null,
    });
  }
  return out;
}

// ---- The rules once more, written plainly on the generic calendar functions -------------------

function referenceJudge(r: IndicatorRecord, end: number, calendar: WorkingCalendar): Judgement {
  if (r.status === 7 || r.dueAt === 0) return 'excluded';
  const finished = r.finishedAt > 0 && r.finishedAt <= end;
  if (r.supplementRequests > 1) return finished ? 'late' : 'openLate';
  const stop = finished ? r.finishedAt : end;
  const deadline = r.pausedSince > 0 && r.pausedSince < stop ? advanceWorkingTime(calendar, r.dueAt, workingMsBetween(calendar, r.pausedSince, stop)) : r.dueAt;
  if (finished) return stop <= deadline ? 'onTime' : 'late';
  return stop <= deadline ? 'openOnTime' : 'openLate';
}

function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const week = Math.ceil(((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function referenceValues(rs: IndicatorRecord[], end: number, calendar: WorkingCalendar): IndicatorValues {
  const j = rs.map((r) => referenceJudge(r, end, calendar));
  const onTime = j.filter((x) => x === 'onTime' || x === 'openOnTime').length;
  const late = j.filter((x) => x === 'late' || x === 'openLate').length;
  const known = rs.filter((r) => r.synced !== null);
  const synced = known.filter((r) => r.synced === true).length;
  const processed = rs.filter((r) => (r.status === 9 || r.status === 10) && r.finishedAt > 0 && r.finishedAt <= end);
  let ms = 0;
  for (const r of processed) ms += Math.max(0, workingMsBetween(calendar, r.receivedAt, r.finishedAt) - r.supplementWaitMs);
  const rate = (a: number, b: number) => (b ? a / b : null);
  return {
    received: rs.length,
    onTime,
    late,
    judged: onTime + late,
    onTimeRate: rate(onTime, onTime + late),
    digitised: rs.filter((r) => r.digitised).length,
    digitisedRate: rate(rs.filter((r) => r.digitised).length, rs.length),
    online: rs.filter((r) => r.channel === 2).length,
    onlineRate: rate(rs.filter((r) => r.channel === 2).length, rs.length),
    synced: known.length ? synced : null,
    syncRate: rate(synced, known.length),
    processed: processed.length,
    averageProcessingDays: processed.length ? Math.round((ms / processed.length / calendar.workingMsPerDay) * 100) / 100 : null,
  };
}

function referenceReport(records: IndicatorRecord[], period: Period, calendar: WorkingCalendar, filter: IndicatorFilter): IndicatorReport {
  const start = vnMidnight(period.from);
  const end = vnMidnight(addDays(period.to, 1));
  const cohort = records.filter(
    (r) =>
      r.receivedAt > 0 &&
      r.receivedAt >= start &&
      r.receivedAt < end &&
      (!filter.agencyId || r.agencyId === filter.agencyId) &&
      (!filter.counter || r.counter === filter.counter) &&
      (!filter.clerk || r.clerk === filter.clerk) &&
      (!filter.procedureCode || r.procedureCode === filter.procedureCode),
  );
  const rows = (keyOf: (r: IndicatorRecord) => string, labelOf: (key: string, rs: IndicatorRecord[]) => string): IndicatorRow[] => {
    const groups = new Map<string, IndicatorRecord[]>();
    for (const r of cohort) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
    return [...groups]
      .sort(([a, ra], [b, rb]) => rb.length - ra.length || (a < b ? -1 : 1))
      .map(([key, rs]) => ({ key, label: labelOf(key, rs), ...referenceValues(rs, end, calendar) }));
  };
  const plain = (key: string) => key || '—';
  const latestName = (key: string, rs: IndicatorRecord[]) => {
    const named = rs.filter((r) => r.procedureName);
    const latest = Math.max(...named.map((r) => r.receivedAt));
    return named.find((r) => r.receivedAt === latest)?.procedureName ?? plain(key);
  };
  const days = datesBetween(period.from, period.to);
  const weeks = [...new Set(days.map(isoWeek))];
  return {
    period,
    filter,
    totals: referenceValues(cohort, end, calendar),
    byProcedure: rows((r) => r.procedureCode, latestName),
    byCounter: rows((r) => r.counter, plain),
    byClerk: rows((r) => r.clerk, plain),
    byDay: days.map((day) => ({ key: day, label: day, ...referenceValues(cohort.filter((r) => vnDay(r.receivedAt) === day), end, calendar) })),
    byWeek: weeks.map((w) => ({ key: w, label: w, ...referenceValues(cohort.filter((r) => isoWeek(vnDay(r.receivedAt)) === w), end, calendar) })),
  };
}

describe('computeIndicators at scale', () => {
  it('agrees with the plain statement of the rules', async () => {
    const calendar = await officialCalendar();
    const records = synthetic(4000, 1);
    expect(computeIndicators(records, QUARTER, calendar)).toEqual(referenceReport(records, QUARTER, calendar, {}));
    const september: Period = { from: '2026-08-29', to: '2026-09-12' };
    expect(computeIndicators(records, september, calendar, { counter: 'ws-3' })).toEqual(referenceReport(records, september, calendar, { counter: 'ws-3' }));
  });

  it('handles 200,000 records (prints the time)', async () => {
    const records = synthetic(200_000, 2);
    const calendar = await officialCalendar(); // a fresh calendar: the first run builds its working-time table
    /** Wall and CPU time of one run: on a busy machine the CPU time is the steadier figure. */
    const timed = () => {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const result = computeIndicators(records, QUARTER, calendar);
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      return { result, wall, cpu: (cpu.user + cpu.system) / 1000 };
    };
    const cold = timed();
    const first = cold.result;
    const warm = Array.from({ length: 7 }, timed);
    const report = warm[warm.length - 1]!.result;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    console.log(
      `computeIndicators, 200,000 records (${report.totals.received} in the quarter, ${report.totals.processed} processed): ` +
        `first run ${ms(cold.wall)} (CPU ${ms(cold.cpu)}); then median ${ms(median(warm.map((w) => w.wall)))} ` +
        `(CPU ${ms(median(warm.map((w) => w.cpu)))}), fastest ${ms(Math.min(...warm.map((w) => w.wall)))}`,
    );

    let t0 = performance.now();
    const late = drillDown(records, QUARTER, calendar, {}, { metric: 'late' });
    const drillTotals = performance.now() - t0;
    const week = report.byWeek[5]!;
    t0 = performance.now();
    const weekLate = drillDown(records, QUARTER, calendar, {}, { metric: 'late', group: { by: 'week', key: week.key } });
    const drillWeek = performance.now() - t0;
    console.log(`drillDown over the same records: late of the totals ${ms(drillTotals)}, late of week ${week.key} ${ms(drillWeek)}`);
    expect(late).toHaveLength(report.totals.late);
    expect(weekLate).toHaveLength(week.late);

    expect(report).toEqual(first);
    expect(report.totals.received).toBeGreaterThan(150_000);
    expect(report.byDay).toHaveLength(92);
    for (const rows of [report.byProcedure, report.byCounter, report.byClerk, report.byDay, report.byWeek]) {
      for (const field of ['received', 'onTime', 'late', 'judged', 'digitised', 'online', 'processed'] as const) {
        expect(rows.reduce((sum, r) => sum + r[field], 0)).toBe(report.totals[field]);
      }
    }
  });
});
