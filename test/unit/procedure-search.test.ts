import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../src-shared/contract/catalog';
import { searchProcedures } from '../../src-shared/domain/procedure-search';

const catalog = catalogSchema.parse(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../resources/seed/procedures.json'), 'utf8')));
const first = (q: string) => searchProcedures(catalog.procedures, q)[0]?.code;

describe('procedure search at the counter', () => {
  it('puts the plain procedure before its combined variants', () => {
    expect(first('khai sinh')).toBe('1.001193');
    expect(first('ket hon')).toBe('1.000894');
    expect(first('chung thuc ban sao')).toBe('2.000815');
  });
  it('matches code prefixes first and ignores diacritics and case', () => {
    expect(first('2.0008')).toMatch(/^2\.0008/);
    expect(first('XÁC NHẬN TÌNH TRẠNG HÔN NHÂN')).toBe('1.004873');
    expect(searchProcedures(catalog.procedures, 'zzzz')).toEqual([]);
  });
});
