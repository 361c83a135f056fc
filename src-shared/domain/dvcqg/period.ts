/**
 * The reporting period as typed on the command line or in a report URL: two Vietnam-time days
 * `yyyy-MM-dd`, inclusive, at most MAX_PERIOD_DAYS long (a leap year), so one request can never ask
 * for a century of daily rows. Shared by the portal's report endpoints and the CLI.
 */
import { dayNumber, isIsoDate } from '../civil-date';

export const MAX_PERIOD_DAYS = 366;

/** Why `from`–`to` is not a usable period, or null when it is. */
export function periodProblem(from: string | undefined, to: string | undefined): string | null {
  if (!from || !isIsoDate(from)) return `from: ${from ? `"${from}" is not` : 'give'} a date yyyy-MM-dd`;
  if (!to || !isIsoDate(to)) return `to: ${to ? `"${to}" is not` : 'give'} a date yyyy-MM-dd`;
  if (from > to) return `the period ends (${to}) before it starts (${from})`;
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days > MAX_PERIOD_DAYS) return `the period is ${days} days long; at most ${MAX_PERIOD_DAYS} days per report`;
  return null;
}
