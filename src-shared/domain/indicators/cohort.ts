/**
 * Which records a report counts: received in the period (never-received ones are in no indicator)
 * and matching the filter. A filter field that is undefined or '' is not given (an "all" choice).
 */
import type { IndicatorFilter, IndicatorRecord } from './record';

/** The filter reduced to its given fields, checked once per record without allocating. */
export interface CohortTest {
  start: number;
  end: number;
  agencyId: string | undefined;
  counter: string | undefined;
  clerk: string | undefined;
  procedureCode: string | undefined;
}

const given = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

export function cohortTest(start: number, end: number, filter: IndicatorFilter): CohortTest {
  return {
    start,
    end,
    agencyId: given(filter.agencyId),
    counter: given(filter.counter),
    clerk: given(filter.clerk),
    procedureCode: given(filter.procedureCode),
  };
}

export function inCohort(r: IndicatorRecord, t: CohortTest): boolean {
  return (
    r.receivedAt > 0 &&
    r.receivedAt >= t.start &&
    r.receivedAt < t.end &&
    (t.agencyId === undefined || r.agencyId === t.agencyId) &&
    (t.counter === undefined || r.counter === t.counter) &&
    (t.clerk === undefined || r.clerk === t.clerk) &&
    (t.procedureCode === undefined || r.procedureCode === t.procedureCode)
  );
}
