import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOTTO, MOTTO_NATION, buildReceipt, buildStopNotice, FormTemplateError } from '../../../src-shared/forms';
import { DELAY_REASON, FONTS, REFUSAL_REASONS, STOP_REASON, SUPPLEMENT_ITEMS, base, buildAll, timed } from './build-all';
import { CODE, dossier } from './fixtures';
import { pdfInfo, pdfText, qpdfCheck, squash, writePdf, removeTempDir } from './pdf-tools';

afterAll(removeTempDir);

const NAME = 'Nguyễn Thị Hồng Nhung';
const CLERK = 'Trần Quốc Việt';
const ADDRESS = 'Số 12, đường Lê Lợi, phường Điện Biên, tỉnh Thanh Hóa';
const RECEIVED = '14 giờ 05 phút, ngày 21 tháng 11 năm 2026';
const APPOINTMENT = '16 giờ 30 phút, ngày 04 tháng 12 năm 2026';

/**
 * Strings printed on one line must appear in the `-layout` and the plain text; all, including those
 * wrapped over lines (of a paragraph or a table cell), in the `-raw` text (content order) with line
 * breaks read as spaces.
 */
function expectText(file: string, oneLine: readonly string[], wrapped: readonly string[] = []): void {
  const layout = pdfText(file, 'layout');
  const plain = pdfText(file, 'plain');
  const raw = squash(pdfText(file, 'raw'));
  for (const s of oneLine) {
    expect(layout, `layout text of ${file}`).toContain(s);
    expect(plain, `plain text of ${file}`).toContain(s);
  }
  for (const s of [...oneLine, ...wrapped]) expect(raw, `raw text of ${file}`).toContain(squash(s));
}

