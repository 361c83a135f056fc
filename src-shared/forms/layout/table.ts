/**
 * Bordered tables with wrapping cells. Columns may be grouped under a shared heading (the ledger's
 * "Ngày, tháng, năm"); the heading, with an optional row of column numbers "(1) (2) …", is repeated
 * at the top of every page the table continues on. A row taller than the space left is continued
 * on the next page, line by line, so no text is ever lost.
 */
import type { PDFFont } from 'pdf-lib';
import type { Align, Flow } from './flow';
import { wrapText, type Line } from './wrap';

export interface TableColumn {
  header: string;
  /** Relative width. */
  weight: number;
  align?: Align;
  /** Heading shared by consecutive columns with the same group. */
  group?: string;
}

export interface TableStyle {
  size: number;
  headerSize: number;
  /** Cell padding. */
  pad: number;
  /** Print a row "(1) (2) …" under the heading. */
  numberRow?: boolean;
  minRowHeight?: number;
}

const LINE = 1.22;

interface Group {
  label: string;
  first: number;
  last: number;
}

function groupsOf(columns: readonly TableColumn[]): Group[] {
  const groups: Group[] = [];
  columns.forEach((c, i) => {
    if (!c.group) return;
    const last = groups[groups.length - 1];
    if (last && last.label === c.group && last.last === i - 1) last.last = i;
    else groups.push({ label: c.group, first: i, last: i });
  });
  return groups;
}

class TableLayout {
  readonly widths: number[];
  readonly xs: number[];
  readonly groups: Group[];
  readonly lh: number;
  readonly hlh: number;

  constructor(
    readonly flow: Flow,
    readonly columns: readonly TableColumn[],
    readonly style: TableStyle,
  ) {
    const total = columns.reduce((s, c) => s + c.weight, 0);
    this.widths = columns.map((c) => (c.weight / total) * flow.contentWidth);
    this.xs = [];
    let x = flow.left;
    for (const w of this.widths) {
      this.xs.push(x);
      x += w;
    }
    this.groups = groupsOf(columns);
    this.lh = style.size * LINE;
    this.hlh = style.headerSize * LINE;
  }

  wrap(text: string, width: number, font: PDFFont, size: number): Line[] {
    return wrapText(text, { font, size }, Math.max(1, width - 2 * this.style.pad));
  }

  private centred(lines: Line[], x: number, width: number, top: number, height: number, lh: number): void {
    let y = top + (height - lines.length * lh) / 2;
    for (const line of lines) {
      this.flow.drawLine(line, x + this.style.pad, width - 2 * this.style.pad, y, 'center');
      y += lh;
    }
  }

  /** Height of the heading (with the number row). */
  headerHeight(): number {
    return this.drawHeader(false);
  }

