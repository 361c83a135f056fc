import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  centuryGenderDigit,
  centuryStartOfDigit,
  parseCitizenId,
  type CitizenIdResult,
  type Gender,
} from '../../../src-shared/domain/applicant/citizen-id';
import { defaultIsAbroadCode, PROVINCE_CODES, provinceByCode } from '../../../src-shared/domain/applicant/province-codes';

const TODAY = '2026-11-21';

/** Builds a well-formed number: province + century/gender digit + yy + 6 random digits. */
function makeId(province: string, birthYear: number, gender: Gender, random = '123456'): string {
  const digit = centuryGenderDigit(birthYear, gender);
  if (digit === undefined) throw new Error('year out of range');
  return `${province}${digit}${String(birthYear % 100).padStart(2, '0')}${random}`;
}

const codes = (r: CitizenIdResult) => (r.ok ? [] : r.errors.map((e) => e.code));

function expectBilingual(r: CitizenIdResult) {
  if (r.ok) return;
  for (const e of r.errors) {
    expect(e.messageVi.length).toBeGreaterThan(10);
    expect(e.messageEn.length).toBeGreaterThan(10);
    expect(e.messageVi).not.toBe(e.messageEn);
  }
}

describe('province table', () => {
  it('has the 63 codes of Circular 07/2016 (as amended), with the well-known anchors', () => {
    expect(PROVINCE_CODES).toHaveLength(63);
    expect(new Set(PROVINCE_CODES.map((p) => p.code)).size).toBe(63);
    expect(provinceByCode('001')?.name).toBe('Hà Nội');
    expect(provinceByCode('038')?.name).toBe('Thanh Hóa');
    expect(provinceByCode('079')?.name).toBe('TP Hồ Chí Minh');
    expect(provinceByCode('096')?.name).toBe('Cà Mau');
    expect(PROVINCE_CODES.filter((p) => p.city).map((p) => p.code)).toEqual(['001', '031', '048', '079', '092']);
    for (const p of PROVINCE_CODES) {
      expect(p.code).toMatch(/^0\d\d$/);
      expect(p.name).toBe(p.name.normalize('NFC'));
    }
    // Gaps in the numbering are not provinces.
    expect(provinceByCode('003')).toBeUndefined();
    expect(provinceByCode('097')).toBeUndefined();
  });

  it('treats 000 and 100–999 as births registered abroad by default, 001–099 never', () => {
    expect(defaultIsAbroadCode('000')).toBe(true);
    expect(defaultIsAbroadCode('286')).toBe(true);
    expect(defaultIsAbroadCode('840')).toBe(true);
    expect(defaultIsAbroadCode('003')).toBe(false);
    expect(defaultIsAbroadCode('099')).toBe(false);
  });
});

describe('parseCitizenId: valid numbers', () => {
  it('decodes province, gender and birth year (Thanh Hóa, 1990, male)', () => {
    const r = parseCitizenId('038090123456', { today: TODAY });
    expect(r).toEqual({
      ok: true,
      id: '038090123456',
      provinceCode: '038',
      provinceName: 'Thanh Hóa',
      registeredAbroad: false,
      gender: 'male',
      birthYear: 1990,
      warnings: [],
    });
  });

  it('decodes female and 21st-century births, with matching cross-checks', () => {
    const r = parseCitizenId(makeId('001', 1990, 'female'), { today: TODAY, birthDate: '1990-03-15', gender: 'female' });
    expect(r.ok && [r.gender, r.birthYear, r.provinceName]).toEqual(['female', 1990, 'Hà Nội']);
    const child = parseCitizenId(makeId('079', 2015, 'male'), { today: TODAY, birthDate: '2015-12-31', gender: 'male' });
    expect(child.ok && [child.id.slice(3, 6), child.gender, child.birthYear]).toEqual(['215', 'male', 2015]);
    const girl = parseCitizenId(makeId('092', 2026, 'female'), { today: TODAY, birthDate: '2026-01-02' });
    expect(girl.ok && girl.birthYear).toBe(2026);
    const old = parseCitizenId(makeId('096', 1900, 'male', '000001'), { today: TODAY });
    expect(old.ok && old.birthYear).toBe(1900);
  });

  it('strips spaces (including non-breaking) and folds full-width digits', () => {
    expect(parseCitizenId(' 038 090 123 456 ', { today: TODAY }).ok).toBe(true);
    expect(parseCitizenId('038\u00a0090\u00a0123456', { today: TODAY }).ok).toBe(true);
    const fw = parseCitizenId('０３８０９０１２３４５６', { today: TODAY });
    expect(fw.ok && fw.id).toBe('038090123456');
  });

  it('accepts a birth registered abroad with a warning for the clerk', () => {
    const r = parseCitizenId('286200000002', { today: TODAY, birthDate: '2000-05-05', gender: 'male' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.registeredAbroad).toBe(true);
    expect(r.provinceName).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['registered-abroad']);
    expect(r.warnings[0]?.messageVi).toContain('nước ngoài');
  });

  it('lets configuration narrow the abroad codes', () => {
    const strict = { today: TODAY, isAbroadCode: (c: string) => c >= '101' && c <= '295' };
    expect(parseCitizenId('286200000002', strict).ok).toBe(true);
    expect(codes(parseCitizenId('840200000002', strict))).toEqual(['unknown-province']);
  });
});

