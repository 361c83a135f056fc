import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import {
  buildXlsx,
  cleanText,
  columnLetters,
  parseCellRef,
  sanitizeSheetName,
  sheetNameProblem,
  XlsxError,
  type CellValue,
  type XlsxSheet,
  type XlsxWorkbook,
} from '../../../src-shared/export/xlsx';

// ---------------------------------------------------------------------------------------------
// The ledger (Sổ theo dõi hồ sơ, DOMAIN.md §5): a two-row header with "Ngày, tháng, năm" over five
// columns, 1,000 rows of Vietnamese text.

const TOP: CellValue[] = [
  'TT',
  'Mã hồ sơ',
  'Tên TTHC',
  'Số lượng hồ sơ (bộ)',
  'Tên cá nhân, tổ chức',
  'Địa chỉ, số điện thoại',
  'Cơ quan chủ trì giải quyết',
  'Ngày, tháng, năm',
  null,
  null,
  null,
  null,
  'Ký nhận',
  'Ghi chú',
];
const SUB: CellValue[] = [
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  'Nhận hồ sơ',
  'Hẹn trả kết quả',
  'Chuyển hồ sơ đến cơ quan giải quyết',
  'Nhận kết quả từ cơ quan giải quyết',
  'Trả kết quả cho cá nhân, tổ chức',
  null,
  null,
];
const MERGES = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:F2', 'G1:G2', 'H1:L1', 'M1:M2', 'N1:N2'];
const WIDTHS = [5, 22, 40, 9, 26, 34, 28, 12, 12, 14, 14, 14, 12, 20];

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thị Dung', 'Đặng Quốc Việt', 'Hoàng Thị Ngọc Ánh'];
const PROCEDURES = [
  'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
  'Đăng ký khai sinh',
  'Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở & tài sản khác gắn liền với đất',
  'Đăng ký kết hôn <có yếu tố nước ngoài>',
];

function ledgerRow(i: number): CellValue[] {
  const day = String((i % 28) + 1).padStart(2, '0');
  return [
    i + 1,
    `000.17.22.H56-2611${day}-${String(i + 1).padStart(4, '0')}`,
    PROCEDURES[i % PROCEDURES.length] ?? '',
    (i % 3) + 1,
    NAMES[i % NAMES.length] ?? '',
    `Số ${i + 1}, đường Lê Lợi, phường Hạc Thành, Thanh Hóa\nĐT: 0912 345 ${String(i % 1000).padStart(3, '0')}`,
    i % 2 ? 'UBND phường Hạc Thành' : 'Sở Tư pháp tỉnh Thanh Hóa',
    `${day}/11/2026`,
    `${day}/12/2026`,
    i % 5 === 0 ? null : `${day}/11/2026`,
    i % 7 === 0 ? null : `${day}/12/2026`,
    null,
    i % 11 === 0 ? '' : null,
    i % 13 === 0 ? 'Quá hạn 2 ngày; đã gửi "Văn bản xin lỗi" — hẹn lại' : null,
  ];
}

const ROWS = Array.from({ length: 1000 }, (_, i) => ledgerRow(i));

/** Strings that exercise escaping, whitespace, normalisation and control-character removal. */
const TRICKY: CellValue[][] = [
  ['A & B < C > D "quoted" \'single\''],
  ['  leading and trailing spaces  '],
  ['line one\nline two\r\nline three\rline four'],
  ['Nguyễn'.normalize('NFD') + ' (NFD input)'],
  ['bell\u0007 and null\u0000 and vertical tab\u000b removed'],
  ['emoji 📄✅ and CJK 越南 and Khmer ក'],
  ['lone surrogate \ud800 removed'],
  ['tab\tinside'],
  [0, -0, 1.5, -2.25, 1e21, 5e-7, 123456789012, Number.MAX_SAFE_INTEGER],
  ['=SUM(A1:A2)', '@formula', '+84 912 345 678', '0912345678'],
];

const LEDGER: XlsxSheet = {
  name: 'Sổ theo dõi hồ sơ',
  columns: WIDTHS.map((width) => ({ width })),
  headerRows: [TOP, SUB],
  headerRowHeights: [30, 60],
  merges: MERGES,
  rows: ROWS,
  landscape: true,
  fitToPageWidth: true,
};

