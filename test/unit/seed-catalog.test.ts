import { describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readSeedCatalog } from '../../src-main/services/catalog';
import { catalogSchema } from '../../src-shared/contract/catalog';
import { PROCEDURE_CODE_PATTERN } from '../../src-shared/domain/procedure';
import { matchesFolded } from '../../src-shared/domain/text';

const resourcesDir = path.resolve(import.meta.dirname, '../../resources');
const seedFile = path.join(resourcesDir, 'seed', 'procedures.json');

/** Codes named in the brief and in shared/DOMAIN.md; the last five were already in the first seed. */
const EXPECTED_CODES = [
  '2.000815', // Chứng thực bản sao từ bản chính
  '2.000908', // Cấp bản sao từ sổ gốc
  '1.001776', // Trợ cấp xã hội hàng tháng
  '2.000635', // Cấp bản sao Trích lục hộ tịch
  '2.000200', // Cấp thẻ Căn cước (Công an cấp tỉnh)
  '1.001193', // Đăng ký khai sinh
  '1.000894', // Đăng ký kết hôn
  '1.000656', // Đăng ký khai tử
];

describe('bundled seed catalog', () => {
  it('parses with the catalog contract and carries the review note', async () => {
    const raw: unknown = JSON.parse(await fs.readFile(seedFile, 'utf8'));
    const parsed = catalogSchema.safeParse(raw);
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
    const { version, review } = raw as { version: string; review: unknown };
    expect(version).toBe('2026-11-21.2');
    expect(typeof review).toBe('string');
    expect(review as string).toMatch(/\[P\]/);
    expect(review as string).toMatch(/\[M\]/);
  });

  it('holds at least 30 procedures with unique, well-formed codes across at least 6 fields', async () => {
    const catalog = await readSeedCatalog(resourcesDir);
    expect(catalog.procedures.length).toBeGreaterThanOrEqual(30);
    const codes = catalog.procedures.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(PROCEDURE_CODE_PATTERN);
    expect(new Set(catalog.procedures.map((p) => p.field)).size).toBeGreaterThanOrEqual(6);
    expect(codes).toEqual(expect.arrayContaining(EXPECTED_CODES));
  });

  it('has unique component ids and consistent limits within each procedure', async () => {
    const catalog = await readSeedCatalog(resourcesDir);
    for (const p of catalog.procedures) {
      const ids = p.components.map((c) => c.id);
      expect(new Set(ids).size, p.code).toBe(ids.length);
      expect(p.components.some((c) => !c.optional), `${p.code} needs a required component`).toBe(true);
      if (p.limit.unit === 'sameDay') expect(p.limit.value).toBe(0);
      else expect(p.limit.value).toBeGreaterThan(0);
    }
  });

  it('stores every text in NFC so folded search and printing behave the same everywhere', async () => {
    const catalog = await readSeedCatalog(resourcesDir);
    for (const p of catalog.procedures) {
      const texts = [p.name, p.field, p.processingBody, p.fee.note ?? '', ...p.components.map((c) => c.name)];
      for (const text of texts) expect(text, p.code).toBe(text.normalize('NFC'));
    }
  });

  it('is found by diacritics-free queries typed at the counter', async () => {
    const catalog = await readSeedCatalog(resourcesDir);
    const search = (query: string) => catalog.procedures.filter((p) => matchesFolded(p.name, query)).map((p) => p.code);

    const chungThuc = search('chung thuc');
    const namedChungThuc = catalog.procedures.filter((p) => p.name.startsWith('Chứng thực')).map((p) => p.code);
    expect(namedChungThuc.length).toBeGreaterThanOrEqual(5);
    expect(chungThuc).toEqual(expect.arrayContaining(namedChungThuc));
    expect(chungThuc).toEqual(expect.arrayContaining(['2.000815', '2.000884']));

    expect(search('khai sinh')).toContain('1.001193');
    expect(search('khai tu')).toContain('1.000656');
    expect(search('ket hon')).toContain('1.000894');
  });
});
