/** The indicator report as files: PDF (form engine, charts as PNG) and CSV rows. */
import type { IndicatorReport, IndicatorRow } from '../../../src-shared/domain/indicators/record';
import type { Workspace } from '../../runtime';
import { readAgencyProfile, readFormRegime } from '../../print/agency-profile';
import { loadFormFonts } from '../../print/fonts';
import { base64ToBytes } from '../../bridge/base64';

function canvasPng(canvas: HTMLCanvasElement) {
  const data = canvas.toDataURL('image/png');
  return { png: base64ToBytes(data.slice(data.indexOf(',') + 1)), widthPx: canvas.width, heightPx: canvas.height };
}

export async function indicatorPdf(ws: Workspace, report: IndicatorReport, canvases: HTMLCanvasElement[], scopeLabel: string): Promise<Uint8Array> {
  const [{ buildIndicatorReport }, fonts, agency, regime] = await Promise.all([import('../../../src-shared/forms'), loadFormFonts(), readAgencyProfile(ws.db, ws.user.agencyId), readFormRegime(ws.db)]);
  return buildIndicatorReport({
    regime,
    fonts,
    agency,
    printedAt: Date.now(),
    clerkName: ws.user.displayName || ws.user.username,
    report,
    scopeLabel,
    charts: canvases.map((c) => ({ title: c.getAttribute('aria-label') ?? '', ...canvasPng(c) })),
  });
}

const HEADER = ['Nhóm', 'Mã', 'Tên', 'Tiếp nhận', 'Đúng hạn', 'Trễ hạn', 'Tỷ lệ đúng hạn', 'Đã số hóa', 'Tỷ lệ số hóa', 'Trực tuyến', 'Tỷ lệ trực tuyến', 'Đã đồng bộ', 'Tỷ lệ đồng bộ', 'Đã giải quyết', 'TG xử lý TB (ngày LV)'];

const rate = (r: number | null) => (r === null ? '' : String(Math.round(r * 10000) / 100));
const line = (group: string, r: Pick<IndicatorRow, 'key' | 'label'> & Omit<IndicatorRow, 'key' | 'label'>) => [
  group, r.key, r.label, String(r.received), String(r.onTime), String(r.late), rate(r.onTimeRate), String(r.digitised), rate(r.digitisedRate),
  String(r.online), rate(r.onlineRate), r.synced === null ? '' : String(r.synced), rate(r.syncRate), String(r.processed), r.averageProcessingDays === null ? '' : String(r.averageProcessingDays),
];

/** One table: totals, then each grouping, rates in percent. */
export function indicatorCsvRows(report: IndicatorReport): string[][] {
  return [
    HEADER,
    line('Tổng', { key: `${report.period.from}..${report.period.to}`, label: 'Tổng hợp', ...report.totals }),
    ...report.byProcedure.map((r) => line('Thủ tục', r)),
    ...report.byCounter.map((r) => line('Quầy', r)),
    ...report.byClerk.map((r) => line('Cán bộ', r)),
    ...report.byDay.map((r) => line('Ngày', r)),
    ...report.byWeek.map((r) => line('Tuần', r)),
  ];
}
