/** Labelled values ("3. Thời gian giải quyết: 15 ngày làm việc") and bulleted or numbered lists. */
import type { Flow } from './flow';
import type { Run } from './wrap';

export const BODY_SIZE = 10.5;

export interface FieldOptions {
  /** Printed before the label: 1 → "1. ". */
  number?: number | string;
  /** Value in bold (names, codes). */
  strong?: boolean;
  indent?: number;
  size?: number;
  after?: number;
}

/** `label: value` as one wrapped paragraph. An empty value prints a dotted blank to fill by hand. */
export function field(flow: Flow, label: string, value: string, options: FieldOptions = {}): void {
  const size = options.size ?? BODY_SIZE;
  const { regular, bold } = flow.fonts;
  const prefix = options.number === undefined ? '' : `${options.number}. `;
  const shown = value.trim() || '……………………';
  const runs: Run[] = [
    { text: `${prefix}${label}${label.endsWith(':') ? '' : ':'} `, font: regular, size },
    { text: shown, font: options.strong ? bold : regular, size },
  ];
  flow.paragraph(runs, { indent: options.indent ?? 0, after: options.after ?? 2 });
}

/** Several `label: value` pairs on one line (wrapping if they must), separated by wide spaces. */
export function fieldRow(flow: Flow, pairs: ReadonlyArray<readonly [string, string]>, options: FieldOptions = {}): void {
  const size = options.size ?? BODY_SIZE;
  const { regular } = flow.fonts;
  const runs: Run[] = [];
  pairs.forEach(([label, value], i) => {
    runs.push({ text: `${i > 0 ? '      ' : ''}${label}: ${value.trim() || '……………'}`, font: regular, size });
  });
  flow.paragraph(runs, { indent: options.indent ?? 0, after: options.after ?? 2 });
}

/** Plain text paragraph in the body size. */
export function text(flow: Flow, value: string, options: { bold?: boolean; italic?: boolean; indent?: number; after?: number; size?: number; align?: 'left' | 'center' | 'right' } = {}): void {
  const font = options.bold ? flow.fonts.bold : options.italic ? flow.fonts.italic : flow.fonts.regular;
  flow.paragraph([{ text: value, font, size: options.size ?? BODY_SIZE }], { indent: options.indent ?? 0, after: options.after ?? 2, align: options.align ?? 'left' });
}

/** "1. item" lines with a hanging indent. */
export function numberedList(flow: Flow, items: readonly Run[][], options: { indent?: number; size?: number } = {}): void {
  const size = options.size ?? BODY_SIZE;
  const indent = options.indent ?? 14;
  items.forEach((runs, i) => {
    const label = `${i + 1}.`;
    flow.ensure(size * 1.3);
    const top = flow.y;
    flow.drawRun({ text: label, font: flow.fonts.regular, size }, flow.left + indent, top);
    flow.paragraph(runs, { indent: indent + 18, after: 1 });
  });
}
