import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorReport, IndicatorRow, IndicatorValues } from '../../../src-shared/domain/indicators/record';
import { buildIndicatorReport, INDICATOR_REPORT_TITLE, indicatorCells, viPercent, type IndicatorReportInput } from '../../../src-shared/forms';
import { fitImage } from '../../../src-shared/forms/layout/image';
import { base, timed } from './build-all';
import { barChartPng, encodePng } from './png';
import { pdfInfo, pdfText, qpdfCheck, removeTempDir, squash, writePdf } from './pdf-tools';

afterAll(removeTempDir);

const rate = (n: number, d: number) => (d === 0 ? null : n / d);

/** Counts → IndicatorValues with the rates the domain would compute (null over a zero denominator). */
function values(v: { received: number; onTime: number; late: number; digitised: number; online: number; synced: number | null; processed: number; days: number | null }): IndicatorValues {
  const judged = v.onTime + v.late;
  return {
    received: v.received,
    onTime: v.onTime,
    late: v.late,
    judged,
    onTimeRate: rate(v.onTime, judged),
    digitised: v.digitised,
    digitisedRate: rate(v.digitised, v.received),
    online: v.online,
    onlineRate: rate(v.online, v.received),
    synced: v.synced,
    syncRate: v.synced === null ? null : rate(v.synced, v.received),
    processed: v.processed,
    averageProcessingDays: v.days,
  };
}

const row = (key: string, label: string, v: IndicatorValues): IndicatorRow => ({ key, label, ...v });

const LONG_NAME = 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận';

