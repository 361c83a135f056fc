/**
 * CSV export (RFC 4180) for registers a supervisor opens in Excel or LibreOffice: the ledger
 * (Sổ theo dõi hồ sơ) and the indicator report. Pure and synchronous; reads no clock.
 *
 * Format:
 * - fields separated by commas, records ended by CRLF (the last one too);
 * - a field containing a comma, a double quote, CR or LF is enclosed in double quotes, and its
 *   double quotes are doubled (`a "b"` → `"a ""b"""`); other fields are written as they are;
 * - the text starts with the UTF-8 byte-order mark U+FEFF: without it Excel reads a CSV file in the
 *   system's ANSI code page and garbles Vietnamese ("Nguyá»…n" for "Nguyễn");
 * - text is NFC-normalised (precomposed Vietnamese letters, as typed on Windows and macOS alike).
 *
 * Formula injection (CWE-1236): a spreadsheet runs a cell starting with `=`, `+`, `-` or `@` (and,
 * in some versions, a tab or CR) as a formula, so an applicant's name such as
 * `=HYPERLINK("http://…")` would become a live link, or worse. Such a cell gets a leading
 * apostrophe (`'=HYPERLINK(…)`), which spreadsheets show as text; the apostrophe is then visible in
 * the cell, which is the accepted trade-off (OWASP "CSV Injection"). Plain numbers (`-12`, `+84`,
 * `-1.234,5`) are left alone: they cannot run anything. Apply `toCsv` to display text only; a
 * program reading the file back must drop a leading `'` before `=`, `+`, `-`, `@`, tab or CR.
 */
import type { DossierDoc } from '../contract/documents';
import type { IndicatorReport, IndicatorRow } from '../domain/indicators/record';
import { LEDGER_COLUMNS, ledgerOrder, ledgerRow } from '../forms/ledger-table';

export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

/** First characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number, signed or not, with `.` or `,` separators: safe to leave as it is. */
const PLAIN_NUMBER = /^[+-]?\d[\d.,]*$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The cell as a spreadsheet will show it as text: a leading apostrophe before a formula start. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** One field: NFC, formula-neutralised, quoted when it must be. */
export function csvField(cell: string): string {
  const value = neutraliseFormula(cell.normalize('NFC'));
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 text of the rows, with the UTF-8 BOM first and CRLF after every record. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(',') + CRLF).join('');
}

/** The ledger's column headings, the dates prefixed with their group: "Ngày, tháng, năm – Nhận hồ sơ". */
export function ledgerCsvHeader(): string[] {
  return LEDGER_COLUMNS.map((c) => (c.group ? `${c.group} – ${c.header}` : c.header));
}

/**
 * The ledger (Sổ theo dõi hồ sơ) as CSV: the official columns and the cells of the printed ledger,
 * in ledger order. Cells the printed ledger breaks over lines become one line: a date and its time
 * "dd/MM/yyyy HH:mm" (a space), other cells (address and phone, signer and return method) joined
 * with "; ".
 */
export function ledgerCsv(dossiers: readonly DossierDoc[]): string {
  const rows = ledgerOrder(dossiers).map((d, i) =>
    ledgerRow(d, i).map((cell, col) => cell.replace(/\r?\n/g, LEDGER_COLUMNS[col]?.group ? ' ' : '; ')),
  );
  return toCsv([ledgerCsvHeader(), ...rows]);
}

export const INDICATOR_CSV_HEADER: readonly string[] = [
  'Nhóm',
  'Mã',
  'Tên',
  'Tiếp nhận',
  'Đúng hạn',
  'Trễ hạn',
  'Tỷ lệ đúng hạn',
  'Đã số hóa',
  'Tỷ lệ số hóa',
  'Trực tuyến',
  'Tỷ lệ trực tuyến',
  'Đã đồng bộ',
  'Tỷ lệ đồng bộ',
  'Đã giải quyết',
  'TG xử lý TB (ngày LV)',
];

/** A rate 0..1 in percent to two decimals ("92.5"); '' when there is nothing to divide. */
const percent = (rate: number | null) => (rate === null ? '' : String(Math.round(rate * 10000) / 100));
const orEmpty = (n: number | null) => (n === null ? '' : String(n));

function indicatorLine(group: string, r: IndicatorRow): string[] {
  return [
    group,
    r.key,
    r.label,
    String(r.received),
    String(r.onTime),
    String(r.late),
    percent(r.onTimeRate),
    String(r.digitised),
    percent(r.digitisedRate),
    String(r.online),
    percent(r.onlineRate),
    orEmpty(r.synced),
    percent(r.syncRate),
    String(r.processed),
    orEmpty(r.averageProcessingDays),
  ];
}

/**
 * The indicator report as one CSV table: the totals (key `from..to`), then the rows by procedure,
 * counter, clerk, day and ISO week; rates in percent, '' where a value is unknown (null).
 */
export function indicatorCsv(report: IndicatorReport): string {
  return toCsv([
    INDICATOR_CSV_HEADER,
    indicatorLine('Tổng', { key: `${report.period.from}..${report.period.to}`, label: 'Tổng hợp', ...report.totals }),
    ...report.byProcedure.map((r) => indicatorLine('Thủ tục', r)),
    ...report.byCounter.map((r) => indicatorLine('Quầy', r)),
    ...report.byClerk.map((r) => indicatorLine('Cán bộ', r)),
    ...report.byDay.map((r) => indicatorLine('Ngày', r)),
    ...report.byWeek.map((r) => indicatorLine('Tuần', r)),
  ]);
}