const WORKBOOK: XlsxWorkbook = {
  sheets: [LEDGER, { name: "Ký tự 'đặc biệt' & <>", rows: TRICKY, wrapText: false }],
  creator: 'motcua — Bộ phận Một cửa',
  title: 'Sổ theo dõi hồ sơ, quyển 3/2026',
  created: new Date(Date.UTC(2026, 10, 21, 2, 30)),
};

/** What a cell should read back as: text cleaned as the writer promises, numbers as numbers. */
function expected(value: CellValue): string | number | null {
  if (value === null) return null;
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  return cleanText(value);
}

// ---------------------------------------------------------------------------------------------
// Independent readers: python's zipfile + xml.etree (always), openpyxl (when installed).

const STRUCTURE_PY = String.raw`
import json, re, sys, zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      'pr': 'http://schemas.openxmlformats.org/package/2006/relationships',
      'ct': 'http://schemas.openxmlformats.org/package/2006/content-types'}
R_ID = '{%s}id' % NS['r']

z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
names = z.namelist()
parsed = {}
for n in names:
    if n.endswith('.xml') or n.endswith('.rels'):
        parsed[n] = ET.fromstring(z.read(n))  # raises on malformed XML

ct = parsed['[Content_Types].xml']
defaults = {d.get('Extension'): d.get('ContentType') for d in ct.findall('ct:Default', NS)}
overrides = {o.get('PartName'): o.get('ContentType') for o in ct.findall('ct:Override', NS)}

def rels(part):
    return [{'id': r.get('Id'), 'type': r.get('Type').rsplit('/', 1)[-1], 'target': r.get('Target')}
            for r in parsed[part].findall('pr:Relationship', NS)]

root_rels = rels('_rels/.rels')
wb_rels = rels('xl/_rels/workbook.xml.rels')
wb = parsed['xl/workbook.xml']
sheets_meta = [{'name': s.get('name'), 'rid': s.get(R_ID), 'sheetId': s.get('sheetId')} for s in wb.findall('m:sheets/m:sheet', NS)]
defined = [{'name': d.get('name'), 'localSheetId': d.get('localSheetId'), 'text': d.text} for d in wb.findall('m:definedNames/m:definedName', NS)]

shared = []
if 'xl/sharedStrings.xml' in parsed:
    for si in parsed['xl/sharedStrings.xml'].findall('m:si', NS):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))

def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1

target_by_rid = {r['id']: r['target'] for r in wb_rels}
sheets = []
for meta in sheets_meta:
    part = 'xl/' + target_by_rid[meta['rid']]
    ws = parsed[part]
    cells = {}
    styles = {}
    for c in ws.iter('{%s}c' % NS['m']):
        ref = c.get('r')
        t = c.get('t')
        styles[ref] = c.get('s')
        v = c.find('m:v', NS)
        if t == 's':
            cells[ref] = shared[int(v.text)]
        elif t == 'inlineStr':
            cells[ref] = ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m']))
        elif v is not None:
            cells[ref] = float(v.text)
    rows = [int(r.get('r')) for r in ws.findall('m:sheetData/m:row', NS)]
    heights = {r.get('r'): [float(r.get('ht')), r.get('customHeight')] for r in ws.findall('m:sheetData/m:row', NS) if r.get('ht')}
    setup = ws.find('m:pageSetup', NS)
    fit = ws.find('m:sheetPr/m:pageSetUpPr', NS)
    pane = ws.find('m:sheetViews/m:sheetView/m:pane', NS)
    sheets.append({
        'name': meta['name'],
        'part': part,
        'cells': cells,
        'styles': styles,
        'rows': rows,
        'merges': [m.get('ref') for m in ws.findall('m:mergeCells/m:mergeCell', NS)],
        'cols': [{'min': c.get('min'), 'max': c.get('max'), 'width': float(c.get('width'))} for c in ws.findall('m:cols/m:col', NS)],
        'pane': None if pane is None else {k: pane.get(k) for k in ('ySplit', 'topLeftCell', 'state')},
        'dimension': ws.find('m:dimension', NS).get('ref'),
        'orientation': None if setup is None else setup.get('orientation'),
        'fitToWidth': None if setup is None else setup.get('fitToWidth'),
        'fitToPage': None if fit is None else fit.get('fitToPage'),
        'heights': heights,
    })

styles = parsed['xl/styles.xml']
fonts = [f.find('m:b', NS) is not None for f in styles.findall('m:fonts/m:font', NS)]
xfs = []
for xf in styles.findall('m:cellXfs/m:xf', NS):
    al = xf.find('m:alignment', NS)
    xfs.append({'bold': fonts[int(xf.get('fontId'))], 'wrap': al is not None and al.get('wrapText') == '1', 'border': xf.get('borderId') != '0'})

core = parsed['docProps/core.xml']
print(json.dumps({
    'testzip': bad,
    'names': names,
    'defaults': defaults,
    'overrides': overrides,
    'rootRels': root_rels,
    'wbRels': wb_rels,
    'sheetsMeta': sheets_meta,
    'definedNames': defined,
    'sheets': sheets,
    'xfs': xfs,
    'sharedCount': len(shared),
    'core': {el.tag.split('}')[1]: el.text for el in core},
}, ensure_ascii=False))
`;