  /** Draws (or only measures) the heading at the cursor; returns its height. */
  drawHeader(draw = true): number {
    const { flow, columns, style, widths, xs, hlh } = this;
    const bold = flow.fonts.bold;
    const pad2 = 2 * style.pad;
    const heads = columns.map((c, i) => this.wrap(c.header, widths[i] ?? 0, bold, style.headerSize));
    const groupLines = this.groups.map((g) => {
      const w = widths.slice(g.first, g.last + 1).reduce((s, v) => s + v, 0);
      return this.wrap(g.label, w, bold, style.headerSize);
    });
    const h = (lines: Line[]) => lines.length * hlh + pad2;
    const inGroup = (i: number) => this.groups.some((g) => i >= g.first && i <= g.last);
    const top1 = groupLines.length ? Math.max(...groupLines.map(h)) : 0;
    const sub = Math.max(0, ...heads.map((l, i) => (inGroup(i) ? h(l) : 0)));
    const single = Math.max(0, ...heads.map((l, i) => (inGroup(i) ? 0 : h(l))));
    const total = Math.max(single, top1 + sub);
    const numberH = style.numberRow ? this.lh + pad2 : 0;
    if (!draw) return total + numberH;

    const top = flow.y;
    columns.forEach((_, i) => {
      const x = xs[i] ?? 0;
      const w = widths[i] ?? 0;
      const lines = heads[i] ?? [];
      if (inGroup(i)) {
        flow.box(x, top + top1, w, total - top1);
        this.centred(lines, x, w, top + top1, total - top1, hlh);
      } else {
        flow.box(x, top, w, total);
        this.centred(lines, x, w, top, total, hlh);
      }
    });
    this.groups.forEach((g, gi) => {
      const x = xs[g.first] ?? 0;
      const w = widths.slice(g.first, g.last + 1).reduce((s, v) => s + v, 0);
      flow.box(x, top, w, top1);
      this.centred(groupLines[gi] ?? [], x, w, top, top1, hlh);
    });
    if (style.numberRow) {
      const italic = flow.fonts.italic;
      columns.forEach((_, i) => {
        const x = xs[i] ?? 0;
        const w = widths[i] ?? 0;
        flow.box(x, top + total, w, numberH);
        this.centred(this.wrap(`(${i + 1})`, w, italic, style.size), x, w, top + total, numberH, this.lh);
      });
    }
    flow.y = top + total + numberH;
    return total + numberH;
  }

  cellLines(row: readonly string[]): Line[][] {
    return this.columns.map((_, i) => this.wrap(row[i] ?? '', this.widths[i] ?? 0, this.flow.fonts.regular, this.style.size));
  }

  /** Draws a row (or the part of it that is given) at the cursor with the given height. */
  drawRow(lines: Line[][], height: number): void {
    const { flow, columns, widths, xs, style, lh } = this;
    const top = flow.y;
    columns.forEach((c, i) => {
      const x = xs[i] ?? 0;
      const w = widths[i] ?? 0;
      flow.box(x, top, w, height);
      let y = top + style.pad;
      for (const line of lines[i] ?? []) {
        flow.drawLine(line, x + style.pad, w - 2 * style.pad, y, c.align ?? 'left');
        y += lh;
      }
    });
    flow.y = top + height;
  }
}

/**
 * Draws a table at the cursor. `rows` hold one string per column ('\n' breaks a line). The heading
 * is kept with at least the first row, and repeated after every page break inside the table.
 */
export function drawTable(flow: Flow, columns: readonly TableColumn[], rows: readonly (readonly string[])[], style: TableStyle): void {
  const t = new TableLayout(flow, columns, style);
  const pad2 = 2 * style.pad;
  const minH = style.minRowHeight ?? 0;
  const rowHeight = (lines: Line[][]) => Math.max(minH, Math.max(1, ...lines.map((l) => l.length)) * t.lh + pad2);
  const headerH = t.headerHeight();

  const firstLines = rows[0] ? t.cellLines(rows[0]) : undefined;
  flow.ensure(headerH + (firstLines ? Math.min(rowHeight(firstLines), flow.pageContentHeight - headerH) : 0));
  t.drawHeader();
  const breakPage = () => {
    flow.newPage();
    t.drawHeader();
  };

  for (const row of rows) {
    let lines = t.cellLines(row);
    for (;;) {
      const h = rowHeight(lines);
      if (h <= flow.remaining) {
        t.drawRow(lines, h);
        break;
      }
      if (h <= flow.pageContentHeight - headerH) {
        breakPage();
        continue;
      }
      // Taller than a page: fill this page line by line and continue the rest on the next.
      const fit = Math.floor((flow.remaining - pad2) / t.lh);
      if (fit < 1) {
        if (flow.y <= flow.spec.margin.top + headerH + 1) throw new Error('Table heading leaves no room for a row');
        breakPage();
        continue;
      }
      t.drawRow(
        lines.map((l) => l.slice(0, fit)),
        flow.remaining,
      );
      lines = lines.map((l) => l.slice(fit));
      breakPage();
    }
  }
}
