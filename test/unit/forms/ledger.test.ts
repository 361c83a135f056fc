import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierDoc } from '../../../src-shared/contract/documents';
import { buildLedger, LEDGER_COLUMNS, LEDGER_DATE_GROUP, ledgerOrder } from '../../../src-shared/forms';
import { base, timed } from './build-all';
import { dossier, vn } from './fixtures';
import { pdfInfo, pdfText, qpdfCheck, squash, writePdf, removeTempDir } from './pdf-tools';

afterAll(removeTempDir);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Thị', 'Văn', 'Quốc', 'Thị Hồng', 'Đức', 'Ngọc'];
const GIVEN = ['Nhung', 'Việt', 'Hưởng', 'Dũng', 'Khuê', 'Thủy', 'Trường', 'Yến', 'Quỳnh', 'Tuấn'];
const WARDS = ['phường Điện Biên', 'phường Hạc Thành', 'xã Quảng Phú', 'phường Sầm Sơn', 'xã Nga Sơn'];
const PROCEDURES = [
  ['2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận'],
  ['1.001776', 'Đăng ký khai sinh'],
  ['2.000635', 'Cấp bản sao trích lục hộ tịch'],
  ['1.000948.H56', 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ'],
] as const;

const code = (i: number) => `000.17.22.H56-2611${String(1 + Math.floor(i / 10)).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`;

function entries(count: number): DossierDoc[] {
  return Array.from({ length: count }, (_, i) => {
    const [procedureCode, procedureName] = PROCEDURES[i % PROCEDURES.length] as readonly [string, string];
    const receivedAt = vn(`2026-11-${String(1 + Math.floor(i / 10)).padStart(2, '0')}T${String(7 + (i % 9)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`);
    const done = i % 3 === 0;
    const d = dossier();
    return {
      ...d,
      id: `d-${i}`,
      code: code(i),
      procedureCode,
      procedureName,
      sets: 1 + (i % 2),
      applicant: {
        ...d.applicant,
        name: `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`,
        address: `Số ${i + 1}, đường Lê Lợi, ${WARDS[i % WARDS.length]}, tỉnh Thanh Hóa`,
        phone: `09${String(10000000 + i * 7919).slice(0, 8)}`,
      },
      receivedAt,
      appointmentAt: receivedAt + 10 * 86_400_000,
      transferredAt: receivedAt + 3_600_000,
      resultAt: done ? receivedAt + 7 * 86_400_000 : 0,
      returnedAt: done ? receivedAt + 8 * 86_400_000 : 0,
      returnedTo: done ? 'Nguyễn Thị Hồng Nhung' : '',
      status: done ? 10 : 4,
      ledgerNumber: i + 1,
      notes: i === 7 ? 'Hồ sơ ưu tiên: người cao tuổi' : '',
    };
  });
}

const HEADERS = [
  'TT',
  'Mã hồ sơ',
  'Tên TTHC',
  'Số lượng hồ sơ (bộ)',
  'Tên cá nhân, tổ chức',
  'Địa chỉ, số điện thoại',
  'Cơ quan chủ trì giải quyết',
  LEDGER_DATE_GROUP,
  'Nhận hồ sơ',
  'Hẹn trả kết quả',
  'Chuyển hồ sơ đến cơ quan giải quyết',
  'Nhận kết quả từ cơ quan giải quyết',
  'Trả kết quả cho cá nhân, tổ chức',
  'Ký nhận',
  'Ghi chú',
];

describe('ledger with 120 entries', () => {
  let file: string;
  let pages: number;
  const rows = entries(120);
  beforeAll(async () => {
    // Shuffled: the ledger prints in entry order.
    const shuffled = [...rows].sort((a, b) => (a.id.length * 7919 + a.ledgerNumber * 31) % 97 - ((b.id.length * 7919 + b.ledgerNumber * 31) % 97));
    file = writePdf('ledger-120', await timed('2025 ledger, 120 entries', () => buildLedger({ ...base('2025'), volume: '03', from: '2026-11-01', to: '2026-11-30', dossiers: shuffled })));
    pages = pdfInfo(file).pages;
  });

  it('has the official columns, grouped under "Ngày, tháng, năm"', () => {
    expect(LEDGER_COLUMNS.map((c) => c.header)).toEqual(HEADERS.filter((h) => h !== LEDGER_DATE_GROUP));
    expect(LEDGER_COLUMNS.filter((c) => c.group === LEDGER_DATE_GROUP).map((c) => c.header)).toEqual(HEADERS.slice(8, 13));
  });

  it('is valid, landscape A4 on every page, several pages', () => {
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) {
      const info = pdfInfo(file, p);
      expect([info.width, info.height], `page ${p}`).toEqual([841.89, 595.28]);
      expect(info.width).toBeGreaterThan(info.height);
    }
    console.log(`[forms] 120-entry ledger: ${pages} pages`);
  });

  it('repeats the column heading and numbers every page', () => {
    for (let p = 1; p <= pages; p++) {
      const raw = squash(pdfText(file, 'raw', { first: p, last: p }));
      for (const h of HEADERS) expect(raw, `page ${p}: ${h}`).toContain(h);
      expect(raw, `page ${p}`).toContain('(1) (2) (3)');
      expect(raw, `page ${p}`).toContain('(14)');
      const layout = pdfText(file, 'layout', { first: p, last: p });
      expect(layout, `page ${p}`).toContain(`Trang ${p}/${pages}`);
      expect(layout, `page ${p}`).toContain('Ngày, tháng, năm');
      if (p > 1) expect(layout, `page ${p}`).toContain('SỔ THEO DÕI HỒ SƠ – Quyển số: 03 (tiếp theo)');
    }
    const first = pdfText(file, 'layout', { first: 1, last: 1 });
    expect(first).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(first).toContain('Từ ngày 01 tháng 11 năm 2026 đến ngày 30 tháng 11 năm 2026');
  });

  it('prints every entry once, in ledger order', () => {
    const all = squash(pdfText(file, 'raw')).replace(/- /g, '-');
    let at = 0;
    for (const d of ledgerOrder(rows)) {
      const i = all.indexOf(d.code, at);
      expect(i, d.code).toBeGreaterThanOrEqual(at);
      expect(all.indexOf(d.code, i + 1), `${d.code} once`).toBe(-1);
      at = i;
    }
    expect(all).toContain('Hồ sơ ưu tiên: người cao tuổi');
    expect(all).toContain(rows[3]?.applicant.name);
    expect(rows[3]?.applicant.name).toBe('Phạm Thị Hồng Dũng');
  });
});

describe('ledger rows taller than a page', () => {
  it('continues a row on the next page without losing text', async () => {
    const words = Array.from({ length: 260 }, (_, i) => `ghi${i}`).join(' ');
    const d = dossier({ notes: `${words} KẾT THÚC` });
    const file = writePdf('ledger-tall', await buildLedger({ ...base('2018'), volume: '1', from: '2026-11-21', to: '2026-11-21', dossiers: [d] }));
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    expect(pdfInfo(file).pages).toBeGreaterThanOrEqual(2);
    const raw = squash(pdfText(file, 'raw'));
    for (let i = 0; i < 260; i += 37) expect(raw).toContain(`ghi${i} `);
    expect(raw).toContain('KẾT THÚC');
    expect(squash(pdfText(file, 'raw', { first: 2, last: 2 }))).toContain('Trả kết quả cho cá nhân, tổ chức');
  });
});
