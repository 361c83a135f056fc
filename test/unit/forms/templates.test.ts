import { describe, expect, it } from 'vitest';
import { FORM_KINDS, FormTemplateError, REGIMES, TEMPLATES, formKinds, formTemplate, regimeOn } from '../../../src-shared/forms/templates';

describe('form templates', () => {
  it('numbers the seven 2025 forms 01–07 with their titles', () => {
    const got = FORM_KINDS.map((k) => [formTemplate('2025', k).label, formTemplate('2025', k).title]);
    expect(got).toEqual([
      ['Mẫu số 01', 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'],
      ['Mẫu số 02', 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'],
      ['Mẫu số 03', 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'],
      ['Mẫu số 04', 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT'],
      ['Mẫu số 05', 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ'],
      ['Mẫu số 06', 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'],
      ['Mẫu số 07', 'SỔ THEO DÕI HỒ SƠ'],
    ]);
    expect(formTemplate('2025', 'receipt').version).toBe('2025.1');
    expect(formTemplate('2025', 'receipt').uncertain).toBe(true);
    expect(formTemplate('2025', 'receipt').citation).toContain('03/2025/TT-VPCP');
    expect(formTemplate('2025', 'ledger').orientation).toBe('landscape');
  });

  it('numbers the six 2018 forms with their own numbers and has no stop notice', () => {
    const kinds = formKinds('2018');
    expect(kinds).toEqual(['receipt', 'supplementRequest', 'refusal', 'apology', 'controlSlip', 'ledger']);
    expect(kinds.map((k) => formTemplate('2018', k).number)).toEqual(['01', '02', '03', '04', '05', '06']);
    expect(formTemplate('2018', 'apology').title).toBe('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(formTemplate('2018', 'receipt').citation).toContain('01/2018/TT-VPCP');
    expect(formTemplate('2018', 'receipt').version).toBe('2018.1');
    expect(() => formTemplate('2018', 'stopNotice')).toThrow(FormTemplateError);
    expect(() => formTemplate('2018', 'stopNotice')).toThrow(/only in the 2025 regime/);
  });

  it('picks a named version, rejects an unknown one', () => {
    expect(formTemplate('2025', 'refusal', '2025.1').number).toBe('03');
    expect(() => formTemplate('2025', 'refusal', '2025.9')).toThrow(/No template version/);
  });

  it('has unique (regime, kind, version) and well-formed version ids', () => {
    const keys = TEMPLATES.map((t) => `${t.regime}/${t.kind}/${t.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of TEMPLATES) {
      expect(t.version.startsWith(`${t.regime}.`)).toBe(true);
      expect(t.label).toBe(`Mẫu số ${t.number}`);
      expect(t.title).toBe(t.title.normalize('NFC'));
    }
  });

  it('chooses the regime by date', () => {
    expect(regimeOn('2025-06-30')).toBe('2018');
    expect(regimeOn(REGIMES['2025'].effectiveFrom)).toBe('2025');
    expect(REGIMES['2025'].decree).toBe('Nghị định số 118/2025/NĐ-CP');
    expect(REGIMES['2018'].decree).toBe('Nghị định số 61/2018/NĐ-CP');
  });
});
