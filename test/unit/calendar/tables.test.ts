import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calendarTableSchema, type CalendarTable } from '../../../src-shared/contract/calendar';
import { addDays, datesBetween } from '../../../src-shared/domain/civil-date';
import { deriveCalendarTable } from '../../../src-shared/domain/calendar/rules';
import { createWorkingCalendar } from '../../../src-shared/domain/calendar/working-calendar';
import { loadCalendarTables } from '../../../src-main/services/calendar-tables';
import { projectRoot } from '../../../src-main/services/paths';

const resources = path.join(projectRoot(), 'resources');
const tables = await loadCalendarTables(resources);
const byYear = new Map(tables.map((t) => [t.year, t]));

/** The civil-service Tết breaks DOMAIN.md §8 marks verified. */
const VERIFIED_TET: Record<number, [string, string]> = {
  2024: ['2024-02-08', '2024-02-14'],
  2025: ['2025-01-25', '2025-02-02'],
  2026: ['2026-02-14', '2026-02-22'],
};

describe('shipped calendar tables (resources/calendar)', () => {
  it('ships valid tables for 2024–2027', () => {
    expect(tables.map((t) => t.year)).toEqual([2024, 2025, 2026, 2027]);
    for (const t of tables) expect(t.version).toBeGreaterThanOrEqual(1);
  });

  it('makes the official 2024–2026 Tết breaks non-working', () => {
    const calendar = createWorkingCalendar(tables);
    for (const [year, [first, last]] of Object.entries(VERIFIED_TET)) {
      for (const d of datesBetween(first, last)) {
        expect(calendar.isWorkingDay(d), d).toBe(false);
        expect(byYear.get(Number(year))?.entries.find((e) => e.date === d)).toMatchObject({ kind: 'tetBreak', certainty: 'verified' });
      }
      // The break ends the counting gap: the days on either side are working days.
      expect(calendar.isWorkingDay(addDays(first, -1)), addDays(first, -1)).toBe(true);
      expect(calendar.isWorkingDay(addDays(last, 1)), addDays(last, 1)).toBe(true);
    }
  });

  it('marks as verified only the statutory fixed dates and the verified Tết breaks', () => {
    for (const t of tables) {
      const allowed = new Set([`${t.year}-01-01`, `${t.year}-04-30`, `${t.year}-05-01`, `${t.year}-09-02`]);
      const tet = VERIFIED_TET[t.year];
      if (tet) datesBetween(tet[0], tet[1]).forEach((d) => allowed.add(d));
      for (const e of t.entries.filter((x) => x.certainty === 'verified')) expect(allowed.has(e.date), `${e.date} ${e.reason}`).toBe(true);
      for (const e of t.entries.filter((x) => x.certainty === 'uncertain')) expect(e.note, e.date).toBeTruthy();
    }
  });

  it('ships 2027 as exactly the derived defaults', () => {
    expect(byYear.get(2027)?.entries).toEqual(deriveCalendarTable(2027).entries);
  });
});

describe('calendar table schema and loader', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const withFiles = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-cal-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'calendar'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'calendar', name), text);
    return dir;
  };
  const table = (entries: CalendarTable['entries'], year = 2030): CalendarTable => ({ year, version: 1, source: 'test', entries });
  const entry = (date: string, kind: CalendarTable['entries'][number]['kind'] = 'holiday') => ({ date, kind, reason: 'Lý do', certainty: 'verified' as const });

  it('rejects entries outside the year, duplicates, weekday make-up days and unexplained uncertainty', () => {
    const issues = (t: unknown) => calendarTableSchema.safeParse(t).error?.issues.map((i) => i.message).join('; ') ?? '';
    expect(issues(table([entry('2031-01-01')]))).toMatch(/not in 2030/);
    expect(issues(table([entry('2030-01-01'), entry('2030-01-01', 'compensatory')]))).toMatch(/twice/);
    expect(issues(table([entry('2030-03-06', 'makeUpWorkday')]))).toMatch(/not a Saturday or Sunday/);
    expect(issues(table([{ ...entry('2030-03-06'), certainty: 'uncertain' }]))).toMatch(/needs a note/);
    expect(issues(table([entry('2030-02-30')]))).toMatch(/valid yyyy-MM-dd/);
    expect(issues({ ...table([]), extra: 1 })).not.toBe('');
    expect(issues(table([entry('2030-03-09', 'makeUpWorkday')]))).toBe('');
  });

  it('loads <yyyy>.json files, ignores other files, and names the file in errors', async () => {
    const ok = withFiles({ '2030.json': JSON.stringify(table([entry('2030-03-09', 'makeUpWorkday')])), 'README.md': '#' });
    expect((await loadCalendarTables(ok)).map((t) => t.year)).toEqual([2030]);
    await expect(loadCalendarTables(withFiles({ '2031.json': JSON.stringify(table([])) }))).rejects.toThrow(/2031\.json: holds year 2030/);
    await expect(loadCalendarTables(withFiles({ '2030.json': '{' }))).rejects.toThrow(/2030\.json: not valid JSON/);
    await expect(loadCalendarTables(withFiles({ '2030.json': JSON.stringify(table([entry('2030-03-06', 'makeUpWorkday')])) }))).rejects.toThrow(
      /2030\.json: invalid calendar table — entries\.0: make-up workday/,
    );
    expect(await loadCalendarTables(path.join(os.tmpdir(), 'motcua-no-such-dir'))).toEqual([]);
  });
});
