/**
 * The top of every form: form number and legal citation (top right), then the two-column heading of
 * Vietnamese administrative documents — the agency on the left (governing body, then the agency in
 * bold, underlined), the national motto on the right (underlined), the place and date under it —
 * then the centred title.
 */
import type { FormAgency } from '../types';
import type { FormTemplate } from '../templates';
import type { Flow } from './flow';
import { fitSize, wrapText, type Line } from './wrap';

export const MOTTO_NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Something drawn under the agency in the left column (the receipt's QR code). */
export interface LeftExtra {
  height: number;
  draw(flow: Flow, x: number, top: number, width: number): void;
}

export interface HeaderOptions {
  /** Italic place-and-date line under the motto. */
  dateLine?: string;
  leftExtra?: LeftExtra;
}

const HEAD_SIZE = 10;

function drawLines(flow: Flow, lines: Line[], x: number, width: number, top: number, size: number): number {
  let y = top;
  for (const line of lines) {
    flow.drawLine(line, x, width, y, 'center');
    y += size * 1.25;
  }
  return y;
}

/** "Mẫu số 01" and the citation, as a centred block against the right margin. */
export function drawFormLabel(flow: Flow, template: FormTemplate): void {
  const { bold, italic } = flow.fonts;
  const width = Math.min(flow.contentWidth * 0.55, 260);
  const x = flow.right - width;
  let y = drawLines(flow, wrapText(template.label, { font: bold, size: 9.5 }, width), x, width, flow.y, 9.5);
  y = drawLines(flow, wrapText(`(${template.citation})`, { font: italic, size: 7.5 }, width), x, width, y, 7.5);
  flow.y = y + 6;
}

/** The two-column heading; leaves the cursor under the taller column. */
export function drawNationalHeader(flow: Flow, agency: FormAgency, options: HeaderOptions = {}): void {
  const { regular, bold, italic } = flow.fonts;
  const leftW = Math.min(flow.contentWidth * 0.42, 250);
  const rightW = Math.min(flow.contentWidth - leftW - 6, 300);
  const leftX = flow.left;
  const rightX = flow.right - rightW;
  const top = flow.y;

  // Left: governing body, agency (bold, underlined).
  let ly = drawLines(flow, wrapText(agency.parentName.toLocaleUpperCase('vi'), { font: regular, size: HEAD_SIZE }, leftW), leftX, leftW, top, HEAD_SIZE);
  const nameLines = wrapText(agency.name.toLocaleUpperCase('vi'), { font: bold, size: HEAD_SIZE }, leftW);
  ly = drawLines(flow, nameLines, leftX, leftW, ly, HEAD_SIZE);
  const rule = Math.min(Math.max(...nameLines.map((l) => l.width)) * 0.5, leftW * 0.5);
  flow.hline(leftX + (leftW - rule) / 2, leftX + (leftW + rule) / 2, ly + 1.5);
  ly += 6;
  if (options.leftExtra) {
    options.leftExtra.draw(flow, leftX, ly, leftW);
    ly += options.leftExtra.height;
  }

  // Right: motto, underlined second line, date line.
  const nationSize = fitSize(MOTTO_NATION, bold, HEAD_SIZE, rightW, 7);
  let ry = drawLines(flow, wrapText(MOTTO_NATION, { font: bold, size: nationSize }, rightW), rightX, rightW, top, HEAD_SIZE);
  const mottoSize = fitSize(MOTTO, bold, HEAD_SIZE + 1, rightW, 7);
  const motto = wrapText(MOTTO, { font: bold, size: mottoSize }, rightW);
  ry = drawLines(flow, motto, rightX, rightW, ry, mottoSize);
  const mw = motto[0]?.width ?? 0;
  flow.hline(rightX + (rightW - mw) / 2, rightX + (rightW + mw) / 2, ry + 1.5);
  ry += 8;
  if (options.dateLine) ry = drawLines(flow, wrapText(options.dateLine, { font: italic, size: HEAD_SIZE }, rightW), rightX, rightW, ry, HEAD_SIZE);

  flow.y = Math.max(ly, ry) + 10;
}

/** The centred bold title, shrunk to one line when it can be (down to 11 pt), wrapped otherwise. */
export function drawTitle(flow: Flow, title: string, size = 13): void {
  const s = fitSize(title, flow.fonts.bold, size, flow.contentWidth, 11);
  flow.paragraph([{ text: title, font: flow.fonts.bold, size: s }], { align: 'center', after: 2 });
}
