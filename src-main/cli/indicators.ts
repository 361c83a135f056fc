/**
 * `motcua indicators --dvcqg <file.json>`: the service-quality indicators (Decision 766, DOMAIN.md §6)
 * of a DVCQG file — exported by this app (`export dvcqg`) or by any other system — computed with the
 * same shared code as the supervisor's dashboard and the portal (fromDvcqg, then computeIndicators).
 * `--json` prints the IndicatorReport; otherwise a table of the totals and each procedure.
 *
 * The file is read with one readFile and one JSON.parse, and the records are checked by hand
 * (from-dvcqg.ts); on a province's 200,000-record (253 MiB) file the whole process still takes ~9 s on
 * 2 cores, mostly start-up, reading and JSON.parse (test/bench/README.md). A file that is not JSON,
 * not an array, or holds a bad record exits 1 naming the record ([index], from 0) and the field.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createWorkingCalendar, type WorkingCalendar } from '../../src-shared/domain/calendar/working-calendar';
import { DvcqgRecordError, fromDvcqgArray } from '../../src-shared/domain/dvcqg/from-dvcqg';
import { periodProblem } from '../../src-shared/domain/dvcqg/period';
import { computeIndicators } from '../../src-shared/domain/indicators/compute';
import type { IndicatorRecord, IndicatorReport, IndicatorValues } from '../../src-shared/domain/indicators/record';
import { loadCalendarTables } from '../services/calendar-tables';
import { defaultResourcesDir } from '../services/paths';
import type { Out } from './portal-http';

export const INDICATORS_USAGE = 'indicators --dvcqg <file.json> --from <yyyy-MM-dd> --to <yyyy-MM-dd> [--procedure <code>] [--json] [--timing]';

class UsageError extends Error {}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const days = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

const COLUMNS: [string, number, (v: IndicatorValues) => string][] = [
  ['Received', 9, (v) => String(v.received)],
  ['On time', 9, (v) => percent(v.onTimeRate)],
  ['Late', 7, (v) => String(v.late)],
  ['Digitised', 10, (v) => percent(v.digitisedRate)],
  ['Online', 8, (v) => percent(v.onlineRate)],
  ['Synced', 8, (v) => percent(v.syncRate)],
  ['Avg days', 9, (v) => days(v.averageProcessingDays)],
];
const LABEL_WIDTH = 48;

function line(label: string, v: IndicatorValues): string {
  return clip(label, LABEL_WIDTH) + COLUMNS.map(([, width, cell]) => cell(v).padStart(width)).join('');
}

/** The report as a plain-text table: totals, then one row per procedure (most received first). */
export function formatReport(report: IndicatorReport, source: string): string[] {
  const lines = [
    `Service-quality indicators, dossiers received ${report.period.from} – ${report.period.to}${report.filter.procedureCode ? `, procedure ${report.filter.procedureCode}` : ''}`,
    `Source: ${source}`,
    '',
    'Procedure'.padEnd(LABEL_WIDTH) + COLUMNS.map(([title, width]) => title.padStart(width)).join(''),
    line('All procedures', report.totals),
    ...report.byProcedure.map((row) => line(`${row.key || '—'} ${row.label === row.key ? '' : row.label}`.trim(), row)),
    '',
    'On time: of the dossiers judged (withdrawn ones and those without an appointment are not); still-open dossiers',
    'count as on time until their appointment (Decision 766). Synced: "—" when the file cannot say (a DVCQG file).',
  ];
  return lines;
}

export async function runIndicatorsCommand(
  args: string[],
  _env: NodeJS.ProcessEnv,
  out: Out,
  err: Out,
  resourcesDir = defaultResourcesDir(),
): Promise<number> {
  let options: { file: string; from: string; to: string; procedure: string | undefined; json: boolean; timing: boolean };
  try {
    const { values } = parseArgs({
      args,
      options: { dvcqg: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, procedure: { type: 'string' }, json: { type: 'boolean' }, timing: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.dvcqg) throw new UsageError('--dvcqg <file.json> is required');
    const problem = periodProblem(values.from, values.to);
    if (problem) throw new UsageError(`--${problem}`);
    if (values.procedure !== undefined && !values.procedure.trim()) throw new UsageError('--procedure needs a procedure code (e.g. 1.004873)');
    options = { file: values.dvcqg, from: values.from!, to: values.to!, procedure: values.procedure?.trim(), json: values.json ?? false, timing: values.timing ?? false };
  } catch (e) {
    err(`${(e as Error).message}\nUsage: ${INDICATORS_USAGE}`);
    return 2;
  }

  let calendar: WorkingCalendar;
  try {
    calendar = createWorkingCalendar(await loadCalendarTables(resourcesDir));
  } catch (e) {
    err(`cannot load the working-day calendar from ${resourcesDir}: ${(e as Error).message}`);
    return 1;
  }

  const t0 = performance.now();
  let text: string;
  try {
    text = await readFile(options.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'ERR_STRING_TOO_LONG'
          ? 'the file is larger than the ~512 MB a single JSON text may have here; export a shorter period and run once per file'
          : (e as Error).message;
    err(`cannot read ${options.file}: ${why}`);
    return 1;
  }
  const t1 = performance.now();
  let rows: unknown;
  try {
    rows = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    err(`${options.file} is not a JSON file: ${(e as Error).message}`);
    return 1;
  }
  const t2 = performance.now();
  const characters = text.length;
  text = ''; // the file's text (twice its size in memory) is garbage from here on
  // Let the collector finish the marking JSON.parse started before the records are mapped.
  await new Promise((resolve) => setTimeout(resolve, 10));
  let records: IndicatorRecord[];
  try {
    records = fromDvcqgArray(rows, calendar);
  } catch (e) {
    if (e instanceof DvcqgRecordError || e instanceof TypeError) {
      err(`${options.file}: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const t3 = performance.now();
  const report = computeIndicators(records, { from: options.from, to: options.to }, calendar, options.procedure ? { procedureCode: options.procedure } : {});
  const t4 = performance.now();

  if (options.json) out(JSON.stringify(report, null, 2));
  else for (const l of formatReport(report, `${options.file} (${records.length} record${records.length === 1 ? '' : 's'})`)) out(l);
  if (options.timing) {
    const ms = (a: number, b: number) => `${Math.round(b - a)} ms`;
    err(`${records.length} records, ${characters} characters: read ${ms(t0, t1)}, JSON.parse ${ms(t1, t2)}, check and map ${ms(t2, t3)}, compute ${ms(t3, t4)}`);
  }
  return 0;
}
