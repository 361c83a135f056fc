import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readSeedCatalog } from '../../src-main/services/catalog';
import { PROCEDURE_CODE_PATTERN } from '../../src-shared/domain/procedure';

describe('bundled seed catalog', () => {
  it('holds at least five procedures with well-formed, unique codes and components', async () => {
    const catalog = await readSeedCatalog(path.resolve(import.meta.dirname, '../../resources'));
    expect(catalog.procedures.length).toBeGreaterThanOrEqual(5);
    const codes = catalog.procedures.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of catalog.procedures) {
      expect(p.code).toMatch(PROCEDURE_CODE_PATTERN);
      expect(p.components.length).toBeGreaterThan(0);
    }
    expect(codes).toEqual(expect.arrayContaining(['2.000815', '2.000908', '2.000635']));
  });
});
