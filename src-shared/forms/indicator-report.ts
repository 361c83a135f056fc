/**
 * The supervisor's report of the service-quality indicators (báo cáo chỉ số chất lượng giải quyết
 * thủ tục hành chính; Decision 766/QĐ-TTg, DOMAIN.md §6), A4 landscape: heading with the agency and
 * the national motto, period and scope, a totals table, the dashboard's charts (PNG images), tables
 * by procedure, by counter and by clerk, a note on the counting rules and the signature of the
 * person who drew it up. Pages are numbered and a running head repeats the report's identity.
 *
 * Not one of the circular's numbered forms (it has no "Mẫu số"), so it has no entry in
 * templates.ts: it is built from the same layout pieces as the forms, with its own version below.
 * Like every builder it reads no clock and no global state: the same input gives the same bytes.
 */
import type { PDFImage } from 'pdf-lib';
import { formatViDate } from '../domain/civil-date';
import type { IndicatorReport, IndicatorRow, IndicatorValues } from '../domain/indicators/record';
import { sentenceCase } from './form';
import { createFormDocument, saveFormDocument } from './layout/document';
import { BODY_SIZE, text } from './layout/fields';
import { A4_LANDSCAPE, Flow } from './layout/flow';
import { stampFooters } from './layout/footer';
import { drawNationalHeader, drawTitle } from './layout/header';
import { drawImage, embedPng, fitImage } from './layout/image';
import { drawSignatures } from './layout/signatures';
import { drawTable, type TableColumn, type TableStyle } from './layout/table';
import type { FormBaseInput } from './types';
import { formatNumber, viLongDateOfDay, viPlaceDate } from './vi-format';

export interface IndicatorChart {
  /** Printed above the image, e.g. "Tỷ lệ đúng hạn theo ngày". */
  title: string;
  /** PNG bytes (e.g. the dashboard's canvas). */
  png: Uint8Array;
  /** Size of the chart as drawn on screen: gives the aspect ratio (the PNG may be 2× for sharpness). */
  widthPx: number;
  heightPx: number;
}

export type IndicatorReportInput = FormBaseInput & {
  report: IndicatorReport;
  /** What the report covers, e.g. "Toàn trung tâm" or "Quầy 2 – Thủ tục 2.000815". */
  scopeLabel: string;
  /** Printed in order, each scaled to the page width. */
  charts: IndicatorChart[];
};

/** Printed in the footer ("motcua · mẫu in …") and the keywords; bump when the layout or wording changes. */
export const INDICATOR_REPORT_VERSION = 'BC766.1';
export const INDICATOR_REPORT_TITLE = 'BÁO CÁO CHỈ SỐ CHẤT LƯỢNG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
const BASIS =
  'Theo Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp ban hành kèm theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ';
const DECISION = 'Quyết định số 766/QĐ-TTg';
const DASH = '—';
const CHART_MAX_PAGE_SHARE = 0.55;
const CHART_CAPTION_SIZE = 9.5;

/** The counting rules, printed under "Ghi chú". The first is the rule of DOMAIN.md §6 verbatim. */
export const INDICATOR_RULES: readonly string[] = [
  'Hồ sơ chưa kết thúc được đánh giá tại thời điểm cuối kỳ; yêu cầu bổ sung quá một lần tính là trễ hạn; thời gian chờ bổ sung không tính.',
  'Tỷ lệ đúng hạn = số hồ sơ đúng hạn / số hồ sơ được đánh giá (hồ sơ rút, hồ sơ không có ngày hẹn trả không được đánh giá).',
  'Tỷ lệ số hóa = số hồ sơ có thành phần hồ sơ (và kết quả, nếu có) được đính kèm tệp điện tử / số hồ sơ tiếp nhận.',
  'Trực tuyến: hồ sơ nộp qua Cổng dịch vụ công. Đã đồng bộ: hồ sơ đã đồng bộ lên Cổng; "—" khi nguồn dữ liệu không cho biết.',
  'Thời gian xử lý bình quân tính bằng ngày làm việc, từ khi tiếp nhận đến khi có kết quả, trên các hồ sơ đã giải quyết xong trong kỳ.',
];

// --- Vietnamese numbers ---------------------------------------------------------------------------

