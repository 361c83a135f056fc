import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../src-shared/domain/indicators/compute';
import { CSV_BOM, csvField, INDICATOR_CSV_HEADER, indicatorCsv, ledgerCsv, ledgerCsvHeader, neutraliseFormula, toCsv } from '../../../src-shared/export/csv';
import { LEDGER_COLUMNS } from '../../../src-shared/forms';
import { APPOINTMENT_AT, CODE, dossier, vn } from '../forms/fixtures';
import { at, recordMaker, SEPTEMBER } from '../indicators/fixtures';
import { officialCalendar } from '../lifecycle/fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'motcua-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasPython = spawnSync('python3', ['--version']).status === 0;

/** Reads a CSV file back with Python's csv module (utf-8-sig drops the BOM), as JSON rows. */
function pythonRead(csv: string, name: string): string[][] {
  const file = path.join(dir, `${name}.csv`);
  writeFileSync(file, csv, 'utf8');
  const script = [
    'import csv, json, sys',
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:",
    '    rows = list(csv.reader(f, strict=True))',
    'sys.stdout.write(json.dumps(rows, ensure_ascii=True))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as string[][];
}

describe('toCsv', () => {
  it('starts with the BOM and ends every record with CRLF', () => {
    const csv = toCsv([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(csv).toBe(`${CSV_BOM}a,b\r\nc,d\r\n`);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(toCsv([])).toBe(CSV_BOM);
    expect(toCsv([[]])).toBe(`${CSV_BOM}\r\n`);
  });

  it('quotes fields with a comma, a quote, CR or LF, doubling quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('Số 12, đường Lê Lợi')).toBe('"Số 12, đường Lê Lợi"');
    expect(csvField('Quyết định "766"')).toBe('"Quyết định ""766"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField('')).toBe('');
    expect(csvField(' leading and trailing ')).toBe(' leading and trailing ');
    expect(toCsv([['x,y', '"', '']])).toBe(`${CSV_BOM}"x,y","""",\r\n`);
  });

  it('neutralises spreadsheet formulas with a leading apostrophe, but not plain numbers', () => {
    expect(neutraliseFormula('=1+2')).toBe("'=1+2");
    expect(neutraliseFormula('+cmd|" /C calc"!A0')).toBe('\'+cmd|" /C calc"!A0');
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('-')).toBe("'-");
    // Plain numbers stay numbers.
    for (const n of ['-12', '+84912345678', '-1.234,5', '-0.5', '42']) expect(neutraliseFormula(n), n).toBe(n);
    // Only the first character matters.
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula('2.000815')).toBe('2.000815');
    expect(neutraliseFormula('21/11/2026 14:05')).toBe('21/11/2026 14:05');
    // Neutralised, then quoted when it must be.
    expect(csvField('=HYPERLINK("http://x.vn","Bấm")')).toBe('"\'=HYPERLINK(""http://x.vn"",""Bấm"")"');
  });

  it('keeps Vietnamese text intact (NFC)', () => {
    const name = 'Nguyễn Thị Hồng Nhung – Thủy, Quỳnh, Đặng';
    const decomposed = name.normalize('NFD');
    expect(decomposed).not.toBe(name);
    const csv = toCsv([[decomposed, 'Ủy ban nhân dân phường Hạc Thành']]);
    expect(csv).toBe(`${CSV_BOM}"${name}",Ủy ban nhân dân phường Hạc Thành\r\n`);
    expect(Buffer.from(csv, 'utf8').toString('utf8')).toBe(csv);
  });

  it.runIf(hasPython)("is read back by Python's csv module cell for cell", () => {
    const rows = [
      ['Mã', 'Tên, địa chỉ', 'Ghi chú'],
      ['000.17.22.H56-261121-0007', 'Nguyễn Thị "Hồng" Nhung, Thanh Hóa', 'dòng 1\ndòng 2\r\ndòng 3'],
      ['', ' khoảng trắng ', 'Đặng Văn Đức'],
      ['=1+2', '-12', '@x'],
    ];
    const back = pythonRead(toCsv(rows), 'roundtrip');
    expect(back).toEqual([rows[0], rows[1], rows[2], ["'=1+2", '-12', "'@x"]]);
  });
});

describe('ledgerCsv', () => {
  const returnedAt = vn('2026-12-04T09:00');
  const done = dossier({
    status: 10,
    transferredAt: vn('2026-11-21T15:40'),
    resultAt: vn('2026-12-03T10:20'),
    returnedAt,
    returnedTo: 'Nguyễn Thị Hồng Nhung',
    returnMethod: 'postal',
    reschedules: 1,
    notes: 'Hồ sơ ưu tiên: người cao tuổi',
  });
  const hostile = dossier({
    id: 'd-0008',
    code: '000.17.22.H56-261121-0008',
    ledgerNumber: 1235,
    receivedAt: vn('2026-11-21T15:00'),
    applicant: { ...dossier().applicant, name: '=HYPERLINK("http://evil.example","Nhấn vào đây")', address: '', phone: '+84 912 345 678' },
  });

  it('has the ledger columns, the dates prefixed with their group', () => {
    expect(ledgerCsvHeader()).toEqual([
      'TT',
      'Mã hồ sơ',
      'Tên TTHC',
      'Số lượng hồ sơ (bộ)',
      'Tên cá nhân, tổ chức',
      'Địa chỉ, số điện thoại',
      'Cơ quan chủ trì giải quyết',
      'Ngày, tháng, năm – Nhận hồ sơ',
      'Ngày, tháng, năm – Hẹn trả kết quả',
      'Ngày, tháng, năm – Chuyển hồ sơ đến cơ quan giải quyết',
      'Ngày, tháng, năm – Nhận kết quả từ cơ quan giải quyết',
      'Ngày, tháng, năm – Trả kết quả cho cá nhân, tổ chức',
      'Ký nhận',
      'Ghi chú',
    ]);
    expect(ledgerCsvHeader()).toHaveLength(LEDGER_COLUMNS.length);
    const csv = ledgerCsv([]);
    expect(csv.startsWith(`${CSV_BOM}TT,Mã hồ sơ,Tên TTHC,Số lượng hồ sơ (bộ),"Tên cá nhân, tổ chức","Địa chỉ, số điện thoại",`)).toBe(true);
    expect(csv.endsWith('Ký nhận,Ghi chú\r\n')).toBe(true);
  });

  it('writes one line per entry, in ledger order, dates as "dd/MM/yyyy HH:mm"', () => {
    const csv = ledgerCsv([hostile, done]);
    const records = csv.slice(1).split('\r\n');
    expect(records).toHaveLength(4); // header, two entries, the empty string after the last CRLF
    expect(records[3]).toBe('');
    expect(csv.slice(1, -2)).not.toMatch(/\n(?<!\r\n)/);
    expect(records[1]).toBe(
      [
        '1234',
        CODE,
        'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
        '1',
        'Nguyễn Thị Hồng Nhung',
        'Số 12, đường Lê Lợi, phường Điện Biên, tỉnh Thanh Hóa; 0912 345 678',
        'Sở Tư pháp tỉnh Thanh Hóa',
        '21/11/2026 14:05',
        '04/12/2026 16:30',
        '21/11/2026 15:40',
        '03/12/2026 10:20',
        '04/12/2026 09:00',
        'Nguyễn Thị Hồng Nhung; Qua bưu chính',
        'Đã hẹn lại ngày trả; Hồ sơ ưu tiên: người cao tuổi',
      ]
        .map((c) => (/[,"]/.test(c) ? `"${c}"` : c))
        .join(','),
    );
    expect(APPOINTMENT_AT).toBe(vn('2026-12-04T16:30'));
    expect(returnedAt).toBe(vn('2026-12-04T09:00'));
    // The applicant's "name" is a formula: neutralised. A phone "+84 …" is not a plain number either.
    expect(records[2]).toContain('"\'=HYPERLINK(""http://evil.example"",""Nhấn vào đây"")"');
    expect(records[2]).toContain(",'+84 912 345 678,");
  });

  it.runIf(hasPython)("is read back by Python's csv module with the same cells", () => {
    const back = pythonRead(ledgerCsv([hostile, done]), 'ledger');
    expect(back).toHaveLength(3);
    expect(back[0]).toEqual(ledgerCsvHeader());
    const first = back[1] ?? [];
    expect(first).toHaveLength(14);
    expect(first[1]).toBe(CODE);
    expect(first[5]).toBe('Số 12, đường Lê Lợi, phường Điện Biên, tỉnh Thanh Hóa; 0912 345 678');
    expect(first.slice(7, 12)).toEqual(['21/11/2026 14:05', '04/12/2026 16:30', '21/11/2026 15:40', '03/12/2026 10:20', '04/12/2026 09:00']);
    const second = back[2] ?? [];
    expect(second[0]).toBe('1235');
    expect(second[4]).toBe('\'=HYPERLINK("http://evil.example","Nhấn vào đây")');
    expect(second[5]).toBe("'+84 912 345 678");
    expect(second.slice(9, 12)).toEqual(['', '', '']);
  });
});

describe('indicatorCsv', async () => {
  const calendar = await officialCalendar();
  const rec = recordMaker();
  // Received Mon 07/09/2026, due Thu 10/09 17:00. On time in 17 working hours; late in 32 (online,
  // not digitised, not at the portal); still open at the end of September, so late, sync unknown.
  const records = [
    rec({ status: 9, finishedAt: at('2026-09-09T10:00') }),
    rec({ status: 10, receivedAt: at('2026-09-07T10:00'), finishedAt: at('2026-09-11T10:00'), clerk: 'binh', channel: 2, digitised: false, synced: false }),
    rec({ procedureCode: 'P2', procedureName: '=HYPERLINK("http://evil.example","P2")', synced: null }),
  ];
  const csv = indicatorCsv(computeIndicators(records, SEPTEMBER, calendar));
  const lines = csv.slice(1).split('\r\n');

  it('writes the totals, then every row of every grouping, rates in percent', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(lines[0]).toBe(INDICATOR_CSV_HEADER.join(','));
    expect(lines[1]).toBe('Tổng,2026-09-01..2026-09-30,Tổng hợp,3,1,2,33.33,2,66.67,1,33.33,1,50,2,3.06');
    // Header, totals, 2 procedures, 1 counter, 2 clerks, 30 days, 5 ISO weeks (W36–W40), and '' after the last CRLF.
    expect(lines).toHaveLength(1 + 1 + 2 + 1 + 2 + 30 + 5 + 1);
    expect(lines.filter((l) => l.startsWith('Ngày,'))).toHaveLength(30);
    expect(lines.filter((l) => l.startsWith('Tuần,')).map((l) => l.split(',')[1])).toEqual(['2026-W36', '2026-W37', '2026-W38', '2026-W39', '2026-W40']);
    expect(lines.at(-1)).toBe('');
  });

  it.runIf(hasPython)("is read back by Python's csv module with the report's numbers, unknowns empty, formulas neutralised", () => {
    const back = pythonRead(csv, 'indicators');
    expect(back[0]).toEqual(INDICATOR_CSV_HEADER);
    expect(back[2]).toEqual(['Thủ tục', 'P1', 'Thủ tục P1', '2', '1', '1', '50', '1', '50', '1', '50', '1', '50', '2', '3.06']);
    expect(back[3]).toEqual(['Thủ tục', 'P2', '\'=HYPERLINK("http://evil.example","P2")', '1', '0', '1', '0', '1', '100', '0', '0', '', '', '0', '']);
    expect(back.find((r) => r[0] === 'Ngày' && r[1] === '2026-09-07')?.slice(3, 6)).toEqual(['3', '1', '2']);
  });
});
