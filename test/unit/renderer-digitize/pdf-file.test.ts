import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfMetaSchema } from '../../../src-shared/contract/digitize';
import { cut, FILE_NAME_MAX, pdfFileName, pdfMeta } from '../../../src-renderer/digitize/pdf-file';

describe('pdfFileName', () => {
  it('names the PDF after the dossier code and the component', () => {
    expect(pdfFileName('000.17.22.H56-250314-0001', 'Tờ khai đăng ký khai sinh')).toBe('000.17.22.H56-250314-0001 - Tờ khai đăng ký khai sinh.pdf');
  });

  it('drops characters a file name cannot hold and names a nameless component sensibly', () => {
    expect(pdfFileName('000.17.22.H56-250314-0001', 'Bản sao: giấy tờ / CCCD "gốc"')).toBe('000.17.22.H56-250314-0001 - Bản sao giấy tờ CCCD gốc.pdf');
    expect(pdfFileName('', '')).toBe('so-hoa.pdf');
  });

  it('stays within 255 characters and keeps the .pdf extension, NFC', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 600 }), (code, name) => {
        const file = pdfFileName(code, name);
        expect(file.length).toBeLessThanOrEqual(FILE_NAME_MAX);
        expect(file.endsWith('.pdf')).toBe(true);
        expect(file).not.toMatch(/[\\/:*?"<>|]/);
      }),
    );
    const long = pdfFileName('000.17.22.H56-250314-0001', 'Giấy chứng nhận quyền sử dụng đất '.repeat(20));
    expect(long).toHaveLength(FILE_NAME_MAX);
    expect(long.startsWith('000.17.22.H56-250314-0001 - Giấy chứng nhận')).toBe(true);
  });
});

describe('pdfMeta', () => {
  it('fits the contract whatever the lengths, null code before reception', () => {
    expect(pdfMeta('', 'Đơn', 'Nguyễn An').dossierCode).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.string({ maxLength: 900 }), fc.string({ maxLength: 400 }), (code, component, clerk) => {
        expect(pdfMetaSchema.safeParse(pdfMeta(code, component, clerk)).success).toBe(true);
      }),
    );
  });

  it('never leaves half a surrogate pair', () => {
    expect(cut('ab😀', 3)).toBe('ab');
    expect(cut('abc', 5)).toBe('abc');
  });
});
