import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileFormat,
  DossierCodeFormatError,
  formatDossierCode,
  isValidDossierCode,
  parseDossierCode,
  type DossierCodeFormat,
} from '../../../src-shared/domain/dossier-code/format';

const agencyArb = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('G', 'H'), fc.integer({ min: 0, max: 99 }))
  .map(([a, b, c, l, n]) => `${String(a).padStart(3, '0')}.${String(b).padStart(2, '0')}.${String(c).padStart(2, '0')}.${l}${String(n).padStart(2, '0')}`);
const dayArb = fc
  .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('dossier code format', () => {
  it('prints the documented examples', () => {
    const parts = { agencyId: '000.17.22.H56', day: '2021-05-31', sequence: 1 };
    expect(formatDossierCode('agency-yyMMdd-seq4', parts)).toBe('000.17.22.H56-210531-0001');
    expect(formatDossierCode('agency-yyyyMMdd-seq7', parts)).toBe('000.17.22.H56-20210531-0000001');
    expect(formatDossierCode({ template: 'HS/{yyyyMMdd}/{agency}/{seq:5}' }, parts)).toBe('HS/20210531/000.17.22.H56/00001');
    expect(parseDossierCode('000.17.22.H56-210531-0001', 'agency-yyMMdd-seq4')).toEqual(parts);
  });

  for (const format of ['agency-yyMMdd-seq4', 'agency-yyyyMMdd-seq7', { template: '{seq:3}.{yyMMdd}/{agency}' }] as DossierCodeFormat[]) {
    const max = compileFormat(format).maxSequence;
    it(`round-trips every (agency, day, sequence) in ${JSON.stringify(format)} (500 cases)`, () => {
      fc.assert(
        fc.property(agencyArb, dayArb, fc.integer({ min: 1, max }), (agencyId, day, sequence) => {
          const code = formatDossierCode(format, { agencyId, day, sequence });
          expect(parseDossierCode(code, format)).toEqual({ agencyId, day, sequence });
        }),
        { numRuns: 500 },
      );
    });
  }

  it('is injective: different parts never print the same code', () => {
    fc.assert(
      fc.property(agencyArb, dayArb, fc.integer({ min: 1, max: 9999 }), dayArb, fc.integer({ min: 1, max: 9999 }), (agencyId, d1, s1, d2, s2) => {
        fc.pre(d1 !== d2 || s1 !== s2);
        const f = 'agency-yyMMdd-seq4';
        expect(formatDossierCode(f, { agencyId, day: d1, sequence: s1 })).not.toBe(formatDossierCode(f, { agencyId, day: d2, sequence: s2 }));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what is not a code of the format', () => {
    const f = 'agency-yyMMdd-seq4';
    for (const bad of ['', '000.17.22.H56-210531-001', '000.17.22.H56-210531-00001', '000.17.22.H56-210231-0001', '000.17.22.H56-210531-0000',
      '000.17.22.H56_210531-0001', '000.17.22.H56-20210531-0001', ' 000.17.22.H56-210531-0001']) {
      expect(isValidDossierCode(bad, f), bad).toBe(false);
    }
    expect(parseDossierCode('000.17.22.H56-210531-0001', 'agency-yyyyMMdd-seq7')).toBeNull();
  });

  it('refuses parts the format cannot print', () => {
    const f = 'agency-yyMMdd-seq4';
    const ok = { agencyId: '000.17.22.H56', day: '2026-11-21', sequence: 1 };
    expect(() => formatDossierCode(f, { ...ok, sequence: 10_000 })).toThrow(DossierCodeFormatError);
    expect(() => formatDossierCode(f, { ...ok, sequence: 0 })).toThrow(DossierCodeFormatError);
    expect(() => formatDossierCode(f, { ...ok, sequence: 1.5 })).toThrow(DossierCodeFormatError);
    expect(() => formatDossierCode(f, { ...ok, day: '2026-02-30' })).toThrow(DossierCodeFormatError);
    expect(() => formatDossierCode(f, { ...ok, day: '2100-01-01' })).toThrow(/yyMMdd/);
    expect(() => formatDossierCode(f, { ...ok, agencyId: '000-17' })).toThrow(DossierCodeFormatError);
    expect(formatDossierCode('agency-yyyyMMdd-seq7', { ...ok, sequence: 9_999_999 })).toBe('000.17.22.H56-20261121-9999999');
  });

  it('validates templates', () => {
    for (const [template, why] of [
      ['{agency}-{seq:4}', /date/],
      ['{agency}-{yyMMdd}', /seq/],
      ['{yyMMdd}-{seq:4}', /agency/],
      ['{agency}{agency}-{yyMMdd}-{seq:4}', /agency/],
      ['{agency}-{yyMMdd}-{yyyyMMdd}-{seq:4}', /date/],
      ['{agency}-{yyMMdd}-{seq:4}-{seq:2}', /seq/],
      ['{agency}-{yyMMdd}-{seq:0}', /seq/],
      ['{agency}-{yyMMdd}-{seq:10}', /unknown/],
      ['{agency}-{ddMMyy}-{seq:4}', /unknown/],
      ['{agency}-{yyMMdd}-{seq:4}}', /brace/],
    ] as const) {
      expect(() => compileFormat({ template }), template).toThrow(why);
    }
    expect(() => compileFormat('nope' as never)).toThrow(DossierCodeFormatError);
    expect(compileFormat('agency-yyMMdd-seq4').maxSequence).toBe(9999);
    expect(compileFormat('agency-yyyyMMdd-seq7').maxSequence).toBe(9_999_999);
  });
});
