/**
 * `npm run motcua -- calendar …`: the working-day calendar from the command line.
 *   calendar due --from <yyyy-MM-ddTHH:mm> (--days <n> | --hours <n> | --same-day) [--pause <from>/<to> …]
 *   calendar holidays --year <yyyy>
 * `due` prints an explanation, then the due date-time (ISO 8601, +07:00) as the last line, so scripts
 * can take `tail -n 1`. `holidays` prints only `yyyy-MM-dd<TAB>reason` lines (the summary goes to
 * stderr). Bad input exits with 2, an unreadable calendar table with 1.
 */
import { formatViDate, weekdayNameVi } from '../../src-shared/domain/civil-date';
import { dueDate, type DueLimit } from '../../src-shared/domain/calendar/due-date';
import { createWorkingCalendar, type WorkingCalendar } from '../../src-shared/domain/calendar/working-calendar';
import type { Interval } from '../../src-shared/domain/calendar/working-time';
import { parseVnDateTime, vnDay, vnIso } from '../../src-shared/domain/vn-time';
import { loadCalendarTables } from '../services/calendar-tables';
import { defaultResourcesDir } from '../services/paths';

export const CALENDAR_USAGE = `Usage:
  npm run motcua -- calendar due --from <yyyy-MM-ddTHH:mm> (--days <n> | --hours <n> | --same-day)
                                 [--pause <from>/<to>]...
      due date-time of a dossier received at --from (Vietnam time); the last line is ISO 8601 +07:00.
      --pause: a wait for the applicant's supplement, excluded from the clock (repeatable).
  npm run motcua -- calendar holidays --year <yyyy>
      every non-working weekday and every working Saturday/Sunday: yyyy-MM-dd<TAB>reason
Years with a table in resources/calendar use it; other years use the derived defaults (docs/calendar.md).
`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Wrong input: reported bilingually with exit code 2. */
class UsageError extends Error {}

type Flags = Map<string, string[]>;

