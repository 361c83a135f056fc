import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCalendarCommand } from '../../../src-main/cli/calendar';
import { projectRoot } from '../../../src-main/services/paths';

const root = projectRoot();

/** The real entry point, as `npm run motcua -- calendar …` runs it. */
function motcua(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/motcua.ts', 'calendar', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  const lines = r.stdout.trimEnd().split('\n');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines, last: lines[lines.length - 1] };
}

/** The same module in-process, for the many error cases (no process start each). */
async function inProcess(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCalendarCommand(args, { out: (t) => (out += t), err: (t) => (err += t) }, path.join(root, 'resources'));
  return { code, out, err };
}

describe('motcua calendar (spawned)', () => {
  it('prints the due date-time as the last line, across Tết 2026', () => {
    const r = motcua(['due', '--from', '2026-02-12T09:00', '--days', '3']);
    expect(r.code).toBe(0);
    expect(r.last).toBe('2026-02-24T17:00:00+07:00');
    expect(r.stdout).toContain('2026: bảng lịch v1');
  });

  it('handles --hours, --same-day and pauses', () => {
    expect(motcua(['due', '--from', '2026-03-06T15:00', '--hours', '4']).last).toBe('2026-03-09T09:30:00+07:00');
    expect(motcua(['due', '--from=2026-03-03T15:30', '--same-day']).last).toBe('2026-03-04T17:00:00+07:00');
    const paused = motcua(['due', '--from', '2026-03-02T10:00', '--days', '3', '--pause', '2026-03-03T07:30/2026-03-04T07:30']);
    expect(paused.last).toBe('2026-03-06T17:00:00+07:00');
  });

  it('lists the holidays of a year as date<TAB>reason, sorted', () => {
    const r = motcua(['holidays', '--year', '2026']);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(13);
    expect(r.lines[0]).toBe('2026-01-01\tTết Dương lịch');
    expect(r.lines.every((l) => /^\d{4}-\d\d-\d\d\t\S.*$/.test(l))).toBe(true);
    expect([...r.lines].sort()).toEqual(r.lines);
    expect(r.lines.map((l) => l.slice(0, 10))).toContain('2026-01-10'); // make-up Saturday
    expect(r.stderr).toContain('2026: bảng lịch v1');
  });

  it('exits non-zero with a bilingual message on bad input', () => {
    const bad = motcua(['due', '--from', '2026-02-30T09:00', '--days', '3']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/ngày giờ không hợp lệ \/ invalid date-time '2026-02-30T09:00'/);
    const both = motcua(['due', '--from', '2026-02-12T09:00', '--days', '3', '--hours', '2']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/chỉ chọn một trong \/ choose only one of --days, --hours/);
  });

  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  it('exits 1 when a shipped table is broken, naming the file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'calendar'));
    writeFileSync(path.join(dir, 'calendar', '2026.json'), '{"year": 2026}');
    const r = motcua(['holidays', '--year', '2026'], { MOTCUA_RESOURCES_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2026\.json: invalid calendar table/);
  });
});

describe('motcua calendar (in-process)', () => {
  it.each([
    [['due', '--days', '3'], /--from is required/],
    [['due', '--from', '2026-02-12T09:00'], /give one of --days, --hours, --same-day/],
    [['due', '--from', '2026-02-12T09:00', '--same-day', '--hours', '1'], /choose only one of --hours, --same-day/],
    [['due', '--from', '2026-02-12T09:00', '--days', '0'], /positive whole number/],
    [['due', '--from', '2026-02-12T09:00', '--days', '1.5'], /positive whole number/],
    [['due', '--from', '2026-02-12T09:00', '--hours', 'abc'], /positive number/],
    [['due', '--from', '12/02/2026', '--days', '1'], /invalid date-time/],
    [['due', '--from', '2026-02-12T09:00', '--days', '1', '--days', '2'], /given twice/],
    [['due', '--from', '2026-02-12T09:00', '--days'], /--days thiếu giá trị \/ needs a value/],
    [['due', '--from', '2026-02-12T09:00', '--days', '1', '--pause', '2026-02-13T08:00'], /expected <from>\/<to>/],
    [['due', '--from', '2026-02-12T09:00', '--days', '1', '--pause', '2026-02-13T08:00/2026-02-12T08:00'], /ends before it starts/],
    [['due', '--from', '2026-02-12T09:00', '--weeks', '1'], /unknown option --weeks/],
    [['holidays'], /--year is required/],
    [['holidays', '--year', '26'], /invalid year '26'/],
    [['holidays', '--year', '2300'], /invalid year '2300'/],
    [['calendar-typo'], /unknown calendar command/],
  ])('%j → exit 2', async (args, message) => {
    const r = await inProcess(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  it('uses the derived defaults for a year without a table', async () => {
    const r = await inProcess(['holidays', '--year', '2030']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2030-01-31\tTết Nguyên đán Canh Tuất (28 tháng Chạp)');
    expect(r.err).toContain('derived defaults');
    const due = await inProcess(['due', '--from', '2030-01-30T10:00', '--days', '1']);
    expect(due.out.trimEnd().split('\n').pop()).toBe('2030-02-07T17:00:00+07:00');
    expect(due.out).toContain('[suy ra / derived]');
  });

  it('prints help', async () => {
    const r = await inProcess(['help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('calendar due --from');
  });
});
