/**
 * A minimal XLSX (Office Open XML spreadsheet) writer: enough for the ledger (Sổ theo dõi hồ sơ) and
 * other registers a supervisor takes to Excel. Pure and synchronous, so it runs in the renderer, the
 * Node side or a worker; the only dependency is fflate's `zipSync`.
 *
 * What it writes: one or more sheets of text and numbers; header rows (bold, centred, wrapped,
 * bordered) that may span several rows with merged cells (the ledger's "Ngày, tháng, năm" group over
 * five columns); column widths; header rows frozen on screen and repeated on every printed page;
 * body cells bordered and wrapped. Strings go to the shared-strings table (or inline, on request),
 * NFC-normalised, with the characters XML 1.0 forbids removed.
 *
 * Output is deterministic: the same input gives the same bytes (fixed ZIP timestamps, no clock read).
 */
import { zipSync, strToU8 } from 'fflate';

export type CellValue = string | number | null;

export interface XlsxColumn {
  /** Width in characters of the default font (Excel's unit); default ~8.43. */
  width?: number;
}

export interface XlsxSheet {
  /** 1–31 characters, none of `[ ] : * ? / \`, not starting or ending with `'`, unique in the workbook. */
  name: string;
  columns?: XlsxColumn[];
  /** Header rows, written first in the header style; `null` under a merge. */
  headerRows?: CellValue[][];
  /** Merged ranges such as `A1:A2` or `H1:L1`; only the top-left cell of a range may hold a value. */
  merges?: string[];
  /** Body rows, written after the header rows. */
  rows: CellValue[][];
  /** Freeze the header rows when scrolling (default true when there are header rows). */
  freezeHeader?: boolean;
  /**
   * Row heights in points for the header rows (e.g. `[30, 45]`). Rows without one, header or body,
   * get a height estimated from their wrapped text: neither Excel nor LibreOffice fits row heights
   * to wrapped text when it opens a file.
   */
  headerRowHeights?: number[];
  /** Wrap text in body cells (default true). */
  wrapText?: boolean;
  /** Landscape page orientation for printing (default false). */
  landscape?: boolean;
  /** Scale the printout so that all columns fit the page width (default false). */
  fitToPageWidth?: boolean;
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** `shared` (default) stores each distinct string once; `inline` writes strings into the cells. */
  strings?: 'shared' | 'inline';
  /** Document properties. */
  creator?: string;
  title?: string;
  /** Creation time written into the document properties (omitted when not given). */
  created?: Date;
}

export type XlsxErrorCode =
  | 'no-sheets'
  | 'invalid-sheet-name'
  | 'duplicate-sheet-name'
  | 'invalid-merge'
  | 'overlapping-merge'
  | 'value-under-merge'
  | 'invalid-number'
  | 'text-too-long'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'invalid-width';

/** Thrown by buildXlsx for input it cannot write; carries a message for the clerk in both languages. */
export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  readonly messageVi: string;
  readonly messageEn: string;
  constructor(code: XlsxErrorCode, messageVi: string, messageEn: string) {
    super(messageEn);
    this.name = 'XlsxError';
    this.code = code;
    this.messageVi = messageVi;
    this.messageEn = messageEn;
  }
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_TEXT = 32_767;
export const MAX_SHEET_NAME = 31;

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

/** Why a sheet name would be refused, or undefined when Excel accepts it. */
export function sheetNameProblem(name: string): XlsxError | undefined {
  const n = name.normalize('NFC');
  const bad = (vi: string, en: string) =>
    new XlsxError('invalid-sheet-name', `Tên trang tính «${n}» không hợp lệ: ${vi}`, `Sheet name '${n}' is not valid: ${en}`);
  if (n.trim() === '') return bad('không được để trống.', 'it is empty.');
  // Excel counts UTF-16 code units (an emoji counts twice).
  if (n.length > MAX_SHEET_NAME) return bad(`dài quá ${MAX_SHEET_NAME} ký tự.`, `it is longer than ${MAX_SHEET_NAME} characters.`);
  if (SHEET_NAME_FORBIDDEN.test(n)) return bad('không được chứa các ký tự [ ] : * ? / \\.', 'it contains one of [ ] : * ? / \\.');
  if (n.startsWith("'") || n.endsWith("'")) return bad('không được bắt đầu hay kết thúc bằng dấu nháy đơn.', 'it starts or ends with an apostrophe.');
  // eslint-disable-next-line no-control-regex -- detecting control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(n)) return bad('có ký tự điều khiển.', 'it contains control characters.');
  if (n.toLowerCase() === 'history') return bad('«History» là tên Excel dành riêng.', '"History" is reserved by Excel.');
  return undefined;
}