describe('parseCitizenId: every error kind', () => {
  it('empty input', () => {
    const r = parseCitizenId('   ', { today: TODAY });
    expect(codes(r)).toEqual(['empty']);
    expectBilingual(r);
  });

  it('not 12 digits: too short, too long, old 9-digit CMND, letters, dashes', () => {
    for (const raw of ['03809012345', '0380901234567', '123456789', '03809012345A', '038-090-123456']) {
      const r = parseCitizenId(raw, { today: TODAY });
      expect(codes(r)).toEqual(['not-12-digits']);
      expectBilingual(r);
    }
    const short = parseCitizenId('03809012345', { today: TODAY });
    expect(!short.ok && short.errors[0]?.messageVi).toContain('11 chữ số');
    const cmnd = parseCitizenId('123456789', { today: TODAY });
    expect(!cmnd.ok && cmnd.errors[0]?.messageVi).toContain('CMND');
  });

  it('unknown province code', () => {
    for (const raw of ['003090123456', '097090123456', '099090123456']) {
      const r = parseCitizenId(raw, { today: TODAY });
      expect(codes(r)).toEqual(['unknown-province']);
      expectBilingual(r);
    }
  });

  it('century digit out of range (a century not yet begun)', () => {
    for (const d of ['4', '5', '6', '7', '8', '9']) {
      const r = parseCitizenId(`038${d}90123456`, { today: TODAY });
      expect(codes(r)).toEqual(['century-out-of-range']);
      expectBilingual(r);
    }
    // The rule follows the calendar, not a hard-coded digit: in 2100 digit 4 becomes valid.
    expect(parseCitizenId('038400123456', { today: '2100-01-01' }).ok).toBe(true);
  });

  it('birth year in the future', () => {
    const r = parseCitizenId('038230123456', { today: TODAY });
    expect(codes(r)).toEqual(['birth-year-in-future']);
    expect(!r.ok && r.errors[0]?.messageVi).toContain('2030');
    expectBilingual(r);
    expect(parseCitizenId('038226123456', { today: TODAY }).ok).toBe(true);
  });

  it('invalid date of birth given for the cross-check', () => {
    const r = parseCitizenId('038090123456', { today: TODAY, birthDate: '1990-02-30' });
    expect(codes(r)).toEqual(['invalid-birth-date']);
    expectBilingual(r);
  });

  it('birth year does not match the date of birth', () => {
    const r = parseCitizenId('038090123456', { today: TODAY, birthDate: '1991-03-15' });
    expect(codes(r)).toEqual(['birth-year-mismatch']);
    expect(!r.ok && r.errors[0]?.messageVi).toContain('15/03/1991');
    expectBilingual(r);
    // Right two digits, wrong century.
    expect(codes(parseCitizenId('038200123456', { today: TODAY, birthDate: '1900-03-15' }))).toEqual(['birth-year-mismatch']);
    expect(codes(parseCitizenId('038290123456', { today: TODAY, birthDate: '1990-03-15' }))).toEqual(['birth-year-in-future', 'birth-year-mismatch']);
  });

  it('gender does not match', () => {
    const r = parseCitizenId('038090123456', { today: TODAY, gender: 'female' });
    expect(codes(r)).toEqual(['gender-mismatch']);
    expect(!r.ok && r.errors[0]?.messageVi).toContain('nam');
    expectBilingual(r);
  });

  it('reports every problem at once', () => {
    const r = parseCitizenId('003190123456', { today: TODAY, birthDate: '1985-01-01', gender: 'male' });
    expect(codes(r)).toEqual(['unknown-province', 'birth-year-mismatch', 'gender-mismatch']);
  });

  it('rejects a malformed "today" (programming error)', () => {
    expect(() => parseCitizenId('038090123456', { today: '21/11/2026' })).toThrow(RangeError);
  });
});

describe('parseCitizenId: properties', () => {
  const provinceArb = fc.constantFrom(...PROVINCE_CODES.map((p) => p.code));
  const dobArb = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2026, 10, 21)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const genderArb = fc.constantFrom<Gender>('male', 'female');
  const randomArb = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'));

  it('accepts every well-formed number of a known province with a consistent DOB and gender', () => {
    fc.assert(
      fc.property(provinceArb, dobArb, genderArb, randomArb, (province, dob, gender, random) => {
        const id = makeId(province, Number(dob.slice(0, 4)), gender, random);
        const r = parseCitizenId(id, { today: TODAY, birthDate: dob, gender });
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.provinceCode).toBe(province);
          expect(r.provinceName).toBe(provinceByCode(province)?.name);
          expect(r.birthYear).toBe(Number(dob.slice(0, 4)));
          expect(r.gender).toBe(gender);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects the number when the century digit is changed against the DOB', () => {
    fc.assert(
      fc.property(provinceArb, dobArb, genderArb, randomArb, fc.integer({ min: 0, max: 9 }), (province, dob, gender, random, other) => {
        const id = makeId(province, Number(dob.slice(0, 4)), gender, random);
        const original = Number(id[3]);
        // Same century, other gender is a gender change, not a century change.
        fc.pre(centuryStartOfDigit(other) !== centuryStartOfDigit(original));
        const changed = id.slice(0, 3) + other + id.slice(4);
        const r = parseCitizenId(changed, { today: TODAY, birthDate: dob });
        expect(r.ok).toBe(false);
        expect(codes(r).some((c) => c === 'birth-year-mismatch' || c === 'century-out-of-range' || c === 'birth-year-in-future')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects the number when the gender parity is flipped against the stated gender', () => {
    fc.assert(
      fc.property(provinceArb, dobArb, genderArb, randomArb, (province, dob, gender, random) => {
        const id = makeId(province, Number(dob.slice(0, 4)), gender, random);
        const flipped = id.slice(0, 3) + (Number(id[3]) ^ 1) + id.slice(4);
        expect(codes(parseCitizenId(flipped, { today: TODAY, birthDate: dob, gender }))).toEqual(['gender-mismatch']);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = parseCitizenId(s, { today: TODAY });
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
    );
  });
});