const OPENPYXL_PY = String.raw`
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {'version': openpyxl.__version__, 'sheets': []}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                cells[c.coordinate] = c.value
    out['sheets'].append({
        'title': ws.title,
        'maxRow': ws.max_row,
        'maxColumn': ws.max_column,
        'merges': sorted(str(r) for r in ws.merged_cells.ranges),
        'freeze': ws.freeze_panes,
        'cells': cells,
        'boldA1': bool(ws['A1'].font and ws['A1'].font.b),
        'wrapA1': bool(ws['A1'].alignment and ws['A1'].alignment.wrap_text),
        'widthB': ws.column_dimensions['B'].width,
        'printTitleRows': ws.print_title_rows,
    })
print(json.dumps(out, ensure_ascii=False))
`;

interface PyCell {
  [ref: string]: string | number;
}
interface PySheet {
  name: string;
  part: string;
  cells: PyCell;
  styles: Record<string, string | null>;
  rows: number[];
  merges: string[];
  cols: { min: string; max: string; width: number }[];
  pane: { ySplit: string; topLeftCell: string; state: string } | null;
  dimension: string;
  orientation: string | null;
  fitToWidth: string | null;
  fitToPage: string | null;
  heights: Record<string, [number, string | null]>;
}
interface PyStructure {
  testzip: string | null;
  names: string[];
  defaults: Record<string, string>;
  overrides: Record<string, string>;
  rootRels: { id: string; type: string; target: string }[];
  wbRels: { id: string; type: string; target: string }[];
  sheetsMeta: { name: string; rid: string; sheetId: string }[];
  definedNames: { name: string; localSheetId: string; text: string }[];
  sheets: PySheet[];
  xfs: { bold: boolean; wrap: boolean; border: boolean }[];
  sharedCount: number;
  core: Record<string, string>;
}