/** Turns any text into an acceptable sheet name (forbidden characters become `-`, cut to 31). */
export function sanitizeSheetName(name: string, fallback = 'Sheet1'): string {
  let n = cleanText(name)
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  const chars = [...n].slice(0, MAX_SHEET_NAME);
  while (chars.join('').length > MAX_SHEET_NAME) chars.pop();
  n = chars.join('').replace(/[\s']+$/, '');
  if (n === '' || n.toLowerCase() === 'history') return fallback;
  return n;
}

/** `0` → `A`, `25` → `Z`, `26` → `AA`. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `A1` → { row: 0, col: 0 }, or undefined. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > MAX_COLUMNS || row > MAX_ROWS) return undefined;
  return { row: row - 1, col: col - 1 };
}

interface Range {
  ref: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function parseRange(ref: string, sheet: string): Range {
  const [a, b, extra] = ref.split(':');
  const p = a === undefined ? undefined : parseCellRef(a);
  const q = b === undefined ? undefined : parseCellRef(b);
  if (!p || !q || extra !== undefined || q.row < p.row || q.col < p.col || (p.row === q.row && p.col === q.col)) {
    throw new XlsxError(
      'invalid-merge',
      `Vùng gộp ô «${ref}» trong trang «${sheet}» không hợp lệ (cần dạng A1:B2, từ ô trên trái đến ô dưới phải, ít nhất hai ô).`,
      `Merge range '${ref}' on sheet '${sheet}' is not valid (expected A1:B2 from top-left to bottom-right, at least two cells).`,
    );
  }
  return { ref: `${a}:${b}`, r1: p.row, c1: p.col, r2: q.row, c2: q.col };
}

/**
 * NFC, CRLF/CR → LF, and removal of what XML 1.0 cannot carry: C0 controls other than tab and line
 * feed, U+FFFE/U+FFFF and unpaired surrogates.
 */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing what XML 1.0 forbids is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `<t>` element; `xml:space="preserve"` keeps leading/trailing spaces and line breaks. */
function textElement(s: string): string {
  const preserve = /^\s|\s$|\n|\t| {2}/.test(s) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escapeXml(s)}</t>`;
}

/** Shortest decimal that reads back as the same double; Excel reads `1e+21` and `-5e-7`. */
function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

// Style indexes into cellXfs (see stylesXml).
const STYLE_DEFAULT = 0;
const STYLE_HEADER = 1;
const STYLE_BODY_WRAP = 2;
const STYLE_BODY = 3;

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  count = 0;
  add(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

function stylesXml(): string {
  return (
    XML_DECL +
    `<styleSheet xmlns="${NS_MAIN}">` +
    '<fonts count="2">' +
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '</fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="2">' +
    '<border><left/><right/><top/><bottom/><diagonal/></border>' +
    '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
    '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>' +
    '</borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="4">' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1">' +
    '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">' +
    '<alignment vertical="top" wrapText="1"/></xf>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">' +
    '<alignment vertical="top"/></xf>' +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

interface SheetContext {
  sheet: XlsxSheet;
  name: string;
  shared: SharedStrings | undefined;
}

function cellXml(value: CellValue, ref: string, style: number, ctx: SheetContext): string {
  const s = style === STYLE_DEFAULT ? '' : ` s="${style}"`;
  if (value === null || value === undefined) return style === STYLE_DEFAULT ? '' : `<c r="${ref}"${s}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new XlsxError(
        'invalid-number',
        `Ô ${ref} trong trang «${ctx.name}» có giá trị số không hợp lệ (${value}).`,
        `Cell ${ref} on sheet '${ctx.name}' holds an invalid number (${value}).`,
      );
    }
    return `<c r="${ref}"${s}><v>${numberText(value)}</v></c>`;
  }
  const text = cleanText(String(value));
  if (text.length > MAX_CELL_TEXT) {
    throw new XlsxError(
      'text-too-long',
      `Ô ${ref} trong trang «${ctx.name}» có nội dung dài ${text.length} ký tự, vượt giới hạn ${MAX_CELL_TEXT} ký tự của Excel.`,
      `Cell ${ref} on sheet '${ctx.name}' holds ${text.length} characters, over Excel's limit of ${MAX_CELL_TEXT}.`,
    );
  }
  if (ctx.shared) return `<c r="${ref}"${s} t="s"><v>${ctx.shared.add(text)}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is>${textElement(text)}</is></c>`;
}

