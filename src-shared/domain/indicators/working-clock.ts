/**
 * A fast, cached form of `workingMsBetween` and `advanceWorkingTime` (calendar/working-time.ts) for
 * the indicators, which measure hundreds of thousands of dossiers at a time. Per calendar, a table of
 * working office time accumulated up to each Vietnam-time day turns both into a lookup: the working
 * time between a and b is clock(b) − clock(a). Results are identical to the generic functions
 * (test/unit/indicators/working-clock.test.ts checks that); the table is built lazily, per day
 * actually needed, and kept for the life of the calendar object.
 */
import type { SessionMs, WorkingCalendar } from '../calendar/working-calendar';
import { isoDateOfDayNumber } from '../civil-date';
import { VN_OFFSET_MS, vnDayNumber } from '../vn-time';

const MS_PER_DAY = 86_400_000;
/** Same bound as officeIntervalsFrom: a calendar with no office time this long is broken. */
const MAX_SCAN_DAYS = 36_600;
/** Days added beyond the one asked for when the table grows, so it grows rarely. */
const GROW_AHEAD = 400;
const GROW_BEHIND = 60;

export class WorkingClock {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly perDay: number;
  /** Day number of index 0. */
  private base = 0;
  /** 1 = working day, for days base … base + length − 1. */
  private working = new Uint8Array(0);
  /**
   * cum[i] = working ms from a fixed origin (the first day the table held) to the start of day
   * `base + i`, negative before the origin; length + 1 entries.
   */
  private cum = new Float64Array(1);

  constructor(private readonly calendar: WorkingCalendar) {
    const sessions: readonly SessionMs[] = calendar.sessions;
    this.starts = Float64Array.from(sessions, (s) => s.start);
    this.ends = Float64Array.from(sessions, (s) => s.end);
    this.perDay = calendar.workingMsPerDay;
  }

  /** Working office time from a fixed origin to `t`; only differences between two values mean anything. */
  at(t: number): number {
    if (!Number.isFinite(t)) throw new RangeError(`Invalid instant ${t}`);
    const n = vnDayNumber(t);
    const i = this.index(n);
    const before = this.cum[i]!;
    if (this.working[i] === 0) return before;
    return before + this.withinDay(t + VN_OFFSET_MS - n * MS_PER_DAY);
  }

  /** Same as workingMsBetween(calendar, a, b): 0 when b ≤ a. */
  between(a: number, b: number): number {
    return b <= a ? 0 : this.at(b) - this.at(a);
  }

  /** Same as advanceWorkingTime(calendar, start, budgetMs) without pauses. */
  advance(start: number, budgetMs: number): number {
    if (!(budgetMs >= 0) || !Number.isFinite(budgetMs)) throw new RangeError(`Invalid working-time budget ${budgetMs}`);
    if (budgetMs === 0) return start;
    const target = this.at(start) + budgetMs;
    let n = vnDayNumber(start);
    for (let scanned = 0; ; scanned++, n++) {
      if (scanned > MAX_SCAN_DAYS) throw new RangeError(`No end within ${MAX_SCAN_DAYS} days of ${new Date(start).toISOString()}`);
      const i = this.index(n + 1) - 1; // makes sure day n + 1 exists, so cum[i + 1] is the end of day n
      if (this.cum[i + 1]! < target) continue;
      // Day n is the first whose end reaches the target, so the target lies within its sessions.
      let remaining = target - this.cum[i]!;
      const midnight = n * MS_PER_DAY - VN_OFFSET_MS;
      for (let s = 0; s < this.starts.length; s++) {
        const len = this.ends[s]! - this.starts[s]!;
        if (remaining <= len) return midnight + this.starts[s]! + remaining;
        remaining -= len;
      }
      throw new RangeError('unreachable: the day holds the target');
    }
  }

  private withinDay(msOfDay: number): number {
    let total = 0;
    for (let s = 0; s < this.starts.length; s++) {
      const start = this.starts[s]!;
      if (msOfDay <= start) break;
      const end = this.ends[s]!;
      total += (msOfDay < end ? msOfDay : end) - start;
    }
    return total;
  }

  /** Index of day `n` in the table, growing the table to hold it. */
  private index(n: number): number {
    const i = n - this.base;
    if (i >= 0 && i < this.working.length) return i;
    this.grow(n);
    return n - this.base;
  }

  private grow(n: number): void {
    const oldBase = this.base;
    const oldLength = this.working.length;
    const lo = oldLength === 0 ? n - GROW_BEHIND : Math.min(oldBase, n - GROW_BEHIND);
    const hi = oldLength === 0 ? n + GROW_AHEAD : Math.max(oldBase + oldLength, n + GROW_AHEAD);
    const working = new Uint8Array(hi - lo);
    for (let d = lo; d < hi; d++) {
      const j = d - oldBase;
      working[d - lo] = j >= 0 && j < oldLength ? this.working[j]! : this.calendar.isWorkingDay(isoDateOfDayNumber(d)) ? 1 : 0;
    }
    const cum = new Float64Array(working.length + 1);
    for (let k = 0; k < working.length; k++) cum[k + 1] = cum[k]! + (working[k] === 1 ? this.perDay : 0);
    // Keep the origin where it was, so values read before the table grew stay comparable.
    if (oldLength > 0) {
      const shift = this.cum[0]! - cum[oldBase - lo]!;
      for (let k = 0; k < cum.length; k++) cum[k] = cum[k]! + shift;
    }
    this.base = lo;
    this.working = working;
    this.cum = cum;
  }
}

const clocks = new WeakMap<WorkingCalendar, WorkingClock>();

/** The cached clock of a calendar (calendars are immutable; a changed table makes a new calendar). */
export function workingClock(calendar: WorkingCalendar): WorkingClock {
  let clock = clocks.get(calendar);
  if (!clock) {
    clock = new WorkingClock(calendar);
    clocks.set(calendar, clock);
  }
  return clock;
}
