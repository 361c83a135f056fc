/**
 * The service-quality indicators of a period (Decision 766, DOMAIN.md §6; rules in docs/indicators.md):
 * totals, by procedure, counter and clerk, and the trend by day and ISO week. One pass over the
 * records with plain counters; the calendar is consulted (through the cached clock) only for dossiers
 * still waiting for a supplement and for processed ones.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { dayNumber } from '../civil-date';
import { CHANNEL } from '../dossier-status';
import { cohortTest, inCohort } from './cohort';
import { dayKey, UNKNOWN_LABEL, weekKey } from './grouping';
import { isProcessed, judgeWith, periodBounds, processingWorkingMsWith } from './judge';
import type { IndicatorFilter, IndicatorRecord, IndicatorReport, IndicatorRow, IndicatorValues, Period } from './record';
import { vnDayNumber } from '../vn-time';
import { workingClock } from './working-clock';

const FACT_DIGITISED = 1;
const FACT_ONLINE = 2;
const FACT_SYNC_KNOWN = 4;
const FACT_SYNCED = 8;

/** Running counts of one row. */
class Tally {
  received = 0;
  onTime = 0;
  late = 0;
  digitised = 0;
  online = 0;
  synced = 0;
  /** Records that say whether they are synced (synced !== null). */
  syncKnown = 0;
  processed = 0;
  processingMs = 0;
  /** receivedAt of the record the label was taken from (the latest one wins). */
  labelAt = -1;

  constructor(
    readonly key: string,
    public label: string,
  ) {}

  /** `verdict`: 1 on time, -1 late, 0 excluded; `facts`: FACT_* bits; `processingMs` < 0 when not processed. */
  add(verdict: number, facts: number, processingMs: number): void {
    this.received++;
    if (verdict > 0) this.onTime++;
    else if (verdict < 0) this.late++;
    if (facts !== 0) {
      if ((facts & FACT_DIGITISED) !== 0) this.digitised++;
      if ((facts & FACT_ONLINE) !== 0) this.online++;
      if ((facts & FACT_SYNC_KNOWN) !== 0) this.syncKnown++;
      if ((facts & FACT_SYNCED) !== 0) this.synced++;
    }
    if (processingMs >= 0) {
      this.processed++;
      this.processingMs += processingMs;
    }
  }
}

const rate = (count: number, of: number): number | null => (of > 0 ? count / of : null);

function values(t: Tally, workingMsPerDay: number): IndicatorValues {
  const judged = t.onTime + t.late;
  const average = t.processed > 0 && workingMsPerDay > 0 ? Math.round((t.processingMs / t.processed / workingMsPerDay) * 100) / 100 : null;
  return {
    received: t.received,
    onTime: t.onTime,
    late: t.late,
    judged,
    onTimeRate: rate(t.onTime, judged),
    digitised: t.digitised,
    digitisedRate: rate(t.digitised, t.received),
    online: t.online,
    onlineRate: rate(t.online, t.received),
    synced: t.syncKnown > 0 ? t.synced : null,
    syncRate: rate(t.synced, t.syncKnown),
    processed: t.processed,
    averageProcessingDays: average,
  };
}

const row = (t: Tally, workingMsPerDay: number): IndicatorRow => ({ key: t.key, label: t.label, ...values(t, workingMsPerDay) });

/** Most received first, then by key (plain code-unit order, the same on every machine). */
function ranked(groups: Map<string, Tally>, workingMsPerDay: number): IndicatorRow[] {
  const tallies = [...groups.values()].sort((a, b) => b.received - a.received || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return tallies.map((t) => row(t, workingMsPerDay));
}

function tallyOf(groups: Map<string, Tally>, key: string): Tally {
  let t = groups.get(key);
  if (!t) {
    t = new Tally(key, key === '' ? UNKNOWN_LABEL : key);
    groups.set(key, t);
  }
  return t;
}

export function computeIndicators(
  records: readonly IndicatorRecord[],
  period: Period,
  calendar: WorkingCalendar,
  filter: IndicatorFilter = {},
): IndicatorReport {
  const { start, end } = periodBounds(period);
  const test = cohortTest(start, end, filter);
  const clock = workingClock(calendar);
  const perDay = calendar.workingMsPerDay;

  // Every day and ISO week of the period, in order, zero rows included.
  const firstDay = dayNumber(period.from);
  const dayCount = dayNumber(period.to) - firstDay + 1;
  const days: Tally[] = [];
  const weeks: Tally[] = [];
  const weekOfDay = new Int32Array(dayCount);
  for (let i = 0; i < dayCount; i++) {
    const key = dayKey(firstDay + i);
    days.push(new Tally(key, key));
    const week = weekKey(firstDay + i);
    if (weeks.length === 0 || weeks[weeks.length - 1]!.key !== week) weeks.push(new Tally(week, week));
    weekOfDay[i] = weeks.length - 1;
  }

  const totals = new Tally('', '');
  const byProcedure = new Map<string, Tally>();
  const byCounter = new Map<string, Tally>();
  const byClerk = new Map<string, Tally>();

  // The row of the previous record, per grouping: consecutive records often share it (one counter
  // on a workstation, a clerk's run of dossiers), which saves the lookup.
  let counter: Tally | undefined;
  let clerk: Tally | undefined;
  let procedure: Tally | undefined;

  for (let k = 0; k < records.length; k++) {
    const r = records[k]!;
    if (!inCohort(r, test)) continue;
    const judgement = judgeWith(r, end, clock);
    const verdict = judgement === 'onTime' || judgement === 'openOnTime' ? 1 : judgement === 'excluded' ? 0 : -1;
    const processingMs = isProcessed(r, end) ? processingWorkingMsWith(r, clock) : -1;
    const facts =
      (r.digitised ? FACT_DIGITISED : 0) |
      (r.channel === CHANNEL.online ? FACT_ONLINE : 0) |
      (r.synced === null ? 0 : r.synced ? FACT_SYNC_KNOWN | FACT_SYNCED : FACT_SYNC_KNOWN);

    totals.add(verdict, facts, processingMs);
    const dayIndex = vnDayNumber(r.receivedAt) - firstDay;
    days[dayIndex]!.add(verdict, facts, processingMs);
    weeks[weekOfDay[dayIndex]!]!.add(verdict, facts, processingMs);
    if (counter === undefined || counter.key !== r.counter) counter = tallyOf(byCounter, r.counter);
    counter.add(verdict, facts, processingMs);
    if (clerk === undefined || clerk.key !== r.clerk) clerk = tallyOf(byClerk, r.clerk);
    clerk.add(verdict, facts, processingMs);
    if (procedure === undefined || procedure.key !== r.procedureCode) procedure = tallyOf(byProcedure, r.procedureCode);
    procedure.add(verdict, facts, processingMs);
    // The procedure's name as of its latest dossier (a renamed procedure shows its current name).
    if (r.receivedAt > procedure.labelAt && r.procedureName !== '') {
      procedure.label = r.procedureName;
      procedure.labelAt = r.receivedAt;
    }
  }

  return {
    period: { from: period.from, to: period.to },
    filter: { ...filter },
    totals: values(totals, perDay),
    byProcedure: ranked(byProcedure, perDay),
    byCounter: ranked(byCounter, perDay),
    byClerk: ranked(byClerk, perDay),
    byDay: days.map((t) => row(t, perDay)),
    byWeek: weeks.map((t) => row(t, perDay)),
  };
}
