/**
 * The one input of the service-quality indicators (Decision 766/QĐ-TTg, DOMAIN.md §6): a dossier
 * reduced to the facts the rules need. The workstation builds it from its RxDB documents, the portal
 * from its tables and the CLI from a DVCQG file, and all three hand it to the same `computeIndicators`.
 * Times are epoch ms (0 = not applicable); working time is in working ms of the centre's calendar.
 */
import type { Channel, DossierStatus } from '../dossier-status';

export interface IndicatorRecord {
  /** Dossier id (for a DVCQG file: MaHoSo). The drill-down returns these. */
  id: string;
  /** Dossier code (mã hồ sơ); '' when the dossier was never received. */
  code: string;
  agencyId: string;
  procedureCode: string;
  procedureName: string;
  /** Counter = workstation that received it ('' unknown, e.g. another system's file). */
  counter: string;
  /** Clerk who received it (username; '' unknown). */
  clerk: string;
  channel: Channel;
  status: DossierStatus;
  /** Valid reception (clock start); 0 = never received (refused at the counter, withdrawn before reception). */
  receivedAt: number;
  /**
   * Deadline for the on-time rule: the appointment after every completed supplement wait, before
   * any reschedule (an apology and a new date do not make a late dossier on time). 0 = no appointment.
   */
  dueAt: number;
  /** Start of a supplement wait still running (clock paused), 0 when none. */
  pausedSince: number;
  /** Working ms of completed supplement waits (subtracted from the processing time). */
  supplementWaitMs: number;
  /** End of processing: reaching status 9, else 10, else 8 or 3; withdrawal (7) too. 0 = still open. */
  finishedAt: number;
  supplementRequests: number;
  reschedules: number;
  /** Every submitted component has a file attached (and the result, where one is recorded). */
  digitised: boolean;
  /** At the portal; null when the source cannot tell (a DVCQG file). */
  synced: boolean | null;
}

/** Inclusive range of Vietnam-time days `yyyy-MM-dd`; the period ends at 24:00 of `to`. */
export interface Period {
  from: string;
  to: string;
}

/** Which records count: every field optional, all given ones must match. */
export interface IndicatorFilter {
  agencyId?: string;
  counter?: string;
  clerk?: string;
  procedureCode?: string;
}

/** How a received dossier stands at the end of the period. */
export type Judgement =
  /** finished by period end, end ≤ deadline */
  | 'onTime'
  /** finished by period end after the deadline, or more than one supplement request */
  | 'late'
  /** open at period end, period end ≤ deadline (counted on time, DOMAIN.md §6) */
  | 'openOnTime'
  /** open at period end, past the deadline */
  | 'openLate'
  /** withdrawn by the applicant or without an appointment: neither on time nor late */
  | 'excluded';

/** Counts behind one row of the report. Rates are 0..1, null when their denominator is 0. */
export interface IndicatorValues {
  /** Dossiers validly received in the period. */
  received: number;
  onTime: number;
  late: number;
  /** Received dossiers judged (received − excluded): the on-time denominator. */
  judged: number;
  onTimeRate: number | null;
  digitised: number;
  digitisedRate: number | null;
  online: number;
  onlineRate: number | null;
  /** null when no record in the row says whether it is synced. */
  synced: number | null;
  syncRate: number | null;
  /** Finished by period end (status 9/10), for the average. */
  processed: number;
  /** Mean working days from reception to end of processing, supplement waits excluded. */
  averageProcessingDays: number | null;
}

export interface IndicatorRow extends IndicatorValues {
  /** Group key: procedure code, counter, clerk, day `yyyy-MM-dd` or ISO week `yyyy-Www`. */
  key: string;
  /** Human label (procedure name; the key otherwise). */
  label: string;
}

export interface IndicatorReport {
  period: Period;
  filter: IndicatorFilter;
  totals: IndicatorValues;
  byProcedure: IndicatorRow[];
  byCounter: IndicatorRow[];
  byClerk: IndicatorRow[];
  /** Trend by reception day and by ISO week (Monday first), every day/week of the period present. */
  byDay: IndicatorRow[];
  byWeek: IndicatorRow[];
}

/** The numbers a drill-down can open. */
export type IndicatorMetric = 'received' | 'onTime' | 'late' | 'digitised' | 'notDigitised' | 'online' | 'synced' | 'notSynced' | 'processed';

export type IndicatorGrouping = 'procedure' | 'counter' | 'clerk' | 'day' | 'week';

/** A drill-down: the records behind one number of the report. */
export interface DrillDown {
  metric: IndicatorMetric;
  /** Restrict to one row of a grouping; omitted = the totals. */
  group?: { by: IndicatorGrouping; key: string };
}
