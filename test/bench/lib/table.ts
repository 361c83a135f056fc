/** Plain-text tables for the bench output (copied into notes as they are). */
import type { BenchRow } from './types';

export function formatNumber(value: number, unit: string): string {
  if (unit === 'docs/s') return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
  if (value !== 0 && Math.abs(value) < 0.01) return `${value.toPrecision(2)} ${unit}`;
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

/** Whether the figure meets its goal (undefined without one). */
export function meetsGoal(row: BenchRow): boolean | undefined {
  if (!row.goal) return undefined;
  return row.better === 'lower' ? row.value <= row.goal.value : row.value >= row.goal.value;
}

function goalCell(row: BenchRow): string {
  const met = meetsGoal(row);
  if (met === undefined || !row.goal) return '';
  return `${row.better === 'lower' ? '≤' : '≥'} ${formatNumber(row.goal.value, row.unit)}: ${met ? 'met' : 'MISSED'}`;
}

export function renderBenchRows(rows: BenchRow[]): string {
  const withGoals = rows.some((r) => r.goal);
  let previous = '';
  const lines = rows.map((r) => {
    const repeat = r.figure === previous;
    previous = r.figure;
    const cells = [
      repeat ? '' : r.figure,
      repeat ? '' : formatNumber(r.value, r.unit),
      r.baseline ?? '—',
      r.baselineValue === undefined ? '—' : formatNumber(r.baselineValue, r.unit),
      formatRatio(ratioOf(r)),
    ];
    if (withGoals) cells.push(repeat ? '' : goalCell(r));
    return cells;
  });
  const header = ['figure', 'value', 'baseline', 'baseline value', 'ratio'];
  return renderTable(withGoals ? [...header, 'goal'] : header, lines, new Set([1, 3, 4]));
}
