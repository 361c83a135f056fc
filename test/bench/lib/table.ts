/** Plain-text tables for the bench output (copied into notes as they are). */
import type { BenchRow } from './types';

export function formatNumber(value: number, unit: string): string {
  if (unit === 'docs/s') return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

/** > 1: the figure beats its baseline by that factor. */
export function ratioOf(row: BenchRow): number | undefined {
  if (row.baselineValue === undefined || row.value === 0 || row.baselineValue === 0) return undefined;
  return row.better === 'lower' ? row.baselineValue / row.value : row.value / row.baselineValue;
}

export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined) return '—';
  return `×${ratio >= 100 ? Math.round(ratio).toLocaleString('en-US') : ratio.toFixed(ratio >= 10 ? 1 : 2)}`;
}

export function renderTable(header: string[], lines: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const cell = (text: string, i: number) => (rightAligned.has(i) ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const row = (cells: string[]) => `| ${cells.map((c, i) => cell(c, i)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (rightAligned.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [row(header), rule, ...lines.map(row)].join('\n');
}

export function renderBenchRows(rows: BenchRow[]): string {
  let previous = '';
  const lines = rows.map((r) => {
    const repeat = r.figure === previous;
    previous = r.figure;
    return [
      repeat ? '' : r.figure,
      repeat ? '' : formatNumber(r.value, r.unit),
      r.baseline ?? '—',
      r.baselineValue === undefined ? '—' : formatNumber(r.baselineValue, r.unit),
      formatRatio(ratioOf(r)),
    ];
  });
  return renderTable(['figure', 'value', 'baseline', 'baseline value', 'ratio'], lines, new Set([1, 3, 4]));
}