/** `n` rounded to `digits` decimals, always that many: 3 → "3,0", 1234.56 → "1.234,6". */
function fixed(n: number, digits: number): string {
  const scale = 10 ** digits;
  const scaled = Math.round(Math.abs(n) * scale);
  const int = Math.floor(scaled / scale);
  const frac = String(scaled - int * scale).padStart(digits, '0');
  const sign = n < 0 && scaled > 0 ? '-' : '';
  return `${sign}${formatNumber(int)}${digits > 0 ? `,${frac}` : ''}`;
}

/** 0.925 → "92,5 %"; null → "—". */
export function viPercent(rate: number | null): string {
  return rate === null ? DASH : `${fixed(rate * 100, 1)} %`;
}

const count = (n: number) => formatNumber(n);
const countWithRate = (n: number | null, rate: number | null) => (n === null ? DASH : `${count(n)} (${viPercent(rate)})`);
const days = (d: number | null) => (d === null ? DASH : fixed(d, 1));

// --- Tables ---------------------------------------------------------------------------------------

const VALUE_COLUMNS: readonly TableColumn[] = [
  { header: 'Tiếp nhận', weight: 6, align: 'right' },
  { header: 'Đúng hạn', weight: 6, align: 'right' },
  { header: 'Trễ hạn', weight: 6, align: 'right' },
  { header: 'Tỷ lệ đúng hạn', weight: 7, align: 'right' },
  { header: 'Số hóa', weight: 6, align: 'right' },
  { header: 'Tỷ lệ số hóa', weight: 7, align: 'right' },
  { header: 'Trực tuyến (tỷ lệ)', weight: 9.5, align: 'right' },
  { header: 'Đã đồng bộ (tỷ lệ)', weight: 9.5, align: 'right' },
  { header: 'Thời gian xử lý bình quân (ngày làm việc)', weight: 9, align: 'right' },
];

/** The nine value cells of a row, in VALUE_COLUMNS order. */
export function indicatorCells(v: IndicatorValues): string[] {
  return [
    count(v.received),
    count(v.onTime),
    count(v.late),
    viPercent(v.onTimeRate),
    count(v.digitised),
    viPercent(v.digitisedRate),
    countWithRate(v.online, v.onlineRate),
    countWithRate(v.synced, v.syncRate),
    days(v.averageProcessingDays),
  ];
}

const TABLE_STYLE: TableStyle = { size: 8, headerSize: 8, pad: 2.5 };
const TT: TableColumn = { header: 'TT', weight: 3, align: 'center' };
const UNKNOWN = '(Không xác định)';

interface Breakdown {
  heading: string;
  columns: readonly TableColumn[];
  cells: (row: IndicatorRow) => string[];
  rows: readonly IndicatorRow[];
}

function breakdowns(report: IndicatorReport): Breakdown[] {
  const named = (header: string) => [TT, { header, weight: 33 }, ...VALUE_COLUMNS];
  const labelled = (r: IndicatorRow) => [r.label.trim() || r.key.trim() || UNKNOWN];
  return [
    {
      heading: 'THEO THỦ TỤC HÀNH CHÍNH',
      columns: [TT, { header: 'Mã TTHC', weight: 9 }, { header: 'Tên TTHC', weight: 24 }, ...VALUE_COLUMNS],
      cells: (r) => [r.key || UNKNOWN, r.label.trim() || r.key],
      rows: report.byProcedure,
    },
    { heading: 'THEO QUẦY TIẾP NHẬN', columns: named('Quầy tiếp nhận'), cells: labelled, rows: report.byCounter },
    { heading: 'THEO CÁN BỘ TIẾP NHẬN', columns: named('Cán bộ tiếp nhận'), cells: labelled, rows: report.byClerk },
  ];
}

// --- Layout ---------------------------------------------------------------------------------------

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/**
 * "I. TỔNG HỢP", kept on the page with at least `keep` points of what follows (the default leaves
 * room for a table heading of four lines and a first row of three).
 */
function section(flow: Flow, index: number, heading: string, keep = 110): void {
  const size = BODY_SIZE + 0.5;
  flow.gap(6);
  flow.ensure(size * 1.3 + 4 + keep);
  flow.paragraph([{ text: `${ROMAN[index] ?? String(index + 1)}. ${heading}`, font: flow.fonts.bold, size }], { after: 4 });
}

function runningHead(scope: string, from: string, to: string): (flow: Flow) => void {
  const line = `${INDICATOR_REPORT_TITLE} – ${scope} – ${from} đến ${to} (tiếp theo)`;
  return (flow) => {
    flow.paragraph([{ text: line, font: flow.fonts.italic, size: 8 }], { align: 'right', after: 4 });
  };
}

