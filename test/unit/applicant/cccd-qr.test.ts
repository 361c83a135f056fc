import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCccdQr, type CccdQrResult } from '../../../src-shared/domain/applicant/cccd-qr';

const TODAY = '2026-11-21';
const parse = (text: string) => parseCccdQr(text, { today: TODAY });
const codes = (r: CccdQrResult) => (r.ok ? [] : r.errors.map((e) => e.code));

const ADDRESS = 'Số 12, đường Lê Lợi, phường Điện Biên, TP Thanh Hóa, Thanh Hóa';
const MALE = `038090123456|123456789|Nguyễn Văn An|15031990|Nam|${ADDRESS}|20042021`;
const FEMALE_NO_OLD_ID = '001195004321||Lê Thị Bình|01021995|Nữ|Thôn 3, xã Quảng Tâm, huyện Quảng Xương, Thanh Hóa|10052021';

const MALE_DATA = {
  idNumber: '038090123456',
  oldIdNumber: '123456789',
  name: 'Nguyễn Văn An',
  birthDate: '1990-03-15',
  gender: 'male',
  address: ADDRESS,
  issueDate: '2021-04-20',
};

describe('parseCccdQr: well-formed scans', () => {
  it('reads the seven fields and cross-checks the ID number', () => {
    const r = parse(MALE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r).toMatchObject({ ok: true, ...MALE_DATA, warnings: [] });
    expect(r.citizenId).toMatchObject({ provinceCode: '038', provinceName: 'Thanh Hóa', gender: 'male', birthYear: 1990 });
  });

  it('reads an empty old ID number as null, and a woman’s card', () => {
    const r = parse(FEMALE_NO_OLD_ID);
    expect(r.ok && [r.oldIdNumber, r.gender, r.birthDate, r.name, r.citizenId.provinceName]).toEqual([null, 'female', '1995-02-01', 'Lê Thị Bình', 'Hà Nội']);
  });

  it('keeps the commas of the address intact', () => {
    const r = parse(MALE);
    expect(r.ok && r.address.split(', ')).toHaveLength(5);
  });

  it('accepts a 12-digit old ID number', () => {
    const r = parse(MALE.replace('|123456789|', '|038012345678|'));
    expect(r.ok && r.oldIdNumber).toBe('038012345678');
  });

  it.each([
    ['AIM symbology identifier', `]Q1${MALE}`],
    ['a label', `CCCD: ${MALE}`],
    ['a digit prefix stuck to the number', `0001${MALE}`],
    ['Enter suffix', `${MALE}\r\n`],
    ['Tab suffix', `${MALE}\t`],
    ['# suffix', `${MALE}#`],
    ['text suffix', `${MALE} END`],
    ['STX/ETX control characters', `\u0002${MALE}\u0003`],
    ['byte-order mark', `\ufeff${MALE}`],
    ['line breaks around separators', MALE.replace(/\|/g, '\r\n|')],
    ['line breaks after separators', MALE.replace(/\|/g, '|\n')],
  ])('ignores reader noise: %s', (_label, text) => {
    const r = parse(text);
    expect(codes(r)).toEqual([]);
    expect(r).toMatchObject(MALE_DATA);
  });

  it('turns a line break inside the address into a space', () => {
    const r = parse(MALE.replace('đường Lê Lợi, ', 'đường Lê Lợi,\r\n'));
    expect(r.ok && r.address).toBe(ADDRESS);
  });

  it('normalises decomposed (NFD) text to NFC and collapses spaces', () => {
    const r = parse(MALE.normalize('NFD').replace('Nguyễn Văn An'.normalize('NFD'), '  Nguyễn   Văn An '.normalize('NFD')));
    expect(r.ok && r.name).toBe('Nguyễn Văn An');
    expect(r.ok && r.address).toBe(ADDRESS);
  });

  it('accepts gender spelled in any case or without accents', () => {
    for (const g of ['NỮ', 'nữ', 'Nu']) {
      const r = parse(FEMALE_NO_OLD_ID.replace('|Nữ|', `|${g}|`));
      expect(r.ok && r.gender).toBe('female');
    }
  });

  it('reports extra fields of a newer card as a warning, not an error', () => {
    const r = parse(`${MALE}|31122045|Cục Cảnh sát QLHC về TTXH`);
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['extra-fields']);
    expect(r.ok && r.issueDate).toBe('2021-04-20');
    // An empty trailing field is not worth a warning.
    const trailing = parse(`${MALE}|`);
    expect(trailing.ok && trailing.warnings).toEqual([]);
  });

  it('passes on the abroad-registration warning of the ID number', () => {
    const r = parse('286200000002||Trần Minh Khôi|05052000|Nam|Số 5, phố Huế, Hà Nội|01072022');
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['registered-abroad']);
  });
});