/** Excel's default column width, in characters. */
const DEFAULT_COLUMN_WIDTH = 8.43;
/** Height of one line of 11-point Calibri, and Excel's largest row height, in points. */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

/**
 * Lines a wrapped text needs in a column `width` characters wide. A heuristic: a column width counts
 * digit-widths of the default font, and average Vietnamese text is a little narrower than digits,
 * while word wrapping wastes part of each line; the two roughly cancel out.
 */
function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.05));
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += Math.max(1, Math.ceil([...paragraph].length / perLine));
  return lines;
}

function worksheetXml(ctx: SheetContext, sheetIndex: number): string {
  const { sheet } = ctx;
  const header = sheet.headerRows ?? [];
  const all = [...header, ...sheet.rows];
  if (all.length > MAX_ROWS) {
    throw new XlsxError(
      'too-many-rows',
      `Trang «${ctx.name}» có ${all.length} dòng, vượt giới hạn ${MAX_ROWS} dòng của Excel.`,
      `Sheet '${ctx.name}' has ${all.length} rows, over Excel's limit of ${MAX_ROWS}.`,
    );
  }
  let width = sheet.columns?.length ?? 0;
  for (const row of all) width = Math.max(width, row.length);
  if (width > MAX_COLUMNS) {
    throw new XlsxError(
      'too-many-columns',
      `Trang «${ctx.name}» có ${width} cột, vượt giới hạn ${MAX_COLUMNS} cột của Excel.`,
      `Sheet '${ctx.name}' has ${width} columns, over Excel's limit of ${MAX_COLUMNS}.`,
    );
  }

  // Merges: valid, disjoint, and nothing but null under their non-anchor cells.
  const merges = (sheet.merges ?? []).map((m) => parseRange(m, ctx.name));
  const covered = new Map<string, string>();
  for (const m of merges) {
    for (let r = m.r1; r <= m.r2; r++) {
      for (let c = m.c1; c <= m.c2; c++) {
        const key = `${r}:${c}`;
        const other = covered.get(key);
        if (other !== undefined) {
          throw new XlsxError(
            'overlapping-merge',
            `Hai vùng gộp ô «${other}» và «${m.ref}» trong trang «${ctx.name}» chồng lên nhau.`,
            `Merge ranges '${other}' and '${m.ref}' on sheet '${ctx.name}' overlap.`,
          );
        }
        covered.set(key, m.ref);
        const v = all[r]?.[c];
        if ((r !== m.r1 || c !== m.c1) && v !== null && v !== undefined) {
          const ref = columnLetters(c) + (r + 1);
          throw new XlsxError(
            'value-under-merge',
            `Ô ${ref} trong trang «${ctx.name}» nằm trong vùng gộp «${m.ref}» nhưng không phải ô đầu tiên, nên giá trị của nó sẽ bị mất.`,
            `Cell ${ref} on sheet '${ctx.name}' lies inside merge '${m.ref}' but is not its top-left cell, so its value would be lost.`,
          );
        }
      }
    }
  }

  const parts: string[] = [];
  parts.push(XML_DECL, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  const lastCol = Math.max(width - 1, 0);
  const dimension = all.length === 0 ? 'A1' : `A1:${columnLetters(lastCol)}${all.length}`;

  // Lines needed per row, from every wrapped text cell. A merged range uses the width of all its
  // columns and shares its lines among its rows.
  const columnWidth = (c: number) => sheet.columns?.[c]?.width ?? DEFAULT_COLUMN_WIDTH;
  const isWrapped = (r: number) => r < header.length || sheet.wrapText !== false;
  const mergedLines = new Map<number, number>();
  for (const m of merges) {
    const v = all[m.r1]?.[m.c1];
    if (typeof v !== 'string' || v === '' || !isWrapped(m.r1)) continue;
    let w = 0;
    for (let k = m.c1; k <= m.c2; k++) w += columnWidth(k);
    const share = Math.ceil(wrappedLines(cleanText(v), w) / (m.r2 - m.r1 + 1));
    for (let r = m.r1; r <= m.r2; r++) mergedLines.set(r, Math.max(mergedLines.get(r) ?? 1, share));
  }
  const linesNeeded = (row: CellValue[], r: number): number => {
    if (!isWrapped(r)) return 1;
    let most = mergedLines.get(r) ?? 1;
    row.forEach((v, c) => {
      if (typeof v !== 'string' || v === '' || covered.has(`${r}:${c}`)) return;
      most = Math.max(most, wrappedLines(cleanText(v), columnWidth(c)));
    });
    return most;
  };

  if (sheet.fitToPageWidth) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.push(`<dimension ref="${dimension}"/>`);
  const freeze = (sheet.freezeHeader ?? header.length > 0) && header.length > 0;
  if (freeze) {
    const topLeft = `A${header.length + 1}`;
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"${sheetIndex === 0 ? ' tabSelected="1"' : ''}>` +
        `<pane ySplit="${header.length}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>` +
        '</sheetView></sheetViews>',
    );
  } else {
    parts.push(`<sheetViews><sheetView workbookViewId="0"${sheetIndex === 0 ? ' tabSelected="1"' : ''}/></sheetViews>`);
  }
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');

  const columns = sheet.columns ?? [];
  if (columns.some((c) => c.width !== undefined)) {
    parts.push('<cols>');
    columns.forEach((c, i) => {
      if (c.width === undefined) return;
      if (!Number.isFinite(c.width) || c.width < 0 || c.width > 255) {
        throw new XlsxError(
          'invalid-width',
          `Độ rộng cột ${columnLetters(i)} trong trang «${ctx.name}» phải từ 0 đến 255.`,
          `The width of column ${columnLetters(i)} on sheet '${ctx.name}' must be between 0 and 255.`,
        );
      }
      parts.push(`<col min="${i + 1}" max="${i + 1}" width="${numberText(c.width)}" customWidth="1"/>`);
    });
    parts.push('</cols>');
  }

  parts.push('<sheetData>');
  const bodyStyle = sheet.wrapText === false ? STYLE_BODY : STYLE_BODY_WRAP;
  all.forEach((row, r) => {
    const isHeader = r < header.length;
    const style = isHeader ? STYLE_HEADER : bodyStyle;
    const given = isHeader ? sheet.headerRowHeights?.[r] : undefined;
    let ht = '';
    if (given !== undefined && Number.isFinite(given) && given > 0) ht = ` ht="${numberText(Math.min(given, MAX_ROW_HEIGHT))}" customHeight="1"`;
    else {
      const lines = linesNeeded(row, r);
      // No customHeight: Excel still treats the row as auto-height and refits it when edited.
      if (lines > 1) ht = ` ht="${Math.min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT)}"`;
    }
    // Every row is written at full width so the borders under merges and around empty cells show.
    let xml = '';
    for (let c = 0; c < width; c++) xml += cellXml(row[c] ?? null, columnLetters(c) + (r + 1), style, ctx);
    parts.push(`<row r="${r + 1}"${ht}>${xml}</row>`);
  });
  parts.push('</sheetData>');

  if (merges.length > 0) {
    parts.push(`<mergeCells count="${merges.length}">`);
    for (const m of merges) parts.push(`<mergeCell ref="${m.ref}"/>`);
    parts.push('</mergeCells>');
  }
  parts.push('<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (sheet.landscape || sheet.fitToPageWidth) {
    parts.push(
      '<pageSetup paperSize="9"' +
        (sheet.fitToPageWidth ? ' fitToWidth="1" fitToHeight="0"' : '') +
        ` orientation="${sheet.landscape ? 'landscape' : 'portrait'}"/>`,
    );
  }
  parts.push('</worksheet>');
  return parts.join('');
}

