import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTaxCode, taxCodeCheckDigit, type TaxCodeResult } from '../../../src-shared/domain/applicant/tax-code';

const TODAY = '2026-11-21';
const codes = (r: TaxCodeResult) => (r.ok ? [] : r.errors.map((e) => e.code));

/** Published tax codes of well-known enterprises (and python-stdnum's documented examples). */
const PUBLISHED = {
  '0100109106': 'Viettel',
  '0300588569': 'Vinamilk',
  '0101248141': 'FPT',
  '0100112437': 'Vietcombank',
  '0100107370': 'Petrolimex (remainder 10, check digit 0)',
  '0100233488': 'python-stdnum example',
};

describe('parseTaxCode: 10 digits', () => {
  it.each(Object.entries(PUBLISHED))('accepts %s (%s)', (code) => {
    const r = parseTaxCode(code, { today: TODAY });
    expect(r).toEqual({ ok: true, taxCode: code, kind: 'ten-digit', base: code, branch: null, warnings: [] });
  });

  it('computes the published check digits from the first nine digits', () => {
    for (const code of Object.keys(PUBLISHED)) expect(taxCodeCheckDigit(code.slice(0, 9))).toBe(Number(code[9]));
  });

  it('accepts grouping spaces and dots', () => {
    expect(parseTaxCode('01.00.112.437').ok && 'ok').toBe('ok');
    const r = parseTaxCode(' 0100 109 106 ');
    expect(r.ok && r.taxCode).toBe('0100109106');
  });

  it('rejects a corrupted check digit', () => {
    for (const bad of ['0100109107', '0300588560', '0101248142', '0100233480']) {
      const r = parseTaxCode(bad);
      expect(codes(r)).toEqual(['invalid-check-digit']);
      if (!r.ok) {
        expect(r.errors[0]?.messageVi).toContain('số kiểm tra');
        expect(r.errors[0]?.messageEn).toContain('check digit');
      }
    }
  });

  it('catches every single-digit typo of a published code', () => {
    for (const code of Object.keys(PUBLISHED)) {
      for (let i = 0; i < 10; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === code[i]) continue;
          const typo = code.slice(0, i) + d + code.slice(i + 1);
          expect(parseTaxCode(typo).ok, typo).toBe(false);
        }
      }
    }
  });

  it('rejects a nine-digit body whose remainder is 0 (no check digit fits)', () => {
    let body = 100000000;
    while (taxCodeCheckDigit(String(body).padStart(9, '0')) !== undefined) body++;
    const nine = String(body).padStart(9, '0');
    for (let d = 0; d <= 9; d++) expect(codes(parseTaxCode(nine + d))).toContain('invalid-check-digit');
  });

  it('rejects an all-zero sequence', () => {
    // 01 0000000 x: check digit 10 − (31·0 + 29·1) mod 11 = 10 − 7 = 3.
    expect(codes(parseTaxCode('0100000003'))).toEqual(['invalid-sequence']);
  });

  it('accepts every code built with the rule (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        const nine = String(n).padStart(9, '0');
        const check = taxCodeCheckDigit(nine);
        fc.pre(check !== undefined && nine.slice(2) !== '0000000');
        expect(parseTaxCode(nine + check).ok).toBe(true);
      }),
    );
  });
});

describe('parseTaxCode: dependent units (10-3)', () => {
  it('accepts python-stdnum’s published examples, with or without the dash', () => {
    const r = parseTaxCode('0314409058-002');
    expect(r).toEqual({ ok: true, taxCode: '0314409058-002', kind: 'dependent-unit', base: '0314409058', branch: '002', warnings: [] });
    const spaced = parseTaxCode('0312 68 78 78 - 001');
    expect(spaced.ok && spaced.taxCode).toBe('0312687878-001');
    const joined = parseTaxCode('0312687878001');
    expect(joined.ok && joined.taxCode).toBe('0312687878-001');
    const enDash = parseTaxCode('0100112437–001');
    expect(enDash.ok && enDash.taxCode).toBe('0100112437-001');
  });

  it('rejects branch 000, a wrong parent check digit, and malformed dashes', () => {
    expect(codes(parseTaxCode('0100112437-000'))).toEqual(['invalid-branch']);
    expect(codes(parseTaxCode('0100112438-001'))).toEqual(['invalid-check-digit']);
    expect(codes(parseTaxCode('0100112437-01'))).toEqual(['wrong-length']);
    expect(codes(parseTaxCode('010011243-0001'))).toEqual(['wrong-length']);
  });
});

describe('parseTaxCode: 12-digit personal identification number (individuals since 01/07/2025)', () => {
  it('accepts a valid personal ID as the tax code', () => {
    const r = parseTaxCode('038090123456', { today: TODAY });
    expect(r).toEqual({ ok: true, taxCode: '038090123456', kind: 'personal-id', base: '038090123456', branch: null, warnings: [] });
  });

  it('passes on the citizen-ID errors', () => {
    expect(codes(parseTaxCode('003090123456', { today: TODAY }))).toEqual(['unknown-province']);
    expect(codes(parseTaxCode('038490123456', { today: TODAY }))).toEqual(['century-out-of-range']);
  });
});

describe('parseTaxCode: format errors', () => {
  it('empty, letters, wrong length', () => {
    expect(codes(parseTaxCode('  '))).toEqual(['empty']);
    expect(codes(parseTaxCode('01001O9106'))).toEqual(['invalid-characters']);
    expect(codes(parseTaxCode('MST 0100109106'))).toEqual(['invalid-characters']);
    for (const n of ['010010910', '01001091061', '01001091060123']) {
      const r = parseTaxCode(n);
      expect(codes(r)).toEqual(['wrong-length']);
      expect(!r.ok && r.errors[0]?.messageVi).toContain(`${n.length} chữ số`);
    }
  });

  it('gives every message in both languages', () => {
    for (const raw of ['', 'abc', '123', '0100109107', '0100112437-000', '003090123456']) {
      const r = parseTaxCode(raw, { today: TODAY });
      expect(r.ok).toBe(false);
      if (!r.ok) for (const e of r.errors) expect(e.messageVi && e.messageEn && e.messageVi !== e.messageEn).toBeTruthy();
    }
  });
});
