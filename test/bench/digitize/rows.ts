/** The digitize bench's results as tables and findings. */
import { formatNumber, meetsGoal } from '../lib/table';
import type { BenchRow, BenchSection } from '../lib/types';
import { PAGE_CLASSES, type PageClass } from '../../support/digitize/pages';
import type { NativeRun, OurRun } from './protocol';

/** The issue's memory ceiling for the whole digitisation process. */
export const MEMORY_GOAL_MIB = 1536;
/** A page read worse than this by native tesseract is counted as "lost" in the findings. */
const LOST_PAGE_CER = 0.1;

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length);
const perMinute = (pages: number, ms: number) => (pages * 60_000) / ms;

/** Clockwise turn that uprights each generated class. */
const UPRIGHT: Record<PageClass, number> = { clean: 0, serif: 0, small: 0, caps: 0, 'noisy-skewed': 0, 'rotated-90': 270, 'rotated-180': 180 };

export interface ClassFigures {
  cls: PageClass;
  pages: number;
  ours: number;
  oursRaw: number;
  native: number | null;
}

export function classFigures(ours: OurRun, native: NativeRun | null): ClassFigures[] {
  return PAGE_CLASSES.map((cls) => {
    const mine = ours.pages.filter((p) => p.cls === cls);
    const theirs = native?.pages.filter((p) => p.cls === cls) ?? [];
    return {
      cls,
      pages: mine.length,
      ours: mean(mine.map((p) => p.cer)) * 100,
      oursRaw: mean(mine.map((p) => p.rawCer)) * 100,
      native: native ? mean(theirs.map((p) => p.cer)) * 100 : null,
    };
  });
}