/** Quoted sheet name for formulas and defined names: `'Sổ 2026'`. */
function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Builds the `.xlsx` file. Throws XlsxError for input Excel would refuse or silently damage. */
export function buildXlsx(workbook: XlsxWorkbook): Uint8Array {
  if (workbook.sheets.length === 0) {
    throw new XlsxError('no-sheets', 'Tệp Excel phải có ít nhất một trang tính.', 'A workbook needs at least one sheet.');
  }
  const seen = new Set<string>();
  const names = workbook.sheets.map((sheet) => {
    const problem = sheetNameProblem(sheet.name);
    if (problem) throw problem;
    const name = sheet.name.normalize('NFC');
    const key = name.toLowerCase();
    if (seen.has(key)) {
      throw new XlsxError(
        'duplicate-sheet-name',
        `Có hai trang tính cùng tên «${name}» (Excel không phân biệt chữ hoa, chữ thường).`,
        `Two sheets are named '${name}' (Excel ignores case).`,
      );
    }
    seen.add(key);
    return name;
  });

  const shared = workbook.strings === 'inline' ? undefined : new SharedStrings();
  const sheetXml = workbook.sheets.map((sheet, i) => worksheetXml({ sheet, name: names[i] ?? '', shared }, i));

  const files: Record<string, Uint8Array> = {};
  const add = (path: string, xml: string) => {
    files[path] = strToU8(xml);
  };

  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheetXml.map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    ...(shared
      ? ['<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>']
      : []),
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
  ];
  add(
    '[Content_Types].xml',
    XML_DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      overrides.join('') +
      '</Types>',
  );
  add(
    '_rels/.rels',
    XML_DECL +
      `<Relationships xmlns="${NS_PKG_REL}">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      '</Relationships>',
  );

  const created = workbook.created && !Number.isNaN(workbook.created.getTime()) ? workbook.created.toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
  add(
    'docProps/core.xml',
    XML_DECL +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      (workbook.title ? `<dc:title>${escapeXml(cleanText(workbook.title))}</dc:title>` : '') +
      (workbook.creator ? `<dc:creator>${escapeXml(cleanText(workbook.creator))}</dc:creator>` : '') +
      (created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` : '') +
      '</cp:coreProperties>',
  );
  add(
    'docProps/app.xml',
    XML_DECL +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<Application>motcua</Application>' +
      '</Properties>',
  );

  // Header rows repeat at the top of every printed page (_xlnm.Print_Titles).
  const printTitles = workbook.sheets
    .map((sheet, i) => {
      const n = sheet.headerRows?.length ?? 0;
      return n === 0 ? '' : `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(quoteSheetName(names[i] ?? ''))}!$1:$${n}</definedName>`;
    })
    .join('');
  add(
    'xl/workbook.xml',
    XML_DECL +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      '<bookViews><workbookView activeTab="0"/></bookViews>' +
      '<sheets>' +
      names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets>' +
      (printTitles ? `<definedNames>${printTitles}</definedNames>` : '') +
      '</workbook>',
  );
  const n = names.length;
  add(
    'xl/_rels/workbook.xml.rels',
    XML_DECL +
      `<Relationships xmlns="${NS_PKG_REL}">` +
      names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      (shared
        ? `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
        : '') +
      '</Relationships>',
  );
  add('xl/styles.xml', stylesXml());
  sheetXml.forEach((xml, i) => add(`xl/worksheets/sheet${i + 1}.xml`, xml));
  if (shared) {
    add(
      'xl/sharedStrings.xml',
      XML_DECL +
        `<sst xmlns="${NS_MAIN}" count="${shared.count}" uniqueCount="${shared.list.length}">` +
        shared.list.map((s) => `<si>${textElement(s)}</si>`).join('') +
        '</sst>',
    );
  }

  // A fixed timestamp keeps the output byte-for-byte reproducible (DOS dates start in 1980).
  return zipSync(files, { level: 6, mtime: new Date(1980, 0, 1) });
}