function python(interpreter: string, script: string, file: string): string {
  return execFileSync(interpreter, ['-c', script, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** A python interpreter that can import openpyxl, or undefined. */
function openpyxlPython(): string | undefined {
  const candidates = [process.env.PYTHON ?? 'python3', 'python3', '/usr/bin/python3'];
  for (const py of [...new Set(candidates)]) {
    const r = spawnSync(py, ['-c', 'import openpyxl'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

// ---------------------------------------------------------------------------------------------

describe('buildXlsx: a real XLSX file', () => {
  let dir = '';
  let file = '';
  let bytes: Uint8Array;

  beforeAll(() => {
    bytes = buildXlsx(WORKBOOK);
    dir = mkdtempSync(path.join(tmpdir(), 'motcua-xlsx-'));
    file = path.join(dir, 'so-theo-doi-ho-so.xlsx');
    writeFileSync(file, bytes);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is a ZIP with the parts of a SpreadsheetML package, [Content_Types].xml first', () => {
    expect(bytes[0]).toBe(0x50); // "PK"
    expect(bytes[1]).toBe(0x4b);
    const files = unzipSync(bytes);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    expect(Object.keys(files).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/sharedStrings.xml',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ].sort(),
    );
    expect(strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array())).toContain('<mergeCell ref="H1:L1"/>');
  });

  it.runIf(spawnSync('unzip', ['-v']).status === 0)('passes `unzip -t`', () => {
    const out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(out).toMatch(/No errors detected/);
  });

  it.runIf(hasPython)('parses with python zipfile + xml.etree: content types, relationships, merges, styles, exact text', () => {
    const py = JSON.parse(python('python3', STRUCTURE_PY, file)) as PyStructure;
    expect(py.testzip).toBeNull();

    // [Content_Types].xml covers every part.
    expect(py.defaults).toEqual({
      rels: 'application/vnd.openxmlformats-package.relationships+xml',
      xml: 'application/xml',
    });
    expect(py.overrides['/xl/workbook.xml']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml');
    expect(py.overrides['/xl/worksheets/sheet1.xml']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
    expect(py.overrides['/xl/worksheets/sheet2.xml']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
    expect(py.overrides['/xl/styles.xml']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
    expect(py.overrides['/xl/sharedStrings.xml']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml');
    for (const part of Object.keys(py.overrides)) expect(py.names).toContain(part.slice(1));

    // Package and workbook relationships point at parts that exist.
    expect(py.rootRels.find((r) => r.type === 'officeDocument')?.target).toBe('xl/workbook.xml');
    expect(py.wbRels.map((r) => [r.type, r.target])).toEqual([
      ['worksheet', 'worksheets/sheet1.xml'],
      ['worksheet', 'worksheets/sheet2.xml'],
      ['styles', 'styles.xml'],
      ['sharedStrings', 'sharedStrings.xml'],
    ]);
    for (const r of py.wbRels) expect(py.names).toContain(`xl/${r.target}`);
    expect(py.sheetsMeta.map((s) => s.name)).toEqual(['Sổ theo dõi hồ sơ', "Ký tự 'đặc biệt' & <>"]);
    expect(py.definedNames).toEqual([{ name: '_xlnm.Print_Titles', localSheetId: '0', text: "'Sổ theo dõi hồ sơ'!$1:$2" }]);
    expect(py.core).toMatchObject({ title: 'Sổ theo dõi hồ sơ, quyển 3/2026', creator: 'motcua — Bộ phận Một cửa', created: '2026-11-21T02:30:00Z' });

    const [ledger, tricky] = py.sheets as [PySheet, PySheet];
    // Merges, frozen header, widths, dimension, rows in order.
    expect(ledger.merges).toEqual(MERGES);
    expect(ledger.pane).toEqual({ ySplit: '2', topLeftCell: 'A3', state: 'frozen' });
    expect(ledger.cols.map((c) => c.width)).toEqual(WIDTHS);
    expect(ledger.dimension).toBe('A1:N1002');
    expect(ledger.rows).toEqual(Array.from({ length: 1002 }, (_, i) => i + 1));
    expect(ledger.orientation).toBe('landscape');
    expect([ledger.fitToPage, ledger.fitToWidth]).toEqual(['1', '1']);
    expect([tricky.fitToPage, tricky.orientation]).toEqual([null, null]);
    // Given header heights are custom; body rows with a two-line address get an estimated height.
    expect(ledger.heights['1']).toEqual([30, '1']);
    expect(ledger.heights['2']).toEqual([60, '1']);
    // Row 3: the address (47 characters in a 34-wide column, then the phone line) needs 3 lines.
    expect(ledger.heights['3']).toEqual([45, null]);
    expect(Object.keys(tricky.heights)).toEqual([]); // wrapText: false
    expect(tricky.pane).toBeNull();

    // Header cells are bold, wrapped and bordered; body cells bordered and wrapped.
    const xf = (s: string | null | undefined) => py.xfs[Number(s ?? 0)];
    expect(xf(ledger.styles.A1)).toEqual({ bold: true, wrap: true, border: true });
    expect(xf(ledger.styles.I1)).toEqual({ bold: true, wrap: true, border: true }); // covered by H1:L1
    expect(xf(ledger.styles.H2)).toEqual({ bold: true, wrap: true, border: true });
    expect(xf(ledger.styles.B3)).toEqual({ bold: false, wrap: true, border: true });
    expect(xf(tricky.styles.A1)).toEqual({ bold: false, wrap: false, border: true });

    // Every cell round-trips exactly; nulls are absent.
    const check = (sheet: PySheet, rows: CellValue[][]) => {
      let count = 0;
      rows.forEach((row, r) =>
        row.forEach((value, c) => {
          const ref = columnLetters(c) + (r + 1);
          const want = expected(value);
          if (want === null) expect(sheet.cells[ref], ref).toBeUndefined();
          else {
            expect(sheet.cells[ref], ref).toStrictEqual(want);
            count++;
          }
        }),
      );
      expect(Object.keys(sheet.cells)).toHaveLength(count);
    };
    check(ledger, [TOP, SUB, ...ROWS]);
    check(tricky, TRICKY);

    // Spot checks of the promised cleaning.
    expect(tricky.cells.A3).toBe('line one\nline two\nline three\nline four');
    expect(tricky.cells.A4).toBe('Nguyễn (NFD input)'.normalize('NFC'));
    expect(tricky.cells.A4).not.toBe('Nguyễn'.normalize('NFD') + ' (NFD input)');
    expect(tricky.cells.A5).toBe('bell and null and vertical tab removed');
    expect(tricky.cells.A7).toBe('lone surrogate  removed');
    expect(tricky.cells.A2).toBe('  leading and trailing spaces  ');
    expect(tricky.cells.A10).toBe('=SUM(A1:A2)'); // text, never a formula
    expect(ledger.cells.H1).toBe('Ngày, tháng, năm');
    // Shared strings are deduplicated.
    expect(py.sharedCount).toBeLessThan(5000);
  });

  it.runIf(hasPython)('loads with openpyxl when it is installed', (ctx) => {
    const py = openpyxlPython();
    if (!py) {
      console.warn('NOTE: openpyxl is not installed for python3; the openpyxl load check was skipped (structure was still verified with zipfile + xml.etree).');
      ctx.skip();
      return;
    }
    const out = JSON.parse(python(py, OPENPYXL_PY, file)) as {
      version: string;
      sheets: {
        title: string;
        maxRow: number;
        maxColumn: number;
        merges: string[];
        freeze: string | null;
        cells: Record<string, string | number>;
        boldA1: boolean;
        wrapA1: boolean;
        widthB: number;
        printTitleRows: string | null;
      }[];
    };
    console.info(`openpyxl ${out.version} (${py}) loaded the workbook`);
    const [ledger, tricky] = out.sheets;
    expect(ledger?.title).toBe('Sổ theo dõi hồ sơ');
    expect(ledger?.maxRow).toBe(1002);
    expect(ledger?.maxColumn).toBe(14);
    expect(ledger?.merges).toEqual([...MERGES].sort());
    expect(ledger?.freeze).toBe('A3');
    expect(ledger?.boldA1).toBe(true);
    expect(ledger?.wrapA1).toBe(true);
    expect(ledger?.widthB).toBe(22);
    expect(ledger?.printTitleRows).toMatch(/^\$?1:\$?2$/); // openpyxl versions differ on the $ signs
    expect(ledger?.cells.H1).toBe('Ngày, tháng, năm');
    expect(ledger?.cells.L2).toBe('Trả kết quả cho cá nhân, tổ chức');
    expect(ledger?.cells.B1002).toBe(ledgerRow(999)[1]);
    expect(ledger?.cells.F3).toBe('Số 1, đường Lê Lợi, phường Hạc Thành, Thanh Hóa\nĐT: 0912 345 000');
    expect(ledger?.cells.A1002).toBe(1000);
    expect(tricky?.title).toBe("Ký tự 'đặc biệt' & <>");
    expect(tricky?.cells.A1).toBe('A & B < C > D "quoted" \'single\'');
    expect(tricky?.cells.A6).toBe('emoji 📄✅ and CJK 越南 and Khmer ក');
    expect(tricky?.cells.E9).toBe(1e21);
    expect(tricky?.cells.F9).toBe(5e-7);
    expect(tricky?.cells.H9).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.runIf(!hasPython)('notes that python3 is missing', () => {
    console.warn('NOTE: python3 is not available; the independent XLSX checks were skipped.');
  });
});

describe('buildXlsx: inline strings', () => {
  it.runIf(hasPython)('writes inline strings that read back exactly, without a shared-strings part', () => {
    const rows: CellValue[][] = [['Nhận hồ sơ', 'Ngày, tháng, năm'], ['  có khoảng trắng  ', 'dòng 1\ndòng 2'], [42, null]];
    const bytes = buildXlsx({ sheets: [{ name: 'Inline', rows }], strings: 'inline' });
    expect(Object.keys(unzipSync(bytes))).not.toContain('xl/sharedStrings.xml');
    const dir = mkdtempSync(path.join(tmpdir(), 'motcua-xlsx-'));
    try {
      const file = path.join(dir, 'inline.xlsx');
      writeFileSync(file, bytes);
      const py = JSON.parse(python('python3', STRUCTURE_PY, file)) as PyStructure;
      expect(py.overrides['/xl/sharedStrings.xml']).toBeUndefined();
      expect(py.wbRels.map((r) => r.type)).toEqual(['worksheet', 'styles']);
      expect(py.sheets[0]?.cells).toEqual({ A1: 'Nhận hồ sơ', B1: 'Ngày, tháng, năm', A2: '  có khoảng trắng  ', B2: 'dòng 1\ndòng 2', A3: 42 });
      const op = openpyxlPython();
      if (op) {
        const out = JSON.parse(python(op, OPENPYXL_PY, file)) as { sheets: { cells: Record<string, unknown> }[] };
        expect(out.sheets[0]?.cells).toEqual({ A1: 'Nhận hồ sơ', B1: 'Ngày, tháng, năm', A2: '  có khoảng trắng  ', B2: 'dòng 1\ndòng 2', A3: 42 });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('buildXlsx: determinism and input errors', () => {
  it('gives the same bytes for the same input', () => {
    const a = buildXlsx(WORKBOOK);
    const b = buildXlsx(WORKBOOK);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  const sheet = (over: Partial<XlsxSheet>): XlsxWorkbook => ({ sheets: [{ name: 'Sổ', rows: [], ...over }] });
  const codeOf = (wb: XlsxWorkbook) => {
    try {
      buildXlsx(wb);
      return 'no error';
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxError);
      const x = e as XlsxError;
      expect(x.messageVi.length).toBeGreaterThan(10);
      expect(x.messageEn).toBe(x.message);
      return x.code;
    }
  };

  it('refuses what Excel would refuse or silently damage', () => {
    expect(codeOf({ sheets: [] })).toBe('no-sheets');
    expect(codeOf(sheet({ name: '' }))).toBe('invalid-sheet-name');
    expect(codeOf(sheet({ name: 'Sổ theo dõi hồ sơ quyển 3 năm 2026' }))).toBe('invalid-sheet-name');
    for (const ch of ['[', ']', ':', '*', '?', '/', '\\']) expect(codeOf(sheet({ name: `Sổ${ch}1` }))).toBe('invalid-sheet-name');
    expect(codeOf(sheet({ name: "'Sổ" }))).toBe('invalid-sheet-name');
    expect(codeOf(sheet({ name: 'history' }))).toBe('invalid-sheet-name');
    expect(codeOf({ sheets: [{ name: 'Sổ', rows: [] }, { name: 'sổ', rows: [] }] })).toBe('duplicate-sheet-name');
    expect(codeOf(sheet({ merges: ['A1'] }))).toBe('invalid-merge');
    expect(codeOf(sheet({ merges: ['B2:A1'] }))).toBe('invalid-merge');
    expect(codeOf(sheet({ merges: ['A1:A1'] }))).toBe('invalid-merge');
    expect(codeOf(sheet({ merges: ['a1:b2'] }))).toBe('invalid-merge');
    expect(codeOf(sheet({ merges: ['A1:C1', 'C1:C2'] }))).toBe('overlapping-merge');
    expect(codeOf(sheet({ rows: [['a', 'b']], merges: ['A1:B1'] }))).toBe('value-under-merge');
    expect(codeOf(sheet({ rows: [['a', '']], merges: ['A1:B1'] }))).toBe('value-under-merge');
    expect(codeOf(sheet({ rows: [[Number.NaN]] }))).toBe('invalid-number');
    expect(codeOf(sheet({ rows: [[Infinity]] }))).toBe('invalid-number');
    expect(codeOf(sheet({ rows: [['x'.repeat(32_768)]] }))).toBe('text-too-long');
    expect(codeOf(sheet({ columns: [{ width: 300 }] }))).toBe('invalid-width');
    expect(codeOf(sheet({ rows: [['a', null]], merges: ['A1:B1'] }))).toBe('no error');
    expect(codeOf(sheet({ name: 'Sổ 31 ký tự đủ dài để chạm mức' }))).toBe('no error');
  });

  it('estimates the height of rows with wrapped text (no application fits them on opening)', () => {
    const xml = (sheet: XlsxSheet) => strFromU8(unzipSync(buildXlsx({ sheets: [sheet] }))['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const rowTag = (x: string, r: number) => new RegExp(`<row r="${r}"[^>]*>`).exec(x)?.[0];
    const body = xml({
      name: 'S',
      columns: [{ width: 10 }, { width: 20 }],
      rows: [['ngắn', 'ngắn'], ['một hai ba bốn năm sáu bảy', null], ['a\nb\nc', 'x'], [123456789012345, null], ['y'.repeat(5000), null]],
    });
    expect(rowTag(body, 1)).toBe('<row r="1">');
    expect(rowTag(body, 2)).toBe('<row r="2" ht="45">'); // 27 characters in a 10-wide column: 3 lines
    expect(rowTag(body, 3)).toBe('<row r="3" ht="45">'); // three paragraphs
    expect(rowTag(body, 4)).toBe('<row r="4">'); // numbers do not wrap
    expect(rowTag(body, 5)).toBe('<row r="5" ht="409">'); // Excel's maximum
    // A header merged across columns uses their total width; a vertical merge shares its lines.
    const header = xml({
      name: 'S',
      columns: [{ width: 10 }, { width: 10 }, { width: 10 }],
      headerRows: [['Ngày, tháng, năm nhận và trả', null, 'Ghi chú rất dài cần ba dòng ở đây'], [null, null, null]],
      merges: ['A1:B1', 'C1:C2'],
      rows: [],
    });
    expect(rowTag(header, 1)).toBe('<row r="1" ht="30">');
    expect(rowTag(header, 2)).toBe('<row r="2" ht="30">');
    expect(xml({ name: 'S', rows: [['a'.repeat(100)]], wrapText: false })).toContain('<row r="1">');
  });

  it('sheet-name helpers', () => {
    expect(sheetNameProblem('Sổ theo dõi hồ sơ')).toBeUndefined();
    expect(sheetNameProblem('a'.repeat(31))).toBeUndefined();
    expect(sheetNameProblem('a'.repeat(32))?.code).toBe('invalid-sheet-name');
    expect(sanitizeSheetName('Sổ [2026]: quyển 1/3 *mới*?')).toBe('Sổ -2026-- quyển 1-3 -mới--');
    expect(sanitizeSheetName("'Báo cáo tháng 11 năm 2026 của bộ phận một cửa'")).toBe('Báo cáo tháng 11 năm 2026 của b');
    expect(sanitizeSheetName('   ')).toBe('Sheet1');
    expect(sanitizeSheetName('History', 'Lịch sử')).toBe('Lịch sử');
    expect(sanitizeSheetName("Sổ tháng 11 năm 2026 của bộ p' hận")).toBe('Sổ tháng 11 năm 2026 của bộ p');
    expect(sanitizeSheetName('📄'.repeat(20))).toBe('📄'.repeat(15));
    expect(sheetNameProblem('📄'.repeat(16))?.code).toBe('invalid-sheet-name');
    for (const s of ['Sổ [2026]: quyển 1/3 *mới*?', "'x'", 'a'.repeat(40), '\u0001ab', "ab' cd", '📄'.repeat(40)]) expect(sheetNameProblem(sanitizeSheetName(s))).toBeUndefined();
  });

  it('cell-reference helpers', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    expect(parseCellRef('A1')).toEqual({ row: 0, col: 0 });
    expect(parseCellRef('XFD1048576')).toEqual({ row: 1_048_575, col: 16_383 });
    expect(parseCellRef('XFE1')).toBeUndefined();
    expect(parseCellRef('A0')).toBeUndefined();
    expect(parseCellRef('A1048577')).toBeUndefined();
  });

  it('cleanText keeps tabs and line feeds, drops what XML 1.0 forbids', () => {
    expect(cleanText('a\u0000b\u0008c\td\ne\u001ff\ufffeg')).toBe('abc\td\nefg');
    expect(cleanText('x\r\ny\rz')).toBe('x\ny\nz');
    expect(cleanText('📄')).toBe('📄');
    expect(cleanText('\udc00\ud800')).toBe('');
  });
});
