/**
 * Signature blocks side by side: role in bold capitals, "(Ký và ghi rõ họ tên)" in italics, room to
 * sign, then the printed name. A single block sits in the right half, as Vietnamese documents place
 * the signer. The blocks are kept together on one page.
 */
import type { Flow } from './flow';
import { wrapText, type Line } from './wrap';

export interface SignatureBlock {
  title: string;
  note: string;
  name?: string;
  /** Italic line above the title (e.g. the place and date). */
  dateLine?: string;
}

const SIZE = 10.5;
const SIGN_SPACE = 62;

export function drawSignatures(flow: Flow, blocks: readonly SignatureBlock[]): void {
  if (blocks.length === 0) return;
  const { bold, italic } = flow.fonts;
  const slots = blocks.length === 1 ? 2 : blocks.length;
  const w = flow.contentWidth / slots;
  const lh = SIZE * 1.3;
  const laid = blocks.map((b) => ({
    date: b.dateLine ? wrapText(b.dateLine, { font: italic, size: SIZE }, w - 8) : [],
    title: wrapText(b.title, { font: bold, size: SIZE }, w - 8),
    note: wrapText(b.note, { font: italic, size: SIZE - 0.5 }, w - 8),
    name: b.name ? wrapText(b.name, { font: bold, size: SIZE }, w - 8) : [],
  }));
  const heights = laid.map((l) => (l.date.length + l.title.length + l.note.length + l.name.length) * lh + SIGN_SPACE);
  const height = Math.max(...heights);
  flow.ensure(height);
  const top = flow.y;
  laid.forEach((l, i) => {
    const x = flow.left + w * (blocks.length === 1 ? 1 : i) + 4;
    let y = top;
    const put = (lines: Line[]) => {
      for (const line of lines) {
        flow.drawLine(line, x, w - 8, y, 'center');
        y += lh;
      }
    };
    put(l.date);
    put(l.title);
    put(l.note);
    y += SIGN_SPACE;
    put(l.name);
  });
  flow.y = top + height;
}
