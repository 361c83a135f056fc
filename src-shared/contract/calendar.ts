/**
 * The yearly working-day calendar table (lịch nghỉ lễ, Tết, ngày nghỉ bù, ngày làm bù của một năm):
 * the shape of `resources/calendar/<year>.json`, of what an administrator edits and, later, of what
 * the portal distributes. One schema validates all of them; see docs/calendar.md.
 */
import { z } from 'zod';
import { isIsoDate, isWeekend } from '../domain/civil-date';

export const CALENDAR_ENTRY_KINDS = ['holiday', 'compensatory', 'makeUpWorkday', 'tetBreak'] as const;
export const CALENDAR_CERTAINTIES = ['verified', 'derived', 'uncertain'] as const;

export const calendarEntrySchema = z
  .object({
    date: z.string().refine(isIsoDate, 'date must be a valid yyyy-MM-dd'),
    /**
     * holiday: a public holiday (ngày lễ) · compensatory: a day off given back for a holiday on a
     * weekly rest day (nghỉ bù), or the weekday given off in a government day swap (nghỉ hoán đổi) ·
     * makeUpWorkday: a Saturday or Sunday worked in exchange (làm bù) · tetBreak: a day of the Tết
     * break decided for the civil service (nghỉ Tết Nguyên Đán).
     */
    kind: z.enum(CALENDAR_ENTRY_KINDS),
    /** Vietnamese, shown to clerks and printed in lists. */
    reason: z.string().trim().min(1).max(300),
    /** verified: checked against a published source · derived: computed by rule · uncertain: unconfirmed. */
    certainty: z.enum(CALENDAR_CERTAINTIES),
    /** Where it comes from or why it is uncertain; required for 'uncertain'. */
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .strict();

export const calendarTableSchema = z
  .object({
    year: z.number().int().min(1900).max(2199),
    /** Edition of this year's table, raised on every change; 0 for tables derived by rule in memory. */
    version: z.number().int().nonnegative(),
    /** Who published it and from what (decision numbers, "derived defaults" …). */
    source: z.string().trim().min(1).max(1000),
    entries: z.array(calendarEntrySchema).max(366),
  })
  .strict()
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    table.entries.forEach((entry, i) => {
      const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['entries', i], message });
      if (!isIsoDate(entry.date)) return; // already reported by the entry schema
      if (!entry.date.startsWith(`${table.year}-`)) issue(`${entry.date} is not in ${table.year}`);
      // One meaning per day keeps "is this a working day?" unambiguous.
      if (seen.has(entry.date)) issue(`${entry.date} appears twice`);
      seen.add(entry.date);
      if (entry.kind === 'makeUpWorkday' && !isWeekend(entry.date)) issue(`make-up workday ${entry.date} is not a Saturday or Sunday`);
      if (entry.certainty === 'uncertain' && !entry.note) issue(`uncertain entry ${entry.date} needs a note saying why`);
    });
  });

export type CalendarEntryKind = (typeof CALENDAR_ENTRY_KINDS)[number];
export type CalendarCertainty = (typeof CALENDAR_CERTAINTIES)[number];
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;
export type CalendarTable = z.infer<typeof calendarTableSchema>;