function report(procedures: IndicatorRow[]): IndicatorReport {
  const days = Array.from({ length: 14 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
  return {
    period: { from: '2026-11-01', to: '2026-11-14' },
    filter: {},
    // 1 110 / 1 200 = 92,5 %; 1 000 / 1 234 = 81,0 %; 617 / 1 234 = 50,0 %; 1 111 / 1 234 = 90,0 %.
    totals: values({ received: 1234, onTime: 1110, late: 90, digitised: 1000, online: 617, synced: 1111, processed: 900, days: 4.26 }),
    byProcedure: procedures,
    byCounter: [
      row('ws-01', 'Quầy 1', values({ received: 1234, onTime: 1110, late: 90, digitised: 1000, online: 617, synced: 1111, processed: 900, days: 4.26 })),
      // A counter with nothing received: every rate null.
      row('ws-03', 'Quầy 3 (dự phòng)', values({ received: 0, onTime: 0, late: 0, digitised: 0, online: 0, synced: 0, processed: 0, days: null })),
    ],
    byClerk: [
      row('u-viet', 'Trần Quốc Việt', values({ received: 800, onTime: 760, late: 40, digitised: 700, online: 400, synced: 790, processed: 600, days: 3.5 })),
      row('u-lan', 'Lê Thị Lan', values({ received: 434, onTime: 350, late: 50, digitised: 300, online: 217, synced: 321, processed: 300, days: 5.8 })),
    ],
    byDay: days.map((d, i) => row(d, d, values({ received: 80 + i, onTime: 70 + i, late: 5, digitised: 60, online: 40, synced: null, processed: 50, days: 4 }))),
    byWeek: [
      row('2026-W44', '2026-W44', values({ received: 80, onTime: 70, late: 5, digitised: 60, online: 40, synced: null, processed: 50, days: 4 })),
      row('2026-W45', '2026-W45', values({ received: 600, onTime: 550, late: 40, digitised: 500, online: 300, synced: null, processed: 450, days: 4.2 })),
      row('2026-W46', '2026-W46', values({ received: 554, onTime: 490, late: 45, digitised: 440, online: 277, synced: null, processed: 400, days: 4.3 })),
    ],
  };
}

const TWO_PROCEDURES = [
  row('2.000815', LONG_NAME, values({ received: 1000, onTime: 925, late: 75, digitised: 850, online: 500, synced: 1000, processed: 800, days: 3.95 })),
  // From a DVCQG file: whether synced is unknown (null), nothing processed yet (no average).
  row('1.001776', 'Đăng ký khai sinh', values({ received: 234, onTime: 185, late: 15, digitised: 150, online: 117, synced: null, processed: 0, days: null })),
];

const CHARTS = [
  { title: 'Tỷ lệ đúng hạn theo ngày (14 ngày)', png: barChartPng(1200, 400, 14), widthPx: 600, heightPx: 200 },
  { title: 'Số hồ sơ tiếp nhận theo quầy', png: barChartPng(640, 320, 2), widthPx: 640, heightPx: 320 },
];

function input(over: Partial<IndicatorReportInput> = {}): IndicatorReportInput {
  return { ...base('2025'), clerkName: 'Lê Văn Hùng', report: report(TWO_PROCEDURES), scopeLabel: 'Toàn trung tâm', charts: CHARTS, ...over };
}

interface ListedImage {
  page: number;
  type: string;
  width: number;
  height: number;
  xPpi: number;
  yPpi: number;
}

/** The rows of a poppler listing (two heading lines, then one row per line), split into fields. */
function listing(tool: string, args: string[]): string[][] {
  const out = execFileSync(tool, args, { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/));
}

function pdfImages(file: string): ListedImage[] {
  return listing('pdfimages', ['-list', file]).map((f) => ({ page: Number(f[0]), type: f[2] ?? '', width: Number(f[3]), height: Number(f[4]), xPpi: Number(f[12]), yPpi: Number(f[13]) }));
}

function pdfFonts(file: string): { name: string; emb: string; sub: string; uni: string }[] {
  return listing('pdffonts', [file]).map((f) => {
    // name type… encoding emb sub uni object ID: read the flags from the end.
    const n = f.length;
    return { name: f[0] ?? '', emb: f[n - 5] ?? '', sub: f[n - 4] ?? '', uni: f[n - 3] ?? '' };
  });
}

describe('indicator report: 2 procedures, 2 counters, 14 days, 2 charts', () => {
  let file: string;
  let bytes: Uint8Array;
  let text: string;

  beforeAll(async () => {
    bytes = await timed('indicator report', () => buildIndicatorReport(input()));
    file = writePdf('indicator-report', bytes);
    text = squash(pdfText(file, 'raw'));
  });

  it('passes qpdf --check', () => {
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
  });

  it('is A4 landscape on every page, numbered', () => {
    const { pages } = pdfInfo(file);
    for (let p = 1; p <= pages; p++) {
      const info = pdfInfo(file, p);
      expect([info.width, info.height], `page ${p}`).toEqual([841.89, 595.28]);
      expect(pdfText(file, 'layout', { first: p, last: p })).toContain(`Trang ${p}/${pages}`);
    }
    const info = pdfInfo(file);
    expect(info.raw.Title).toBe('Báo cáo chỉ số chất lượng giải quyết thủ tục hành chính – Toàn trung tâm (01/11/2026 – 14/11/2026)');
    expect(info.raw.Subject).toContain('766/QĐ-TTg');
    expect(info.raw.Author).toBe('Trung tâm Phục vụ hành chính công tỉnh');
    expect(info.raw.Producer).toBe('motcua');
  });

  it('prints the heading, title, period and scope', () => {
    const first = squash(pdfText(file, 'raw', { first: 1, last: 1 }));
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH');
    expect(first).toContain('Thanh Hóa, ngày 21 tháng 11 năm 2026');
    expect(first).toContain(INDICATOR_REPORT_TITLE);
    expect(first).toContain('Từ ngày 01 tháng 11 năm 2026 đến ngày 14 tháng 11 năm 2026');
    expect(first).toContain('Phạm vi: Toàn trung tâm');
    expect(first).toContain('Quyết định số 766/QĐ-TTg');
  });

  it('prints the totals with Vietnamese numbers and percentages', () => {
    for (const h of ['Tiếp nhận', 'Đúng hạn', 'Trễ hạn', 'Tỷ lệ đúng hạn', 'Số hóa', 'Tỷ lệ số hóa', 'Trực tuyến (tỷ lệ)', 'Đã đồng bộ (tỷ lệ)', 'Thời gian xử lý bình quân (ngày làm việc)']) {
      expect(text, h).toContain(h);
    }
    expect(text).toContain('1.234 1.110 90 92,5 % 1.000 81,0 % 617 (50,0 %) 1.111 (90,0 %) 4,3');
  });

  it('prints the tables by procedure, counter and clerk, with "—" for what is unknown', () => {
    expect(text).toContain('III. THEO THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain('Mã TTHC Tên TTHC');
    expect(text).toContain(`2.000815 ${LONG_NAME}`);
    expect(text).toContain('1.000 925 75 92,5 % 850 85,0 % 500 (50,0 %) 1.000 (100,0 %) 4,0');
    expect(text).toContain('1.001776 Đăng ký khai sinh 234 185 15 92,5 % 150 64,1 % 117 (50,0 %) — —');
    expect(text).toContain('IV. THEO QUẦY TIẾP NHẬN');
    expect(text).toContain('Quầy 3 (dự phòng) 0 0 0 — 0 — 0 (—) 0 (—) —');
    expect(text).toContain('V. THEO CÁN BỘ TIẾP NHẬN');
    expect(text).toContain('Trần Quốc Việt 800 760 40 95,0 %');
    expect(text).toContain('Lê Thị Lan 434 350 50 87,5 %');
  });

  it('prints the rules and the signature of the supervisor', () => {
    expect(text).toContain('Hồ sơ chưa kết thúc được đánh giá tại thời điểm cuối kỳ; yêu cầu bổ sung quá một lần tính là trễ hạn; thời gian chờ bổ sung không tính');
    expect(text).toContain('NGƯỜI LẬP BÁO CÁO (Ký và ghi rõ họ tên) Lê Văn Hùng');
  });

  it('embeds the two charts, scaled to the page width, with their titles', () => {
    const images = pdfImages(file).filter((i) => i.type === 'image');
    expect(images.map((i) => [i.width, i.height])).toEqual([
      [1200, 400],
      [640, 320],
    ]);
    // Content width of landscape A4 less 12 mm + 10 mm margins, in inches; 1200 px over it.
    const contentInches = (841.89 - (22 * 72) / 25.4) / 72;
    expect(images[0]?.xPpi).toBeCloseTo(1200 / contentInches, -1);
    expect(images[0]?.xPpi).toBe(images[0]?.yPpi);
    expect(text).toContain('II. BIỂU ĐỒ');
    expect(text).toContain('Tỷ lệ đúng hạn theo ngày (14 ngày)');
    expect(text).toContain('Số hồ sơ tiếp nhận theo quầy');
    // The chart's title stays on the page of its image.
    for (const [i, title] of CHARTS.map((c) => c.title).entries()) {
      const page = images[i]?.page ?? 0;
      expect(squash(pdfText(file, 'raw', { first: page, last: page })), title).toContain(title);
    }
  });

  it('embeds its fonts (DejaVu Serif subsets with a ToUnicode map)', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of fonts) {
      expect(f.name, f.name).toMatch(/^[A-Z]{6}\+DejaVuSerif/);
      expect([f.emb, f.sub, f.uni], f.name).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it('gives the same bytes for the same input', async () => {
    const again = await buildIndicatorReport(input());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const other = await buildIndicatorReport(input({ printedAt: input().printedAt + 60_000 }));
    expect(Buffer.from(other).equals(Buffer.from(bytes))).toBe(false);
  });
});

describe('indicator report with 60 procedures', () => {
  const procedures = Array.from({ length: 60 }, (_, i) =>
    row(
      `1.00${String(1000 + i)}`,
      `Thủ tục số ${i + 1}: ${i % 3 === 0 ? LONG_NAME : 'Đăng ký khai sinh có yếu tố nước ngoài'}`,
      values({ received: 100 + i, onTime: 90, late: 10, digitised: 80, online: 50, synced: i % 2 ? null : 100, processed: 60, days: i % 5 ? 2 + i / 10 : null }),
    ),
  );
  let file: string;
  let pages: number;

  beforeAll(async () => {
    file = writePdf('indicator-report-60', await timed('indicator report, 60 procedures', () => buildIndicatorReport(input({ report: report(procedures), scopeLabel: 'Quầy 2 – Thủ tục 2.000815' }))));
    pages = pdfInfo(file).pages;
  });

  it('breaks pages, repeating the running head and the table heading', () => {
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    expect(pages).toBeGreaterThan(1);
    console.log(`[forms] 60-procedure indicator report: ${pages} pages`);
    for (let p = 2; p <= pages; p++) {
      const page = squash(pdfText(file, 'raw', { first: p, last: p }));
      expect(page, `page ${p}`).toContain(`${INDICATOR_REPORT_TITLE} – Quầy 2 – Thủ tục 2.000815 – 01/11/2026 đến 14/11/2026 (tiếp theo)`);
      expect(pdfInfo(file, p).width, `page ${p}`).toBe(841.89);
    }
    const tablePages = Array.from({ length: pages }, (_, i) => squash(pdfText(file, 'raw', { first: i + 1, last: i + 1 }))).filter((t) => t.includes('Thủ tục số 30'));
    expect(tablePages[0]).toContain('Mã TTHC Tên TTHC Tiếp nhận');
  });

  it('loses no text: every procedure once, in order, with its numbers', () => {
    const all = squash(pdfText(file, 'raw'));
    let at = 0;
    procedures.forEach((p, i) => {
      const cell = `${i + 1} ${p.key} ${p.label} ${indicatorCells(p).join(' ')}`;
      const found = all.indexOf(cell, at);
      expect(found, cell).toBeGreaterThanOrEqual(at);
      expect(all.indexOf(` ${p.key} `, found + cell.length), `${p.key} once`).toBe(-1);
      at = found;
    });
    expect(all).toContain('Hồ sơ chưa kết thúc được đánh giá tại thời điểm cuối kỳ');
    expect(all).toContain('Lê Văn Hùng');
    expect(all).toContain('Phạm vi: Quầy 2 – Thủ tục 2.000815');
  });
});

describe('indicator report edge cases', () => {
  it('page-breaks tall charts: one per page, each fully on its page with its title', async () => {
    const tall = (title: string) => ({ title, png: barChartPng(400, 300, 5), widthPx: 400, heightPx: 300 });
    const charts = [tall('Biểu đồ A'), tall('Biểu đồ B'), tall('Biểu đồ C')];
    const file = writePdf('indicator-report-tall-charts', await buildIndicatorReport(input({ charts })));
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    const images = pdfImages(file).filter((i) => i.type === 'image');
    expect(images).toHaveLength(3);
    const pages = images.map((i) => i.page);
    expect(new Set(pages).size).toBe(3);
    for (const [i, img] of images.entries()) {
      expect(squash(pdfText(file, 'raw', { first: img.page, last: img.page }))).toContain(`Biểu đồ ${'ABC'[i]}`);
      // 4:3 at the full width would be taller than the page: scaled to the page height, same ratio.
      expect(img.xPpi).toBe(img.yPpi);
      expect(img.xPpi).toBeGreaterThan(400 / ((841.89 - (22 * 72) / 25.4) / 72));
    }
  });

  it('without charts and rows: no chart section, "Không có hồ sơ" instead of empty tables', async () => {
    const empty = report([]);
    empty.byCounter = [];
    empty.byClerk = [];
    const file = writePdf('indicator-report-empty', await buildIndicatorReport(input({ report: empty, charts: [] })));
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    expect(pdfImages(file)).toHaveLength(0);
    const text = squash(pdfText(file, 'raw'));
    expect(text).not.toContain('BIỂU ĐỒ');
    expect(text).toContain('II. THEO THỦ TỤC HÀNH CHÍNH Không có hồ sơ trong kỳ.');
    expect(text).toContain('V. GHI CHÚ');
  });

  it('rejects a chart that is not a PNG, naming it', async () => {
    const bad = { title: 'Biểu đồ hỏng', png: new Uint8Array([1, 2, 3, 4]), widthPx: 10, heightPx: 10 };
    await expect(buildIndicatorReport(input({ charts: [bad] }))).rejects.toThrow(/Biểu đồ hỏng/);
  });

  it('formats percentages and fits images', () => {
    expect(viPercent(0.925)).toBe('92,5 %');
    expect(viPercent(1)).toBe('100,0 %');
    expect(viPercent(0)).toBe('0,0 %');
    expect(viPercent(2 / 3)).toBe('66,7 %');
    expect(viPercent(null)).toBe('—');
    expect(fitImage({ width: 600, height: 200 }, 780, 500)).toEqual({ width: 780, height: 260 });
    expect(fitImage({ width: 400, height: 400 }, 780, 500)).toEqual({ width: 500, height: 500 });
    expect(encodePng(2, 2, () => [0, 0, 0]).subarray(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
  });
});