export async function buildIndicatorReport(input: IndicatorReportInput): Promise<Uint8Array> {
  const { report, agency } = input;
  const scope = input.scopeLabel.trim() || 'Toàn đơn vị';
  const from = formatViDate(report.period.from);
  const to = formatViDate(report.period.to);

  const { doc, fonts } = await createFormDocument(input.fonts);
  const flow = new Flow(doc, fonts, A4_LANDSCAPE);
  // Embedded before anything is drawn, so a bad PNG fails before any work on the pages.
  const images: PDFImage[] = [];
  for (const [i, chart] of input.charts.entries()) images.push(await embedPng(flow, chart.png, chart.title || `chart ${i + 1}`));

  drawNationalHeader(flow, agency, { dateLine: viPlaceDate(agency.place, input.printedAt) });
  drawTitle(flow, INDICATOR_REPORT_TITLE);
  text(flow, `Từ ${viLongDateOfDay(report.period.from)} đến ${viLongDateOfDay(report.period.to)}`, { italic: true, align: 'center', after: 1 });
  flow.paragraph(
    [
      { text: 'Phạm vi: ', font: fonts.regular, size: BODY_SIZE },
      { text: scope, font: fonts.bold, size: BODY_SIZE },
    ],
    { align: 'center', after: 1 },
  );
  text(flow, `(${BASIS})`, { italic: true, align: 'center', size: 8.5, after: 4 });

  flow.onPageBreak = runningHead(scope, from, to);
  let n = 0;

  section(flow, n++, 'TỔNG HỢP CHUNG');
  drawTable(flow, VALUE_COLUMNS, [indicatorCells(report.totals)], TABLE_STYLE);
  flow.gap(3);
  const t = report.totals;
  text(
    flow,
    `Số hồ sơ được đánh giá đúng hạn/trễ hạn: ${count(t.judged)}; số hồ sơ đã giải quyết xong trong kỳ (tính thời gian xử lý bình quân): ${count(t.processed)}.`,
    { italic: true, size: 8.5 },
  );

  if (images.length > 0) {
    // At the page width, but no taller than 55 % of the page, so that two wide charts share a page.
    const chartMaxHeight = flow.pageContentHeight * CHART_MAX_PAGE_SHARE;
    const first = input.charts[0];
    const firstHeight = first ? fitImage({ width: first.widthPx, height: first.heightPx }, flow.contentWidth, chartMaxHeight).height : 0;
    section(flow, n++, 'BIỂU ĐỒ', CHART_CAPTION_SIZE * 1.3 + 3 + firstHeight);
    input.charts.forEach((chart, i) => {
      const image = images[i];
      if (!image) return;
      if (i > 0) flow.gap(8);
      drawImage(flow, image, { caption: chart.title, widthPx: chart.widthPx, heightPx: chart.heightPx, captionSize: CHART_CAPTION_SIZE, maxHeight: chartMaxHeight });
    });
  }

  for (const b of breakdowns(report)) {
    section(flow, n++, b.heading);
    if (b.rows.length === 0) {
      text(flow, 'Không có hồ sơ trong kỳ.', { italic: true });
      continue;
    }
    drawTable(
      flow,
      b.columns,
      b.rows.map((r, i) => [String(i + 1), ...b.cells(r), ...indicatorCells(r)]),
      TABLE_STYLE,
    );
  }

  section(flow, n++, 'GHI CHÚ', 30);
  for (const rule of INDICATOR_RULES) {
    flow.paragraph([{ text: `– ${rule}`, font: fonts.italic, size: 9 }], { indent: 8, after: 1.5 });
  }

  flow.gap(10);
  drawSignatures(flow, [{ title: 'NGƯỜI LẬP BÁO CÁO', note: '(Ký và ghi rõ họ tên)', name: input.clerkName }]);
  flow.onPageBreak = undefined;

  stampFooters(flow, { version: INDICATOR_REPORT_VERSION, pageNumbers: true });
  return saveFormDocument(doc, {
    title: `${sentenceCase(INDICATOR_REPORT_TITLE)} – ${scope} (${from} – ${to})`,
    subject: `Chỉ số chất lượng phục vụ (${DECISION})`,
    author: agency.name,
    keywords: [DECISION, 'chỉ số chất lượng phục vụ', scope, `${from} – ${to}`, `mẫu in ${INDICATOR_REPORT_VERSION}`],
    printedAt: input.printedAt,
  });
}