describe('parseCccdQr: errors', () => {
  it('empty and non-QR text', () => {
    expect(codes(parse(''))).toEqual(['empty']);
    expect(codes(parse(' \r\n'))).toEqual(['empty']);
    expect(codes(parse('hello world'))).toEqual(['not-cccd-qr']);
    expect(codes(parse('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html'))).toEqual(['not-cccd-qr']);
    expect(codes(parse('|Nguyễn Văn An|15031990'))).toEqual(['not-cccd-qr']);
  });

  it('truncated scans', () => {
    const cut = MALE.slice(0, MALE.indexOf('Số 12'));
    const r = parse(cut + 'Số 12, đường');
    expect(codes(r)).toEqual(['truncated']);
    expect(!r.ok && r.errors[0]?.messageVi).toContain('6/7');
    expect(codes(parse('038090123456'))).toEqual(['truncated']);
    // Cut inside the last field: the issue date is incomplete.
    expect(codes(parse(MALE.slice(0, -1)))).toEqual(['invalid-issue-date']);
  });

  it('wrong dates', () => {
    expect(codes(parse(MALE.replace('15031990', '31021990')))).toEqual(['invalid-birth-date']);
    expect(codes(parse(MALE.replace('15031990', '1503199')))).toEqual(['invalid-birth-date']);
    expect(codes(parse(MALE.replace('15031990', '1990-03-15')))).toEqual(['invalid-birth-date']);
    expect(codes(parse(MALE.replace('20042021', '20132021')))).toEqual(['invalid-issue-date']);
    expect(codes(parse(MALE.replace('20042021', '01011989')))).toEqual(['issue-before-birth']);
    expect(codes(parse(MALE.replace('20042021', '01012027')))).toEqual(['date-in-future']);
  });

  it('ID number that disagrees with the date of birth or gender on the same card', () => {
    expect(codes(parse(MALE.replace('15031990', '15031991')))).toEqual(['birth-year-mismatch']);
    expect(codes(parse(MALE.replace('|Nam|', '|Nữ|')))).toEqual(['gender-mismatch']);
    expect(codes(parse(MALE.replace('038090', '038290')))).toEqual(['birth-year-in-future', 'birth-year-mismatch']);
    expect(codes(parse(MALE.replace('038090', '003090')))).toEqual(['unknown-province']);
    expect(codes(parse(MALE.replace('038090123456', '03809012345')))).toEqual(['not-12-digits']);
  });

  it('invalid fields', () => {
    expect(codes(parse(MALE.replace('|Nam|', '|Male|')))).toEqual(['invalid-gender']);
    expect(codes(parse(MALE.replace('|123456789|', '|12345|')))).toEqual(['invalid-old-id']);
    expect(codes(parse(MALE.replace('Nguyễn Văn An', '')))).toEqual(['invalid-name']);
    expect(codes(parse(MALE.replace('Nguyễn Văn An', 'Nguyễn Văn 4n')))).toEqual(['invalid-name']);
    expect(codes(parse(MALE.replace(ADDRESS, '  ')))).toEqual(['invalid-address']);
  });

  it('text garbled by a reader that cannot type Vietnamese', () => {
    const r = parse(MALE.replace('Nguyễn Văn An', 'Nguy?n V?n An'));
    expect(codes(r)).toEqual(['garbled-text']);
    expect(!r.ok && r.errors[0]?.messageVi).toContain('Unicode');
  });

  it('gives every message in both languages', () => {
    const bad = [
      '',
      'xyz',
      '038090123456',
      MALE.replace('15031990', '31021990').replace('|Nam|', '|X|').replace('|123456789|', '|1|'),
      MALE.replace('Nguyễn', 'Nguy?n'),
    ];
    for (const text of bad) {
      const r = parse(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        for (const e of r.errors) {
          expect(e.messageVi.length).toBeGreaterThan(10);
          expect(e.messageEn.length).toBeGreaterThan(10);
        }
      }
    }
  });

  it('never throws, whatever a reader types', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 20 }), (noise, prefix) => {
        const r = parse(prefix + noise);
        expect(typeof r.ok).toBe('boolean');
        expect(parse(prefix + MALE).ok || prefix.includes('|')).toBe(true);
      }),
    );
  });
});