/** `natives[0]` is the baseline the goals are set against (Debian's tesseract, one thread per process). */
export function speedSection(ours: OurRun, natives: NativeRun[]): BenchSection {
  const goalBase = natives[0];
  const n = ours.pages.length;
  const rows: BenchRow[] = [{ figure: `start-up: warm() of ${ours.poolSize} OCR workers`, value: ours.warmMs / 1000, unit: 's', better: 'lower' }];
  const vs = (figure: string, value: number, unit: string, better: 'lower' | 'higher', of: (r: NativeRun) => number | null, goal?: BenchRow['goal']) => {
    if (natives.length === 0) rows.push({ figure, value, unit, better, ...(goal ? { goal } : {}) });
    for (const r of natives) {
      const baselineValue = of(r);
      rows.push({ figure, value, unit, better, baseline: r.label, ...(baselineValue === null ? {} : { baselineValue }), ...(goal ? { goal } : {}) });
    }
  };
  const ppm = perMinute(n, ours.wallMs);
  vs('throughput (pages/min, after start-up)', ppm, 'pages/min', 'higher', (r) => perMinute(r.pages.length, r.wallMs), goalBase ? { value: perMinute(goalBase.pages.length, goalBase.wallMs), name: 'throughput ≥ native tesseract' } : undefined);
  const nativeCpu = (r: NativeRun) => (r.cpuMs === null ? null : r.cpuMs / r.pages.length / 1000);
  vs('CPU per page (all threads)', ours.cpuMs / n / 1000, 's', 'lower', nativeCpu);
  rows.push({ figure: '  of which preprocessing (prepare)', value: ours.prepareCpuMs / n / 1000, unit: 's', better: 'lower' });
  vs('  of which OCR + post-correction', (ours.cpuMs - ours.prepareCpuMs) / n / 1000, 's', 'lower', nativeCpu);
  vs('peak memory (RSS, sampled every 100 ms)', ours.peakRssMiB, 'MiB', 'lower', (r) => r.peakMiB, { value: MEMORY_GOAL_MIB, name: 'peak memory under 1.5 GB' });
  vs('mean word confidence', mean(ours.pages.map((p) => p.confidence)), '', 'higher', (r) => mean(r.pages.map((p) => p.confidence)));
  return {
    title: `speed and memory: ${n} A4 300-dpi pages, ${ours.poolSize} OCR workers, ${ours.poolSize} pages under way (as digitizeFile)`,
    rows,
    details: [
      `ours: process RSS ${Math.round(ours.rssBeforeMiB)} MiB before the engine (Node + tsx + modules), kernel high-water mark ${Math.round(ours.hwmMiB)} MiB; ` +
        `per page median prepare ${formatNumber(median(ours.pages.map((p) => p.prepareMs)) / 1000, 's')}, recognise ${formatNumber(median(ours.pages.map((p) => p.ocrMs)) / 1000, 's')} (queue waits included)`,
      ...natives.map((r) => `${r.label}: ${r.parallel} at once, OMP_THREAD_LIMIT=${r.threads}, model ${r.model}, ${formatNumber(r.wallMs / 1000, 's')} wall`),
    ],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Against `native` (the goal: Debian's tesseract as installed), `others` (more native setups) and the uncorrected read. */
export function cerSection(ours: OurRun, native: NativeRun | null, others: NativeRun[] = []): BenchSection {
  const rows: BenchRow[] = [];
  const meanCer = (pages: { cls: PageClass; cer: number }[], cls?: PageClass) => mean(pages.filter((p) => !cls || p.cls === cls).map((p) => p.cer)) * 100;
  const add = (figure: string, cls: PageClass | undefined, label: string) => {
    const value = meanCer(ours.pages, cls);
    if (native) {
      const theirs = meanCer(native.pages, cls);
      rows.push({ figure, value, unit: '%', better: 'lower', baseline: native.cerLabel, baselineValue: theirs, goal: { value: theirs, name: `CER ≤ native (${label})` } });
    }
    for (const other of others) rows.push({ figure, value, unit: '%', better: 'lower', baseline: other.cerLabel, baselineValue: meanCer(other.pages, cls) });
    rows.push({ figure, value, unit: '%', better: 'lower', baseline: 'ours before post-correction', baselineValue: meanCer(ours.pages.map((p) => ({ cls: p.cls, cer: p.rawCer })), cls) });
  };
  for (const c of classFigures(ours, native)) add(`CER ${c.cls} (mean of ${c.pages})`, c.cls, c.cls);
  add(`CER all ${ours.pages.length} pages`, undefined, 'all pages');
  const perPage = (cls: PageClass) => {
    const mine = ours.pages.filter((p) => p.cls === cls).sort((a, b) => a.name.localeCompare(b.name));
    const theirs = new Map(native?.pages.map((p) => [p.name, p.cer]) ?? []);
    return `${cls}: ${mine.map((p) => `${p.name} ${(p.cer * 100).toFixed(2)}${theirs.has(p.name) ? `/${(theirs.get(p.name)! * 100).toFixed(2)}` : ''}`).join(', ')}`;
  };
  return {
    title: 'character error rate per page class (edit distance / truth length, after NFC and whitespace collapsing)',
    rows,
    details: ['per page, ours/native %:', ...PAGE_CLASSES.map((cls) => `  ${perPage(cls)}`)],
  };
}

export function findingsOf(sections: BenchSection[], ours: OurRun, native: NativeRun | null): string[] {
  const findings: string[] = [];
  for (const s of sections) {
    const seen = new Set<string>();
    for (const row of s.rows) {
      if (!row.goal || seen.has(row.figure) || meetsGoal(row) !== false) continue;
      seen.add(row.figure);
      findings.push(`"${row.figure}" ${formatNumber(row.value, row.unit)} misses "${row.goal.name}" (${formatNumber(row.goal.value, row.unit)})`);
    }
  }
  const wrongTurn = ours.pages.filter((p) => p.rotation !== UPRIGHT[p.cls]);
  if (wrongTurn.length) findings.push(`ours: ${wrongTurn.length} page(s) not uprighted: ${wrongTurn.map((p) => `${p.name} turned ${p.rotation}°`).join(', ')}`);
  const corrected = ours.pages.filter((p) => p.cer < p.rawCer).length;
  const worsened = ours.pages.filter((p) => p.cer > p.rawCer);
  findings.push(`post-correction: better on ${corrected} of ${ours.pages.length} pages, worse on ${worsened.length}${worsened.length ? ` (${worsened.map((p) => p.name).join(', ')})` : ''}`);
  if (native) {
    const lost = native.pages.filter((p) => p.cer > LOST_PAGE_CER);
    if (lost.length) findings.push(`native tesseract read ${lost.length} page(s) with CER over ${LOST_PAGE_CER * 100} %: ${lost.map((p) => `${p.name} ${(p.cer * 100).toFixed(0)} %`).join(', ')}`);
  }
  return findings;
}