describe.each(['2025', '2018'] as const)('forms of the %s regime', (regime) => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = await buildAll(regime);
  });
  const num = (n2025: string, n2018: string) => `Mẫu số ${regime === '2025' ? n2025 : n2018}`;
  const citation = regime === '2025' ? 'Thông tư số 03/2025/TT-VPCP' : 'Thông tư số 01/2018/TT-VPCP';
  const common = [MOTTO_NATION, MOTTO, 'UBND TỈNH THANH HÓA'];

  it('passes qpdf --check, A4, with Vietnamese metadata', () => {
    for (const [name, file] of Object.entries(files)) {
      expect(qpdfCheck(file), name).toContain('No syntax or stream encoding errors');
      const info = pdfInfo(file);
      const landscape = name === 'ledger';
      expect([info.width, info.height], name).toEqual(landscape ? [841.89, 595.28] : [595.28, 841.89]);
      expect(info.raw.Producer).toBe('motcua');
      expect(info.raw.Creator).toBe('motcua');
      expect(info.raw.CreationDate).toMatch(/Nov 21 07:07:00 2026 UTC/);
    }
    expect(pdfInfo(files.receipt as string).raw.Title).toBe(`Giấy tiếp nhận hồ sơ và hẹn trả kết quả – ${CODE}`);
    expect(pdfInfo(files.ledger as string).raw.Title).toBe('Sổ theo dõi hồ sơ – Quyển số 03 (01/11/2026 – 30/11/2026)');
  });

  it('receipt (01)', () => {
    expectText(
      files.receipt as string,
      [
        ...common,
        num('01', '01'),
        'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        `Mã hồ sơ: ${CODE}`,
        NAME,
        CLERK,
        ADDRESS,
        'Số định danh cá nhân: 038186001234',
        'Số điện thoại: 0912 345 678',
        'Email: hongnhung.nguyen@example.vn',
        `Thời gian nhận hồ sơ: ${RECEIVED}`,
        `Thời gian trả kết quả giải quyết hồ sơ: ${APPOINTMENT}`,
        'Thời gian giải quyết hồ sơ theo quy định: 10 ngày làm việc',
        'Số lượng hồ sơ: 1 (bộ)',
        'Bản sao chứng thực',
        'Giấy khai sinh của người được đăng ký',
        'Phí, lệ phí: 50.000 đồng',
        'Vào Sổ theo dõi hồ sơ, Quyển số: 03, Số thứ tự: 1234',
        'NGƯỜI NỘP HỒ SƠ',
        'NGƯỜI TIẾP NHẬN HỒ SƠ',
        '(Ký và ghi rõ họ tên)',
        'Thanh Hóa, ngày 21 tháng 11 năm 2026',
      ],
      [citation, 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận'],
    );
    // The optional component not handed in is not listed.
    expect(pdfText(files.receipt as string, 'plain')).not.toContain('Giấy tờ chứng minh nơi cư trú');
  });

  it('supplement request (02)', () => {
    expectText(
      files.supplement as string,
      [...common, num('02', '02'), 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', NAME, ADDRESS, 'NGƯỜI HƯỚNG DẪN', CLERK],
      [...SUPPLEMENT_ITEMS.flatMap((i) => [i.name, i.reason]), 'hướng dẫn đầy đủ', 'một lần', citation],
    );
    // A dossier refused or sent back at the counter has no code yet.
    expect(pdfText(files.supplement as string, 'plain')).not.toContain('Mã hồ sơ');
  });

  it('refusal (03)', () => {
    expectText(files.refusal as string, [...common, num('03', '03'), 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', NAME], REFUSAL_REASONS);
  });

  it('apology (04)', () => {
    const title = regime === '2025' ? 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT' : 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';
    expectText(
      files.apology as string,
      [...common, num('04', '04'), title, `Kính gửi: Bà ${NAME}`, `Mã hồ sơ: ${CODE}`, 'GIÁM ĐỐC', 'Lê Văn Hùng'],
      [APPOINTMENT, '16 giờ 30 phút, ngày 11 tháng 12 năm 2026', DELAY_REASON],
    );
  });

  it('stop notice (05) exists only in 2025', async () => {
    if (regime === '2025') {
      expectText(files.stop as string, [...common, 'Mẫu số 05', 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', `Kính gửi: Bà ${NAME}`, CODE], [STOP_REASON]);
    } else {
      const build = buildStopNotice({ ...base('2018'), dossier: dossier(), reason: STOP_REASON });
      await expect(build).rejects.toThrow(FormTemplateError);
      await expect(buildStopNotice({ ...base('2018'), dossier: dossier(), reason: STOP_REASON })).rejects.toThrow(/only in the 2025 regime/);
    }
  });

  it('control slip (06 / 2018: 05)', () => {
    const file = files.slip as string;
    expectText(
      file,
      [...common, num('06', '05'), 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${CODE}`, 'Trước hạn', 'Ký, ghi rõ họ tên'],
      ['Người giao', 'Người nhận', 'Chuyển hồ sơ đến cơ quan giải quyết', 'Sở Tư pháp tỉnh Thanh Hóa', 'Nhận kết quả từ cơ quan giải quyết', RECEIVED, CLERK, 'Lê Thị Lan'],
    );
    const raw = squash(pdfText(file, 'raw'));
    // In time order (the fixture lists them shuffled), and the other dossier's event is left out.
    const body = raw.slice(raw.indexOf('Người nhận'));
    let at = 0;
    for (const step of ['1 14:05 ngày 21/11/2026', 'Tiếp nhận hồ sơ', '2 15:40', 'Chuyển hồ sơ đến cơ quan giải quyết', '3 10:20', 'Nhận kết quả từ cơ quan giải quyết', '4 09:00', 'Trả kết quả']) {
      const i = body.indexOf(step, at);
      expect(i, step).toBeGreaterThanOrEqual(at);
      at = i + step.length;
    }
    expect(raw).not.toContain('08:00');
    expect(raw).not.toContain('u-other');
    const plain = pdfText(file, 'plain');
    expect(plain).toContain('Trang 1/1');
  });

  it('ledger (07 / 2018: 06)', () => {
    const file = files.ledger as string;
    expectText(
      file,
      [...common, num('07', '06'), 'SỔ THEO DÕI HỒ SƠ', 'Quyển số: 03', 'Từ ngày 01 tháng 11 năm 2026 đến ngày 30 tháng 11 năm 2026', 'Ngày, tháng, năm', 'Trang 1/1'],
      [NAME, '21/11/2026', '04/12/2026'],
    );
    // The code breaks after a hyphen in its narrow column, never inside a number.
    // (plain mode would join the lines and drop the hyphen, as if it were a word division).
    expect(squash(pdfText(file, 'raw')).replace(/- /g, '-')).toContain(CODE);
  });
});

describe('receipt variants', () => {
  it('flows a long component list onto more pages, repeating the table heading', async () => {
    const d = dossier();
    const components = Array.from({ length: 45 }, (_, i) => ({ ...d.components[1]!, id: `c${i}`, name: `Giấy tờ số ${i + 1}: bản kê khai tài sản, thu nhập của người đề nghị` }));
    const file = writePdf('receipt-long', await timed('2025 receipt, 45 components', () => buildReceipt({ ...base('2025'), dossier: { ...d, components } })));
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    const pages = pdfInfo(file).pages;
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let p = 2; p <= pages; p++) {
      expect(squash(pdfText(file, 'raw', { first: p, last: p }))).toContain('TT Tên giấy tờ Hình thức (bản chính, bản sao, bản sao chứng thực) Số lượng');
      expect(pdfText(file, 'layout', { first: p, last: p })).toContain(`Trang ${p}/${pages}`);
    }
    const last = squash(pdfText(file, 'raw', { first: pages, last: pages }));
    expect(last).toContain('Giấy tờ số 45');
    expect(last).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
  });

  it('prints an organisation with its tax code, and same-day and hourly limits', async () => {
    const d = dossier();
    const org = { ...d.applicant, kind: 'organisation' as const, name: 'Công ty TNHH Ánh Dương Thanh Hóa', idNumber: '', gender: '' as const, taxCode: '2801234567' };
    const sameDay = writePdf('receipt-org', await buildReceipt({ ...base('2025'), dossier: { ...d, applicant: org, limit: { unit: 'sameDay', value: 0 } } }));
    expectText(sameDay, ['Tổ chức: Công ty TNHH Ánh Dương Thanh Hóa', 'Mã số thuế: 2801234567', 'Thời gian giải quyết hồ sơ theo quy định: Trong ngày']);
    const hours = writePdf('receipt-hours', await buildReceipt({ ...base('2018'), dossier: { ...d, limit: { unit: 'workingHours', value: 4 }, returnMethod: 'postal' } }));
    expectText(hours, ['Thời gian giải quyết hồ sơ theo quy định: 4 giờ làm việc', 'Mẫu số 01'], [`Qua dịch vụ bưu chính công ích, đến địa chỉ: ${ADDRESS}`]);
  });

  it('refuses to print a receipt for a dossier without a code', async () => {
    await expect(buildReceipt({ ...base('2025'), dossier: dossier({ code: '' }) })).rejects.toThrow(/code/);
  });
});

describe('text is real, NFC, searchable', () => {
  it('prints NFC text even from decomposed (NFD) input', async () => {
    const d = dossier();
    const nfd = { ...d, applicant: { ...d.applicant, name: NAME.normalize('NFD'), address: ADDRESS.normalize('NFD') } };
    expect(nfd.applicant.name).not.toBe(NAME);
    const file = writePdf('nfd-receipt', await buildReceipt({ ...base('2025'), dossier: nfd }));
    const raw = (await import('node:child_process')).execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(raw).toContain(NAME); // no normalisation on the test side
    expect(raw).toContain(ADDRESS);
  });

  it('gives the same bytes for the same input, whatever the host time zone', async () => {
    const input = { ...base('2025'), dossier: dossier() };
    const before = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const a = await buildReceipt(input);
      process.env.TZ = 'America/Los_Angeles';
      const b = await timed('2025 receipt (again, other TZ)', () => buildReceipt(input));
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('embeds subsets of the three DejaVu Serif faces', async () => {
    const file = writePdf('fonts-receipt', await buildReceipt({ ...base('2025'), dossier: dossier() }));
    const out = (await import('node:child_process')).execFileSync('pdffonts', [file], { encoding: 'utf8' });
    const rows = out.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBe(3);
    for (const row of rows) {
      expect(row).toMatch(/^MCT(REG|BLD|ITA)\+DejaVuSerif/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, ToUnicode
    }
    expect(FONTS.regular.byteLength).toBeGreaterThan(100_000);
  });
});