/** `--name value`, `--name=value` and bare boolean flags; every flag must be known. */
function parseFlags(args: readonly string[], valued: readonly string[], booleans: readonly string[], repeatable: readonly string[] = []): Flags {
  const flags: Flags = new Map();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) throw new UsageError(`đối số thừa / unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let value: string;
    if (booleans.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} không nhận giá trị / takes no value`);
      value = '';
    } else if (valued.includes(name)) {
      if (eq !== -1) value = arg.slice(eq + 1);
      else {
        const next = args[i + 1];
        if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} thiếu giá trị / needs a value`);
        value = next;
        i++;
      }
    } else {
      throw new UsageError(`tùy chọn không hợp lệ / unknown option --${name}`);
    }
    const seen = flags.get(name) ?? [];
    if (seen.length > 0 && !repeatable.includes(name)) throw new UsageError(`--${name} chỉ được dùng một lần / given twice`);
    flags.set(name, [...seen, value]);
  }
  return flags;
}

function dateTimeArg(text: string, flag: string): number {
  const t = parseVnDateTime(text);
  if (t === undefined) {
    throw new UsageError(`${flag}: ngày giờ không hợp lệ / invalid date-time '${text}' (yyyy-MM-ddTHH:mm, giờ Việt Nam / Vietnam time)`);
  }
  return t;
}

function positiveNumberArg(text: string, flag: string, integer: boolean): number {
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(n > 0) || (integer && !Number.isInteger(n))) {
    const what = integer ? 'số nguyên dương / a positive whole number' : 'số dương / a positive number';
    throw new UsageError(`${flag}: cần ${what}, không phải / not '${text}'`);
  }
  return n;
}

function limitOf(flags: Flags): DueLimit {
  const chosen = ['days', 'hours', 'same-day'].filter((f) => flags.has(f));
  if (chosen.length !== 1) {
    throw new UsageError(
      chosen.length === 0
        ? 'cần một trong --days, --hours, --same-day / give one of --days, --hours, --same-day'
        : `chỉ chọn một trong / choose only one of ${chosen.map((f) => `--${f}`).join(', ')}`,
    );
  }
  const value = (name: string) => flags.get(name)?.[0] ?? '';
  if (flags.has('days')) return { unit: 'workingDays', value: positiveNumberArg(value('days'), '--days', true) };
  if (flags.has('hours')) return { unit: 'workingHours', value: positiveNumberArg(value('hours'), '--hours', false) };
  return { unit: 'sameDay', value: 0 };
}

function describeLimit(limit: DueLimit): string {
  if (limit.unit === 'workingDays') return `${limit.value} ngày làm việc / working day(s)`;
  if (limit.unit === 'workingHours') return `${limit.value} giờ làm việc / working hour(s)`;
  return 'trong ngày / same day (nhận sau giờ chốt 15:00 ⇒ ngày làm việc tiếp theo / after 15:00 ⇒ next working day)';
}

function describeDay(epochMs: number): string {
  const day = vnDay(epochMs);
  return `${weekdayNameVi(day)} ${formatViDate(day)}`;
}

function yearsBetween(a: number, b: number): number[] {
  const years: number[] = [];
  for (let y = Number(vnDay(a).slice(0, 4)); y <= Number(vnDay(b).slice(0, 4)); y++) years.push(y);
  return years;
}

function describeTable(calendar: WorkingCalendar, year: number): string {
  const table = calendar.tableFor(year);
  return calendar.hasTable(year)
    ? `${year}: bảng lịch v${table.version} (resources/calendar/${year}.json)`
    : `${year}: mặc định suy ra / derived defaults (chưa có bảng / no table)`;
}

function runDue(args: readonly string[], calendar: WorkingCalendar, io: CliIo): void {
  const flags = parseFlags(args, ['from', 'days', 'hours', 'pause'], ['same-day'], ['pause']);
  const fromText = flags.get('from')?.[0];
  if (fromText === undefined) throw new UsageError('thiếu --from / --from is required');
  const receivedAt = dateTimeArg(fromText, '--from');
  const limit = limitOf(flags);
  const pauses: Interval[] = (flags.get('pause') ?? []).map((text) => {
    const [a, b, ...rest] = text.split('/');
    if (a === undefined || b === undefined || rest.length > 0) {
      throw new UsageError(`--pause: cần dạng / expected <from>/<to>, not '${text}'`);
    }
    const pause = { from: dateTimeArg(a, '--pause'), to: dateTimeArg(b, '--pause') };
    if (pause.to < pause.from) throw new UsageError(`--pause: kết thúc trước khi bắt đầu / ends before it starts: '${text}'`);
    return pause;
  });

  const due = dueDate({ receivedAt, limit, pauses }, calendar);

  const lines = [
    `Nhận hồ sơ / received:  ${vnIso(receivedAt)} (${describeDay(receivedAt)})`,
    `Thời hạn / limit:       ${describeLimit(limit)}`,
    ...pauses.map((p) => `Tạm dừng / paused:      ${vnIso(p.from)} → ${vnIso(p.to)}`),
    ...yearsBetween(receivedAt, due).map((y) => `Lịch / calendar:        ${describeTable(calendar, y)}`),
  ];
  // Days in the counted span that rest on an unconfirmed entry: the clerk should know.
  const first = vnDay(receivedAt);
  const last = vnDay(due);
  for (const y of yearsBetween(receivedAt, due)) {
    for (const e of calendar.holidaysOfYear(y)) {
      if (e.date >= first && e.date <= last && e.certainty !== 'verified') {
        lines.push(`Lưu ý / note:           ${e.date} ${e.reason} [${e.certainty === 'uncertain' ? 'chưa xác minh / uncertain' : 'suy ra / derived'}]`);
      }
    }
  }
  lines.push(`Hẹn trả kết quả / due:  ${describeDay(due)}`, vnIso(due));
  io.out(lines.join('\n') + '\n');
}

function runHolidays(args: readonly string[], calendar: WorkingCalendar, io: CliIo): void {
  const flags = parseFlags(args, ['year'], []);
  const text = flags.get('year')?.[0];
  if (text === undefined) throw new UsageError('thiếu --year / --year is required');
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 1900 && year <= 2199)) throw new UsageError(`--year: năm không hợp lệ / invalid year '${text}' (1900–2199)`);
  const days = calendar.holidaysOfYear(year);
  io.out(days.map((d) => `${d.date}\t${d.reason}`).join('\n') + (days.length > 0 ? '\n' : ''));
  const unsure = days.filter((d) => d.certainty !== 'verified').length;
  io.err(`${describeTable(calendar, year)}; ${days.length} ngày / days, ${unsure} chưa xác minh hoặc suy ra / not verified\n`);
}

/** Runs `calendar <sub> …`; resolves to the process exit code. */
export async function runCalendarCommand(args: readonly string[], io: CliIo = processIo, resourcesDir = defaultResourcesDir()): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === 'help' || sub === '--help') {
    io.out(CALENDAR_USAGE);
    return 0;
  }
  if (sub !== 'due' && sub !== 'holidays') {
    io.err(`Lỗi / error: lệnh không hợp lệ / unknown calendar command '${sub}'\n\n${CALENDAR_USAGE}`);
    return 2;
  }
  let calendar: WorkingCalendar;
  try {
    calendar = createWorkingCalendar(await loadCalendarTables(resourcesDir));
  } catch (err) {
    io.err(`Lỗi / error: không đọc được bảng lịch / cannot load the calendar tables: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    if (sub === 'due') runDue(rest, calendar, io);
    else runHolidays(rest, calendar, io);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof RangeError) {
      io.err(`Lỗi / error: ${err.message}\n\n${CALENDAR_USAGE}`);
      return 2;
    }
    throw err;
  }
}
