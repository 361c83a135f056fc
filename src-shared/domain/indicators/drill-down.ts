/**
 * The records behind one number of the indicator report: same cohort, same judgement, same group
 * keys as computeIndicators, so their count is always the number shown.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { CHANNEL } from '../dossier-status';
import { cohortTest, inCohort } from './cohort';
import { dayKey, groupKey, weekKey } from './grouping';
import { isProcessed, judgeWith, periodBounds } from './judge';
import type { DrillDown, IndicatorFilter, IndicatorGrouping, IndicatorMetric, IndicatorRecord, Period } from './record';
import { vnDayNumber } from '../vn-time';
import { workingClock, type WorkingClock } from './working-clock';

export { groupKey } from './grouping';

function counts(metric: IndicatorMetric, r: IndicatorRecord, periodEnd: number, clock: WorkingClock): boolean {
  switch (metric) {
    case 'received':
      return true;
    case 'onTime': {
      const j = judgeWith(r, periodEnd, clock);
      return j === 'onTime' || j === 'openOnTime';
    }
    case 'late': {
      const j = judgeWith(r, periodEnd, clock);
      return j === 'late' || j === 'openLate';
    }
    case 'digitised':
      return r.digitised;
    case 'notDigitised':
      return !r.digitised;
    case 'online':
      return r.channel === CHANNEL.online;
    case 'synced':
      return r.synced === true;
    case 'notSynced':
      return r.synced === false;
    case 'processed':
      return isProcessed(r, periodEnd);
  }
}

/** groupKey, remembering day and week keys per day (records of one day share them). */
function keyOf(by: IndicatorGrouping, cache: Map<number, string>): (r: IndicatorRecord) => string {
  if (by !== 'day' && by !== 'week') return (r) => groupKey(r, by);
  const make = by === 'day' ? dayKey : weekKey;
  return (r) => {
    const day = vnDayNumber(r.receivedAt);
    let key = cache.get(day);
    if (key === undefined) {
      key = make(day);
      cache.set(day, key);
    }
    return key;
  };
}

/**
 * The records counted by `drill.metric` (in the row `drill.group`, or the totals), ordered by
 * receivedAt ascending: the caller's own objects, so records extended with more fields come back whole.
 */
export function drillDown<R extends IndicatorRecord>(
  records: readonly R[],
  period: Period,
  calendar: WorkingCalendar,
  filter: IndicatorFilter,
  drill: DrillDown,
): R[] {
  const { start, end } = periodBounds(period);
  const test = cohortTest(start, end, filter);
  const clock = workingClock(calendar);
  const wanted = drill.group?.key;
  const key = drill.group ? keyOf(drill.group.by, new Map()) : undefined;
  const out: R[] = [];
  for (let k = 0; k < records.length; k++) {
    const r = records[k]!;
    if (!inCohort(r, test)) continue;
    if (key && key(r) !== wanted) continue;
    if (counts(drill.metric, r, end, clock)) out.push(r);
  }
  return byReception(out);
}

/**
 * Sorted by receivedAt, records received at the same instant in input order. Input already in
 * reception order (the usual case) is returned as is. Otherwise the times are sorted natively as a
 * typed array and each record is placed at its time's first slot plus the records of that time
 * already placed: stable, and far faster than a comparator sort over the objects.
 */
function byReception<R extends IndicatorRecord>(records: R[]): R[] {
  const n = records.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = records[i - 1]!.receivedAt <= records[i]!.receivedAt;
  if (sorted) return records;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = records[i]!.receivedAt;
  const ascending = times.slice().sort();
  const placed = new Uint32Array(n);
  const out = new Array<R>(n);
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ascending[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    out[lo + placed[lo]!++] = records[i]!;
  }
  return out;
}
